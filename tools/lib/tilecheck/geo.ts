// WGS84 ECEF ↔ geodetic and the small 4×4 matrix algebra 3D Tiles transforms need (column-major,
// as in the spec).
import { ecefToGeodetic as ecefToGeodeticDeg } from '../../../src/domain/review/frame.ts';
export type Vec3 = [number, number, number];
export type Mat4 = number[]; // 16 numbers, column-major

const A = 6378137;
const F = 1 / 298.257223563;
const E2 = F * (2 - F);

export function geodeticToEcef(lon: number, lat: number, h: number): Vec3 {
  const sinLat = Math.sin(lat);
  const n = A / Math.sqrt(1 - E2 * sinLat * sinLat);
  const r = (n + h) * Math.cos(lat);
  return [r * Math.cos(lon), r * Math.sin(lon), (n * (1 - E2) + h) * sinLat];
}

/** ECEF → [lon, lat] in radians and ellipsoidal height: the domain's conversion, in the checker's units. */
export function ecefToGeodetic([x, y, z]: Vec3): Vec3 {
  const g = ecefToGeodeticDeg([x, y, z]);
  return [(g.lon * Math.PI) / 180, (g.lat * Math.PI) / 180, g.height];
}

export const IDENTITY: Mat4 = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
/** glTF is y-up; 3D Tiles is z-up: Cesium rotates glTF content by +90° about X. */
export const Y_UP_TO_Z_UP: Mat4 = [1, 0, 0, 0, 0, 0, 1, 0, 0, -1, 0, 0, 0, 0, 0, 1];

export function mul(a: Mat4, b: Mat4): Mat4 {
  const out = new Array<number>(16).fill(0);
  for (let c = 0; c < 4; c++) {
    for (let r = 0; r < 4; r++) {
      let s = 0;
      for (let k = 0; k < 4; k++) s += (a[k * 4 + r] ?? 0) * (b[c * 4 + k] ?? 0);
      out[c * 4 + r] = s;
    }
  }
  return out;
}

export function apply(m: Mat4, [x, y, z]: Vec3): Vec3 {
  const g = (i: number): number => m[i] ?? 0;
  return [g(0) * x + g(4) * y + g(8) * z + g(12), g(1) * x + g(5) * y + g(9) * z + g(13), g(2) * x + g(6) * y + g(10) * z + g(14)];
}

export function fromTRS(t?: number[], r?: number[], s?: number[]): Mat4 {
  const [x, y, z, w] = [r?.[0] ?? 0, r?.[1] ?? 0, r?.[2] ?? 0, r?.[3] ?? 1];
  const [sx, sy, sz] = [s?.[0] ?? 1, s?.[1] ?? 1, s?.[2] ?? 1];
  return [
    (1 - 2 * (y * y + z * z)) * sx, 2 * (x * y + z * w) * sx, 2 * (x * z - y * w) * sx, 0,
    2 * (x * y - z * w) * sy, (1 - 2 * (x * x + z * z)) * sy, 2 * (y * z + x * w) * sy, 0,
    2 * (x * z + y * w) * sz, 2 * (y * z - x * w) * sz, (1 - 2 * (x * x + y * y)) * sz, 0,
    t?.[0] ?? 0, t?.[1] ?? 0, t?.[2] ?? 0, 1,
  ];
}

export const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
export const dot = (a: Vec3, b: Vec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
export const len = (a: Vec3): number => Math.sqrt(dot(a, a));
