// The streaming benchmark's report maths (issue C6): repetitions → medians with their spread,
// configurations → ratios inside one run, fetched bytes → overfetch against the oracle's floor,
// and the soak's plateau verdict. Pure data in, JSON-serialisable data out.
import { BENCH_CONFIGS, type BenchConfigName, type BenchPath, type IdealStep, type PathStep, type RunMeasure, type StepMeasure } from './types.ts';

/** Median, range and count of one figure over repetitions. */
export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly n: number;
}

/** Median of `xs` (mean of the middle two for an even count). Throws a RangeError on an empty
 *  list rather than returning NaN, which JSON would silently turn into null. */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new RangeError('median of an empty list');
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Median, min, max and n of `xs`; throws a RangeError on an empty list (as `median`). */
export function spread(xs: readonly number[]): Spread {
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length };
}

export interface BenchMeta {
  readonly date: string;
  readonly viewport: { readonly width: number; readonly height: number };
  readonly maxSse: number;
  readonly repetitions: number;
  readonly glExtensions?: readonly string[];
  readonly userAgent?: string;
  readonly notes?: readonly string[];
}

/** Medians over repetitions at one step; bytes and requests are the increment at that step (the cache is warm from earlier steps). */
export interface ConfigStepSummary {
  readonly stepId: string;
  readonly bytes: number;
  readonly requests: number;
  readonly settleSeconds: number;
  readonly tileMemoryBytes: number;
  readonly heapBytes: number;
  /** Repetitions that timed out at this step. */
  readonly timedOut: number;
  /** bytes / this step's full HLOD cut; null when the cut is empty. */
  readonly overfetch: number | null;
}

export interface ConfigSummary {
  readonly reps: number;
  readonly contentBytes: number;
  readonly contentBytesSpread: Spread;
  readonly requests: number;
  readonly requestsSpread: Spread;
  readonly settleSeconds: number;
  readonly settleSecondsSpread: Spread;
  /** Step measures that timed out, over all repetitions. */
  readonly timedOutSteps: number;
  readonly peakTileMemoryBytes: number;
  readonly peakTileMemoryBytesSpread: Spread;
  readonly peakHeapBytes: number;
  readonly peakHeapBytesSpread: Spread;
  readonly frameMs: number;
  readonly frameMsSpread: Spread;
  /** contentBytes / the report's overfetch basis; null when the basis is 0. */
  readonly overfetch: number | null;
  readonly steps: readonly ConfigStepSummary[];
}

export interface IdealStepSummary {
  readonly stepId: string;
  readonly hlodBytes: number;
  readonly skipBytes: number;
  readonly hlodTiles: number;
  readonly cutTiles: number;
  /** Bytes of this step's HLOD tiles that no earlier step needed: the floor of the increment with an unbounded cache. */
  readonly hlodNewBytes?: number;
  readonly skipNewBytes?: number;
}

export interface IdealSummary {
  /** Sums over steps of each step's full cut (a tile shared by steps counts once per step). */
  readonly hlodBytes: number;
  readonly skipBytes: number;
  /** Bytes of the union of all steps' tiles, each counted once (present when the oracle gave ids). */
  readonly hlodBytesUnion?: number;
  readonly skipBytesUnion?: number;
  readonly steps: readonly IdealStepSummary[];
}

export interface ShippedRatios {
  readonly contentBytes?: number;
  readonly settleSeconds?: number;
}

export interface TargetResult {
  readonly name: string;
  /** null when a side was not measured (the target then counts as not passed). */
  readonly value: number | null;
  readonly limit: number;
  readonly pass: boolean;
}

export interface BenchReport {
  readonly format: 'ningbo-twin-bench-report';
  readonly version: 1;
  readonly meta: BenchMeta;
  readonly steps: readonly { readonly id: string; readonly name: string; readonly kind: PathStep['kind'] }[];
  readonly configs: Partial<Record<BenchConfigName, ConfigSummary>>;
  readonly ideal: IdealSummary;
  /** Which ideal the whole-path overfetch divides by: the union is the floor of one pass with an unbounded cache. */
  readonly overfetchBasis: 'hlodBytesUnion' | 'hlodBytes';
  readonly ratios: { readonly shippedVsCesiumDefault?: ShippedRatios; readonly shippedVsTilesRenderer?: ShippedRatios };
  readonly targets: readonly TargetResult[];
  readonly soak?: SoakSummary;
}

const sum = (xs: readonly number[]): number => xs.reduce((a, x) => a + x, 0);
const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

/** The measure of `stepId` in a run; every run covers every step, so a gap is a harness bug. */
function stepOf(run: RunMeasure, stepId: string): StepMeasure {
  const m = run.steps.find((s) => s.stepId === stepId);
  if (!m) throw new Error(`run ${run.config} rep ${run.rep} has no measure for step "${stepId}"`);
  return m;
}

/** Bytes of the union of per-step id lists and each step's new share; undefined unless every step names its ids. */
function unionBytes(ideal: readonly IdealStep[], ids: (s: IdealStep) => readonly string[] | undefined): { union: number; fresh: number[] } | undefined {
  const lists = ideal.map(ids);
  if (lists.some((l) => l === undefined)) return undefined;
  const sizes = new Map<string, number>();
  for (const s of ideal) for (const [id, b] of Object.entries(s.tileSizes ?? {})) if (!sizes.has(id)) sizes.set(id, b);
  const seen = new Set<string>();
  const fresh = lists.map((l, i) => {
    let bytes = 0;
    for (const id of l ?? []) {
      if (seen.has(id)) continue;
      seen.add(id);
      const b = sizes.get(id);
      if (b === undefined) throw new Error(`ideal step "${ideal[i]!.stepId}" names tile "${id}" without a size in tileSizes`);
      bytes += b;
    }
    return bytes;
  });
  return { union: sum(fresh), fresh };
}

function summariseIdeal(path: BenchPath, ideal: readonly IdealStep[]): IdealSummary {
  const ordered = path.steps.map((p) => {
    const s = ideal.find((i) => i.stepId === p.id);
    if (!s) throw new Error(`the oracle gave no ideal for step "${p.id}"`);
    return s;
  });
  const hlod = unionBytes(ordered, (s) => s.hlodIds);
  const skip = unionBytes(ordered, (s) => s.cutIds);
  return {
    hlodBytes: sum(ordered.map((s) => s.hlodBytes)),
    skipBytes: sum(ordered.map((s) => s.skipBytes)),
    ...(hlod ? { hlodBytesUnion: hlod.union } : {}),
    ...(skip ? { skipBytesUnion: skip.union } : {}),
    steps: ordered.map((s, i) => ({
      stepId: s.stepId, hlodBytes: s.hlodBytes, skipBytes: s.skipBytes, hlodTiles: s.hlodTiles, cutTiles: s.cutTiles,
      ...(hlod ? { hlodNewBytes: hlod.fresh[i]! } : {}),
      ...(skip ? { skipNewBytes: skip.fresh[i]! } : {}),
    })),
  };
}

function summariseConfig(path: BenchPath, runs: readonly RunMeasure[], ideal: IdealSummary, basis: number): ConfigSummary {
  // Whole-path figures: sum (or peak) within each repetition first, then the median across them.
  const perRep = (f: (steps: StepMeasure[]) => number) => spread(runs.map((r) => f(path.steps.map((p) => stepOf(r, p.id)))));
  const bytes = perRep((s) => sum(s.map((m) => m.bytes)));
  const requests = perRep((s) => sum(s.map((m) => m.requests)));
  const settle = perRep((s) => sum(s.map((m) => m.settleSeconds)));
  const tiles = perRep((s) => Math.max(...s.map((m) => m.tileMemoryBytes)));
  const heap = perRep((s) => Math.max(...s.map((m) => m.heapBytes)));
  const frame = spread(runs.map((r) => r.frameMs));
  const steps = path.steps.map((p, i): ConfigStepSummary => {
    const ms = runs.map((r) => stepOf(r, p.id));
    const at = (f: (m: StepMeasure) => number) => median(ms.map(f));
    const b = at((m) => m.bytes);
    return {
      stepId: p.id, bytes: b, requests: at((m) => m.requests), settleSeconds: at((m) => m.settleSeconds),
      tileMemoryBytes: at((m) => m.tileMemoryBytes), heapBytes: at((m) => m.heapBytes),
      timedOut: ms.filter((m) => m.timedOut).length, overfetch: ratio(b, ideal.steps[i]!.hlodBytes),
    };
  });
  return {
    reps: runs.length,
    contentBytes: bytes.median, contentBytesSpread: bytes,
    requests: requests.median, requestsSpread: requests,
    settleSeconds: settle.median, settleSecondsSpread: settle,
    timedOutSteps: sum(steps.map((s) => s.timedOut)),
    peakTileMemoryBytes: tiles.median, peakTileMemoryBytesSpread: tiles,
    peakHeapBytes: heap.median, peakHeapBytesSpread: heap,
    frameMs: frame.median, frameMsSpread: frame,
    overfetch: ratio(bytes.median, basis),
    steps,
  };
}

function shippedVs(shipped: ConfigSummary | undefined, other: ConfigSummary | undefined): ShippedRatios | undefined {
  if (!shipped || !other) return undefined;
  const bytes = ratio(shipped.contentBytes, other.contentBytes);
  const settle = ratio(shipped.settleSeconds, other.settleSeconds);
  return { ...(bytes === null ? {} : { contentBytes: bytes }), ...(settle === null ? {} : { settleSeconds: settle }) };
}

/** A target passes at its limit; the relative 1e-9 keeps float rounding (0.7000000000000001) from failing it. */
const target = (name: string, value: number | null | undefined, limit: number): TargetResult =>
  ({ name, value: value ?? null, limit, pass: value !== null && value !== undefined && value <= limit * (1 + 1e-9) });

/** The report of one harness run: medians over repetitions per configuration, the oracle's floor, ratios and the targets. */
export function summarise(path: BenchPath, runs: readonly RunMeasure[], ideal: readonly IdealStep[], meta: BenchMeta): BenchReport {
  const idealSummary = summariseIdeal(path, ideal);
  const overfetchBasis = idealSummary.hlodBytesUnion === undefined ? 'hlodBytes' : 'hlodBytesUnion';
  const basis = idealSummary.hlodBytesUnion ?? idealSummary.hlodBytes;
  const configs: Partial<Record<BenchConfigName, ConfigSummary>> = {};
  for (const c of BENCH_CONFIGS) {
    const mine = runs.filter((r) => r.config === c);
    if (mine.length) configs[c] = summariseConfig(path, mine, idealSummary, basis);
  }
  const vsCesium = shippedVs(configs.shipped, configs.cesiumDefault);
  const vsTr = shippedVs(configs.shipped, configs.tilesRenderer);
  return {
    format: 'ningbo-twin-bench-report', version: 1, meta,
    steps: path.steps.map((s) => ({ id: s.id, name: s.name, kind: s.kind })),
    configs, ideal: idealSummary, overfetchBasis,
    ratios: { ...(vsCesium ? { shippedVsCesiumDefault: vsCesium } : {}), ...(vsTr ? { shippedVsTilesRenderer: vsTr } : {}) },
    targets: [
      target('content bytes: shipped / cesiumDefault', vsCesium?.contentBytes, 0.7),
      target('content bytes: shipped / tilesRenderer', vsTr?.contentBytes, 0.7),
      target(`overfetch: shipped (÷ ${overfetchBasis})`, configs.shipped?.overfetch, 1.2),
      target('settle time: shipped / cesiumDefault', vsCesium?.settleSeconds, 0.7),
    ],
  };
}

// ---- soak ----

export interface SoakLoopMeasure {
  readonly config: BenchConfigName;
  /** Numbered from 1, as the harness does. */
  readonly loop: number;
  readonly heapBytes: number;
  readonly tileMemoryBytes: number;
}

export interface SoakGrowth {
  /** Loop numbers compared: the third loop (caches and JIT warm by then) and the last. */
  readonly fromLoop: number;
  readonly toLoop: number;
  readonly growthBytes: number;
  readonly growthPercent: number;
  readonly allowanceBytes: number;
  readonly plateau: boolean;
}

export interface SoakConfigSummary {
  readonly loops: readonly number[];
  readonly heapBytes: readonly number[];
  readonly tileMemoryBytes: readonly number[];
  /** Absent with fewer than 4 loops: no verdict then. */
  readonly heap?: SoakGrowth;
  readonly tileMemory?: SoakGrowth;
  /** Both series level off; null with fewer than 4 loops. */
  readonly plateau: boolean | null;
}

export interface SoakSummary {
  readonly rule: string;
  readonly configs: Partial<Record<BenchConfigName, SoakConfigSummary>>;
}

/** Growth under this is noise: heap after a forced GC still wobbles by a few MiB, and 5 % of a large cache is still noise. */
export const SOAK_NOISE = { fraction: 0.05, bytes: 8 * 1024 * 1024 } as const;
export const SOAK_RULE = 'plateau: growth from loop 3 to the last loop ≤ max(5 % of loop 3, 8 MiB), for both JS heap and tile memory';

function growth(loops: readonly number[], series: readonly number[]): SoakGrowth | undefined {
  if (series.length < 4) return undefined;
  const from = series[2]!;
  const to = series[series.length - 1]!;
  const allowanceBytes = Math.max(SOAK_NOISE.fraction * from, SOAK_NOISE.bytes);
  return {
    fromLoop: loops[2]!, toLoop: loops[loops.length - 1]!,
    growthBytes: to - from, growthPercent: from > 0 ? ((to - from) / from) * 100 : 0,
    allowanceBytes, plateau: to - from <= allowanceBytes,
  };
}

/** Per configuration: the series in loop order and whether heap and tile memory level off. */
export function summariseSoak(loops: readonly SoakLoopMeasure[]): SoakSummary {
  const configs: Partial<Record<BenchConfigName, SoakConfigSummary>> = {};
  for (const c of BENCH_CONFIGS) {
    const mine = loops.filter((l) => l.config === c).sort((a, b) => a.loop - b.loop);
    if (!mine.length) continue;
    const n = mine.map((l) => l.loop);
    const heap = growth(n, mine.map((l) => l.heapBytes));
    const tileMemory = growth(n, mine.map((l) => l.tileMemoryBytes));
    configs[c] = {
      loops: n, heapBytes: mine.map((l) => l.heapBytes), tileMemoryBytes: mine.map((l) => l.tileMemoryBytes),
      ...(heap ? { heap } : {}), ...(tileMemory ? { tileMemory } : {}),
      plateau: heap && tileMemory ? heap.plateau && tileMemory.plateau : null,
    };
  }
  return { rule: SOAK_RULE, configs };
}
