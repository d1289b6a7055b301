import { describe, expect, it } from 'vitest';
import { summarise, summariseSoak, type BenchReport } from '../../../../src/domain/bench/report.ts';
import { reportMarkdown } from '../../../../src/domain/bench/reportMarkdown.ts';
import type { BenchConfigName, BenchPath, RunMeasure } from '../../../../src/domain/bench/types.ts';

const M = 1e6;
const pose = { lon: 121.55, lat: 29.87, height: 500, heading: 0, pitch: -30, roll: 0 };
const path: BenchPath = {
  format: 'ningbo-twin-bench-path', version: 1,
  steps: [
    { kind: 'waypoint', id: 'a', name: 'Overview | city', pose },
    { kind: 'waypoint', id: 'b', name: 'Harbour', pose: { ...pose, lon: 121.9 } },
  ],
};
const run = (config: BenchConfigName, rep: number, bytes: [number, number], settle: [number, number], timedOut = false): RunMeasure => ({
  config, rep, frameMs: 16,
  steps: (['a', 'b'] as const).map((stepId, i) => ({
    stepId, bytes: bytes[i]! * M, requests: 10, cancelled: 0, settleSeconds: settle[i]!, timedOut: timedOut && i === 1, tileMemoryBytes: 300 * M, heapBytes: 50 * M,
  })),
});
const report: BenchReport = summarise(path, [
  run('shipped', 0, [40, 20], [1, 0.5]), run('shipped', 1, [50, 30], [2, 1]), run('shipped', 2, [60, 20], [1.5, 0.25], true),
  run('cesiumDefault', 0, [100, 60], [3, 2]), run('cesiumDefault', 1, [100, 60], [3, 2]), run('cesiumDefault', 2, [100, 60], [3, 2]),
], [
  { stepId: 'a', skipBytes: 30 * M, hlodBytes: 50 * M, cutTiles: 3, hlodTiles: 5 },
  { stepId: 'b', skipBytes: 10 * M, hlodBytes: 25 * M, cutTiles: 1, hlodTiles: 2 },
], { date: '2025-02-03T04:05:06Z', viewport: { width: 1280, height: 720 }, maxSse: 16, repetitions: 3, glExtensions: ['WEBGL_compressed_texture_s3tc', 'EXT_color_buffer_float'], notes: ['SwiftShader'] });

describe('reportMarkdown', () => {
  const md = reportMarkdown(report);

  it('opens with a title and the run\'s meta', () => {
    expect(md.startsWith('# Streaming benchmark\n')).toBe(true);
    expect(md).toContain('- Date: 2025-02-03T04:05:06Z');
    expect(md).toContain('- Viewport: 1280×720 CSS px');
    expect(md).toContain('- Maximum SSE: 16');
    expect(md).toContain('- Repetitions: 3');
    expect(md).toContain('- GL extensions (2): `WEBGL_compressed_texture_s3tc`, `EXT_color_buffer_float`');
    expect(md).toContain('- SwiftShader');
  });

  it('gives the whole-path table: medians of per-rep sums with their range, and the ideal rows', () => {
    // shipped sums: 60 / 80 / 80 MB; settle 1.5 / 3 / 1.75 s.
    expect(md).toContain('| shipped | 80.00 | 20 | 1.75 [1.50–3.00] | 300.00 | 1.07 | 1 |');
    expect(md).toContain('| cesiumDefault | 160.00 | 20 | 5.00 [5.00–5.00] | 300.00 | 2.13 | 0 |');
    expect(md).toContain('| ideal HLOD (Σ steps) | 75.00 | — | — | — | 1.00 | — |');
    expect(md).toContain('| ideal skip (Σ steps) | 40.00 | — | — | — | 0.53 | — |');
    expect(md).not.toContain('| tilesRenderer |');
    expect(md).toContain('the sum over steps of each step\'s full HLOD cut');
  });

  it('marks each target ✔ or ✘, and an unmeasured one as such', () => {
    expect(md).toContain('| content bytes: shipped / cesiumDefault | 0.50 | ≤ 0.70 | ✔ |');
    expect(md).toContain('| content bytes: shipped / tilesRenderer | — | ≤ 0.70 | ✘ (not measured) |');
    expect(md).toContain('| overfetch: shipped (÷ hlodBytes) | 1.07 | ≤ 1.20 | ✔ |');
    expect(md).toContain('| settle time: shipped / cesiumDefault | 0.35 | ≤ 0.70 | ✔ |');
    expect(md).toContain('| shipped / cesiumDefault | 0.50 | 0.35 |');
  });

  it('lists each step with bytes per config, the ideal and settle times, pipes escaped', () => {
    expect(md).toContain('| Step | shipped MB | cesiumDefault MB | ideal HLOD MB | shipped settle s | cesiumDefault settle s |');
    expect(md).toContain('| Overview \\| city (a) | 50.00 | 100.00 | 50.00 | 1.50 | 3.00 |');
    expect(md).toContain('| Harbour (b) | 20.00 | 60.00 | 25.00 | 0.50 (1 timed out) | 2.00 |');
  });

  it('leaves out the soak and screenshots when there are none, and adds them when given', () => {
    expect(md).not.toContain('## Soak');
    expect(md).not.toContain('## Screenshots');
    const MiB = 1024 * 1024;
    const soak = summariseSoak(Array.from({ length: 10 }, (_, i) => ({ config: 'shipped' as const, loop: i + 1, heapBytes: 100 * M + i * 10 * MiB, tileMemoryBytes: 200 * M })));
    const full = reportMarkdown({ ...report, soak }, { screenshots: [{ stepId: 'a', files: { shipped: 'shots/shipped/a.png', cesiumDefault: 'shots/cesium default/a.png' } }] });
    expect(full).toContain('## Soak');
    expect(full).toContain('| shipped | 10 | 194.37 | +73.40 MB (60.68 %) | 200.00 | +0.00 MB (0.00 %) | ✘ growing |');
    expect(full).toContain('| Step | shipped | cesiumDefault |');
    expect(full).toContain('| Overview \\| city | ![shipped at a](shots/shipped/a.png) | ![cesiumDefault at a](shots/cesium%20default/a.png) |');
    expect(full).not.toContain('Pixels differing');
  });

  it('adds the pixels differing between the shipped and the plain Cesium shot when measured', () => {
    const full = reportMarkdown(report, { screenshots: [{ stepId: 'a', files: { shipped: 's.png', cesiumDefault: 'c.png' }, shippedVsCesiumDefault: 0.00314 }] });
    expect(full).toContain('| Step | shipped | cesiumDefault | Pixels differing |');
    expect(full).toContain('| ![cesiumDefault at a](c.png) | 0.31 % |');
  });
});
