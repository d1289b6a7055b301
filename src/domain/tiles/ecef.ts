// Geodetic ↔ Earth-centred, Earth-fixed coordinates on WGS84 (what 3D Tiles and Cesium use).
import { WGS84 } from '../geodesy/ellipsoid.ts';

const A = WGS84.a;
const E2 = WGS84.f * (2 - WGS84.f);
const DEG = Math.PI / 180;

export type Vec3 = [number, number, number];

/** Longitude/latitude in degrees and ellipsoidal height in metres → ECEF metres. */
export function geodeticToEcef(lonDeg: number, latDeg: number, h: number): Vec3 {
  const lon = lonDeg * DEG;
  const lat = latDeg * DEG;
  const sinLat = Math.sin(lat);
  const cosLat = Math.cos(lat);
  const n = A / Math.sqrt(1 - E2 * sinLat * sinLat);
  return [(n + h) * cosLat * Math.cos(lon), (n + h) * cosLat * Math.sin(lon), (n * (1 - E2) + h) * sinLat];
}

/** Unit vectors east, north, up at a geodetic position. */
export function enuBasis(lonDeg: number, latDeg: number): { east: Vec3; north: Vec3; up: Vec3 } {
  const lon = lonDeg * DEG;
  const lat = latDeg * DEG;
  const sl = Math.sin(lon), cl = Math.cos(lon), sp = Math.sin(lat), cp = Math.cos(lat);
  return { east: [-sl, cl, 0], north: [-sp * cl, -sp * sl, cp], up: [cp * cl, cp * sl, sp] };
}
