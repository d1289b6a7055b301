// Line of sight over the height raster, and the small result type every scheme-review analysis
// (sight, viewshed, profile, flood, height limit) answers with. The rule they share: where the
// answer depends on cells the raster holds no data for, say so (refuse, or mark 'unknown'), never
// read the gap as open ground at z = 0 — a planner would take a hole in the loaded tiles for a view.
import type { HeightRaster } from './raster.ts';

export type XY = readonly [number, number];
export type XYZ = readonly [number, number, number];

/** A point given by its plan position and either a height above the surface there or an absolute z (raster frame). */
export type Place = { readonly at: XY; readonly above: number } | { readonly at: XY; readonly z: number };

export type ReviewProblem =
  /** A point the caller gave lies off the raster. */
  | { readonly kind: 'outside'; readonly where: XY; readonly what: string }
  /** The answer depends on a cell the raster holds no height for. */
  | { readonly kind: 'noData'; readonly where: XY; readonly what: string }
  /** A parameter that cannot be answered for (zero-length line, radius ≤ 0, polygon of two points…). */
  | { readonly kind: 'invalid'; readonly what: string };

export interface Refused { readonly ok: false; readonly problem: ReviewProblem }
/** Either the analysis' answer (ok: true) or why it gave none. */
export type Reviewed<T extends object> = ({ readonly ok: true } & T) | Refused;

export const refuse = (problem: ReviewProblem): Refused => ({ ok: false, problem });

/** Row-major index of the cell holding `at`, or why there is none (off the raster, or a gap). */
export function cellIndexAt(r: HeightRaster, at: XY, what: string): number | Refused {
  const i = Math.round((at[0] - r.x0) / r.cell), j = Math.round((at[1] - r.y0) / r.cell);
  if (!(i >= 0 && j >= 0 && i < r.cols && j < r.rows)) return refuse({ kind: 'outside', where: at, what });
  const k = j * r.cols + i;
  if (!Number.isFinite(r.heights[k]!)) return refuse({ kind: 'noData', where: at, what });
  return k;
}

/** The place as an ENU point and its cell, or why it cannot be placed. */
export function resolvePlace(r: HeightRaster, p: Place, what: string): { xyz: XYZ; index: number } | Refused {
  const index = cellIndexAt(r, p.at, what);
  if (typeof index !== 'number') {
    // An absolute z needs no surface under it, but the cell must still be on the raster.
    if ('z' in p && index.problem.kind === 'noData') return { xyz: [p.at[0], p.at[1], p.z], index: -1 };
    return index;
  }
  const z = 'z' in p ? p.z : r.heights[index]! + p.above;
  return { xyz: [p.at[0], p.at[1], z], index };
}

export type Visibility = 'visible' | 'hidden' | 'unknown';

export interface SightSegment { readonly from: XYZ; readonly to: XYZ; readonly state: 'visible' | 'hidden' }
/** A stretch of the ground under the sight line, by horizontal distance from the observer. */
export interface GroundRun { readonly start: number; readonly end: number; readonly state: Visibility }

export interface SightLine {
  readonly from: XYZ;
  readonly to: XYZ;
  /** Whether the target can be seen: no surface between observer and target rises above the straight line. */
  readonly visible: boolean;
  /** Where the line first enters the surface (z on the line), with the surface z there; absent when visible. */
  readonly blockedAt?: { readonly point: XYZ; readonly surface: number; readonly distance: number };
  /**
   * The 3-D sight line split for colouring: a point on it is visible iff the line from the observer
   * to it is clear, i.e. everything before the blocking point; the rest is hidden.
   */
  readonly segments: readonly SightSegment[];
  /**
   * The ground along the line (the classic GIS profile line of sight): each surface point visible
   * iff no earlier surface rises above the observer's line to it. Half-cell samples, joined into runs;
   * 'unknown' past a gap in the data unless known surface already hides it.
   */
  readonly ground: readonly GroundRun[];
}

// A surface that only equals the line (a roof the line grazes) does not block.
const EPS = 1e-6;

/**
 * Walks the cells the segment O→T crosses (Amanatides–Woo traversal, exact for flat-topped cells,
 * so a corner the line clips is not stepped over) and returns the first blocking or gap cell.
 * The observer's and target's own cells are skipped: their surface is what they stand on.
 */
function firstObstacle(r: HeightRaster, o: XYZ, t: XYZ): { kind: 'block' | 'gap'; t: number; surface: number } | undefined {
  const u0 = (o[0] - r.x0) / r.cell + 0.5, v0 = (o[1] - r.y0) / r.cell + 0.5;
  const u1 = (t[0] - r.x0) / r.cell + 0.5, v1 = (t[1] - r.y0) / r.cell + 0.5;
  let i = Math.floor(u0), j = Math.floor(v0);
  const iEnd = Math.floor(u1), jEnd = Math.floor(v1);
  const du = u1 - u0, dv = v1 - v0;
  const si = du > 0 ? 1 : -1, sj = dv > 0 ? 1 : -1;
  const tdi = du === 0 ? Infinity : Math.abs(1 / du), tdj = dv === 0 ? Infinity : Math.abs(1 / dv);
  let ti = du === 0 ? Infinity : (du > 0 ? i + 1 - u0 : u0 - i) * tdi;
  let tj = dv === 0 ? Infinity : (dv > 0 ? j + 1 - v0 : v0 - j) * tdj;
  const zAt = (s: number): number => o[2] + (t[2] - o[2]) * s;
  let tIn = 0;
  for (let guard = r.cols + r.rows + 4; guard > 0 && !(i === iEnd && j === jEnd); guard--) {
    // Step to the next cell.
    if (ti < tj) { tIn = ti; ti += tdi; i += si; } else { tIn = tj; tj += tdj; j += sj; }
    if (i === iEnd && j === jEnd) break;
    const tOut = Math.min(ti, tj, 1);
    if (i < 0 || j < 0 || i >= r.cols || j >= r.rows) return { kind: 'gap', t: tIn, surface: Number.NaN };
    const h = r.heights[j * r.cols + i]!;
    if (!Number.isFinite(h)) return { kind: 'gap', t: tIn, surface: h };
    const zIn = zAt(tIn), zOut = zAt(tOut);
    if (h > Math.min(zIn, zOut) + EPS) {
      // Already under the surface on entry, or descending into it inside the cell.
      const s = zIn < h + EPS ? tIn : (h - o[2]) / (t[2] - o[2]);
      return { kind: 'block', t: s, surface: h };
    }
  }
  return undefined;
}

const lerp3 = (a: XYZ, b: XYZ, s: number): XYZ => [a[0] + (b[0] - a[0]) * s, a[1] + (b[1] - a[1]) * s, a[2] + (b[2] - a[2]) * s];

/** Ground visibility along O→T at half-cell samples, with a running maximum of the elevation slope. */
function groundRuns(r: HeightRaster, o: XYZ, t: XYZ): GroundRun[] {
  const length = Math.hypot(t[0] - o[0], t[1] - o[1]);
  const n = Math.max(1, Math.ceil(length / (r.cell / 2)));
  const oi = Math.round((o[0] - r.x0) / r.cell), oj = Math.round((o[1] - r.y0) / r.cell);
  const runs: GroundRun[] = [];
  let maxSlope = -Infinity, gap = false, prev = 0;
  for (let k = 0; k <= n; k++) {
    const d = (length * k) / n;
    const x = o[0] + ((t[0] - o[0]) * k) / n, y = o[1] + ((t[1] - o[1]) * k) / n;
    const i = Math.round((x - r.x0) / r.cell), j = Math.round((y - r.y0) / r.cell);
    const inside = i >= 0 && j >= 0 && i < r.cols && j < r.rows;
    const h = inside ? r.heights[j * r.cols + i]! : Number.NaN;
    let state: Visibility;
    // The observer's own footing hides nothing (unknown only under an absolute-z eye over a gap).
    if (i === oi && j === oj) state = Number.isFinite(h) ? 'visible' : 'unknown';
    else if (!Number.isFinite(h)) { state = 'unknown'; gap = true; }
    else {
      // Slope to the cell's centre, not the sample: two samples of one flat-topped cell must not
      // hide each other (a staircase would stripe a smooth slope).
      const slope = (h - o[2]) / Math.hypot(r.x0 + i * r.cell - o[0], r.y0 + j * r.cell - o[1]);
      // Known surface that hides it decides even past a gap: a gap can only hide more.
      state = slope < maxSlope - EPS ? 'hidden' : gap ? 'unknown' : 'visible';
      if (slope > maxSlope) maxSlope = slope;
    }
    // Runs meet halfway between the samples that differ.
    const last = runs[runs.length - 1];
    if (last && last.state === state) runs[runs.length - 1] = { ...last, end: d };
    else if (last) {
      runs[runs.length - 1] = { ...last, end: (prev + d) / 2 };
      runs.push({ start: (prev + d) / 2, end: d, state });
    } else runs.push({ start: 0, end: d, state });
    prev = d;
  }
  return runs;
}

function sightBetween(r: HeightRaster, o: XYZ, t: XYZ): Reviewed<SightLine> {
  const length = Math.hypot(t[0] - o[0], t[1] - o[1]);
  const ground = groundRuns(r, o, t);
  const hit = firstObstacle(r, o, t);
  if (hit?.kind === 'gap') {
    const p = lerp3(o, t, hit.t);
    return refuse({ kind: 'noData', where: [p[0], p[1]], what: 'sight line crosses a cell without data' });
  }
  if (!hit) return { ok: true, from: o, to: t, visible: true, segments: [{ from: o, to: t, state: 'visible' }], ground };
  const point = lerp3(o, t, hit.t);
  return {
    ok: true, from: o, to: t, visible: false,
    blockedAt: { point, surface: hit.surface, distance: length * hit.t },
    segments: [{ from: o, to: point, state: 'visible' }, { from: point, to: t, state: 'hidden' }],
    ground,
  };
}

/**
 * Whether `target` can be seen from `observer` over the raster's surface. Refuses when either end
 * is off the raster or stands on a gap (unless given an absolute z), and when a gap lies on the line
 * before any known obstacle — beyond a known obstacle the answer (hidden) no longer depends on it.
 */
export function lineOfSight(r: HeightRaster, observer: Place, target: Place): Reviewed<SightLine> {
  const o = resolvePlace(r, observer, 'observer');
  if ('ok' in o) return o;
  const t = resolvePlace(r, target, 'target');
  if ('ok' in t) return t;
  return sightBetween(r, o.xyz, t.xyz);
}

/** One sight line per target from a single observer (the observer resolved once). */
export function lineOfSightMany(r: HeightRaster, observer: Place, targets: readonly Place[]): Reviewed<SightLine>[] {
  const o = resolvePlace(r, observer, 'observer');
  if ('ok' in o) return targets.map(() => o);
  return targets.map((target, k) => {
    const t = resolvePlace(r, target, `targets[${k}]`);
    return 'ok' in t ? t : sightBetween(r, o.xyz, t.xyz);
  });
}
