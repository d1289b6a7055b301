import { describe, expect, it } from 'vitest';
import { CESIUM_UPLOAD_BUDGET_MS, LONGEST_FRAME_MS, uploadBudgetScale } from '../../../src/domain/streaming/uploadBudget.ts';
import { validateStreamingConfig } from '../../../src/domain/schemas/streamingConfig.ts';
import type { Issue } from '../../../src/domain/schemas/index.ts';

describe('upload budget', () => {
  it('keeps Cesium\'s 50 ms at 60 fps and when switched off', () => {
    expect(uploadBudgetScale(16.7, 0.5)).toBe(1);
    expect(uploadBudgetScale(2000, 0)).toBe(1);
    expect(uploadBudgetScale(Number.NaN, 0.5)).toBe(1);
  });

  it('lets uploads take the share of a slow frame', () => {
    // A 2 s frame at share 0.5: 1000 ms of uploads, 20 times Cesium's budget.
    expect(uploadBudgetScale(2000, 0.5) * CESIUM_UPLOAD_BUDGET_MS).toBeCloseTo(1000);
    expect(uploadBudgetScale(400, 0.25) * CESIUM_UPLOAD_BUDGET_MS).toBeCloseTo(100);
  });

  it('treats gaps longer than a frame (idle, render on demand) as the longest frame', () => {
    expect(uploadBudgetScale(60_000, 0.5)).toBe(uploadBudgetScale(LONGEST_FRAME_MS, 0.5));
  });
});

describe('streaming config', () => {
  it('defaults to Cesium\'s own limits', () => {
    const issues: Issue[] = [];
    expect(validateStreamingConfig(undefined, issues)).toEqual({ uploadFrameShare: 0 });
    expect(validateStreamingConfig({ maximumRequests: 128, uploadFrameShare: 0.5 }, issues)).toEqual({ maximumRequests: 128, uploadFrameShare: 0.5 });
    expect(issues).toEqual([]);
  });

  it('names each wrong field by its path', () => {
    const issues: Issue[] = [];
    validateStreamingConfig({ maximumRequests: 0.5, uploadFrameShare: 2, speed: 1 }, issues);
    expect(issues.map((i) => i.path).sort()).toEqual(['streaming.maximumRequests', 'streaming.speed', 'streaming.uploadFrameShare']);
    const more: Issue[] = [];
    validateStreamingConfig('fast', more);
    expect(more).toEqual([{ path: 'streaming', message: 'expected an object, found string' }]);
  });
});
