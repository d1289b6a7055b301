// Distance to the shoreline, for the seabed's depth profile (tidal flats widen and the sea deepens
// away from the coast). The land mask answers "land or sea here" only; a distance needs the whole
// coast, so we rasterise the mask once on a 40 m grid around the seabed's waters and run an exact
// Euclidean distance transform (Felzenszwalb & Huttenlocher) in both directions. Queries are
// bilinear in the grid, so the distance is continuous (the seabed must have no steps).
import { toX, toY, toLon, toLat, type LonLatRect } from '../world/frame.ts';
import type { LandMask } from '../world/coast.ts';

/** Where the field is computed: the seabed extent with ≥ 4 km of margin, inside the land
 *  raster's bounds (coast.ts covers lon 120.95–121.95, lat 29.65–30.5). Outside it, queries clamp. */
export const SHORE_FIELD_BOUNDS: LonLatRect = { west: 121.6, south: 29.84, east: 121.95, north: 30.16 };
const CELL = 40;

export interface ShoreField {
  /** Signed distance to the shore in metres: positive at sea, negative inland. */
  signedDistance(x: number, y: number): number;
}

const cache = new WeakMap<LandMask, ShoreField>();

export function shoreField(land: LandMask): ShoreField {
  let f = cache.get(land);
  if (!f) { f = buildShoreField(land); cache.set(land, f); }
  return f;
}

function buildShoreField(land: LandMask): ShoreField {
  const x0 = toX(SHORE_FIELD_BOUNDS.west), y0 = toY(SHORE_FIELD_BOUNDS.south);
  const w = Math.ceil((toX(SHORE_FIELD_BOUNDS.east) - x0) / CELL) + 1;
  const h = Math.ceil((toY(SHORE_FIELD_BOUNDS.north) - y0) / CELL) + 1;
  const isLand = new Uint8Array(w * h);
  for (let r = 0; r < h; r++) {
    const lat = toLat(y0 + r * CELL);
    for (let c = 0; c < w; c++) isLand[r * w + c] = land.fraction(toLon(x0 + c * CELL), lat) >= 0.5 ? 1 : 0;
  }
  const toLandSq = squaredDistance(isLand, w, h, 1);
  const toSeaSq = squaredDistance(isLand, w, h, 0);
  // The shore lies between a land node and a sea node: half a cell off each.
  const signed = new Float32Array(w * h);
  for (let i = 0; i < w * h; i++) {
    signed[i] = isLand[i] ? -(Math.sqrt(toSeaSq[i]!) * CELL - CELL / 2) : Math.sqrt(toLandSq[i]!) * CELL - CELL / 2;
  }
  const at = (c: number, r: number): number => signed[Math.min(h - 1, Math.max(0, r)) * w + Math.min(w - 1, Math.max(0, c))]!;
  return {
    signedDistance(x, y) {
      const fx = Math.min(w - 1, Math.max(0, (x - x0) / CELL));
      const fy = Math.min(h - 1, Math.max(0, (y - y0) / CELL));
      const c = Math.floor(fx), r = Math.floor(fy);
      const tx = fx - c, ty = fy - r;
      return at(c, r) * (1 - tx) * (1 - ty) + at(c + 1, r) * tx * (1 - ty) + at(c, r + 1) * (1 - tx) * ty + at(c + 1, r + 1) * tx * ty;
    },
  };
}

const FAR = 1e12;

/** Squared distance (in cells) from every node to the nearest node whose value is `target`. */
function squaredDistance(grid: Uint8Array, w: number, h: number, target: number): Float64Array {
  const d = new Float64Array(w * h);
  for (let i = 0; i < w * h; i++) d[i] = grid[i] === target ? 0 : FAR;
  const n = Math.max(w, h);
  const f = new Float64Array(n), out = new Float64Array(n), z = new Float64Array(n + 1);
  const v = new Int32Array(n);
  for (let c = 0; c < w; c++) {
    for (let r = 0; r < h; r++) f[r] = d[r * w + c]!;
    transform1d(f, h, out, v, z);
    for (let r = 0; r < h; r++) d[r * w + c] = out[r]!;
  }
  for (let r = 0; r < h; r++) {
    for (let c = 0; c < w; c++) f[c] = d[r * w + c]!;
    transform1d(f, w, out, v, z);
    for (let c = 0; c < w; c++) d[r * w + c] = out[c]!;
  }
  return d;
}

/** 1-D squared distance transform of a sampled function (lower envelope of parabolas). */
function transform1d(f: Float64Array, n: number, out: Float64Array, v: Int32Array, z: Float64Array): void {
  let k = 0;
  v[0] = 0; z[0] = -Infinity; z[1] = Infinity;
  for (let q = 1; q < n; q++) {
    // z[0] is -Infinity, so the loop stops at k = 0 at the latest.
    let s = intersection(f, q, v[k]!);
    while (s <= z[k]!) { k--; s = intersection(f, q, v[k]!); }
    k++;
    v[k] = q; z[k] = s; z[k + 1] = Infinity;
  }
  k = 0;
  for (let q = 0; q < n; q++) {
    while (z[k + 1]! < q) k++;
    const p = v[k]!;
    out[q] = (q - p) * (q - p) + f[p]!;
  }
}

/** Where the parabolas rooted at q and p intersect. */
const intersection = (f: Float64Array, q: number, p: number): number => ((f[q]! + q * q) - (f[p]! + p * p)) / (2 * q - 2 * p);
