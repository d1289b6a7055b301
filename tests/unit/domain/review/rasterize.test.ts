import { describe, expect, it } from 'vitest';
import { createRaster, heightAt, maxHeight, rayBlockedAt, type HeightRaster } from '../../../../src/domain/review/raster.ts';
import { rasterizeTriangles } from '../../../../src/domain/review/rasterize.ts';

const O = { lon: 121.55, lat: 29.87, height: 0 };
type P = [number, number, number];
/** Two triangles of a quad a b c d (counter-clockwise or not: the rasteriser takes either). */
const quad = (a: P, b: P, c: P, d: P): number[] => [...a, ...b, ...c, ...a, ...c, ...d];
/** Every cell's value as a map from "i,j" for the cells holding data. */
const filled = (r: HeightRaster): Map<string, number> => {
  const m = new Map<string, number>();
  r.heights.forEach((h, k) => { if (!Number.isNaN(h)) m.set(`${k % r.cols},${Math.floor(k / r.cols)}`, h); });
  return m;
};

describe('rasterizeTriangles', () => {
  it('fills exactly the cells whose centres a flat square covers', () => {
    // Cells 1 m, centres at −9.5 … 9.5: the square −5…5 covers the centres −4.5 … 4.5, ten a side.
    const r = createRaster(O, -9.5, -9.5, 1, 20, 20);
    rasterizeTriangles(r, new Float64Array(quad([-5, -5, 3], [5, -5, 3], [5, 5, 3], [-5, 5, 3])));
    const m = filled(r);
    expect(m.size).toBe(100);
    for (let i = 5; i < 15; i++) for (let j = 5; j < 15; j++) expect(m.get(`${i},${j}`)).toBe(3);
  });

  it('interpolates a tilted plane at each cell centre', () => {
    const z = (x: number, y: number): number => 0.5 * x - 0.25 * y + 7;
    const c = (x: number, y: number): P => [x, y, z(x, y)];
    const r = createRaster(O, -9.5, -9.5, 1, 20, 20);
    rasterizeTriangles(r, new Float32Array(quad(c(-8, -8), c(8, -8), c(8, 8), c(-8, 8))));
    const m = filled(r);
    expect(m.size).toBe(16 * 16);
    for (const [key, h] of m) {
      const [i, j] = key.split(',').map(Number) as [number, number];
      expect(h).toBeCloseTo(z(-9.5 + i, -9.5 + j), 4);
    }
    // The shared diagonal is no seam: its cells read the plane, not the edge's max in the cell.
    expect(heightAt(r, 0.5, 0.5)).toBeCloseTo(z(0.5, 0.5), 4);
  });

  it('keeps the higher of two overlapping surfaces and ignores a lower one drawn later', () => {
    const r = createRaster(O, 0.5, 0.5, 1, 4, 4);
    rasterizeTriangles(r, new Float64Array(quad([0, 0, 9], [4, 0, 9], [4, 4, 9], [0, 4, 9])));
    rasterizeTriangles(r, new Float64Array(quad([0, 0, 2], [4, 0, 2], [4, 4, 2], [0, 4, 2])));
    expect([...r.heights]).toEqual(new Array<number>(16).fill(9));
    expect(maxHeight(r)).toBe(9);
  });

  describe('a closed box on the ground', () => {
    // Ground 40 m square at z 0; a box x −5.2…4.8, y −3…3, 12 m tall with walls and a roof.
    // Cells 1 m centred on whole metres. Inside: centres −5…4 (x) and −3…3 (y, the edges count).
    // The east wall x = 4.8 runs through the cells centred on x = 5 (4.5…5.5): they take the roof.
    // The west wall x = −5.2 runs through the cells centred on −5, already inside.
    const [x0, x1, y0, y1, top] = [-5.2, 4.8, -3, 3, 12];
    const box = [
      ...quad([x0, y0, top], [x1, y0, top], [x1, y1, top], [x0, y1, top]),
      ...quad([x0, y0, 0], [x1, y0, 0], [x1, y0, top], [x0, y0, top]),
      ...quad([x1, y0, 0], [x1, y1, 0], [x1, y1, top], [x1, y0, top]),
      ...quad([x1, y1, 0], [x0, y1, 0], [x0, y1, top], [x1, y1, top]),
      ...quad([x0, y1, 0], [x0, y0, 0], [x0, y0, top], [x0, y1, top]),
    ];
    const ground = quad([-20, -20, 0], [20, -20, 0], [20, 20, 0], [-20, 20, 0]);
    const r = createRaster(O, -19, -19, 1, 39, 39);
    rasterizeTriangles(r, new Float64Array([...ground, ...box]));

    it('comes out as a solid block with sharp walls', () => {
      for (let j = 0; j < r.rows; j++) {
        for (let i = 0; i < r.cols; i++) {
          const x = r.x0 + i, y = r.y0 + j;
          const inBlock = x >= -5 && x <= 5 && y >= -3 && y <= 3;
          expect(r.heights[j * r.cols + i], `cell at (${x}, ${y})`).toBe(inBlock ? top : 0);
        }
      }
    });

    it('blocks a sight line through it and not one beside it', () => {
      const hit = rayBlockedAt(r, [-15, 0, 1.6], [1, 0, 0], 30)!; // the wall at x = −5.2, seen at half-cell steps
    expect(hit).toBeGreaterThan(9);
    expect(hit).toBeLessThan(10.5);
      expect(rayBlockedAt(r, [-15, 5, 1.6], [1, 0, 0], 30)).toBeUndefined();
    });
  });

  it('gives a lone wall its top in every cell it passes, diagonal or sloping', () => {
    // A diagonal wall from (0.5, 0.5) to (9.5, 9.5), top rising 10 → 19 along it (z = 9.5 + x).
    const r = createRaster(O, 0.5, 0.5, 1, 10, 10);
    const wall = quad([0.5, 0.5, 0], [9.5, 9.5, 0], [9.5, 9.5, 19], [0.5, 0.5, 10]);
    rasterizeTriangles(r, new Float64Array(wall));
    const m = filled(r);
    // Through cell centres exactly: the diagonal cells, each taking the top where the wall leaves
    // the cell (x = centre + 0.5, clamped to the wall's end); the neighbours it only grazes at a
    // corner may take that corner's height too, nothing further off.
    for (let k = 0; k < 10; k++) expect(m.get(`${k},${k}`)).toBeCloseTo(9.5 + Math.min(k + 1, 9.5), 5);
    for (const key of m.keys()) {
      const [i, j] = key.split(',').map(Number) as [number, number];
      expect(Math.abs(i - j)).toBeLessThanOrEqual(1);
    }
  });

  it('writes only where the caller allows', () => {
    const r = createRaster(O, 0.5, 0.5, 1, 4, 4);
    const n = rasterizeTriangles(r, new Float64Array(quad([0, 0, 5], [4, 0, 5], [4, 4, 5], [0, 4, 5])), 'max', { writable: (k) => k % 4 < 2 });
    expect(n).toBe(8);
    expect([...r.heights].map((h) => (Number.isNaN(h) ? 'nan' : h))).toEqual([5, 5, 'nan', 'nan', 5, 5, 'nan', 'nan', 5, 5, 'nan', 'nan', 5, 5, 'nan', 'nan']);
  });
});
