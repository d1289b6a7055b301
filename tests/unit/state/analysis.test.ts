import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_ANALYSIS_PARAMS, useAnalysis } from '../../../src/state/analysis.ts';

const profile = { distances: [0, 1], heights: [3, null], length: 1, min: { z: 3, distance: 0 }, max: { z: 3, distance: 0 }, gaps: 1 };

describe('analysis store', () => {
  beforeEach(() => useAnalysis.setState({ results: {}, problems: {}, busy: {}, params: DEFAULT_ANALYSIS_PARAMS, playing: false }));

  it('a refusal replaces the result, so no stale figures stand beside it; a result clears the refusal', () => {
    const s = useAnalysis.getState();
    s.setResult('profile', profile);
    expect(useAnalysis.getState().results.profile).toBe(profile);
    s.setProblem('profile', { key: 'analysis.problem.noSurface' });
    expect(useAnalysis.getState().results.profile).toBeUndefined();
    expect(useAnalysis.getState().problems.profile?.key).toBe('analysis.problem.noSurface');
    s.setResult('profile', profile);
    expect(useAnalysis.getState().problems.profile).toBeUndefined();
  });

  it('clears one analysis only, and keeps the others (switching tools keeps results)', () => {
    const s = useAnalysis.getState();
    s.setResult('profile', profile);
    s.setProblem('limit', { key: 'analysis.problem.limitNaN', params: { text: 'x' } });
    s.setBusy('flood', { key: 'analysis.loading' });
    s.setTool('sight');
    expect(useAnalysis.getState().results.profile).toBe(profile);
    s.clear('limit');
    expect(useAnalysis.getState().problems.limit).toBeUndefined();
    expect(useAnalysis.getState().results.profile).toBe(profile);
    s.setBusy('flood', undefined);
    expect('flood' in useAnalysis.getState().busy).toBe(false);
  });
});
