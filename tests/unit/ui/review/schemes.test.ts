import { describe, expect, it } from 'vitest';
import { snapToParcel } from '../../../../src/ui/review/schemeSnap.ts';
import { shownAlternatives, siteClearing, type AlternativeEntry } from '../../../../src/state/schemes.ts';
import type { ParcelRecord } from '../../../../src/domain/planning/index.ts';

const parcel = (ring: [number, number][]): ParcelRecord => ({
  parcelId: 'p', landUseCode: '0701', area: 1, bbox: [0, 0, 0, 0], polygons: [[ring]],
});
const at = { lon: 121.6, lat: 29.85, height: 10, heading: 33, scale: 1 };

describe('snapToParcel', () => {
  it('centres on a rectangle and squares with its long (east–west) edge', () => {
    const p = snapToParcel(at, parcel([[121.62, 29.85], [121.624, 29.85], [121.624, 29.851], [121.62, 29.851], [121.62, 29.85]]));
    expect(p.lon).toBeCloseTo(121.622, 9);
    expect(p.lat).toBeCloseTo(29.8505, 9);
    expect(p.heading).toBeCloseTo(0, 6); // an east–west edge, mod 90
    expect(p.height).toBe(10);
  });

  it('turns with a parcel rotated 30° (its long edge bearing 60°, mod 90 → 60)', () => {
    const k = Math.cos((29.85 * Math.PI) / 180);
    const rot = (x: number, y: number): [number, number] => {
      const a = (30 * Math.PI) / 180; // anticlockwise in the plane: bearing 90° − 30° = 60°
      return [121.62 + (x * Math.cos(a) - y * Math.sin(a)) / k, 29.85 + (x * Math.sin(a) + y * Math.cos(a))];
    };
    const ring = [rot(0, 0), rot(0.004, 0), rot(0.004, 0.001), rot(0, 0.001)];
    expect(snapToParcel(at, parcel(ring)).heading).toBeCloseTo(60, 6);
  });

  it('leaves the placement alone for a degenerate ring', () => {
    expect(snapToParcel(at, parcel([[121.62, 29.85], [121.63, 29.85]]))).toEqual(at);
  });
});

describe('shownAlternatives', () => {
  const alt = (id: string, status: AlternativeEntry['status']): AlternativeEntry => ({ id, name: { zh: id, en: id }, status });
  const alternatives = [alt('a', 'ready'), alt('b', 'ready'), alt('c', 'failed')];
  it('shows the active one, both sides of a swipe, never a failed one', () => {
    expect(shownAlternatives({ alternatives, active: 'b', mode: 'single', swipe: { left: 'a', right: 'b', position: 0.5 } })).toEqual(['b']);
    expect(shownAlternatives({ alternatives, active: 'b', mode: 'swipe', swipe: { left: 'a', right: 'c', position: 0.5 } })).toEqual(['a']);
    expect(shownAlternatives({ alternatives, active: 'a', mode: 'swipe', swipe: { left: 'a', right: 'a', position: 0.5 } })).toEqual(['a']);
    // Side by side: the main view shows the left one; the second view shows the right one itself.
    expect(shownAlternatives({ alternatives, active: 'b', mode: 'sideBySide', swipe: { left: 'a', right: 'b', position: 0.5 } })).toEqual(['a']);
  });
});

describe('siteClearing', () => {
  const ring: [number, number][] = [[121.62, 29.85], [121.624, 29.85], [121.624, 29.851], [121.62, 29.851], [121.62, 29.85]];
  const outline = [{ lon: 121.621, lat: 29.8502 }, { lon: 121.622, lat: 29.8502 }, { lon: 121.622, lat: 29.8508 }];
  const ready = (id: string, ground: number): AlternativeEntry => ({ id, name: { zh: id, en: id }, status: 'ready', ground, outline });
  const alternatives = [ready('a', 15.2), ready('b', 15.6)];

  it('clears the parcel (its ring opened) and each shown outline, at the lowest ground of the shown models', () => {
    const c = siteClearing({ alternatives, parcel: parcel(ring), clearSite: true }, ['a', 'b']);
    expect(c.ground).toBe(15.2);
    expect(c.rings).toHaveLength(3);
    expect(c.rings[0]!.ring).toHaveLength(4); // the closing point is not repeated
  });

  it('clears nothing when the planner keeps the mesh, or nothing is shown', () => {
    expect(siteClearing({ alternatives, parcel: parcel(ring), clearSite: false }, ['a']).rings).toEqual([]);
    expect(siteClearing({ alternatives, parcel: parcel(ring), clearSite: true }, []).rings).toEqual([]);
  });

  it('without a parcel, only the models\' outlines', () => {
    expect(siteClearing({ alternatives, parcel: undefined, clearSite: true }, ['b']).rings).toEqual([{ ring: outline }]);
  });
});
