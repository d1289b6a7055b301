import { describe, expect, it } from 'vitest';
import { createRaster, type HeightRaster } from '../../../../src/domain/review/raster.ts';
import { aboveLimit, LIMIT, type HeightLimitCheck } from '../../../../src/domain/review/heightLimit.ts';
import { pointInPolygons } from '../../../../src/domain/planning/parcelIndex.ts';
import type { Reviewed, XY } from '../../../../src/domain/review/sight.ts';

const ORIGIN = { lon: 121.55, lat: 29.87, height: 0 };

/** 30×30 cells of 1 m (centres 0…29), ground at z 10, a tower over cells 10…14 × 10…14 at z 60 with one 70 m cell at (12, 12). */
function city(): HeightRaster {
  const r = createRaster(ORIGIN, 0, 0, 1, 30, 30, 10);
  for (let j = 10; j <= 14; j++) for (let i = 10; i <= 14; i++) r.heights[j * 30 + i] = 60;
  r.heights[12 * 30 + 12] = 70;
  return r;
}
function ok(res: Reviewed<HeightLimitCheck>): HeightLimitCheck {
  if (!res.ok) throw new Error(`refused: ${JSON.stringify(res.problem)}`);
  return res;
}
const box = (x0: number, y0: number, x1: number, y1: number): XY[] => [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];

describe('aboveLimit', () => {
  it('finds the tower above a 50 m limit: its 25 cells, and its 70 m cell as the worst', () => {
    const c = ok(aboveLimit(city(), box(4.6, 4.6, 20.4, 20.4), 50));
    expect(c.insideCells).toBe(16 * 16);
    expect(c.aboveCells).toBe(25);
    expect(c.areaAboveM2).toBe(25);
    expect(c.maxExceedance).toEqual({ metres: 20, x: 12, y: 12 });
    expect(c.mask[12 * 30 + 12]).toBe(LIMIT.above);
    expect(c.mask[5 * 30 + 5]).toBe(LIMIT.within);
    expect(c.mask[2 * 30 + 2]).toBe(LIMIT.outside);
    expect(c.noDataCells).toBe(0);
    expect(c.beyondCells).toBe(0);
  });

  it('reports nothing above for a zone beside the tower, or a limit above it', () => {
    const beside = ok(aboveLimit(city(), box(15.6, 0, 29, 29), 50));
    expect(beside.aboveCells).toBe(0);
    expect(beside.maxExceedance).toBeUndefined();
    expect(ok(aboveLimit(city(), box(4.6, 4.6, 20.4, 20.4), 70)).aboveCells).toBe(0); // equal is not above
  });

  it('takes cell centres on the edges half-open, like pointInPolygons: [0, 10) × [0, 10) is 100 cells', () => {
    const c = ok(aboveLimit(city(), box(0, 0, 10, 10), 0));
    expect(c.insideCells).toBe(100);
    // Clockwise and closed rings give the same cells.
    const cw: XY[] = [[0, 0], [0, 10], [10, 10], [10, 0], [0, 0]];
    expect(ok(aboveLimit(city(), cw, 0)).insideCells).toBe(100);
  });

  it('agrees cell by cell with planning pointInPolygons on a concave zone with a slanted edge', () => {
    const ring: XY[] = [[2, 3.3], [25.7, 1], [27, 27.5], [14.2, 12], [3.5, 24]];
    const r = city();
    const c = ok(aboveLimit(r, ring, 50));
    const rings = [[ring.map(([x, y]) => [x, y] as [number, number])]];
    let inside = 0;
    for (let j = 0; j < r.rows; j++) {
      for (let i = 0; i < r.cols; i++) {
        const want = pointInPolygons(i, j, rings);
        if (want) inside += 1;
        expect(c.mask[j * 30 + i] !== LIMIT.outside).toBe(want);
      }
    }
    expect(c.insideCells).toBe(inside);
    expect(inside).toBeGreaterThan(200);
  });

  it('counts gaps inside the zone as no data, not as low buildings', () => {
    const r = city();
    r.heights[6 * 30 + 6] = Number.NaN;
    r.heights[11 * 30 + 11] = Number.NaN; // a tower cell
    const c = ok(aboveLimit(r, box(4.6, 4.6, 20.4, 20.4), 50));
    expect(c.noDataCells).toBe(2);
    expect(c.mask[6 * 30 + 6]).toBe(LIMIT.noData);
    expect(c.aboveCells).toBe(24);
  });

  it('counts the part of the zone off the raster as beyond, unchecked', () => {
    // Centres x 25…34 × y 5…9: 50 cells, of which x 25…29 (25) are on the raster.
    const c = ok(aboveLimit(city(), box(24.6, 4.6, 34.4, 9.4), 50));
    expect(c.insideCells).toBe(25);
    expect(c.beyondCells).toBe(25);
  });

  it('refuses bad zones, zones off the raster and zones over no data', () => {
    expect(aboveLimit(city(), [[0, 0], [5, 5]], 50).ok).toBe(false);
    expect(aboveLimit(city(), box(0, 0, 5, 5), Number.NaN).ok).toBe(false);
    const off = aboveLimit(city(), box(100, 100, 120, 120), 50);
    expect(!off.ok && off.problem.kind).toBe('outside');
    const empty = aboveLimit(createRaster(ORIGIN, 0, 0, 1, 30, 30), box(0, 0, 10, 10), 50);
    expect(!empty.ok && empty.problem.kind).toBe('noData');
  });
});
