import { describe, expect, it } from 'vitest';
import { WGS84 } from '../../../../src/domain/geodesy/ellipsoid.ts';
import { localFrame, type LonLatHeight } from '../../../../src/domain/review/frame.ts';
import {
  angleAt, areaSampleGrid, azimuth, buildingHeight, densify, measureDistance, polylineLength, projectedArea, surfaceArea, surfaceLength, type LonLat,
} from '../../../../src/domain/review/measure.ts';
import { geodesicDirect, geodesicInverse } from '../../../../src/domain/geodesy/geodesic.ts';
import { formatAngle, formatArea, formatLength } from '../../../../src/domain/review/measureFormat.ts';
import { createRaster, type HeightRaster } from '../../../../src/domain/review/raster.ts';
import { ringAreaM2 } from '../../../../src/domain/planning/records.ts';

const RAD = Math.PI / 180;
const { a: A, f: F } = WGS84;
const E2 = F * (2 - F);
/** Meridian and prime-vertical radii of curvature, from their textbook definitions. */
const M = (phi: number) => (A * (1 - E2)) / (1 - E2 * Math.sin(phi) ** 2) ** 1.5;
const N = (phi: number) => A / Math.sqrt(1 - E2 * Math.sin(phi) ** 2);
/** Composite Simpson's rule: independent of the code under test. */
function simpson(fn: (x: number) => number, lo: number, hi: number, n = 2000): number {
  const h = (hi - lo) / n;
  let s = fn(lo) + fn(hi);
  for (let i = 1; i < n; i++) s += fn(lo + i * h) * (i % 2 ? 4 : 2);
  return (s * h) / 3;
}
const angleDiff = (x: number, y: number) => Math.abs(((x - y + 540) % 360) - 180);
const ll = (lat: number, lon: number): LonLat => ({ lat, lon });

// On the ellipsoid, so that the ENU plane's distances and areas are the ellipsoid's (a frame 5 m up
// would scale them by 1 + 5/R, 0.8 ppm: more than some tolerances below).
const NINGBO: LonLatHeight = { lon: 121.55, lat: 29.87, height: 0 };
const frame = localFrame(NINGBO);
/** A point given in the ENU frame at NINGBO. */
const enu = (x: number, y: number, z = 0): LonLatHeight => frame.toGeodetic([x, y, z]);

describe('geodesicInverse against GeographicLib (Karney)', () => {
  // geodtest.c testcases (lat1, lon1, azi1, lat2, lon2, azi2, s12), from GeographicLib's own suite
  // (digits beyond double precision dropped).
  const GEODTEST = [
    [35.60777, -139.44815, 111.09874842956033, -11.17491, -69.95921, 129.28927088970877, 8935244.56048183],
    [55.52454, 106.05087, 22.0200598809828, 77.03196, 197.18234, 109.11204111067151, 4105086.171392441],
    [-21.97856, 142.59065, -32.44456876433189, 41.84138, 98.56635, -41.84359951440466, 8394328.894657671],
    [-66.99028, 112.2363, 173.73491240878403, -12.70631, 285.90344, 2.512956620913668, 11150344.231208025],
    [-17.42761, 173.34268, -159.03355766119293, -15.84784, 5.93557, -20.78748465153699, 16076603.163118068],
    [32.84994, 48.28919, 150.492927788122, -56.28556, 202.29132, 48.11344939981676, 16727068.943816446],
    [6.96833, 52.74123, 92.58158538631771, -7.39675, 206.17291, 90.72169216592391, 17102477.249695837],
    [-50.56724, -16.30485, -105.43967990759016, -33.56571, -94.97412, -47.34854783565033, 6455670.511866869],
    [-58.93002, -8.90775, 140.96539790250068, -8.91104, 133.13503, 19.255429433416598, 11756066.021986462],
    [-68.82867, -74.28391, 93.77434776311487, -50.63005, -8.36685, 34.65564085411343, 3956936.926063544],
    [-10.62672, -32.0898, -86.42671328674776, 5.883, -134.31681, -80.47378097103487, 11470869.386456301],
    [-21.76221, 166.90563, 29.31942120693643, 48.72884, 213.97627, 43.50867194641017, 9098627.398655491],
    [-19.79938, -174.47484, 71.16727578017154, -11.99349, -154.35109, 65.58909977519923, 2319004.860116939],
    [-11.95887, -116.94513, 92.71261983045255, 4.57352, 7.16501, 78.64960934409585, 13834722.580140138],
    [-87.85331, 85.66836, -65.12031304024275, 66.48646, 16.09921, -4.888658719272296, 17286615.314714465],
    [1.74708, 128.32011, -101.58484363117385, -11.16617, 11.87109, -86.32579329643748, 12942901.124134742],
    [-25.72959, -144.90758, -153.6474686931172, -57.70581, -269.17879, -48.34398315887649, 9413446.745245311],
    [-41.22777, 122.32875, 14.285113402275739, -7.57291, 130.37946, 10.805303085187369, 3812686.035106021],
    [11.01307, 138.25278, 79.43682622782374, 6.62726, 247.05981, 103.70809021552266, 11911190.81901841],
    [-29.47124, 95.14681, -163.77913044168838, -27.46601, -69.15955, -15.90933594555497, 13487015.838114548],
  ] as const;

  it.each(GEODTEST)('%f,%f → %f,%f: distance to 0.1 mm, azimuths to 1e-8°', (lat1, lon1, azi1, lat2, lon2, azi2, s12) => {
    const g = geodesicInverse(ll(lat1, lon1), ll(lat2, lon2));
    expect(Math.abs(g.distance - s12)).toBeLessThan(1e-4);
    expect(angleDiff(g.azimuth1, azi1)).toBeLessThan(1e-8);
    expect(angleDiff(g.azimuth2, azi2)).toBeLessThan(1e-8);
  });

  it.each(GEODTEST)('direct from %f,%f along azi1 for s12 lands on point 2 (to 1e-9°)', (lat1, lon1, azi1, lat2, lon2, _azi2, s12) => {
    const p = geodesicDirect(ll(lat1, lon1), azi1, s12);
    expect(Math.abs(p.lat - lat2)).toBeLessThan(1e-9);
    expect(angleDiff(p.lon, lon2)).toBeLessThan(1e-9);
  });

  it('short lines: Karney (2013) table 3 and GeodSolve74 / GeodSolve4', () => {
    const t3 = geodesicInverse(ll(-30.12345, 0), ll(-30.12344, 0.00005));
    expect(t3.distance).toBeCloseTo(4.944208, 6);
    expect(angleDiff(t3.azimuth1, 77.043533542)).toBeLessThan(1e-8);
    const g74 = geodesicInverse(ll(54.1589, 15.3872), ll(54.1591, 15.3877));
    expect(Math.abs(g74.distance - 39.527686385)).toBeLessThan(1e-6); // GeographicLib's own check is 5e-9; Vincenty gets 4e-8
    expect(angleDiff(g74.azimuth1, 55.723110355)).toBeLessThan(5e-9);
    expect(angleDiff(g74.azimuth2, 55.723515675)).toBeLessThan(5e-9);
    expect(Math.abs(geodesicInverse(ll(36.493349428792, 0), ll(36.49334942879201, 0.0000008)).distance - 0.072)).toBeLessThan(0.5e-3);
  });

  it('near-antipodal pairs where Vincenty alone fails (Karney table 4, GeodSolve 6, 9–11, 76, 78)', () => {
    const t4 = geodesicInverse(ll(-30, 0), ll(29.9, 179.8));
    expect(Math.abs(t4.distance - 19989832.82761)).toBeLessThan(1e-4);
    expect(angleDiff(t4.azimuth1, 161.89052473633)).toBeLessThan(1e-7);
    expect(angleDiff(t4.azimuth2, 18.09073724574)).toBeLessThan(1e-7);
    const wellingtonSalamanca = geodesicInverse(ll(-(41 + 19 / 60), 174 + 49 / 60), ll(40 + 58 / 60, -(5 + 30 / 60)));
    expect(Math.abs(wellingtonSalamanca.distance - 19960543.857179)).toBeLessThan(1e-4);
    expect(angleDiff(wellingtonSalamanca.azimuth1, 160.39137649664)).toBeLessThan(1e-7);
    expect(angleDiff(wellingtonSalamanca.azimuth2, 19.50042925176)).toBeLessThan(1e-7);
    const g78 = geodesicInverse(ll(27.2, 0), ll(-27.1, 179.5));
    expect(Math.abs(g78.distance - 19974354.765767)).toBeLessThan(1e-4);
    expect(angleDiff(g78.azimuth1, 45.82468716758)).toBeLessThan(1e-7);
    expect(angleDiff(g78.azimuth2, 134.2277653267)).toBeLessThan(1e-7);
    for (const [lat, lon2, s] of [
      [88.202499451857, 179.98102203299285, 20003898.214], [89.262080389218, 179.99220798277537, 20003925.854],
      [56.320923501171, 179.6647476717729, 19993558.287], [52.784459512564, 179.6344074649438, 19991596.095],
      [48.522876735459, 179.59972045622308, 19989144.774],
    ] as const) expect(Math.abs(geodesicInverse(ll(lat, 0), ll(-lat, lon2)).distance - s)).toBeLessThan(0.5e-3);
  });

  it('equatorial and meridional extremes (GeodSolve33, GeodSolve59)', () => {
    const cases = [[0, 179, 90, 90, 19926189], [0, 179.5, 55.9665, 124.0335, 19980862], [0, 180, 0, 180, 20003931], [1, 180, 0, 180, 19893357]] as const;
    for (const [lat2, lon2, az1, az2, s] of cases) {
      const g = geodesicInverse(ll(0, 0), ll(lat2, lon2));
      expect(Math.abs(g.distance - s)).toBeLessThan(0.5);
      expect(angleDiff(g.azimuth1, az1)).toBeLessThan(0.5e-5);
      expect(angleDiff(g.azimuth2, az2)).toBeLessThan(0.5e-5);
    }
    const g59 = geodesicInverse(ll(5, 0.00000000000001), ll(10, 180));
    expect(Math.abs(g59.distance - 18345191.174332712)).toBeLessThan(1e-4);
    expect(angleDiff(g59.azimuth1, 0)).toBeLessThan(1e-9);
    expect(angleDiff(g59.azimuth2, 180)).toBeLessThan(1e-9);
  });
});

describe('geodesicInverse against closed forms', () => {
  it('a meridian arc equals ∫M(φ)dφ: the degree centred on 30°N ≈ 110 852.4 m, and the quarter meridian', () => {
    const arc = simpson(M, 29.5 * RAD, 30.5 * RAD);
    expect(arc).toBeCloseTo(110852.4, 0); // the brief's 110 852.4; Simpson gives 110 852.46
    const g = geodesicInverse(ll(29.5, 121.5), ll(30.5, 121.5));
    expect(Math.abs(g.distance - arc)).toBeLessThan(1e-5);
    expect(g.azimuth1).toBe(0);
    expect(Math.abs(geodesicInverse(ll(0, 10), ll(90, 10)).distance - simpson(M, 0, Math.PI / 2, 20000))).toBeLessThan(1e-4);
  });

  it('an equatorial arc is a·Δλ (until the antipodal region starts at (1 − f)·180°)', () => {
    for (const dl of [0.001, 1, 45, 179]) {
      expect(Math.abs(geodesicInverse(ll(0, 100), ll(0, 100 + dl)).distance - A * dl * RAD)).toBeLessThan(1e-5);
    }
  });

  it('between two points on a parallel the geodesic is shorter than the parallel, by ≈ L³·tan²φ/(24N²)', () => {
    const phi = 30 * RAD;
    const parallel = RAD * N(phi) * Math.cos(phi);
    const g = geodesicInverse(ll(30, 121), ll(30, 122));
    expect(g.distance).toBeLessThan(parallel);
    const predicted = (parallel ** 3 * Math.tan(phi) ** 2) / (24 * N(phi) ** 2);
    expect(parallel - g.distance).toBeGreaterThan(predicted * 0.97);
    expect(parallel - g.distance).toBeLessThan(predicted * 1.03);
    // Leaving north of due east, arriving south of it: the geodesic bulges poleward.
    expect(g.azimuth1).toBeLessThan(90);
    expect(g.azimuth2).toBeGreaterThan(90);
  });

  it('tiny distances match the local ENU plane of frame.ts', () => {
    for (const [x, y] of [[0.3, 0.4], [-7, 2], [30, -40]] as const) {
      const g = geodesicInverse(NINGBO, enu(x, y));
      expect(Math.abs(g.distance - Math.hypot(x, y))).toBeLessThan(1e-6);
      expect(angleDiff(g.azimuth1, Math.atan2(x, y) / RAD)).toBeLessThan(1e-6);
    }
  });

  it('is symmetric, and zero for a point with itself', () => {
    const p = ll(29.87, 121.55), q = ll(30.2, 121.1);
    const pq = geodesicInverse(p, q), qp = geodesicInverse(q, p);
    expect(Math.abs(pq.distance - qp.distance)).toBeLessThan(1e-9);
    expect(angleDiff(pq.azimuth1, qp.azimuth2 + 180)).toBeLessThan(1e-9);
    expect(angleDiff(pq.azimuth2, qp.azimuth1 + 180)).toBeLessThan(1e-9);
    expect(geodesicInverse(p, p).distance).toBe(0);
    expect(geodesicInverse(ll(10, 180), ll(10, -180)).distance).toBe(0);
  });
});

describe('measureDistance', () => {
  it('a Ningbo pair 1 km apart agrees with an independent ENU computation', () => {
    const b = enu(600, 800);
    const d = measureDistance(NINGBO, b);
    expect(Math.abs(d.straight - 1000)).toBeLessThan(1e-6);
    expect(Math.abs(d.horizontal - 1000)).toBeLessThan(1e-3);
    expect(angleDiff(d.azimuth, Math.atan2(600, 800) / RAD)).toBeLessThan(1e-6);
    // The tangent plane rises above the level surface by d²/2R at 1 km: between d²/2N and d²/2M.
    expect(d.vertical).toBeGreaterThan(1e6 / (2 * N(29.87 * RAD)) - 1e-4);
    expect(d.vertical).toBeLessThan(1e6 / (2 * M(29.87 * RAD)) + 1e-4);
  });

  it('reducing to the mean height keeps straight² = horizontal² + vertical² (ellipsoid reduction would miss by 1.6 cm)', () => {
    const a = { ...NINGBO, height: 50 };
    const b = { ...enu(0, 1000), height: 150 };
    const d = measureDistance(a, b);
    expect(d.vertical).toBe(100);
    expect(Math.abs(d.straight - Math.hypot(d.horizontal, d.vertical))).toBeLessThan(1e-3);
    expect(d.slope).toBeCloseTo(Math.atan2(100, d.horizontal) / RAD, 12);
    expect(d.slope).toBeGreaterThan(5.7);
    expect(d.slope).toBeLessThan(5.72);
    expect(measureDistance(b, a).slope).toBeCloseTo(-d.slope, 12);
  });

  it('a vertical pair is 90° steep with no horizontal distance', () => {
    const d = measureDistance({ ...NINGBO, height: 5 }, { ...NINGBO, height: 40 });
    expect(d).toMatchObject({ horizontal: 0, vertical: 35, slope: 90 });
    expect(d.straight).toBeCloseTo(35, 6);
  });
});

describe('lengths and densify', () => {
  it('polylineLength sums 3D segments (a 100 m square in the ENU plane is 400 m round)', () => {
    const square = [enu(0, 0), enu(100, 0), enu(100, 100), enu(0, 100), enu(0, 0)];
    expect(Math.abs(polylineLength(square) - 400)).toBeLessThan(1e-6);
    expect(polylineLength([NINGBO])).toBe(0);
  });

  it('surfaceLength over a 45° ramp is √2 times its plan length; unsampled points are bridged and counted', () => {
    const ramp = Array.from({ length: 101 }, (_, i) => enu(0, i, i));
    expect(Math.abs(surfaceLength(ramp).length - 100 * Math.SQRT2)).toBeLessThan(1e-6);
    const holed = ramp.map((p, i) => (i === 50 ? { ...p, height: Number.NaN } : p));
    expect(surfaceLength(holed).unsampled).toBe(1);
    expect(Math.abs(surfaceLength(holed).length - 100 * Math.SQRT2)).toBeLessThan(1e-6);
  });

  it('densify puts evenly spaced points on the geodesic, ends included', () => {
    const b = { ...enu(700, -500), height: 45 };
    const pts = densify(NINGBO, b, 10);
    const total = geodesicInverse(NINGBO, b).distance;
    expect(pts.length).toBe(Math.ceil(total / 10) + 1);
    expect(pts[0]).toBe(NINGBO);
    expect(pts.at(-1)).toBe(b);
    const step = total / (pts.length - 1);
    pts.forEach((p, k) => {
      const from = geodesicInverse(NINGBO, p).distance, to = geodesicInverse(p, b).distance;
      expect(Math.abs(from - k * step)).toBeLessThan(1e-6);
      expect(Math.abs(from + to - total)).toBeLessThan(1e-6); // on the geodesic, not beside it
    });
    expect(pts[pts.length >> 1]!.height).toBeCloseTo((NINGBO.height + 45) / 2, 0);
    // Along the equator the geodesic is the equator itself.
    const eq = densify({ lon: 0, lat: 0, height: 0 }, { lon: 90, lat: 0, height: 0 }, 1e6);
    eq.forEach((p) => expect(Math.abs(p.lat)).toBeLessThan(1e-12));
    expect(() => densify(NINGBO, b, 0)).toThrow(RangeError);
    expect(densify(NINGBO, NINGBO, 1)).toEqual([NINGBO]);
  });
});

describe('projectedArea', () => {
  const densified = (ring: LonLat[], step: number): LonLat[] =>
    ring.flatMap((p, i) => densify({ ...p, height: 0 }, { ...ring[(i + 1) % ring.length]!, height: 0 }, step).slice(0, -1));

  it('matches GeographicLib planimeter results for geodesic polygons (Planimeter0, Planimeter15) to 1 m²', () => {
    const diamond = [ll(0, -1), ll(-1, 0), ll(0, 1), ll(1, 0)];
    expect(Math.abs(projectedArea(densified(diamond, 1000)) - 24619419146.0)).toBeLessThan(1);
    const triangle = [ll(2, 1), ll(1, 2), ll(3, 3)];
    expect(Math.abs(projectedArea(densified(triangle, 1000)) - 18454562325.45119)).toBeLessThan(1);
  });

  it('a 1° × 1° graticule cell equals Δλ·∫ M N cos φ dφ', () => {
    const south = Array.from({ length: 1001 }, (_, i) => ll(30, 121 + i / 1000));
    const north = Array.from({ length: 1001 }, (_, i) => ll(31, 122 - i / 1000));
    const exact = RAD * simpson((phi) => M(phi) * N(phi) * Math.cos(phi), 30 * RAD, 31 * RAD);
    expect(Math.abs(projectedArea([...south, ...north]) - exact)).toBeLessThan(10);
  });

  it('a parcel laid out in the ENU plane has its plan area; open, closed or reversed alike', () => {
    const ring = [enu(-100, -60), enu(100, -60), enu(100, 90), enu(-100, 90)];
    expect(Math.abs(projectedArea(ring) - 30000)).toBeLessThan(0.01);
    expect(projectedArea([...ring, ring[0]!])).toBeCloseTo(projectedArea(ring), 6);
    expect(projectedArea([...ring].reverse())).toBeCloseTo(projectedArea(ring), 6);
    expect(projectedArea(ring.slice(0, 2))).toBe(0);
  });

  it('agrees with planning ringAreaM2 (mean-latitude plate carrée) as far as that method goes', () => {
    const pentagon = [enu(0, 0), enu(640, 120), enu(500, 700), enu(90, 560), enu(200, 300)];
    expect(Math.abs(ringAreaM2(pentagon.map((p) => [p.lon, p.lat])) / projectedArea(pentagon) - 1)).toBeLessThan(1e-5);
    // A 2 km triangle: its lon/lat-straight hypotenuse sags ~9 cm off the ENU-straight one (tan φ·d²/R),
    // and vertices bunched at one corner pull its scale latitude ~750 m off the centroid (tan φ·Δφ ≈ 7e-5).
    const bunched = [enu(0, 0), enu(2000, 0), enu(0, 2000), enu(0, 1990), enu(0, 1980), enu(0, 1970), enu(0, 1960)];
    const off = ringAreaM2(bunched.map((p) => [p.lon, p.lat])) / projectedArea(bunched) - 1;
    expect(Math.abs(projectedArea(bunched) / 2e6 - 1)).toBeLessThan(1e-6);
    expect(Math.abs(off)).toBeGreaterThan(3e-5);
    expect(Math.abs(off)).toBeLessThan(3e-4);
  });
});

describe('surfaceArea', () => {
  // A concave L (60 × 40 less 30 × 20: 1800 m²), turned 17° so no edge follows the grid.
  const turn = 17 * RAD;
  const L = [[0, 0], [60, 0], [60, 20], [30, 20], [30, 40], [0, 40]].map(([x, y]) =>
    enu(x! * Math.cos(turn) - y! * Math.sin(turn) - 20, x! * Math.sin(turn) + y! * Math.cos(turn) - 25));
  function filled(ring: LonLat[], spacing: number, z: (x: number, y: number) => number): HeightRaster {
    const r = areaSampleGrid(ring, spacing);
    for (let j = 0; j < r.rows; j++) for (let i = 0; i < r.cols; i++) r.heights[j * r.cols + i] = z(r.x0 + i * spacing, r.y0 + j * spacing);
    return r;
  }

  it('a flat grid gives the plan area exactly, and that is the ellipsoid area', () => {
    const s = surfaceArea(L, filled(L, 1.7, () => 0));
    expect(Math.abs(s.area / s.planArea - 1)).toBeLessThan(1e-12);
    expect(Math.abs(s.planArea - 1800)).toBeLessThan(1e-3);
    expect(Math.abs(s.area - projectedArea(L))).toBeLessThan(1e-3);
    expect(s.unsampledArea).toBeLessThan(1e-6);
  });

  it('a 45° plane gives √2 times the plan area, any tilted plane √(1 + |∇z|²) times', () => {
    for (const spacing of [0.9, 2.3]) {
      const s45 = surfaceArea(L, filled(L, spacing, (x) => x));
      // Heights are Float32: exact maths, 1e-9 storage.
      expect(Math.abs(s45.area / (Math.SQRT2 * s45.planArea) - 1)).toBeLessThan(1e-8);
      const tilted = surfaceArea(L, filled(L, spacing, (x, y) => 0.3 * x - 0.4 * y + 12));
      expect(Math.abs(tilted.area / (Math.sqrt(1.25) * tilted.planArea) - 1)).toBeLessThan(1e-8);
    }
  });

  it('a curved roof z = x²/2c converges to its analytic area', () => {
    const c = 40, rect = [enu(-30, -20), enu(30, -20), enu(30, 20), enu(-30, 20)];
    const G = (x: number) => (x / 2) * Math.sqrt(1 + (x / c) ** 2) + (c / 2) * Math.asinh(x / c);
    const exact = 40 * (G(30) - G(-30));
    const s = surfaceArea(rect, filled(rect, 0.5, (x) => (x * x) / (2 * c)));
    expect(Math.abs(s.area / exact - 1)).toBeLessThan(1e-4);
    expect(s.area).toBeGreaterThan(2400 * 1.08); // well above the plan area: the test can tell
  });

  it('reports the part of the ring over missing samples or off the grid', () => {
    const square = [enu(0, 0), enu(20, 0), enu(20, 20), enu(0, 20)];
    const r = createRaster(NINGBO, 0, 0, 1, 11, 21, 0); // samples over x ∈ [0, 10], y ∈ [0, 20]
    const s = surfaceArea(square, r);
    expect(Math.abs(s.area - 10 * 20)).toBeLessThan(1e-3);
    expect(Math.abs(s.unsampledArea - 10 * 20)).toBeLessThan(1e-3);
    r.heights[5 * 11 + 5] = Number.NaN; // the four cells around one sample lose their surface
    const holed = surfaceArea(square, r);
    expect(Math.abs(holed.area - (200 - 4))).toBeLessThan(1e-3);
    expect(Math.abs(holed.unsampledArea - (200 + 4))).toBeLessThan(1e-3);
  });

  it('areaSampleGrid covers the ring with spacing to spare and no heights yet', () => {
    const r = areaSampleGrid(L, 2);
    expect(r.cell).toBe(2);
    expect(r.heights.every((h) => Number.isNaN(h))).toBe(true);
    expect(surfaceArea(L, r).unsampledArea).toBeCloseTo(1800, 3);
  });
});

describe('building height and angles', () => {
  it('roof minus ground, refused when the ground is not below the roof', () => {
    expect(buildingHeight({ ...NINGBO, height: 87.4 }, { ...NINGBO, height: 4.2 })).toEqual({ ok: true, height: 87.4 - 4.2 });
    const reversed = buildingHeight({ ...NINGBO, height: 4.2 }, { ...NINGBO, height: 87.4 });
    expect(reversed.ok).toBe(false);
    if (!reversed.ok) expect(reversed.problem).toMatchObject({ kind: 'invalid', what: expect.stringContaining('ground.height') });
    const nan = buildingHeight({ ...NINGBO, height: Number.NaN }, NINGBO);
    expect(!nan.ok && nan.problem.kind === 'invalid' && nan.problem.what.startsWith('roof.height')).toBe(true);
  });

  it('azimuth of a segment and the angle at a vertex, in plan and in space', () => {
    expect(azimuth(NINGBO, enu(10, 10))).toBeCloseTo(45, 6);
    expect(azimuth(NINGBO, enu(-10, 0))).toBeCloseTo(270, 6);
    const right = angleAt(enu(30, 0), NINGBO, enu(0, 30));
    expect(right.plan).toBeCloseTo(90, 6);
    expect(right.spatial).toBeCloseTo(90, 5);
    const ramp = angleAt(enu(10, 0), NINGBO, enu(10, 0, 10)); // same plan direction, one rising 45°
    expect(ramp.plan).toBeCloseTo(0, 6);
    expect(ramp.spatial).toBeCloseTo(45, 5);
    expect(angleAt(enu(-10, 1), NINGBO, enu(10, 1)).plan).toBeCloseTo(180 - 2 * Math.atan2(1, 10) / RAD, 6);
    expect(angleAt(NINGBO, NINGBO, enu(1, 1)).plan).toBeNaN();
  });
});

describe('labels', () => {
  it('lengths: cm below 1 km, then km to the metre', () => {
    expect(formatLength(12.3456, 'en')).toBe('12.35 m');
    expect(formatLength(1234.56, 'en')).toBe('1.235 km');
    expect(formatLength(999.996, 'en')).toBe('1.000 km');
    expect(formatLength(-3.2, 'en')).toBe('-3.20 m');
    expect(formatLength(-0.001, 'en')).toBe('0.00 m');
    expect(formatLength(12.3456, 'zh')).toBe('12.35 米');
    expect(formatLength(1234.56, 'zh')).toBe('1.235 千米');
    expect(formatLength(Number.NaN, 'en')).toBe('—');
  });

  it('areas: m² below 1 ha, then ha, then km²', () => {
    expect(formatArea(9999.99, 'en')).toBe('9999.99 m²');
    expect(formatArea(12345, 'en')).toBe('1.2345 ha');
    expect(formatArea(999999.99, 'en')).toBe('1.0000 km²');
    expect(formatArea(2.5e6, 'en')).toBe('2.5000 km²');
    expect(formatArea(520.5, 'zh')).toBe('520.50 平方米');
    expect(formatArea(12345, 'zh')).toBe('1.2345 公顷');
    expect(formatArea(2.5e6, 'zh')).toBe('2.5000 平方千米');
  });

  it('angles to a tenth of a degree', () => {
    expect(formatAngle(35.2149)).toBe('35.2°');
    expect(formatAngle(-0.04)).toBe('0.0°');
    expect(formatAngle(Number.NaN)).toBe('—');
  });
});
