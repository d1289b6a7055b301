import { describe, expect, it } from 'vitest';
import { median, spread, summarise, summariseSoak, type BenchMeta } from '../../../../src/domain/bench/report.ts';
import type { BenchConfigName, BenchPath, IdealStep, RunMeasure, StepMeasure } from '../../../../src/domain/bench/types.ts';

const M = 1e6;
const pose = { lon: 121.55, lat: 29.87, height: 500, heading: 0, pitch: -30, roll: 0 };
const path: BenchPath = {
  format: 'ningbo-twin-bench-path', version: 1,
  steps: [
    { kind: 'waypoint', id: 'a', name: 'Overview', pose },
    { kind: 'flight', id: 'b', name: 'Harbour', to: { ...pose, lon: 121.9 }, seconds: 4 },
  ],
};
const meta: BenchMeta = { date: '2025-01-01T00:00:00Z', viewport: { width: 1280, height: 720 }, maxSse: 16, repetitions: 3 };

type Fig = [bytes: number, requests: number, settle: number, tileMem: number, heap: number];
const step = (stepId: string, [bytes, requests, settleSeconds, tileMemoryBytes, heapBytes]: Fig, timedOut = false): StepMeasure =>
  ({ stepId, bytes: bytes * M, requests, cancelled: 0, settleSeconds, timedOut, tileMemoryBytes: tileMemoryBytes * M, heapBytes: heapBytes * M });
const run = (config: BenchConfigName, rep: number, a: Fig, b: Fig, frameMs = 16): RunMeasure =>
  // Steps out of path order on purpose: the report follows the path, not the array.
  ({ config, rep, frameMs, steps: [step('b', b), step('a', a)] });

// Whole-path sums per rep: bytes 150 / 210 / 200, requests 15 / 20 / 21, settle 1.5 / 3 / 1.2,
// peak tile 1500 / 1200 / 2000, peak heap 20 / 30 / 15.
const shipped = [
  run('shipped', 0, [100, 10, 1.0, 1000, 10], [50, 5, 0.5, 1500, 20], 16),
  run('shipped', 1, [120, 12, 2.0, 1200, 30], [90, 8, 1.0, 1100, 25], 20),
  run('shipped', 2, [200, 20, 0.8, 900, 15], [0, 1, 0.4, 2000, 15], 18),
];
const cesium = [0, 1, 2].map((r) => run('cesiumDefault', r, [200, 30, 1, 500, 10], [200, 30, 1, 500, 10]));
const tilesRenderer = [run('tilesRenderer', 0, [150, 9, 1, 300, 5], [100, 9, 1, 300, 5]), run('tilesRenderer', 1, [200, 9, 1, 300, 5], [150, 9, 1, 300, 5])];

// A shared root tile (40 MB) is in both steps' HLOD sets: the union counts it once.
const ideal: IdealStep[] = [
  { stepId: 'b', skipBytes: 50 * M, hlodBytes: 90 * M, cutTiles: 1, hlodTiles: 2, cutIds: ['y'], hlodIds: ['root', 'y'], tileSizes: { root: 40 * M, y: 50 * M } },
  { stepId: 'a', skipBytes: 60 * M, hlodBytes: 100 * M, cutTiles: 1, hlodTiles: 2, cutIds: ['x'], hlodIds: ['root', 'x'], tileSizes: { root: 40 * M, x: 60 * M } },
];
const noIds = ideal.map(({ stepId, skipBytes, hlodBytes, cutTiles, hlodTiles }) => ({ stepId, skipBytes, hlodBytes, cutTiles, hlodTiles }));

describe('median and spread', () => {
  it('takes the middle value of an odd count and the mean of the middle two of an even count', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });
  it('refuses an empty list instead of producing NaN', () => {
    expect(() => median([])).toThrow(RangeError);
    expect(() => spread([])).toThrow(RangeError);
  });
  it('gives median, min, max and n', () => {
    expect(spread([5, 1, 9, 3])).toEqual({ median: 4, min: 1, max: 9, n: 4 });
  });
});

describe('summarise', () => {
  const report = summarise(path, [...shipped, ...cesium, ...tilesRenderer], ideal, meta);
  const s = report.configs.shipped!;

  it('sums each repetition over the path, then takes the median across repetitions', () => {
    expect(s.reps).toBe(3);
    expect(s.contentBytesSpread).toEqual({ median: 200 * M, min: 150 * M, max: 210 * M, n: 3 });
    // Not the sum of per-step medians (120 + 50 = 170).
    expect(s.contentBytes).toBe(200 * M);
    expect(s.requests).toBe(20);
    expect(s.settleSeconds).toBe(1.5);
    expect(s.settleSecondsSpread).toMatchObject({ median: 1.5, max: 3, n: 3 });
    expect(s.settleSecondsSpread.min).toBeCloseTo(1.2, 12);
    expect(s.peakTileMemoryBytes).toBe(1500 * M);
    expect(s.peakHeapBytes).toBe(20 * M);
    expect(s.frameMs).toBe(18);
    expect(s.timedOutSteps).toBe(0);
  });

  it('gives per-step medians in path order with overfetch against that step\'s full HLOD cut', () => {
    expect(s.steps.map((x) => x.stepId)).toEqual(['a', 'b']);
    expect(s.steps[0]).toMatchObject({ bytes: 120 * M, requests: 12, settleSeconds: 1.0, tileMemoryBytes: 1000 * M, heapBytes: 15 * M, timedOut: 0 });
    expect(s.steps[0]!.overfetch).toBeCloseTo(1.2, 12);
    expect(s.steps[1]!.bytes).toBe(50 * M);
    expect(s.steps[1]!.overfetch).toBeCloseTo(50 / 90, 12);
  });

  it('counts a tile shared by two steps once in the union, and per step only what is new', () => {
    expect(report.ideal.hlodBytes).toBe(190 * M);
    expect(report.ideal.skipBytes).toBe(110 * M);
    expect(report.ideal.hlodBytesUnion).toBe(150 * M);
    expect(report.ideal.skipBytesUnion).toBe(110 * M);
    expect(report.ideal.steps.map((x) => [x.stepId, x.hlodBytes, x.hlodNewBytes])).toEqual([['a', 100 * M, 100 * M], ['b', 90 * M, 50 * M]]);
    expect(report.overfetchBasis).toBe('hlodBytesUnion');
    expect(s.overfetch).toBeCloseTo(200 / 150, 12);
  });

  it('falls back to the sum of full cuts when the oracle gave no ids, and says so', () => {
    const r = summarise(path, shipped, noIds, meta);
    expect(r.ideal.hlodBytesUnion).toBeUndefined();
    expect(r.overfetchBasis).toBe('hlodBytes');
    expect(r.configs.shipped!.overfetch).toBeCloseTo(200 / 190, 12);
  });

  it('compares shipped with each peer from the whole-path medians', () => {
    expect(report.ratios.shippedVsCesiumDefault).toEqual({ contentBytes: 0.5, settleSeconds: 0.75 });
    // tilesRenderer: two reps, 250 and 350 MB → median 300.
    expect(report.configs.tilesRenderer!.contentBytes).toBe(300 * M);
    expect(report.ratios.shippedVsTilesRenderer!.contentBytes).toBeCloseTo(2 / 3, 12);
  });

  it('evaluates the issue\'s targets', () => {
    expect(report.targets.map((t) => [t.value === null ? null : Number(t.value.toFixed(4)), t.limit, t.pass])).toEqual([
      [0.5, 0.7, true], [0.6667, 0.7, true], [1.3333, 1.2, false], [0.75, 0.7, false],
    ]);
  });

  it('passes a target exactly at its limit and fails just above it', () => {
    const at = (shippedBytes: number) => summarise(path, [
      run('shipped', 0, [shippedBytes, 1, 0.7, 1, 1], [0, 1, 0, 1, 1]),
      run('cesiumDefault', 0, [100, 1, 1, 1, 1], [0, 1, 0, 1, 1]),
    ], [{ stepId: 'a', skipBytes: 0, hlodBytes: 70 * M / 1.2, cutTiles: 0, hlodTiles: 0 }, { stepId: 'b', skipBytes: 0, hlodBytes: 0, cutTiles: 0, hlodTiles: 0 }], meta).targets;
    expect(at(70).map((t) => t.pass)).toEqual([true, false, true, true]);
    expect(at(71).map((t) => t.pass)).toEqual([false, false, false, true]);
  });

  it('omits the ratios of a missing side and marks its targets unmeasured', () => {
    const r = summarise(path, shipped, ideal, meta);
    expect(r.configs.cesiumDefault).toBeUndefined();
    expect(r.ratios).toEqual({});
    expect(r.targets[0]).toMatchObject({ value: null, pass: false });
    expect(r.targets[2]!.pass).toBe(false);
  });

  it('counts timed-out steps and names a missing measure or ideal', () => {
    const t = run('shipped', 0, [1, 1, 1, 1, 1], [1, 1, 1, 1, 1]);
    const r = summarise(path, [{ ...t, steps: [step('a', [1, 1, 60, 1, 1], true), step('b', [1, 1, 1, 1, 1])] }], ideal, meta);
    expect(r.configs.shipped!.timedOutSteps).toBe(1);
    expect(r.configs.shipped!.steps[0]!.timedOut).toBe(1);
    expect(() => summarise(path, [{ ...t, steps: [step('a', [1, 1, 1, 1, 1])] }], ideal, meta)).toThrow('rep 0 has no measure for step "b"');
    expect(() => summarise(path, [t], ideal.slice(0, 1), meta)).toThrow('no ideal for step "a"');
    const sizeless = ideal.map((i) => ({ ...i, tileSizes: {} }));
    expect(() => summarise(path, [t], sizeless, meta)).toThrow('without a size');
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});

describe('summariseSoak', () => {
  const MiB = 1024 * 1024;
  const loops = (config: BenchConfigName, heap: (i: number) => number, tiles: (i: number) => number, n = 10) =>
    Array.from({ length: n }, (_, i) => ({ config, loop: i + 1, heapBytes: heap(i + 1), tileMemoryBytes: tiles(i + 1) }));

  it('calls a flat series (noise within the allowance) a plateau and a climbing one not', () => {
    const r = summariseSoak([
      ...loops('shipped', (i) => (100 + (i % 2)) * MiB, () => 200 * MiB),
      ...loops('cesiumDefault', (i) => (100 + 5 * i) * MiB, () => 200 * MiB),
    ]);
    expect(r.configs.shipped!.plateau).toBe(true);
    expect(r.configs.shipped!.loops).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const c = r.configs.cesiumDefault!;
    expect(c.plateau).toBe(false);
    expect(c.heap).toMatchObject({ fromLoop: 3, toLoop: 10, growthBytes: 35 * MiB, plateau: false });
    expect(c.heap!.growthPercent).toBeCloseTo((35 / 115) * 100, 9);
    expect(c.tileMemory!.plateau).toBe(true);
    expect(r.configs.tilesRenderer).toBeUndefined();
  });

  it('allows 8 MiB on a small series and 5 % on a large one', () => {
    const verdict = (base: number, growth: number) =>
      summariseSoak(loops('shipped', (i) => (i >= 10 ? base + growth : base) * MiB, () => 0)).configs.shipped!.plateau;
    expect(verdict(50, 8)).toBe(true);
    expect(verdict(50, 8.1)).toBe(false);
    expect(verdict(400, 20)).toBe(true);
    expect(verdict(400, 20.5)).toBe(false);
  });

  it('gives no verdict with fewer than four loops and sorts loops by number', () => {
    const r = summariseSoak([{ config: 'shipped', loop: 2, heapBytes: 2, tileMemoryBytes: 0 }, { config: 'shipped', loop: 1, heapBytes: 1, tileMemoryBytes: 0 }]);
    expect(r.configs.shipped).toEqual({ loops: [1, 2], heapBytes: [1, 2], tileMemoryBytes: [0, 0], plateau: null });
  });
});
