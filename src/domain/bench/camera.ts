// A bench pose as a camera frame in ECEF, the way Cesium's setView reads heading/pitch/roll: in
// the east-north-up frame at the camera position. The oracle and the three.js page use this so
// all of them look where Cesium looks.
import { enuBasis, geodeticToEcef, type Vec3 } from '../tiles/ecef.ts';
import type { BenchPose } from './types.ts';

export interface CameraFrame {
  readonly position: Vec3;
  readonly direction: Vec3;
  readonly up: Vec3;
  readonly right: Vec3;
}

const RAD = Math.PI / 180;

const combine = (b: { east: Vec3; north: Vec3; up: Vec3 }, e: number, n: number, u: number): Vec3 => [
  b.east[0] * e + b.north[0] * n + b.up[0] * u,
  b.east[1] * e + b.north[1] * n + b.up[1] * u,
  b.east[2] * e + b.north[2] * n + b.up[2] * u,
];

export const cross = (a: Vec3, b: Vec3): Vec3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];

export function cameraFrame(pose: BenchPose): CameraFrame {
  const basis = enuBasis(pose.lon, pose.lat);
  const h = pose.heading * RAD;
  const p = pose.pitch * RAD;
  const r = pose.roll * RAD;
  const dir = combine(basis, Math.sin(h) * Math.cos(p), Math.cos(h) * Math.cos(p), Math.sin(p));
  const up0 = combine(basis, -Math.sin(h) * Math.sin(p), -Math.cos(h) * Math.sin(p), Math.cos(p));
  const right0 = cross(dir, up0);
  // Roll turns up and right about the view direction (positive roll: right side down).
  const up: Vec3 = [0, 1, 2].map((i) => up0[i]! * Math.cos(r) + right0[i]! * Math.sin(r)) as Vec3;
  return { position: geodeticToEcef(pose.lon, pose.lat, pose.height), direction: dir, up, right: cross(dir, up) };
}

/** Cesium's vertical field of view: its 60° frustum fov applies to the longer side of the canvas. */
export function cesiumFovy(widthPx: number, heightPx: number, fovDeg = 60): number {
  const aspect = widthPx / heightPx;
  const half = (fovDeg * RAD) / 2;
  return aspect > 1 ? 2 * Math.atan(Math.tan(half) / aspect) : 2 * half;
}
