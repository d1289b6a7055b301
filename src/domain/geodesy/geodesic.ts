// Geodesics on the ellipsoid (inverse and direct), for measuring and anything else that needs
// survey-grade distances and azimuths between lon/lat points.
//
// Vincenty's inverse (1975) is exact to ~0.1 mm on WGS84 wherever it converges, which is
// everywhere except near-antipodal pairs. There it either oscillates or would run λ past π, and we
// solve instead the way Karney (2013, §4) does: after normalising (|φ1| ≥ |φ2|, φ1 ≤ 0, 0 ≤ λ12 ≤ π)
// the longitude reached at latitude φ2 grows monotonically with the start azimuth α1 on [0, π], so
// bisection on α1 finds the shortest geodesic; Vincenty's series give its λ and length.
import { WGS84, type Ellipsoid } from './ellipsoid.ts';

/** Degrees. */
export interface LonLat { readonly lon: number; readonly lat: number }

const RAD = Math.PI / 180;
const DEG = 180 / Math.PI;

export interface Geodesic {
  /** Metres along the shortest path on the ellipsoid surface. */
  readonly distance: number;
  /** Degrees clockwise from north, in [0, 360): the start direction at a and the arrival direction at b (0 for a = b). */
  readonly azimuth1: number;
  readonly azimuth2: number;
}

const toAzimuth = (rad: number): number => {
  const d = (rad * DEG) % 360;
  const z = d < 0 ? d + 360 : d;
  return z === 360 || Object.is(z, -0) ? 0 : z;
};

/** Reduced latitude β as (sin, cos), without tan() blowing up at the poles. */
function reduced(latDeg: number, f: number): [number, number] {
  const b = Math.atan2((1 - f) * Math.sin(latDeg * RAD), Math.cos(latDeg * RAD));
  return [Math.sin(b), Math.cos(b)];
}

/** Vincenty's series in u² = cos²α0·e′²: b·A, and Δσ for an arc σ whose midpoint is 2σm from the node. */
function series(e: Ellipsoid, cos2a0: number): { bA: number; deltaSigma: (sigma: number, cos2sm: number) => number } {
  const b = e.a * (1 - e.f);
  const u2 = cos2a0 * (e.a * e.a - b * b) / (b * b);
  const A = 1 + u2 / 16384 * (4096 + u2 * (-768 + u2 * (320 - 175 * u2)));
  const B = u2 / 1024 * (256 + u2 * (-128 + u2 * (74 - 47 * u2)));
  return {
    bA: b * A,
    deltaSigma: (sigma, c2m) => {
      const s = Math.sin(sigma), c = Math.cos(sigma);
      return B * s * (c2m + B / 4 * (c * (-1 + 2 * c2m * c2m) - B / 6 * c2m * (-3 + 4 * s * s) * (-3 + 4 * c2m * c2m)));
    },
  };
}

function arcLength(e: Ellipsoid, cos2a0: number, sigma: number, cos2sm: number): number {
  const { bA, deltaSigma } = series(e, cos2a0);
  return bA * (sigma - deltaSigma(sigma, cos2sm));
}

/** λ − L: how much further the auxiliary sphere's longitude runs than the ellipsoid's (Vincenty's C term). */
function lambdaExcess(f: number, sinA0: number, cos2a0: number, sigma: number, cos2sm: number): number {
  const C = f / 16 * cos2a0 * (4 + f * (4 - 3 * cos2a0));
  return (1 - C) * f * sinA0 * (sigma + C * Math.sin(sigma) * (cos2sm + C * Math.cos(sigma) * (-1 + 2 * cos2sm * cos2sm)));
}

function vincentyInverse(lat1: number, lat2: number, L: number, e: Ellipsoid): Geodesic | undefined {
  const [sU1, cU1] = reduced(lat1, e.f), [sU2, cU2] = reduced(lat2, e.f);
  let lambda = L;
  for (let k = 0; k < 200; k++) {
    const sl = Math.sin(lambda), cl = Math.cos(lambda);
    const t = cU1 * sU2 - sU1 * cU2 * cl;
    const sinS = Math.hypot(cU2 * sl, t), cosS = sU1 * sU2 + cU1 * cU2 * cl;
    if (sinS === 0) return cosS > 0 ? { distance: 0, azimuth1: 0, azimuth2: 0 } : undefined;
    const sigma = Math.atan2(sinS, cosS);
    const sinA = cU1 * cU2 * sl / sinS, cos2a = 1 - sinA * sinA;
    // On the equator (cos²α = 0) 2σm is undefined and its term vanishes.
    const cos2sm = cos2a !== 0 ? cosS - 2 * sU1 * sU2 / cos2a : 0;
    const next = L + lambdaExcess(e.f, sinA, cos2a, sigma, cos2sm);
    if (!(Math.abs(next) <= Math.PI)) return undefined; // runs past the antipode: not Vincenty's case
    const done = Math.abs(next - lambda) < 1e-13;
    lambda = next;
    if (done) {
      const sl2 = Math.sin(lambda), cl2 = Math.cos(lambda);
      return {
        distance: arcLength(e, cos2a, sigma, cos2sm),
        azimuth1: toAzimuth(Math.atan2(cU2 * sl2, cU1 * sU2 - sU1 * cU2 * cl2)),
        azimuth2: toAzimuth(Math.atan2(cU1 * sl2, -sU1 * cU2 + cU1 * sU2 * cl2)),
      };
    }
  }
  return undefined;
}

/** Near-antipodal pairs: bisection on α1 after Karney's normalisation (see the file head). */
function antipodalInverse(lat1: number, lat2: number, lon12: number, e: Ellipsoid): Geodesic {
  const lonSign = lon12 < 0 ? -1 : 1;
  const swap = Math.abs(lat1) < Math.abs(lat2) ? -1 : 1;
  if (swap < 0) [lat1, lat2] = [lat2, lat1];
  // On the equator (lat1 = 0) two mirror-image geodesics tie; like GeographicLib, take the northern one.
  const latSign = lat1 >= 0 ? -1 : 1;
  const [sb1, cb1] = reduced(lat1 * latSign, e.f), [sb2, cb2] = reduced(lat2 * latSign, e.f);
  const lam12 = Math.abs(lon12) * RAD;
  const solve = (alp1: number) => {
    const sa1 = Math.sin(alp1), ca1 = Math.cos(alp1);
    const sa0 = sa1 * cb1, cos2a0 = 1 - sa0 * sa0;
    // cos α2 · cos β2 ≥ 0: the crossing of latitude β2 heading north, i.e. the far one.
    const ca2cb2 = Math.sqrt((ca1 * cb1) ** 2 + (cb1 < -sb1 ? (cb2 - cb1) * (cb1 + cb2) : (sb1 - sb2) * (sb1 + sb2)));
    const cs1 = ca1 * cb1, cs2 = ca2cb2;
    const sigma1 = Math.atan2(sb1, cs1);
    const sigma = Math.atan2(Math.max(0, cs1 * sb2 - sb1 * cs2), cs1 * cs2 + sb1 * sb2);
    const so1 = sa0 * sb1, so2 = sa0 * sb2;
    const omega = Math.atan2(Math.max(0, cs1 * so2 - so1 * cs2), cs1 * cs2 + so1 * so2);
    const cos2sm = Math.cos(2 * sigma1 + sigma);
    return { lambda: omega - lambdaExcess(e.f, sa0, cos2a0, sigma, cos2sm), sigma, cos2a0, cos2sm, sa1, ca1, sa0, ca2cb2 };
  };
  let lo = 0, hi = Math.PI;
  for (let k = 0; k < 200 && hi - lo > 1e-15; k++) {
    const mid = (lo + hi) / 2;
    if (solve(mid).lambda < lam12) lo = mid; else hi = mid;
  }
  const g = solve((lo + hi) / 2);
  // Undo the normalisation on (sin, cos) pairs: latSign mirrors north–south (cos → −cos), a swap
  // reverses the direction of travel and exchanges the ends, lonSign mirrors east–west (sin → −sin).
  let s1 = g.sa1, c1 = g.ca1 * latSign, s2 = g.sa0, c2 = g.ca2cb2 * latSign;
  if (swap < 0) [s1, c1, s2, c2] = [-s2, -c2, -s1, -c1];
  return { distance: arcLength(e, g.cos2a0, g.sigma, g.cos2sm), azimuth1: toAzimuth(Math.atan2(s1 * lonSign, c1)), azimuth2: toAzimuth(Math.atan2(s2 * lonSign, c2)) };
}

/** Shortest path on the ellipsoid between two lon/lat points (heights ignored): metres and azimuths. */
export function geodesicInverse(a: LonLat, b: LonLat, ellipsoid: Ellipsoid = WGS84): Geodesic {
  if (![a.lon, a.lat, b.lon, b.lat].every(Number.isFinite)) return { distance: NaN, azimuth1: NaN, azimuth2: NaN };
  const lon12 = wrap180(b.lon - a.lon);
  if (a.lat === b.lat && lon12 === 0) return { distance: 0, azimuth1: 0, azimuth2: 0 };
  return vincentyInverse(a.lat, b.lat, lon12 * RAD, ellipsoid) ?? antipodalInverse(a.lat, b.lat, lon12, ellipsoid);
}

/** The point `distance` metres from `from` along the geodesic leaving at `azimuth` degrees (Vincenty's direct). */
export function geodesicDirect(from: LonLat, azimuth: number, distance: number, ellipsoid: Ellipsoid = WGS84): LonLat {
  const f = ellipsoid.f;
  const [sU1, cU1] = reduced(from.lat, f);
  const sa1 = Math.sin(azimuth * RAD), ca1 = Math.cos(azimuth * RAD);
  const sigma1 = Math.atan2(sU1, cU1 * ca1);
  const sinA = cU1 * sa1, cos2a = 1 - sinA * sinA;
  const { bA, deltaSigma } = series(ellipsoid, cos2a);
  let sigma = distance / bA;
  for (let k = 0; k < 100; k++) {
    const next = distance / bA + deltaSigma(sigma, Math.cos(2 * sigma1 + sigma));
    const done = Math.abs(next - sigma) < 1e-14;
    sigma = next;
    if (done) break;
  }
  const cos2sm = Math.cos(2 * sigma1 + sigma), sinS = Math.sin(sigma), cosS = Math.cos(sigma);
  const t = sU1 * sinS - cU1 * cosS * ca1;
  const lat = Math.atan2(sU1 * cosS + cU1 * sinS * ca1, (1 - f) * Math.hypot(sinA, t));
  const lambda = Math.atan2(sinS * sa1, cU1 * cosS - sU1 * sinS * ca1);
  const L = lambda - lambdaExcess(f, sinA, cos2a, sigma, cos2sm);
  return { lon: wrap180(from.lon + L * DEG), lat: lat * DEG };
}

/** Degrees into [−180, 180], untouched when already there: adding 540 first would cost 1e-13° of a small difference, 0.04 m² on a parcel's area. */
export function wrap180(deg: number): number {
  if (deg >= -180 && deg <= 180) return deg;
  const d = deg % 360;
  return d > 180 ? d - 360 : d < -180 ? d + 360 : d;
}
