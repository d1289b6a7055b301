// Triangles into the height raster: each cell takes the highest surface over its centre. A cell
// centre test alone misses walls (a vertical triangle has no area seen from above) and slivers
// thinner than a cell, which would leave a building hollow-edged and let sight lines slip through
// facades; such triangles are also traced edge by edge through every cell they cross, taking the
// edge's highest z inside that cell, so a box comes out as a solid block up to its wall cells.
import { touched, type HeightRaster } from './raster.ts';

export interface RasterizeOptions {
  /** Which cells this call may write (row-major index); all when absent. */
  writable?: (index: number) => boolean;
}

/**
 * Write triangles (xyz triples in the raster's ENU frame, 9 numbers a triangle) into `raster`,
 * keeping per cell the max of what is there and the new surface (NaN counts as nothing there).
 * Returns the number of cells written.
 */
export function rasterizeTriangles(raster: HeightRaster, triangles: Float32Array | Float64Array, mode: 'max' = 'max', opts: RasterizeOptions = {}): number {
  if (mode !== 'max') throw new RangeError(`rasterizeTriangles: mode ${String(mode)} is not supported`);
  const { x0, y0, cell, cols, rows, heights } = raster;
  const ok = opts.writable;
  let written = 0;
  const put = (i: number, j: number, z: number): void => {
    const k = j * cols + i;
    if (ok && !ok(k)) return;
    const h = heights[k]!;
    if (!(h >= z)) { heights[k] = z; written++; } // also replaces NaN
  };
  // The column/row whose cell holds coordinate v (cells are centred on x0 + i·cell).
  const colOf = (x: number): number => Math.floor((x - x0) / cell + 0.5);
  const rowOf = (y: number): number => Math.floor((y - y0) / cell + 0.5);

  const edge = (ax: number, ay: number, az: number, bx: number, by: number, bz: number): void => {
    // Walk the cells the segment crosses (Amanatides–Woo); z is linear along it, so its max inside
    // a cell is at the entry or exit point.
    const dx = bx - ax, dy = by - ay;
    let i = colOf(ax), j = rowOf(ay);
    const iEnd = colOf(bx), jEnd = rowOf(by);
    const stepI = dx > 0 ? 1 : -1, stepJ = dy > 0 ? 1 : -1;
    const tDeltaX = dx === 0 ? Infinity : cell / Math.abs(dx);
    const tDeltaY = dy === 0 ? Infinity : cell / Math.abs(dy);
    const bound = (k: number, step: number, origin: number): number => origin + (k + (step > 0 ? 0.5 : -0.5)) * cell;
    let tMaxX = dx === 0 ? Infinity : (bound(i, stepI, x0) - ax) / dx;
    let tMaxY = dy === 0 ? Infinity : (bound(j, stepJ, y0) - ay) / dy;
    let tIn = 0;
    for (let guard = Math.abs(iEnd - i) + Math.abs(jEnd - j) + 2; guard > 0; guard--) {
      const tOut = Math.min(tMaxX, tMaxY, 1);
      if (i >= 0 && j >= 0 && i < cols && j < rows) put(i, j, Math.max(az + (bz - az) * tIn, az + (bz - az) * tOut));
      if (i === iEnd && j === jEnd) break;
      if (tMaxX < tMaxY) { i += stepI; tIn = tMaxX; tMaxX += tDeltaX; } else { j += stepJ; tIn = tMaxY; tMaxY += tDeltaY; }
      if (tIn > 1 + 1e-12) break; // rounding walked past the end cell
    }
  };

  for (let t = 0; t + 8 < triangles.length; t += 9) {
    const ax = triangles[t]!, ay = triangles[t + 1]!, az = triangles[t + 2]!;
    const bx = triangles[t + 3]!, by = triangles[t + 4]!, bz = triangles[t + 5]!;
    const cx = triangles[t + 6]!, cy = triangles[t + 7]!, cz = triangles[t + 8]!;
    const area2 = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax); // twice the signed xy area
    const longest = Math.max(Math.hypot(bx - ax, by - ay), Math.hypot(cx - bx, cy - by), Math.hypot(ax - cx, ay - cy));
    // Narrowest width of the xy footprint; below a cell it may cover no centre at all.
    if (!(Math.abs(area2) >= longest * cell)) {
      edge(ax, ay, az, bx, by, bz);
      edge(bx, by, bz, cx, cy, cz);
      edge(cx, cy, cz, ax, ay, az);
    }
    if (area2 === 0 || !Number.isFinite(area2)) continue;
    const iMin = Math.max(0, Math.ceil((Math.min(ax, bx, cx) - x0) / cell)), iMax = Math.min(cols - 1, Math.floor((Math.max(ax, bx, cx) - x0) / cell));
    const jMin = Math.max(0, Math.ceil((Math.min(ay, by, cy) - y0) / cell)), jMax = Math.min(rows - 1, Math.floor((Math.max(ay, by, cy) - y0) / cell));
    for (let j = jMin; j <= jMax; j++) {
      const py = y0 + j * cell;
      for (let i = iMin; i <= iMax; i++) {
        const px = x0 + i * cell;
        const wa = ((bx - px) * (cy - py) - (by - py) * (cx - px)) / area2;
        const wb = ((cx - px) * (ay - py) - (cy - py) * (ax - px)) / area2;
        const wc = 1 - wa - wb;
        // A centre exactly on a shared edge belongs to both triangles: the tolerance keeps it from
        // falling through the crack by rounding, and max() makes the double write harmless.
        if (wa < -1e-9 || wb < -1e-9 || wc < -1e-9) continue;
        put(i, j, wa * az + wb * bz + wc * cz);
      }
    }
  }
  if (written > 0) touched(raster);
  return written;
}
