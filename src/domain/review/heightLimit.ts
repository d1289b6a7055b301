// Height-limit check: which cells inside a control zone (an ENU polygon) rise above its limit z,
// by how much and where. Cells are taken by their centres with the even–odd, half-open rule of
// planning's pointInPolygons (a centre on an edge shared by two zones falls in exactly one of them),
// done a row at a time: one sorted list of edge crossings per row instead of a test per cell.
import type { HeightRaster } from './raster.ts';
import { refuse, type Reviewed, type XY } from './sight.ts';

/** Per-cell values of `HeightLimitCheck.mask`. */
export const LIMIT = {
  /** Not inside the polygon. */
  outside: 0,
  above: 1,
  /** Inside, but the raster holds no height there. */
  noData: 2,
  /** Inside and at or below the limit. */
  within: 3,
} as const;

export interface HeightLimitCheck {
  readonly limitZ: number;
  /** One `LIMIT` value per raster cell, row-major like `heights`. */
  readonly mask: Uint8Array;
  /** Cells whose centres lie inside the polygon and on the raster. */
  readonly insideCells: number;
  readonly aboveCells: number;
  readonly areaAboveM2: number;
  /** Inside cells without data: a clean result says nothing about them. */
  readonly noDataCells: number;
  /** Cell centres inside the polygon but off the raster: not checked at all. */
  readonly beyondCells: number;
  /** The highest point over the limit (cell centre) and by how many metres; absent when nothing exceeds. */
  readonly maxExceedance?: { readonly metres: number; readonly x: number; readonly y: number };
}

/** Rows of the polygon's bounding box past which the request is surely a unit mistake (km given as m…). */
const MAX_ROWS = 1_000_000;

/**
 * Checks the surface inside `polygon` (a ring of ENU x/y, closed or not) against `limitZ` (z in the
 * raster's frame). Refuses a ring of fewer than three points, a non-finite limit, a polygon covering
 * no cell centre of the raster, and one whose every inside cell lacks data.
 */
export function aboveLimit(r: HeightRaster, polygon: readonly XY[], limitZ: number): Reviewed<HeightLimitCheck> {
  if (polygon.length < 3) return refuse({ kind: 'invalid', what: `a control zone needs at least 3 points, got ${polygon.length}` });
  if (!Number.isFinite(limitZ)) return refuse({ kind: 'invalid', what: `height limit must be a finite z, got ${limitZ}` });
  if (!polygon.every((p) => Number.isFinite(p[0]) && Number.isFinite(p[1]))) return refuse({ kind: 'invalid', what: 'polygon has a non-finite coordinate' });
  const { cols, rows, cell, heights, x0, y0 } = r;
  let minY = Infinity, maxY = -Infinity;
  for (const p of polygon) { minY = Math.min(minY, p[1]); maxY = Math.max(maxY, p[1]); }
  const jLo = Math.ceil((minY - y0) / cell) - 1, jHi = Math.floor((maxY - y0) / cell) + 1; // one spare row each side
  if (jHi - jLo > MAX_ROWS) return refuse({ kind: 'invalid', what: `polygon spans ${jHi - jLo} raster rows` });

  const mask = new Uint8Array(cols * rows);
  let insideCells = 0, aboveCells = 0, noDataCells = 0, beyondCells = 0;
  let best: { metres: number; x: number; y: number } | undefined;
  const xs: number[] = [];
  for (let j = jLo; j <= jHi; j++) {
    const y = y0 + j * cell;
    // Crossings as pointInPolygons computes them: each edge from its southern end, half-open in y.
    xs.length = 0;
    for (let e = 0, f = polygon.length - 1; e < polygon.length; f = e++) {
      let a = polygon[f]!, b = polygon[e]!;
      if (a[1] > b[1]) [a, b] = [b, a];
      if (a[1] <= y && y < b[1]) xs.push(a[0] + ((y - a[1]) * (b[0] - a[0])) / (b[1] - a[1]));
    }
    xs.sort((p, q) => p - q);
    // A centre x is inside iff an odd number of crossings lie strictly east of it: x in [xs0, xs1), [xs2, xs3)…
    for (let s = 0; s + 1 < xs.length; s += 2) {
      const xa = xs[s]!, xb = xs[s + 1]!;
      let iLo = Math.ceil((xa - x0) / cell), iHi = Math.ceil((xb - x0) / cell) - 1;
      // Settle rounding at the interval's ends by the very comparison pointInPolygons makes.
      while (x0 + (iLo - 1) * cell >= xa) iLo--;
      while (x0 + iLo * cell < xa) iLo++;
      while (x0 + (iHi + 1) * cell < xb) iHi++;
      while (iHi >= iLo && x0 + iHi * cell >= xb) iHi--;
      if (iHi < iLo) continue;
      if (j < 0 || j >= rows) { beyondCells += iHi - iLo + 1; continue; }
      const from = Math.max(iLo, 0), to = Math.min(iHi, cols - 1);
      beyondCells += iHi - iLo + 1 - Math.max(0, to - from + 1);
      for (let i = from; i <= to; i++) {
        const k = j * cols + i;
        insideCells += 1;
        const h = heights[k]!;
        if (!Number.isFinite(h)) { mask[k] = LIMIT.noData; noDataCells += 1; continue; }
        if (h > limitZ) {
          mask[k] = LIMIT.above;
          aboveCells += 1;
          if (!best || h - limitZ > best.metres) best = { metres: h - limitZ, x: x0 + i * cell, y };
        } else mask[k] = LIMIT.within;
      }
    }
  }
  const first = polygon[0]!;
  if (insideCells === 0) return refuse({ kind: 'outside', where: first, what: 'control zone covers no cell of the loaded raster' });
  if (noDataCells === insideCells) return refuse({ kind: 'noData', where: first, what: 'no surface data inside the control zone' });
  const result = { ok: true as const, limitZ, mask, insideCells, aboveCells, areaAboveM2: aboveCells * cell * cell, noDataCells, beyondCells };
  return best ? { ...result, maxExceedance: best } : result;
}
