// A local east-north-up frame: the tangent plane every scheme-review analysis works in. Over the
// ≤ 2 km an analysis spans, the Earth's curvature lowers the plane's far edge by d²/2R ≈ 0.3 m at
// 2 km (0.02 m at the 500 m of a viewshed), below the mesh's own accuracy, and the maths stays
// plain Euclidean.
import { enuBasis, geodeticToEcef, type Vec3 } from '../tiles/ecef.ts';
import { WGS84 } from '../geodesy/ellipsoid.ts';

/** Degrees and metres above the WGS84 ellipsoid (what Cesium's Cartographic holds, in degrees). */
export interface LonLatHeight { readonly lon: number; readonly lat: number; readonly height: number }

export interface LocalFrame {
  readonly origin: LonLatHeight;
  /** ECEF → local ENU metres. */
  toLocal(ecef: readonly number[]): Vec3;
  /** Local ENU metres → ECEF. */
  toEcef(local: readonly number[]): Vec3;
  fromGeodetic(p: LonLatHeight): Vec3;
  toGeodetic(local: readonly number[]): LonLatHeight;
}

const DEG = 180 / Math.PI;
const A = WGS84.a;
const E2 = WGS84.f * (2 - WGS84.f);

/** ECEF metres → geodetic (Bowring-style iteration: sub-millimetre within three rounds near the surface). */
export function ecefToGeodetic(p: readonly number[]): LonLatHeight {
  const x = p[0] ?? 0, y = p[1] ?? 0, z = p[2] ?? 0;
  const lon = Math.atan2(y, x);
  const r = Math.hypot(x, y);
  // On the axis cos(lat) is 0: the height is the distance past the pole.
  if (r < 1e-6) return { lon: lon * DEG, lat: z >= 0 ? 90 : -90, height: Math.abs(z) - A * Math.sqrt(1 - E2) };
  let lat = Math.atan2(z, r * (1 - E2));
  let h = 0;
  for (let i = 0; i < 5; i++) {
    const s = Math.sin(lat);
    const n = A / Math.sqrt(1 - E2 * s * s);
    h = r / Math.cos(lat) - n;
    lat = Math.atan2(z, r * (1 - E2 * n / (n + h)));
  }
  return { lon: lon * DEG, lat: lat * DEG, height: h };
}

export function localFrame(origin: LonLatHeight): LocalFrame {
  const o = geodeticToEcef(origin.lon, origin.lat, origin.height);
  const { east: e, north: n, up: u } = enuBasis(origin.lon, origin.lat);
  const toLocal = (p: readonly number[]): Vec3 => {
    const dx = (p[0] ?? 0) - o[0], dy = (p[1] ?? 0) - o[1], dz = (p[2] ?? 0) - o[2];
    return [dx * e[0] + dy * e[1] + dz * e[2], dx * n[0] + dy * n[1] + dz * n[2], dx * u[0] + dy * u[1] + dz * u[2]];
  };
  const toEcef = (l: readonly number[]): Vec3 => {
    const x = l[0] ?? 0, y = l[1] ?? 0, z = l[2] ?? 0;
    return [o[0] + x * e[0] + y * n[0] + z * u[0], o[1] + x * e[1] + y * n[1] + z * u[1], o[2] + x * e[2] + y * n[2] + z * u[2]];
  };
  return {
    origin, toLocal, toEcef,
    fromGeodetic: (p) => toLocal(geodeticToEcef(p.lon, p.lat, p.height)),
    toGeodetic: (l) => ecefToGeodetic(toEcef(l)),
  };
}
