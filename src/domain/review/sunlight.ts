// Sunlight hours (日照时数) over the height raster: for each point, the minutes of the rule's
// window in which the sun is above the horizon and no surface stands between it and the point.
// Where the answer depends on cells the raster holds no height for — a gap in the loaded tiles, or
// the raster ending before a sun ray has climbed above its highest roof — the point reads NaN,
// never "sunlit": a planner would otherwise pass a flat on the strength of a missing tower.
import { heightAt, maxHeight, type HeightRaster, type Vec3Like } from './raster.ts';
import type { SunlightRule, SunSample } from './sun.ts';

export type XY = readonly [number, number];

const LIT = 0, BLOCKED = 1, UNKNOWN = 2;
type RayResult = typeof LIT | typeof BLOCKED | typeof UNKNOWN;

/**
 * Walks the ray cell by cell (Amanatides–Woo traversal) rather than calling `rayBlockedAt`, for two
 * reasons: `rayBlockedAt` reads a missing cell or the raster's edge as open sky, where this
 * analysis must say "unknown"; and an exact traversal visits every cell the ray crosses, so a ray
 * clipping a building's corner is not stepped over. A sun ray rises (up > 0), so within a cell its
 * lowest point is where it enters: the cell blocks when its surface is above that entry height.
 */
function traceSun(r: HeightRaster, p: Vec3Like, d: Vec3Like, ceiling: number): RayResult {
  const [px, py, pz] = p;
  const [dx, dy, dz] = d;
  if (pz >= ceiling) return LIT; // at or above every roof
  let i = Math.round((px - r.x0) / r.cell), j = Math.round((py - r.y0) / r.cell);
  const stepI = dx > 0 ? 1 : -1, stepJ = dy > 0 ? 1 : -1;
  // Ray distance to the first vertical cell boundary in x and y, and between successive ones.
  const edgeX = r.x0 + (i + stepI / 2) * r.cell, edgeY = r.y0 + (j + stepJ / 2) * r.cell;
  let tx = dx !== 0 ? (edgeX - px) / dx : Infinity, ty = dy !== 0 ? (edgeY - py) / dy : Infinity;
  const dtx = dx !== 0 ? r.cell / Math.abs(dx) : Infinity, dty = dy !== 0 ? r.cell / Math.abs(dy) : Infinity;
  for (;;) {
    let t: number;
    if (tx < ty) { t = tx; tx += dtx; i += stepI; } else { t = ty; ty += dty; j += stepJ; }
    const z = pz + dz * t;
    if (!(z <= ceiling)) return LIT; // climbed above every roof (or a vertical ray: t = ∞)
    if (i < 0 || j < 0 || i >= r.cols || j >= r.rows) return UNKNOWN;
    const h = r.heights[j * r.cols + i]!;
    if (Number.isNaN(h)) return UNKNOWN;
    if (h > z) return BLOCKED;
  }
}

export interface SunlightOptions {
  /**
   * Outward horizontal normals [east, north] of facade points, parallel to `points` (undefined
   * entries for ground points): the sun counts only while it is in front of the facade. A raster
   * would usually shade the back of a facade through its own building anyway; this makes it hold
   * when the building is thinner than a cell or not rasterised.
   */
  readonly normals?: readonly (XY | undefined)[];
  /** Highest surface to test against; default `maxHeight(raster)`. */
  readonly ceiling?: number;
}

/**
 * Hours of sun per point over the samples (see `sunSamples`: each stands for `minutes` of the
 * window). NaN where the point lies below its own cell's surface (inside a building), off the
 * raster or over a gap, or where any sun ray that matters leaves the raster or crosses a gap
 * before climbing above the highest surface — fetch a raster `requiredMarginMeters` beyond the area.
 */
export function sunlightHours(raster: HeightRaster, points: readonly Vec3Like[], samples: readonly SunSample[], opts: SunlightOptions = {}): Float32Array {
  const ceiling = opts.ceiling ?? maxHeight(raster);
  const up = samples.filter((s) => s.elevation > 0 && s.direction[2] > 0); // below the horizon: never sunlit
  const out = new Float32Array(points.length);
  points.forEach((p, k) => {
    const own = heightAt(raster, p[0], p[1]);
    if (!Number.isFinite(p[2]) || Number.isNaN(own) || own > p[2]) {
      out[k] = Number.NaN;
      return;
    }
    const n = opts.normals?.[k];
    let minutes = 0;
    for (const s of up) {
      if (n && n[0] * s.direction[0] + n[1] * s.direction[1] <= 0) continue; // sun behind the facade
      const hit = traceSun(raster, p, s.direction, ceiling);
      if (hit === UNKNOWN) { minutes = Number.NaN; break; }
      if (hit === LIT) minutes += s.minutes;
    }
    out[k] = minutes / 60; // whole minutes summed first: 12 × 10 min is exactly 2 h
  });
  return out;
}

/**
 * How far beyond the analysed area the raster must reach: the shadow length of the tallest
 * surface (`maxHeightAboveArea`, metres above the lowest analysed point) at the lowest sun
 * elevation among the samples above the horizon. A ray from the area is over every roof after that
 * horizontal distance, so nothing further out can shade it.
 */
export function requiredMarginMeters(maxHeightAboveArea: number, samples: readonly SunSample[]): number {
  let lowest = Infinity;
  for (const s of samples) if (s.elevation > 0 && s.elevation < lowest) lowest = s.elevation;
  if (lowest === Infinity || !(maxHeightAboveArea > 0)) return 0;
  return maxHeightAboveArea / Math.tan((lowest * Math.PI) / 180);
}

function insidePolygon(x: number, y: number, ring: readonly XY[]): boolean {
  let inside = false; // even–odd crossing test; a closing vertex repeated or not makes no difference
  for (let a = 0, b = ring.length - 1; a < ring.length; b = a++) {
    const [xa, ya] = ring[a]!, [xb, yb] = ring[b]!;
    if ((ya > y) !== (yb > y) && x < ((xb - xa) * (y - ya)) / (yb - ya) + xa) inside = !inside;
  }
  return inside;
}

export interface GroundPoints {
  /** ENU points: surface z + sill height; z is NaN where the raster has no surface (→ NaN hours). */
  readonly points: [number, number, number][];
  readonly xy: XY[];
}

/**
 * Points on a grid of `spacing` inside `area` (an ENU xy ring), lifted `sillHeight` above the
 * surface. The grid is aligned to the raster's cell centres (x0 + k·spacing) so that with
 * spacing = cell each point sits on a cell centre and its surface is that cell's, not a neighbour's.
 * Points over gaps are kept, with z NaN, so a hole shows in the result instead of vanishing.
 */
export function groundPoints(raster: HeightRaster, area: readonly XY[], spacing: number, sillHeight: number): GroundPoints {
  if (!(spacing > 0) || area.length < 3) return { points: [], xy: [] };
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const [x, y] of area) {
    minX = Math.min(minX, x); maxX = Math.max(maxX, x);
    minY = Math.min(minY, y); maxY = Math.max(maxY, y);
  }
  const points: [number, number, number][] = [], xy: XY[] = [];
  const k0 = Math.ceil((minX - raster.x0) / spacing), k1 = Math.floor((maxX - raster.x0) / spacing);
  const m0 = Math.ceil((minY - raster.y0) / spacing), m1 = Math.floor((maxY - raster.y0) / spacing);
  for (let m = m0; m <= m1; m++) {
    const y = raster.y0 + m * spacing;
    for (let k = k0; k <= k1; k++) {
      const x = raster.x0 + k * spacing;
      if (!insidePolygon(x, y, area)) continue;
      points.push([x, y, heightAt(raster, x, y) + sillHeight]); // NaN + sill stays NaN
      xy.push([x, y]);
    }
  }
  return { points, xy };
}

export interface FacadeSpec {
  /** Facade ends in ENU xy. Walking from `from` to `to`, the outside is on the right (a footprint ring listed anticlockwise). */
  readonly from: XY;
  readonly to: XY;
  /** z of the ground-floor floor. */
  readonly baseZ: number;
  readonly floors: number;
  readonly floorHeight: number;
  /** Window spacing along the facade, metres. */
  readonly spacing: number;
  /**
   * How far out from the wall the point sits. On a raster the point must land in a cell outside
   * the building, so use at least half a cell diagonal (0.71·cell) plus a little.
   */
  readonly offset: number;
  /** Window sill above the floor; default 0.9 m. */
  readonly sillHeight?: number;
}

export interface FacadePoint {
  readonly point: [number, number, number];
  /** Outward horizontal unit normal (pass as `normals` to `sunlightHours`). */
  readonly normal: XY;
  /** 0-based floor and window index along the facade. */
  readonly floor: number;
  readonly index: number;
}

/** One point per window: floors × windows, windows centred in equal `spacing`-long bays along the facade. */
export function facadePoints(f: FacadeSpec): FacadePoint[] {
  const ex = f.to[0] - f.from[0], ey = f.to[1] - f.from[1];
  const len = Math.hypot(ex, ey);
  if (!(len > 0) || !(f.spacing > 0) || !(f.floors >= 1)) return [];
  const normal: XY = [ey / len, -ex / len]; // right of the walking direction
  const bays = Math.max(1, Math.round(len / f.spacing));
  const sill = f.sillHeight ?? 0.9;
  const out: FacadePoint[] = [];
  for (let floor = 0; floor < Math.floor(f.floors); floor++) {
    const z = f.baseZ + floor * f.floorHeight + sill;
    for (let index = 0; index < bays; index++) {
      const s = (index + 0.5) / bays;
      out.push({
        point: [f.from[0] + ex * s + normal[0] * f.offset, f.from[1] + ey * s + normal[1] * f.offset, z],
        normal, floor, index,
      });
    }
  }
  return out;
}

export const VERDICT_FAIL = 0, VERDICT_PASS = 1, VERDICT_NO_DATA = 2;

export interface SunlightVerdict {
  /** Per point: VERDICT_PASS, VERDICT_FAIL or VERDICT_NO_DATA. */
  readonly verdict: Uint8Array;
  readonly summary: {
    readonly count: number;
    readonly passing: number;
    readonly failing: number;
    readonly noData: number;
    /** Over points with data; NaN when none has. */
    readonly min: number;
    readonly max: number;
  };
}

/** Float32 hours carry ~1e-7 relative error; a point at exactly the minimum passes. */
const HOURS_EPS = 1e-5;

export function sunlightVerdict(hours: Float32Array, rule: SunlightRule): SunlightVerdict {
  const verdict = new Uint8Array(hours.length);
  let passing = 0, failing = 0, noData = 0, min = Infinity, max = -Infinity;
  hours.forEach((h, k) => {
    if (Number.isNaN(h)) { verdict[k] = VERDICT_NO_DATA; noData++; return; }
    min = Math.min(min, h); max = Math.max(max, h);
    if (h >= rule.minHours - HOURS_EPS) { verdict[k] = VERDICT_PASS; passing++; } else { verdict[k] = VERDICT_FAIL; failing++; }
  });
  const judged = passing + failing > 0;
  return { verdict, summary: { count: hours.length, passing, failing, noData, min: judged ? min : Number.NaN, max: judged ? max : Number.NaN } };
}

// ---- Colour ------------------------------------------------------------------------------------

export type Rgba = readonly [number, number, number, number];

/** Failing hours run dark blue → light blue; passing ones green → yellow, so the minimum shows as a hue break. */
const FAIL_LOW: Rgba = [24, 32, 112, 220], FAIL_HIGH: Rgba = [110, 160, 235, 220];
const PASS_LOW: Rgba = [40, 170, 80, 220], PASS_HIGH: Rgba = [255, 221, 40, 220];
/** No data: grey, half transparent, so a gap reads as a gap and not as a result. */
export const NO_DATA_RGBA: Rgba = [128, 128, 128, 110];

const mix = (a: Rgba, b: Rgba, f: number): Rgba => {
  const c = Math.max(0, Math.min(1, f));
  const at = (k: 0 | 1 | 2 | 3): number => Math.round(a[k] + (b[k] - a[k]) * c);
  return [at(0), at(1), at(2), at(3)];
};

const windowHours = (rule: SunlightRule): number => (rule.windowEndMin - rule.windowStartMin) / 60;

/** RGBA bytes for a point's hours under the rule. */
export function sunlightColour(hours: number, rule: SunlightRule): Rgba {
  if (Number.isNaN(hours)) return NO_DATA_RGBA;
  const full = windowHours(rule);
  if (hours < rule.minHours - HOURS_EPS) return mix(FAIL_LOW, FAIL_HIGH, rule.minHours > 0 ? hours / rule.minHours : 0);
  const span = full - rule.minHours;
  return mix(PASS_LOW, PASS_HIGH, span > 0 ? (hours - rule.minHours) / span : 1);
}

export interface LegendStop {
  readonly hours: number;
  readonly rgba: Rgba;
  /** Language-neutral text (“0 h”, “< 2 h”, “≥ 2 h”); the UI adds words. */
  readonly label: string;
  readonly passes: boolean;
}

/** Legend stops in ascending hours; the minimum appears twice (its last failing and first passing colour). */
export function sunlightLegend(rule: SunlightRule): LegendStop[] {
  const full = windowHours(rule);
  const h = (x: number): string => `${Number(x.toFixed(2))} h`;
  const stops: LegendStop[] = [];
  if (rule.minHours > 0) {
    stops.push({ hours: 0, rgba: FAIL_LOW, label: h(0), passes: false });
    stops.push({ hours: rule.minHours, rgba: FAIL_HIGH, label: `< ${h(rule.minHours)}`, passes: false });
  }
  stops.push({ hours: rule.minHours, rgba: PASS_LOW, label: `≥ ${h(rule.minHours)}`, passes: true });
  if (full > rule.minHours) stops.push({ hours: full, rgba: PASS_HIGH, label: h(full), passes: true });
  return stops;
}
