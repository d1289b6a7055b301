// The surface as a height raster in a local ENU frame: the top of the mesh (and of any proposal
// placed in it) per cell. Sunlight, sight lines, viewsheds, profiles, flood and height limits all
// read it, so each analysis is plain arithmetic on one array and runs the same in Node tests and
// in the browser. A raster is 2.5-D: overhangs read as solid down to the ground, which for the
// roofs and facades of a city mesh errs towards shade, never towards sun.
import type { LonLatHeight } from './frame.ts';

export interface HeightRaster {
  /** The ENU frame's origin; x east, y north, z up, in metres. */
  readonly origin: LonLatHeight;
  /** ENU x/y of cell (0,0)'s centre. */
  readonly x0: number;
  readonly y0: number;
  /** Cell size in metres (square cells). */
  readonly cell: number;
  readonly cols: number;
  readonly rows: number;
  /** Top-surface z per cell, row-major (row j = y0 + j·cell); NaN where nothing was loaded. */
  readonly heights: Float32Array;
}

export function createRaster(origin: LonLatHeight, x0: number, y0: number, cell: number, cols: number, rows: number, fill = Number.NaN): HeightRaster {
  if (!(cell > 0) || !Number.isInteger(cols) || !Number.isInteger(rows) || cols < 1 || rows < 1) {
    throw new RangeError(`raster: cell must be > 0 and cols/rows whole numbers ≥ 1 (cell ${cell}, ${cols}×${rows})`);
  }
  return { origin, x0, y0, cell, cols, rows, heights: new Float32Array(cols * rows).fill(fill) };
}

/** Column and row of the cell holding (x, y), or undefined outside the raster. */
export function cellAt(r: HeightRaster, x: number, y: number): { i: number; j: number } | undefined {
  const i = Math.round((x - r.x0) / r.cell), j = Math.round((y - r.y0) / r.cell);
  return i >= 0 && j >= 0 && i < r.cols && j < r.rows ? { i, j } : undefined;
}

/** The surface z at (x, y) (nearest cell); NaN outside the raster or where it holds no data. */
export function heightAt(r: HeightRaster, x: number, y: number): number {
  const c = cellAt(r, x, y);
  return c ? r.heights[c.j * r.cols + c.i]! : Number.NaN;
}

/** Whether the raster holds data at every point of a box (an analysis must not read gaps as open ground). */
export function coverage(r: HeightRaster, minX: number, minY: number, maxX: number, maxY: number): number {
  let have = 0, all = 0;
  for (let y = minY; y <= maxY + 1e-9; y += r.cell) {
    for (let x = minX; x <= maxX + 1e-9; x += r.cell) {
      all += 1;
      if (Number.isFinite(heightAt(r, x, y))) have += 1;
    }
  }
  return all === 0 ? 0 : have / all;
}

export type Vec3Like = readonly [number, number, number];

/**
 * Distance along the ray from `from` in unit direction `dir` to the first cell whose surface rises
 * above the ray, or undefined when the ray leaves the raster (or climbs above `ceiling`) unblocked.
 * Steps of half a cell, so a wall one cell thick is never stepped over. Cells without data do not
 * block: callers check coverage first.
 */
export function rayBlockedAt(r: HeightRaster, from: Vec3Like, dir: Vec3Like, maxDistance = Infinity, ceiling = maxHeight(r)): number | undefined {
  const step = r.cell / 2;
  for (let t = step; t <= maxDistance; t += step) {
    const x = from[0] + dir[0] * t, y = from[1] + dir[1] * t, z = from[2] + dir[2] * t;
    if (z > ceiling) return undefined; // above every roof: nothing further can block it
    const c = cellAt(r, x, y);
    if (!c) return undefined;
    const h = r.heights[c.j * r.cols + c.i]!;
    if (h > z) return t;
  }
  return undefined;
}

const maxCache = new WeakMap<Float32Array, number>();
/** The highest surface z in the raster (cached per heights array; call `touched` after editing heights). */
export function maxHeight(r: HeightRaster): number {
  const cached = maxCache.get(r.heights);
  if (cached !== undefined) return cached;
  let m = -Infinity;
  for (const h of r.heights) if (h > m) m = h;
  maxCache.set(r.heights, m);
  return m;
}

/** Forget cached statistics after writing into `heights` (rasterising a proposal, flattening a parcel). */
export function touched(r: HeightRaster): void {
  maxCache.delete(r.heights);
}
