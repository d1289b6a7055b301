// Records from validated planning features: fields carried over, optional ones left out, areas.
import { describe, expect, it } from 'vitest';
import {
  parcelRecord, projectRecord, ringAreaM2, polygonsAreaM2, type Feature, type Position,
} from '../../../../src/domain/planning/index.ts';

const square = (w: number, s: number, size: number): Position[] => [[w, s], [w + size, s], [w + size, s + size], [w, s + size], [w, s]];
const feature = (properties: Record<string, unknown>, geometry: Feature['geometry']): Feature => ({ type: 'Feature', geometry, properties });

describe('ringAreaM2', () => {
  // GRS80 at 30°N: 1° of longitude 96 486.2 m, 1° of latitude 110 852.4 m.
  it('matches the ellipsoid at 30°N for a 0.001° square, either winding', () => {
    const ring = square(121.5, 29.9995, 0.001);
    expect(ringAreaM2(ring)).toBeCloseTo(96.4862 * 110.8524, 0);
    expect(ringAreaM2([...ring].reverse())).toBeCloseTo(ringAreaM2(ring), 6);
  });

  it.each([
    ['degenerate', [[121, 30], [121, 30]] as Position[], 0],
    ['collinear', [[121, 30], [121.001, 30], [121.002, 30], [121, 30]] as Position[], 0],
  ])('%s ring has no area', (_, ring, area) => { expect(ringAreaM2(ring)).toBe(area); });

  it('subtracts holes and sums polygons', () => {
    const outer = square(121.5, 29.8, 0.002);
    const hole = square(121.5005, 29.8005, 0.001);
    const a = ringAreaM2(outer);
    const h = ringAreaM2(hole);
    expect(polygonsAreaM2([[outer, hole]])).toBeCloseTo(a - h, 6);
    expect(polygonsAreaM2([[outer, hole], [square(121.6, 29.8, 0.002)]])).toBeCloseTo(2 * a - h, 3);
  });
});

describe('projectRecord', () => {
  const props = {
    projectCode: 'NB-2015-0001', name: '镇海区镇海新城工业1号地块项目', developer: '甬江城投', districtCode: '330211', districtName: '镇海区',
    landUseCode: '1001', stage: 'approve', stageDates: { plan: '2015-01-02', approve: '2015-12-22' }, parcelIds: ['36_44_1'], area: 21290, extent: 'central',
  };
  const multi: Feature['geometry'] = { type: 'MultiPolygon', coordinates: [[square(121.65, 29.97, 0.001)], [square(121.66, 29.98, 0.002)]] };

  it('carries the fields, takes the given area and bounds all polygons', () => {
    const r = projectRecord(feature(props, multi));
    expect(r).toMatchObject({
      projectCode: 'NB-2015-0001', name: '镇海区镇海新城工业1号地块项目', developer: '甬江城投', districtCode: '330211', districtName: '镇海区',
      landUseCode: '1001', stage: 'approve', stageDates: { plan: '2015-01-02', approve: '2015-12-22' }, parcelIds: ['36_44_1'], area: 21290,
    });
    expect(r.bbox).toEqual([121.65, 29.97, 121.66 + 0.002, 29.98 + 0.002]);
    expect(r.polygons).toHaveLength(2);
    expect(r).not.toHaveProperty('extent');
  });

  it('computes the area when none is given and leaves missing optionals out', () => {
    const r = projectRecord(feature({ projectCode: 'NB-2020-0002', name: 'x', stage: 'plan', stageDates: { plan: '2020-01-01' } }, multi));
    expect(r.area).toBeCloseTo(polygonsAreaM2(r.polygons), 6);
    expect(r.area).toBeGreaterThan(50000);
    expect(r.parcelIds).toEqual([]);
    for (const k of ['developer', 'districtCode', 'districtName', 'landUseCode']) expect(r).not.toHaveProperty(k);
  });
});

describe('parcelRecord', () => {
  it('reads indicators, the optional heights and the codes', () => {
    const r = parcelRecord(feature({
      parcelId: 'p1', landUseCode: '0703', landUseName: '农村宅基地', far: 0.85, density: 26.6, greenRatio: 11, heightLimit: 20, area: 22993,
      buildingCount: 51, maxBuildingHeight: 18.5, groundElevation: 3.2, unitCode: '330212423003JC00004F00010001', beidouCode: 'N51H3321579266',
      districtCode: '330212', districtName: '鄞州区',
    }, { type: 'Polygon', coordinates: [square(121.524, 29.759, 0.001)] }));
    expect(r).toMatchObject({ parcelId: 'p1', far: 0.85, heightLimit: 20, area: 22993, maxBuildingHeight: 18.5, groundElevation: 3.2, unitCode: '330212423003JC00004F00010001' });
    expect(r.bbox).toEqual([121.524, 29.759, 121.525, 29.76]);
  });

  it('leaves out heights that are absent or not numbers', () => {
    const r = parcelRecord(feature({ parcelId: 'p2', landUseCode: '0701', maxBuildingHeight: '30', groundElevation: null }, { type: 'Polygon', coordinates: [square(121.5, 29.8, 0.001)] }));
    expect(r).not.toHaveProperty('maxBuildingHeight');
    expect(r).not.toHaveProperty('groundElevation');
    expect(r.area).toBeCloseTo(ringAreaM2(square(121.5, 29.8, 0.001)), 6);
  });
});
