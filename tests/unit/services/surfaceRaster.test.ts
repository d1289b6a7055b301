import { afterEach, describe, expect, it } from 'vitest';
import { localFrame } from '../../../src/domain/review/frame.ts';
import { createRaster } from '../../../src/domain/review/raster.ts';
import { placeProposals } from '../../../src/services/surfaceRaster.ts';
import { useSchemes } from '../../../src/state/schemes.ts';

// A 40 m × 40 m parcel north-east of the raster's origin, on a 400 m × 400 m, 2 m raster of 50 m roofs.
const origin = { lon: 121.6, lat: 29.85, height: 0 };
const frame = localFrame(origin);
const corner = (x: number, y: number): [number, number] => { const g = frame.toGeodetic([x, y, 0]); return [g.lon, g.lat]; };
const ring = [corner(60, 60), corner(100, 60), corner(100, 100), corner(60, 100), corner(60, 60)];
const lons = ring.map((p) => p[0]), lats = ring.map((p) => p[1]);

function withSite(clearSite: boolean): void {
  useSchemes.setState({
    parcel: { parcelId: 'p', landUseCode: '0701', area: 1600, bbox: [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)], polygons: [[ring]] },
    alternatives: [{ id: 'a', name: { zh: 'a', en: 'a' }, status: 'ready', ground: 4 }],
    active: 'a', mode: 'single', clearSite,
  });
}

describe('placeProposals', () => {
  afterEach(() => useSchemes.setState({ parcel: undefined, alternatives: [], active: undefined, clearSite: true }));

  it('lowers exactly the cells inside a cleared parcel to its ground, and nothing else', () => {
    withSite(true);
    const r = createRaster(origin, -200, -200, 2, 201, 201, 50);
    placeProposals(r);
    const at = (x: number, y: number): number => r.heights[((y + 200) / 2) * r.cols + (x + 200) / 2]!;
    expect(at(80, 80)).toBeCloseTo(4, 1); // the plate's height, in the frame (origin at height 0)
    expect(at(62, 62)).toBeCloseTo(4, 1);
    expect(at(98, 98)).toBeCloseTo(4, 1);
    expect(at(56, 80)).toBe(50);
    expect(at(80, 104)).toBe(50);
    expect(at(-100, -100)).toBe(50);
    const lowered = [...r.heights].filter((h) => h < 49).length;
    expect(lowered).toBeGreaterThanOrEqual(19 * 19);
    expect(lowered).toBeLessThanOrEqual(21 * 21);
  });

  it('leaves the raster alone when the site is not cleared', () => {
    withSite(false);
    const r = createRaster(origin, -200, -200, 2, 201, 201, 50);
    placeProposals(r);
    expect([...r.heights].every((h) => h === 50)).toBe(true);
  });
});
