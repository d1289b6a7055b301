import { describe, expect, it } from 'vitest';
import { diffProjects, latestStageDate, transitionsByMonth, wallFigures } from '../../../../src/domain/dashboard/wall.ts';
import { backoffSeconds, MAX_BACKOFF_SECONDS } from '../../../../src/domain/dashboard/backoff.ts';
import type { ProjectRecord } from '../../../../src/domain/planning/records.ts';
import type { LifecycleStageId } from '../../../../src/domain/planning/stages.ts';

const project = (code: string, stage: LifecycleStageId, area: number, district: string | undefined, stageDates: Partial<Record<LifecycleStageId, string>> = {}): ProjectRecord => ({
  projectCode: code, name: `项目${code}`, stage, stageDates, parcelIds: [], area, bbox: [121, 29, 121.1, 29.1], polygons: [],
  ...(district ? { districtCode: district, districtName: `${district}区` } : {}),
});

const data = [
  project('A', 'plan', 10_000, '01', { plan: '2025-01-05' }),
  project('B', 'approve', 25_000, '01', { plan: '2024-12-01', approve: '2025-02-10' }),
  project('C', 'approve', 5_000, '02', { plan: '2025-01-01', approve: '2025-02-20' }),
  project('D', 'use', 40_000, undefined, { plan: '2023-01-01', approve: '2023-06-01', supply: '2024-03-01', use: '2025-03-31' }),
];

describe('wall figures', () => {
  it('count and area per stage and per district add up to the totals', () => {
    const f = wallFigures(data, '未标区县');
    expect(f.total).toBe(4);
    expect(f.totalAreaHa).toBe(8);
    expect(f.byStage.map((b) => b.count)).toEqual([1, 2, 0, 1, 0, 0]);
    expect(f.byStage.map((b) => b.areaHa)).toEqual([1, 3, 0, 4, 0, 0]);
    // Most projects first, then by district code (the unnamed district's code is '').
    expect(f.byDistrict.map((d) => d.district)).toEqual(['01区', '未标区县', '02区']);
    expect(f.byDistrict[0]?.areaHa).toEqual([1, 2.5, 0, 0, 0, 0]);
    const sum = f.byDistrict.reduce((s, d) => s + d.areaHa.reduce((a, b) => a + b, 0), 0);
    expect(sum).toBeCloseTo(f.totalAreaHa, 6);
  });

  it('transitions per month over a window ending at the data’s latest date, empty months included', () => {
    const end = latestStageDate(data);
    expect(end?.toISOString().slice(0, 10)).toBe('2025-03-31');
    const months = transitionsByMonth(data, end!, 4);
    expect(months.map((m) => m.month)).toEqual(['2024-12', '2025-01', '2025-02', '2025-03']);
    // Entering 规 is not a transition; 批 twice in February, 用 once in March.
    expect(months.map((m) => m.counts.reduce((a, b) => a + b, 0))).toEqual([0, 0, 2, 1]);
    expect(months[3]?.counts).toEqual([0, 0, 0, 1, 0, 0]);
    expect(latestStageDate([])).toBeUndefined();
  });

  it('the ticker’s changes: stage moves, new and withdrawn projects', () => {
    const after = [project('A', 'approve', 10_000, '01'), data[1]!, project('E', 'plan', 1, '02'), data[3]!];
    expect(diffProjects(data, after)).toEqual([
      { kind: 'stage', code: 'A', name: '项目A', from: 'plan', to: 'approve' },
      { kind: 'added', code: 'E', name: '项目E', to: 'plan' },
      { kind: 'removed', code: 'C', name: '项目C' },
    ]);
    expect(diffProjects(data, data)).toEqual([]);
  });
});

describe('feed back-off', () => {
  it('doubles from the interval and stops at the cap', () => {
    expect(backoffSeconds(0, 30)).toBe(30);
    expect(backoffSeconds(1, 30)).toBe(60);
    expect(backoffSeconds(2, 30)).toBe(120);
    expect(backoffSeconds(5, 30)).toBe(MAX_BACKOFF_SECONDS);
    expect(backoffSeconds(1000, 1)).toBe(MAX_BACKOFF_SECONDS);
  });
});
