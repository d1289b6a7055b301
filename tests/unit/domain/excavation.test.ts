import { describe, expect, it } from 'vitest';
import {
  distanceMetres, ensureCounterClockwise, formatPitDepth, metresPerDegree, normalizeRing, PIT_PRESETS, presetPit,
  ringAreaSquareMeters, ringSignedAreaSquareMeters, roadSectionPreset, validatePit, validatePitRing, type LonLat,
} from '../../../src/domain/excavation/pit.ts';

const ORIGIN = { lon: 121.6, lat: 29.872 };

/** A ring given in east/north metres from ORIGIN. */
function ringFromMetres(points: readonly [number, number][]): LonLat[] {
  const k = metresPerDegree(ORIGIN.lat);
  return points.map(([x, y]) => ({ lon: ORIGIN.lon + x / k.lon, lat: ORIGIN.lat + y / k.lat }));
}

const SQUARE_10 = ringFromMetres([[0, 0], [10, 0], [10, 10], [0, 10]]);

describe('metresPerDegree', () => {
  it('matches the published WGS84 lengths of a degree at 30°N', () => {
    const k = metresPerDegree(30);
    // Standard table values: 1° of latitude 110 852 m, of longitude 96 486 m at 30°.
    expect(Math.abs(k.lat - 110_852)).toBeLessThan(1);
    expect(Math.abs(k.lon - 96_486)).toBeLessThan(1);
  });
});

describe('ringAreaSquareMeters', () => {
  it('gives 100 m² for a 10 m square, positive signed area counter-clockwise', () => {
    expect(ringAreaSquareMeters(SQUARE_10)).toBeCloseTo(100, 3);
    expect(ringSignedAreaSquareMeters(SQUARE_10)).toBeGreaterThan(0);
    expect(ringSignedAreaSquareMeters([...SQUARE_10].reverse())).toBeCloseTo(-100, 3);
  });

  it('handles a concave L shape', () => {
    const l = ringFromMetres([[0, 0], [20, 0], [20, 5], [5, 5], [5, 20], [0, 20]]);
    expect(ringAreaSquareMeters(l)).toBeCloseTo(20 * 5 + 5 * 15, 3);
  });
});

describe('ensureCounterClockwise', () => {
  it('reverses a clockwise ring and copies a counter-clockwise one', () => {
    const cw = [...SQUARE_10].reverse();
    const fixed = ensureCounterClockwise(cw);
    expect(ringSignedAreaSquareMeters(fixed)).toBeGreaterThan(0);
    expect(fixed).toEqual(SQUARE_10);
    const same = ensureCounterClockwise(SQUARE_10);
    expect(same).toEqual(SQUARE_10);
    expect(same).not.toBe(SQUARE_10);
  });
});

describe('normalizeRing', () => {
  it('drops the double-click duplicate and a closing copy of the first vertex', () => {
    const [a, b, c] = SQUARE_10 as [LonLat, LonLat, LonLat, LonLat];
    expect(normalizeRing([a, b, c, c, { ...a }])).toEqual([a, b, c]);
  });
});

describe('validatePitRing', () => {
  it('accepts a plain square', () => {
    expect(validatePitRing(SQUARE_10)).toEqual([]);
  });

  it('needs 3 distinct vertices', () => {
    const [a, b] = SQUARE_10 as [LonLat, LonLat];
    const issues = validatePitRing([a, b]);
    expect(issues).toEqual([{ path: 'ring', message: 'a pit needs at least 3 distinct vertices, found 2' }]);
    const dup = validatePitRing([a, b, { ...b }]);
    expect(dup.map((i) => i.path)).toEqual(['ring[2]', 'ring']);
    expect(dup[0]?.message).toBe('vertex 2 repeats vertex 1');
  });

  it('names a closing vertex that repeats the first', () => {
    const first = SQUARE_10[0]!;
    const issues = validatePitRing([...SQUARE_10, { ...first }]);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe('ring[4]');
    expect(issues[0]?.message).toMatch(/repeats vertex 0/);
  });

  it('names the crossing edges of a bow tie', () => {
    const bowTie = ringFromMetres([[0, 0], [10, 10], [10, 0], [0, 10]]);
    const issues = validatePitRing(bowTie);
    expect(issues).toEqual([{ path: 'ring[0]', message: 'edge 0→1 crosses edge 2→3: the ring intersects itself' }]);
  });

  it('finds a crossing through the closing edge and a vertex touching an edge', () => {
    // Vertex 4 sits on edge 0→1: the ring pinches.
    const pinched = ringFromMetres([[0, 0], [10, 0], [10, 10], [5, 5], [5, 0], [0, 10]]);
    const issues = validatePitRing(pinched);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.some((i) => /crosses edge/.test(i.message))).toBe(true);
  });

  it('finds a spike that folds back on itself', () => {
    const spike = ringFromMetres([[0, 0], [10, 0], [10, 10], [10, 20], [10, 15], [0, 10]]);
    const issues = validatePitRing(spike);
    expect(issues.some((i) => i.path === 'ring[3]' && /folds back/.test(i.message))).toBe(true);
  });

  it('accepts a concave ring', () => {
    expect(validatePitRing(ringFromMetres([[0, 0], [20, 0], [20, 5], [5, 5], [5, 20], [0, 20]]))).toEqual([]);
  });

  it('rejects areas under 1 m² and over 1 km²', () => {
    const tiny = ringFromMetres([[0, 0], [0.5, 0], [0.5, 0.5], [0, 0.5]]);
    expect(validatePitRing(tiny)).toEqual([{ path: 'ring', message: 'area 0.25 m² is under the 1 m² minimum' }]);
    const huge = ringFromMetres([[0, 0], [1100, 0], [1100, 1000], [0, 1000]]);
    expect(validatePitRing(huge)).toEqual([{ path: 'ring', message: 'area 1,100,000 m² is over the 1 km² maximum' }]);
    const flat = ringFromMetres([[0, 0], [10, 0], [20, 0.001]]);
    expect(validatePitRing(flat)[0]?.message).toMatch(/under the 1 m² minimum/);
  });

  it('rejects invalid coordinates by index', () => {
    const bad = [...SQUARE_10];
    bad[2] = { lon: Number.NaN, lat: 29.8 };
    expect(validatePitRing(bad, 'pits[1].ring')).toEqual([{ path: 'pits[1].ring[2]', message: 'vertex 2 is not a valid lon/lat (NaN, 29.8)' }]);
  });
});

describe('validatePit', () => {
  it('checks the depth as well', () => {
    expect(validatePit({ id: 'a', ring: SQUARE_10, depth: 5 })).toEqual([]);
    expect(validatePit({ id: 'a', ring: SQUARE_10, depth: 0 })).toEqual([{ path: 'depth', message: 'expected a depth above 0 m, found 0' }]);
    expect(validatePit({ id: 'a', ring: SQUARE_10, depth: 150 }, 'pits[0]')[0]?.path).toBe('pits[0].depth');
  });
});

describe('roadSectionPreset', () => {
  it('builds a counter-clockwise length × width rectangle along the heading', () => {
    const ring = roadSectionPreset(ORIGIN, 0, 60, 8);
    expect(ring).toHaveLength(4);
    expect(ringSignedAreaSquareMeters(ring)).toBeGreaterThan(0);
    expect(ringAreaSquareMeters(ring)).toBeCloseTo(480, 2);
    const [a, b, c, d] = ring as [LonLat, LonLat, LonLat, LonLat];
    const sides = [distanceMetres(a, b), distanceMetres(b, c), distanceMetres(c, d), distanceMetres(d, a)].sort((x, y) => x - y);
    expect(sides[0]).toBeCloseTo(8, 2);
    expect(sides[1]).toBeCloseTo(8, 2);
    expect(sides[2]).toBeCloseTo(60, 2);
    expect(sides[3]).toBeCloseTo(60, 2);
    // Heading 0: the long axis runs north–south, so the ring spans ±30 m in latitude and ±4 m in longitude.
    const k = metresPerDegree(ORIGIN.lat);
    const lats = ring.map((p) => (p.lat - ORIGIN.lat) * k.lat);
    const lons = ring.map((p) => (p.lon - ORIGIN.lon) * k.lon);
    expect(Math.max(...lats)).toBeCloseTo(30, 2);
    expect(Math.min(...lats)).toBeCloseTo(-30, 2);
    expect(Math.max(...lons)).toBeCloseTo(4, 2);
  });

  it('turns with the heading (90° runs east–west) and stays centred', () => {
    const ring = roadSectionPreset(ORIGIN, 90, 60, 8);
    const k = metresPerDegree(ORIGIN.lat);
    const xs = ring.map((p) => (p.lon - ORIGIN.lon) * k.lon);
    const ys = ring.map((p) => (p.lat - ORIGIN.lat) * k.lat);
    expect(Math.max(...xs)).toBeCloseTo(30, 2);
    expect(Math.max(...ys)).toBeCloseTo(4, 2);
    expect(xs.reduce((s, v) => s + v, 0) / 4).toBeCloseTo(0, 6);
    const diag = roadSectionPreset(ORIGIN, 45, 60, 8);
    expect(ringAreaSquareMeters(diag)).toBeCloseTo(480, 2);
    expect(validatePitRing(diag)).toEqual([]);
  });
});

describe('PIT_PRESETS', () => {
  it('are valid pits in the 三江口–东部新城 area with unique ids and both languages', () => {
    expect(PIT_PRESETS.length).toBeGreaterThanOrEqual(2);
    expect(new Set(PIT_PRESETS.map((p) => p.id)).size).toBe(PIT_PRESETS.length);
    for (const preset of PIT_PRESETS) {
      expect(preset.name.zh).not.toBe('');
      expect(preset.name.en).not.toBe('');
      expect(preset.centre.lon).toBeGreaterThan(121.55);
      expect(preset.centre.lon).toBeLessThan(121.65);
      expect(preset.centre.lat).toBeGreaterThan(29.85);
      expect(preset.centre.lat).toBeLessThan(29.89);
      const pit = presetPit(preset);
      expect(validatePit(pit)).toEqual([]);
      expect(ringAreaSquareMeters(pit.ring)).toBeCloseTo(preset.length * preset.width, 1);
    }
    const crossing = PIT_PRESETS.find((p) => p.id === 'zhongshan-crossing');
    expect(crossing).toMatchObject({ length: 60, width: 8 });
  });
});

describe('formatPitDepth', () => {
  it('uses a true minus sign and one decimal', () => {
    expect(formatPitDepth(5)).toBe('\u22125.0 m');
    expect(formatPitDepth(2.26)).toBe('\u22122.3 m');
  });
});
