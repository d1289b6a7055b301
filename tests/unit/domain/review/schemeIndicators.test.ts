import { describe, expect, it } from 'vitest';
import { createRaster, type HeightRaster } from '../../../../src/domain/review/raster.ts';
import { compareWithParcel, modelIndicators, storeyHeightOf, type ComparisonRow } from '../../../../src/domain/review/schemeIndicators.ts';
import type { ParcelRecord } from '../../../../src/domain/planning/records.ts';

const ORIGIN = { lon: 121.62, lat: 29.86, height: 0 };

/** A 1 m raster over [-50, 50)² (cell centres at −49.5 … 49.5), empty (NaN). */
function emptyRaster(cell = 1): HeightRaster {
  const n = Math.round(100 / cell);
  return createRaster(ORIGIN, -50 + cell / 2, -50 + cell / 2, cell, n, n);
}

/** Raises every cell whose centre lies inside [x0, x1) × [y0, y1) to at least z (stacked boxes). */
function box(r: HeightRaster, x0: number, y0: number, x1: number, y1: number, z: number): void {
  for (let j = 0; j < r.rows; j++) {
    for (let i = 0; i < r.cols; i++) {
      const x = r.x0 + i * r.cell, y = r.y0 + j * r.cell;
      const k = j * r.cols + i;
      if (x >= x0 && x < x1 && y >= y0 && y < y1 && !(r.heights[k]! >= z)) r.heights[k] = z;
    }
  }
}

const parcel = (extra: Partial<ParcelRecord> = {}): ParcelRecord => ({
  parcelId: '1_1_0', landUseCode: '0701', area: 20000, bbox: [121, 29, 121.01, 29.01], polygons: [], ...extra,
});
const row = (rows: ComparisonRow[], id: ComparisonRow['id']): ComparisonRow => rows.find((r) => r.id === id)!;

describe('modelIndicators', () => {
  it('measures a 30 × 40 m box 90 m high at 3 m storeys: 30 floors, 36,000 m²', () => {
    const r = emptyRaster();
    box(r, -15, -20, 15, 20, 90);
    const ind = modelIndicators(r, 3, 20000);
    expect(ind.height).toBe(90);
    expect(ind.footprint).toBe(1200);
    expect(ind.floors).toBe(30);
    expect(ind.gfa).toBe(36000);
    expect(ind.far).toBeCloseTo(1.8, 12);
    expect(ind.density).toBeCloseTo(6, 12);
  });

  it('counts a podium with two towers as stacked boxes', () => {
    // Podium 80 × 40 m, 4 storeys (16 m at 4 m); towers 20 × 20 m reaching 25 and 20 storeys.
    const r = emptyRaster();
    box(r, -40, -20, 40, 20, 16);
    box(r, -35, -10, -15, 10, 100);
    box(r, 15, -10, 35, 10, 80);
    const ind = modelIndicators(r, 4);
    // 3,200 m² × 4 + 400 m² × 21 + 400 m² × 16
    expect(ind.gfa).toBe(12800 + 8400 + 6400);
    expect(ind.footprint).toBe(3200);
    expect(ind.height).toBe(100);
    expect(ind.floors).toBe(25);
    expect(ind.far).toBeUndefined();
  });

  it('reads NaN and z ≤ 0 as open ground and rounds part storeys to the nearest whole', () => {
    const r = emptyRaster(2);
    r.heights.fill(0);
    r.heights[0] = -3; // a dip in the base
    r.heights[1] = 7.4; // 2.47 storeys → 2
    r.heights[2] = 7.6; // 2.53 storeys → 3
    r.heights[3] = Number.NaN;
    r.heights[4] = 1.2; // a canopy: footprint, but no storey
    const ind = modelIndicators(r, 3);
    expect(ind.footprint).toBe(3 * 4);
    expect(ind.gfa).toBe((2 + 3) * 4);
    expect(ind.height).toBeCloseTo(7.6, 5);
    expect(ind.floors).toBe(3);
  });

  it('gives zeros for an empty model and refuses a storey height ≤ 0', () => {
    expect(modelIndicators(emptyRaster(), 3, 1000)).toEqual({ height: 0, footprint: 0, gfa: 0, floors: 0, storeyHeight: 3, far: 0, density: 0 });
    expect(() => modelIndicators(emptyRaster(), 0)).toThrow(RangeError);
  });
});

describe('storeyHeightOf', () => {
  it('takes the stated storey height, else height / floors, else 3 m', () => {
    expect(storeyHeightOf({ floors: 10, gfa: 1, storeyHeight: 4.2, height: 50 })).toBe(4.2);
    expect(storeyHeightOf({ floors: 10, gfa: 1, height: 36 })).toBe(3.6);
    expect(storeyHeightOf({ floors: 10, gfa: 1 })).toBe(3);
    expect(storeyHeightOf(undefined)).toBe(3);
  });
});

describe('compareWithParcel', () => {
  const tower = { height: 111, footprint: 900, gfa: 33300, floors: 37, storeyHeight: 3 };

  it('judges height, FAR and density against the parcel limits', () => {
    const rows = compareWithParcel(tower, { floors: 37, gfa: 33300, height: 111 }, parcel({ heightLimit: 100, far: 2, density: 4 }));
    expect(rows.map((r) => r.id)).toEqual(['height', 'footprint', 'gfa', 'far', 'density']);
    expect(row(rows, 'height')).toEqual({ id: 'height', value: 111, limit: 100, pass: false, declared: 111 });
    expect(row(rows, 'footprint')).toEqual({ id: 'footprint', value: 900 });
    // FAR 2 on 20,000 m² allows 40,000 m².
    expect(row(rows, 'gfa')).toEqual({ id: 'gfa', value: 33300, limit: 40000, pass: true, declared: 33300 });
    const far = row(rows, 'far');
    expect(far.value).toBeCloseTo(1.665, 12);
    expect(far.declared).toBeCloseTo(1.665, 12);
    expect(far).toMatchObject({ limit: 2, pass: true });
    const density = row(rows, 'density');
    expect(density.value).toBeCloseTo(4.5, 12);
    expect(density).toMatchObject({ limit: 4, pass: false });
  });

  it('passes a value exactly at its limit, even through float32 rounding', () => {
    const rows = compareWithParcel({ ...tower, height: Math.fround(100.1) }, undefined, parcel({ heightLimit: 100.1 }));
    expect(row(rows, 'height').pass).toBe(true);
    expect(row(compareWithParcel({ ...tower, height: 100.2 }, undefined, parcel({ heightLimit: 100.1 })), 'height').pass).toBe(false);
  });

  it('gives no pass or fail where the parcel sets no limit', () => {
    const rows = compareWithParcel(tower, undefined, parcel());
    for (const r of rows) {
      expect(r.pass).toBeUndefined();
      expect(r.limit).toBeUndefined();
    }
    expect(row(rows, 'far').value).toBeCloseTo(1.665, 12);
  });

  it('without a parcel, FAR and density have no value', () => {
    const rows = compareWithParcel(tower, { floors: 37, gfa: 33300 }, undefined);
    expect(row(rows, 'far')).toEqual({ id: 'far', value: null });
    expect(row(rows, 'density')).toEqual({ id: 'density', value: null });
    expect(row(rows, 'height')).toEqual({ id: 'height', value: 111 });
  });

  it('flags a measured GFA more than 5 % off the declared one, not one within 5 %', () => {
    const over = row(compareWithParcel(tower, { floors: 37, gfa: 30000 }, parcel()), 'gfa'); // +11 %
    expect(over.mismatch).toBe(true);
    expect(over.note?.en).toContain('11.0 % above');
    expect(over.note?.zh).toContain('多 11.0 %');
    const under = row(compareWithParcel(tower, { floors: 37, gfa: 36000 }, parcel()), 'gfa'); // −7.5 %
    expect(under.mismatch).toBe(true);
    expect(under.note?.en).toContain('7.5 % below');
    const close = row(compareWithParcel(tower, { floors: 37, gfa: 32000 }, parcel()), 'gfa'); // +4.06 %
    expect(close.mismatch).toBeUndefined();
    expect(close.note).toBeUndefined();
  });
});
