import { describe, expect, it } from 'vitest';
import { createRaster, type HeightRaster } from '../../../../src/domain/review/raster.ts';
import { FLOOD, floodAt, floodSeries, type Flood, type FloodSource } from '../../../../src/domain/review/flood.ts';
import type { Reviewed } from '../../../../src/domain/review/sight.ts';

const ORIGIN = { lon: 121.55, lat: 29.87, height: 0 };

/**
 * 21×21 cells of 1 m (centres 0…20): land at z 1, a ring dyke at z 5 on the cells at Chebyshev
 * distance 6 from the centre (10, 10), and a basin at z 0 inside it (11×11 cells).
 * Outside the dyke: 441 − 13² = 272 cells; the dyke: 13² − 11² = 48; the basin: 121.
 */
function polder(cell = 1): HeightRaster {
  const r = createRaster(ORIGIN, 0, 0, cell, 21, 21, 1);
  for (let j = 0; j < 21; j++) {
    for (let i = 0; i < 21; i++) {
      const d = Math.max(Math.abs(i - 10), Math.abs(j - 10));
      r.heights[j * 21 + i] = d === 6 ? 5 : d < 6 ? 0 : 1;
    }
  }
  return r;
}
function ok(res: Reviewed<Flood>): Flood {
  if (!res.ok) throw new Error(`refused: ${JSON.stringify(res.problem)}`);
  return res;
}
const at = (f: Flood, i: number, j: number): number => f.mask[j * 21 + i]!;

describe('floodAt', () => {
  it('floods the land from the edges but stops at the dyke', () => {
    const f = ok(floodAt(polder(), 3, { connectedFrom: 'edges' }));
    expect(f.cells).toBe(272);
    expect(f.areaM2).toBe(272);
    expect(f.maxDepth).toBe(2);
    expect(f.volumeM3).toBe(272 * 2);
    expect(at(f, 0, 0)).toBe(FLOOD.flooded);
    expect(at(f, 10, 4)).toBe(FLOOD.dry); // the dyke
    expect(at(f, 10, 10)).toBe(FLOOD.dry); // the basin behind it, though lower
    expect(f.noDataCells).toBe(0);
    expect(f.maybeCells).toBe(0);
  });

  it("floods every cell below the level with 'all', the basin included", () => {
    const f = ok(floodAt(polder(), 3, { connectedFrom: 'all' }));
    expect(f.cells).toBe(272 + 121);
    expect(f.maxDepth).toBe(3);
    expect(f.volumeM3).toBe(272 * 2 + 121 * 3);
  });

  it('floods only the basin from a seed inside it', () => {
    const f = ok(floodAt(polder(), 3, { connectedFrom: [[10, 10]] }));
    expect(f.cells).toBe(121);
    expect(at(f, 0, 0)).toBe(FLOOD.dry);
    // A seed on ground above the level lets in no water.
    expect(ok(floodAt(polder(), 3, { connectedFrom: [[10, 4]] })).cells).toBe(0);
  });

  it('overtops the dyke once the level is above it', () => {
    const f = ok(floodAt(polder(), 6, { connectedFrom: 'edges' }));
    expect(f.cells).toBe(441);
    expect(f.maxDepth).toBe(6);
    expect(f.volumeM3).toBe(272 * 5 + 48 * 1 + 121 * 6);
  });

  it('counts a level equal to the ground as dry and scales area and volume by the cell size', () => {
    expect(ok(floodAt(polder(), 1)).cells).toBe(0);
    const f = ok(floodAt(polder(2), 3));
    expect(f.cells).toBe(272);
    expect(f.areaM2).toBe(272 * 4);
    expect(f.volumeM3).toBe(272 * 2 * 4);
  });

  it('marks a breach in the data as no data and the basin behind it maybe, not dry', () => {
    const r = polder();
    r.heights[4 * 21 + 10] = Number.NaN; // a gap in the dyke
    const f = ok(floodAt(r, 3));
    expect(at(f, 10, 4)).toBe(FLOOD.noData);
    expect(f.noDataCells).toBe(1);
    expect(at(f, 10, 10)).toBe(FLOOD.maybe);
    expect(f.maybeCells).toBe(121);
    expect(f.cells).toBe(272);
  });

  it('lets water maybe enter through a gap on the edge', () => {
    const r = createRaster(ORIGIN, 0, 0, 1, 21, 21, 0);
    for (let i = 0; i < 21; i++) { r.heights[i] = 5; r.heights[20 * 21 + i] = 5; r.heights[i * 21] = 5; r.heights[i * 21 + 20] = 5; }
    r.heights[10] = Number.NaN; // the south edge's middle cell: what lies beyond is not loaded
    const f = ok(floodAt(r, 3));
    expect(f.cells).toBe(0);
    expect(f.maybeCells).toBe(19 * 19);
  });

  it('refuses seeds off the raster or on gaps, an empty raster and a non-finite level', () => {
    const r = polder();
    r.heights[0] = Number.NaN;
    const off = floodAt(r, 3, { connectedFrom: [[50, 50]] });
    expect(!off.ok && off.problem.kind).toBe('outside');
    const gap = floodAt(r, 3, { connectedFrom: [[0, 0]] });
    expect(!gap.ok && gap.problem.kind).toBe('noData');
    const empty = floodAt(createRaster(ORIGIN, 0, 0, 1, 5, 5), 3);
    expect(!empty.ok && empty.problem.kind).toBe('noData');
    expect(floodAt(r, Number.NaN).ok).toBe(false);
  });
});

describe('floodSeries', () => {
  it('gives the polder areas level by level', () => {
    const s = floodSeries(polder(), [0, 0.5, 1, 1.5, 5, 5.5]);
    if (!s.ok) throw new Error('refused');
    expect(s.series.map((x) => x.cells)).toEqual([0, 0, 0, 272, 272, 441]);
    expect(s.series[5]!.volumeM3).toBeCloseTo(272 * 4.5 + 48 * 0.5 + 121 * 5.5, 9);
  });

  it('never shrinks as the level rises, on rough ground with gaps, from every kind of source', () => {
    const r = createRaster(ORIGIN, 0, 0, 1, 40, 30, 0);
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let k = 0; k < r.heights.length; k++) r.heights[k] = rnd() < 0.03 ? Number.NaN : 10 * rnd() + (k % 40) * 0.1;
    r.heights[15 * 40 + 20] = 0; r.heights[3 * 40 + 3] = 0; // the seeds stand on data
    const levels = Array.from({ length: 30 }, (_, k) => k * 0.5);
    for (const from of ['edges', 'all', [[20, 15], [3, 3]]] as FloodSource[]) {
      const s = floodSeries(r, levels, { connectedFrom: from });
      if (!s.ok) throw new Error(`refused: ${JSON.stringify(s.problem)}`);
      for (let k = 1; k < s.series.length; k++) {
        expect(s.series[k]!.areaM2).toBeGreaterThanOrEqual(s.series[k - 1]!.areaM2);
        expect(s.series[k]!.volumeM3).toBeGreaterThanOrEqual(s.series[k - 1]!.volumeM3);
      }
      expect(s.series.at(-1)!.cells).toBeGreaterThan(0);
      // The priority-flood series and the breadth-first fill are separate algorithms; they must agree.
      for (const [k, level] of levels.entries()) {
        const f = ok(floodAt(r, level, { connectedFrom: from }));
        expect([s.series[k]!.cells, s.series[k]!.maybeCells]).toEqual([f.cells, f.maybeCells]);
        expect(s.series[k]!.volumeM3).toBeCloseTo(f.volumeM3, 6);
      }
    }
  });
});
