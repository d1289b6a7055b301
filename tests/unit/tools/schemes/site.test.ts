import { describe, expect, it } from 'vitest';
import { candidateParcels, insideRing, rectInside, siteOf, type Xy } from '../../../../tools/schemes/site.ts';
import { declaredOf, designAlternatives, fitsSite, storeyHeightFor } from '../../../../tools/schemes/design.ts';
import type { ParcelRecord } from '../../../../src/domain/planning/records.ts';

/** An L: a 100 × 100 m square missing its north-east 50 × 50 m quarter. */
const L: Xy[] = [[0, 0], [100, 0], [100, 50], [50, 50], [50, 100], [0, 100]];

/** A rectangle parcel of w × h metres centred on (lon, lat) (≈ 96.7 km per degree east, 110.9 km north at 29.86°N). */
function parcel(id: string, lon: number, lat: number, w: number, h: number, extra: Partial<ParcelRecord> = {}): ParcelRecord {
  const dx = w / 2 / 96_680, dy = h / 2 / 110_880;
  const ring: [number, number][] = [[lon - dx, lat - dy], [lon + dx, lat - dy], [lon + dx, lat + dy], [lon - dx, lat + dy], [lon - dx, lat - dy]];
  return { parcelId: id, landUseCode: '0701', far: 2.5, density: 25, heightLimit: 100, area: w * h, bbox: [lon - dx, lat - dy, lon + dx, lat + dy], polygons: [[ring]], ...extra };
}

describe('demo site geometry', () => {
  it('tells points inside a concave ring', () => {
    expect(insideRing([25, 75], L)).toBe(true);
    expect(insideRing([75, 75], L)).toBe(false);
    expect(insideRing([75, 25], L)).toBe(true);
    expect(insideRing([-1, 50], L)).toBe(false);
  });

  it('fits a rectangle only when it and its margin stay inside, even with all corners inside a concave ring', () => {
    expect(rectInside(L, 10, 10, 40, 90)).toBe(true);
    expect(rectInside(L, 10, 10, 40, 90, 15)).toBe(false); // the margin crosses the west edge
    // Corners (10,40), (90,40), (90,45), (10,45) are inside, the strip is too: fits.
    expect(rectInside(L, 10, 40, 90, 45)).toBe(true);
    // A wide rectangle across the notch: corners (40,40) (90,40) inside, (90,60) in the notch.
    expect(rectInside(L, 40, 40, 90, 60)).toBe(false);
    // All four corners inside, but the notch's corner pokes through the top edge.
    const U: Xy[] = [[0, 0], [100, 0], [100, 100], [60, 100], [50, 40], [40, 100], [0, 100]];
    expect(([[10, 60], [90, 60], [90, 80], [10, 80]] as const).every((p) => insideRing(p, U))).toBe(true);
    expect(rectInside(U, 10, 60, 90, 80)).toBe(false);
  });

  it('puts the centroid of a rectangle parcel at its middle and its ring around the origin', () => {
    const s = siteOf(parcel('1_1_0', 121.62, 29.86, 240, 200));
    expect(s.centroid.lon).toBeCloseTo(121.62, 6);
    expect(s.centroid.lat).toBeCloseTo(29.86, 6);
    expect(s.ring).toHaveLength(4);
    for (const [x, y] of s.ring) {
      expect(Math.abs(x)).toBeCloseTo(120, 0);
      expect(Math.abs(y)).toBeCloseTo(100, 0);
    }
  });

  it('keeps only 居住/商业 parcels in 东部新城 with a ≥ 80 m limit and ≥ 20,000 m², largest first, ties by id', () => {
    const ps = [
      parcel('a', 121.62, 29.86, 150, 150),
      parcel('b', 121.62, 29.86, 200, 150, { landUseCode: '0902' }),
      parcel('c', 121.62, 29.86, 150, 150, { landUseCode: '1001' }), // industry
      parcel('d', 121.62, 29.86, 300, 300, { heightLimit: 60 }),
      parcel('e', 121.62, 29.86, 100, 100), // 10,000 m²
      parcel('f', 121.55, 29.86, 300, 300), // west of 东部新城
      parcel('0', 121.62, 29.86, 150, 150),
      parcel('g', 121.62, 29.86, 300, 300, { far: undefined }), // no FAR to judge by
    ];
    expect(candidateParcels(ps).map((p) => p.parcelId)).toEqual(['b', '0', 'a']);
  });
});

describe('demo alternatives', () => {
  it('uses 3 m storeys for housing and 4 m for offices', () => {
    expect(storeyHeightFor({ landUseCode: '0701' })).toBe(3);
    expect(storeyHeightFor({ landUseCode: '0902' })).toBe(4);
  });

  it('puts the tower over the limit and the others under it, with GFA summed over the boxes', () => {
    const [tower, slab, podium] = designAlternatives({ landUseCode: '0902', heightLimit: 150 });
    // 150 m at 4 m storeys: 37 storeys fit, the tower has 41 (164 m).
    expect(declaredOf(tower!)).toEqual({ floors: 41, gfa: 900 * 41, height: 164, storeyHeight: 4 });
    // 60 % of 150 m = 90 m: 22 storeys.
    expect(declaredOf(slab!)).toEqual({ floors: 22, gfa: 1440 * 22, height: 88, storeyHeight: 4 });
    // 92 % → 34 storeys (136 m), 75 % → 28; podium 84 × 48 m of 3 storeys.
    expect(declaredOf(podium!)).toEqual({ floors: 34, gfa: 4032 * 3 + 676 * 31 + 676 * 25, height: 136, storeyHeight: 4 });
  });

  it('fits a 240 × 200 m parcel with a 10 m setback but not a 100 × 100 m one', () => {
    const big = siteOf(parcel('1', 121.62, 29.86, 240, 200));
    const small = siteOf(parcel('2', 121.62, 29.86, 100, 100));
    for (const alt of designAlternatives({ landUseCode: '0701', heightLimit: 100 })) expect(fitsSite(alt, big.ring)).toBe(true);
    const fit = designAlternatives({ landUseCode: '0701', heightLimit: 100 }).map((a) => fitsSite(a, small.ring));
    // The tower (30 m + 2 × 10 m) fits in 100 m; the 90 m slab and 84 m podium do not.
    expect(fit).toEqual([true, false, false]);
  });
});
