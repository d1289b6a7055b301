// Viewshed: which cells within a radius (and a field of view) an observer sees over the raster.
//
// Algorithm: Franklin & Ray's R2 approximation. One ray from the observer's cell to every cell on
// the perimeter of the radius square, stepped one cell per step of its major axis (nearest cell on
// the minor axis), carrying the running maximum elevation slope of the surface passed so far. A cell
// is seen iff the slope to its surface (plus the target height) is not below that maximum. Rays
// near the observer pass through the same cell several times; the cell keeps the verdict of the
// ray passing nearest its centre. Cost ≈ 8n² steps for an n-cell radius (R3, a sweep per cell,
// would be n³), and no cell in the square is missed: every one lies on some perimeter ray.
import type { HeightRaster } from './raster.ts';
import { refuse, resolvePlace, type Place, type Reviewed, type XYZ } from './sight.ts';

/** Per-cell values of `Viewshed.cells`. */
export const VIEW = {
  /** Outside the radius or field of view, or the cell itself holds no data. */
  none: 0,
  visible: 1,
  hidden: 2,
  /** Not hidden by any known surface, but a cell without data lies in the way. */
  unknown: 3,
} as const;

export interface ViewshedOptions {
  /** Metres from the observer, horizontally. */
  readonly radius: number;
  /** Compass bearing of the view's centre line, degrees clockwise from north (default 0). */
  readonly headingDeg?: number;
  /** Full opening angle in degrees; 360 (the default) is all round. */
  readonly fovDeg?: number;
  /** Height above the surface a point must be seen at (0: the surface itself; 1.5: a person standing there). */
  readonly targetHeight?: number;
}

export interface Viewshed {
  readonly observer: XYZ;
  /** One `VIEW` value per raster cell, row-major like `heights`. */
  readonly cells: Uint8Array;
  /** Cells of the sector by verdict; noData counts sector cells that hold no height. */
  readonly counts: { readonly visible: number; readonly hidden: number; readonly unknown: number; readonly noData: number };
  readonly visibleAreaM2: number;
  /** The sector reaches past the raster's edge: what lies beyond was not analysed. */
  readonly beyondRaster: boolean;
}

const EPS = 1e-9;
// Working states; NO_DATA folds into VIEW.none on output but is counted apart.
const UNSEEN = 0, NO_DATA = 4;

export function viewshed(r: HeightRaster, observer: Place, options: ViewshedOptions): Reviewed<Viewshed> {
  const { radius, headingDeg = 0, fovDeg = 360, targetHeight = 0 } = options;
  if (!(radius > 0) || !Number.isFinite(radius)) return refuse({ kind: 'invalid', what: `radius must be a positive number of metres, got ${radius}` });
  if (!(fovDeg > 0 && fovDeg <= 360)) return refuse({ kind: 'invalid', what: `fovDeg must be in (0, 360], got ${fovDeg}` });
  if (!Number.isFinite(targetHeight) || !Number.isFinite(headingDeg)) return refuse({ kind: 'invalid', what: 'headingDeg and targetHeight must be finite' });
  const placed = resolvePlace(r, observer, 'observer');
  if ('ok' in placed) return placed;
  const [ox, oy, oz] = placed.xyz;
  const { cols, rows, cell, heights } = r;
  const oi = Math.round((ox - r.x0) / cell), oj = Math.round((oy - r.y0) / cell);
  const n = Math.max(1, Math.ceil(radius / cell));

  // Work in the square around the observer clipped to the raster.
  const bi0 = Math.max(0, oi - n), bi1 = Math.min(cols - 1, oi + n);
  const bj0 = Math.max(0, oj - n), bj1 = Math.min(rows - 1, oj + n);
  const bw = bi1 - bi0 + 1, bh = bj1 - bj0 + 1;
  const state = new Uint8Array(bw * bh);
  const offset = new Float32Array(bw * bh).fill(Infinity);
  const r2 = radius * radius;

  const cast = (dx: number, dy: number): void => {
    let maxSlope = -Infinity, gap = false;
    for (let k = 1; k <= n; k++) {
      const fx = (k * dx) / n, fy = (k * dy) / n;
      const ci = Math.round(fx), cj = Math.round(fy);
      const i = oi + ci, j = oj + cj;
      if (i < bi0 || i > bi1 || j < bj0 || j > bj1) return; // left the raster: nothing further is loaded
      const ex = r.x0 + i * cell - ox, ey = r.y0 + j * cell - oy;
      const d2 = ex * ex + ey * ey;
      if (d2 > r2) return;
      const h = heights[j * cols + i]!;
      let st: number;
      if (!Number.isFinite(h)) { st = NO_DATA; gap = true; }
      else {
        const d = Math.sqrt(d2);
        const slope = (h - oz) / d;
        // Known surface decides a hidden cell even past a gap: a gap could only hide more.
        st = (h + targetHeight - oz) / d < maxSlope - EPS ? VIEW.hidden : gap ? VIEW.unknown : VIEW.visible;
        if (slope > maxSlope) maxSlope = slope;
      }
      const w = (j - bj0) * bw + (i - bi0);
      const e = Math.abs(fx - ci) + Math.abs(fy - cj); // one of the two is always 0
      if (e < offset[w]!) { offset[w] = e; state[w] = st; }
    }
  };
  for (let t = -n; t < n; t++) {
    cast(t, -n); cast(n, t); cast(-t, n); cast(-n, -t); // each side of the square once, corners once
  }

  const cells = new Uint8Array(cols * rows);
  const all = fovDeg >= 360;
  const counts = { visible: 0, hidden: 0, unknown: 0, noData: 0 };
  let beyondRaster = false;
  for (let j = oj - n; j <= oj + n; j++) {
    for (let i = oi - n; i <= oi + n; i++) {
      const ex = r.x0 + i * cell - ox, ey = r.y0 + j * cell - oy;
      if (ex * ex + ey * ey > r2) continue;
      if (!all && (ex !== 0 || ey !== 0)) {
        const bearing = (Math.atan2(ex, ey) * 180) / Math.PI;
        const off = ((((bearing - headingDeg) % 360) + 540) % 360) - 180;
        if (Math.abs(off) > fovDeg / 2 + EPS) continue;
      }
      if (i < 0 || j < 0 || i >= cols || j >= rows) { beyondRaster = true; continue; }
      const k = j * cols + i;
      let st = i === oi && j === oj ? VIEW.visible : state[(j - bj0) * bw + (i - bi0)]!;
      if (i === oi && j === oj && !Number.isFinite(heights[k]!)) st = NO_DATA; // absolute-z observer over a gap
      if (st === UNSEEN) continue; // unreachable by construction; never report it as seen
      if (st === NO_DATA) { counts.noData += 1; continue; }
      cells[k] = st;
      if (st === VIEW.visible) counts.visible += 1;
      else if (st === VIEW.hidden) counts.hidden += 1;
      else counts.unknown += 1;
    }
  }
  return { ok: true, observer: placed.xyz, cells, counts, visibleAreaM2: counts.visible * cell * cell, beyondRaster };
}
