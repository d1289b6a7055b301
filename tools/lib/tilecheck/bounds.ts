// Bounding volumes in Earth-fixed form and containment tests. Tests err on the side of silence:
// a problem is reported only for a point that lies in the child and outside the parent, so a
// report is always a real violation (at the cost of missing some marginal ones).
import { apply, dot, ecefToGeodetic, geodeticToEcef, len, sub, type Mat4, type Vec3 } from './geo.ts';
import type { BoundingVolumeJson } from './types.ts';

export type Volume =
  | { kind: 'region'; west: number; south: number; east: number; north: number; minH: number; maxH: number }
  | { kind: 'box'; center: Vec3; axes: [Vec3, Vec3, Vec3] }
  | { kind: 'sphere'; center: Vec3; radius: number };

const EARTH_R = 6371000;
const finite = (a: unknown, n: number): a is number[] => Array.isArray(a) && a.length === n && a.every((v) => typeof v === 'number' && Number.isFinite(v));

/** The volume in ECEF (box/sphere moved by the tile's cumulative transform; regions ignore it). */
export function worldVolume(bv: BoundingVolumeJson | undefined, transform: Mat4): Volume | string {
  if (!bv || typeof bv !== 'object') return 'boundingVolume is missing';
  if (bv.region !== undefined) {
    if (!finite(bv.region, 6)) return 'boundingVolume.region: expected 6 numbers';
    const [west, south, east, north, minH, maxH] = bv.region as [number, number, number, number, number, number];
    if (south > north) return `boundingVolume.region: south ${south} > north ${north}`;
    if (minH > maxH) return `boundingVolume.region: minimum height ${minH} > maximum height ${maxH}`;
    if (Math.abs(west) > Math.PI + 1e-9 || Math.abs(east) > Math.PI + 1e-9 || Math.abs(south) > Math.PI / 2 + 1e-9 || Math.abs(north) > Math.PI / 2 + 1e-9) {
      return 'boundingVolume.region: angles must be radians within [-π, π] × [-π/2, π/2] (degrees given?)';
    }
    return { kind: 'region', west, south, east, north, minH, maxH };
  }
  if (bv.box !== undefined) {
    if (!finite(bv.box, 12)) return 'boundingVolume.box: expected 12 numbers';
    const b = bv.box;
    const at = (i: number): Vec3 => [b[i] ?? 0, b[i + 1] ?? 0, b[i + 2] ?? 0];
    const center = apply(transform, at(0));
    const linear = (v: Vec3): Vec3 => sub(apply(transform, v), apply(transform, [0, 0, 0]));
    return { kind: 'box', center, axes: [linear(at(3)), linear(at(6)), linear(at(9))] };
  }
  if (bv.sphere !== undefined) {
    if (!finite(bv.sphere, 4)) return 'boundingVolume.sphere: expected 4 numbers';
    const [x, y, z, r] = bv.sphere as [number, number, number, number];
    if (r < 0) return 'boundingVolume.sphere: negative radius';
    const o = apply(transform, [0, 0, 0]);
    const scale = Math.max(...([[1, 0, 0], [0, 1, 0], [0, 0, 1]] as Vec3[]).map((v) => len(sub(apply(transform, v), o))));
    return { kind: 'sphere', center: apply(transform, [x, y, z]), radius: r * scale };
  }
  return 'boundingVolume has none of region, box, sphere';
}

/** Points that lie in the volume: corners and mid-edges, enough to catch real overhangs. */
export function samplePoints(v: Volume): Vec3[] {
  if (v.kind === 'region') {
    const east = v.east < v.west ? v.east + 2 * Math.PI : v.east;
    const pts: Vec3[] = [];
    for (const lon of [v.west, (v.west + east) / 2, east]) {
      for (const lat of [v.south, (v.south + v.north) / 2, v.north]) {
        for (const h of [v.minH, v.maxH]) pts.push(geodeticToEcef(lon, lat, h));
      }
    }
    return pts;
  }
  if (v.kind === 'box') {
    const pts: Vec3[] = [];
    for (const a of [-1, 1]) for (const b of [-1, 1]) for (const c of [-1, 1]) {
      const [u, w, t] = v.axes;
      pts.push([0, 1, 2].map((i) => v.center[i]! + a * u[i]! + b * w[i]! + c * t[i]!) as Vec3);
    }
    return pts;
  }
  const { center: c, radius: r } = v;
  return [[c[0] + r, c[1], c[2]], [c[0] - r, c[1], c[2]], [c[0], c[1] + r, c[2]], [c[0], c[1] - r, c[2]], [c[0], c[1], c[2] + r], [c[0], c[1], c[2] - r]];
}

/** How far (metres, ≥ 0) a point lies outside the volume; 0 when inside. */
export function distanceOutside(v: Volume, p: Vec3): number {
  return outside(v, p).distance;
}

/** Distance outside and across which face: west/east/south/north/below/above, or axis 0–2. */
export function outside(v: Volume, p: Vec3): { distance: number; side: string } {
  if (v.kind === 'region') {
    const [lon, lat, h] = ecefToGeodetic(p);
    const east = v.east < v.west ? v.east + 2 * Math.PI : v.east;
    let l = lon;
    if (l < v.west - 1e-12) l += 2 * Math.PI;
    // Outside in longitude: the nearer of the two edges the long way round.
    const pastEast = l > east ? l - east : 0;
    const pastWest = l > east ? v.west + 2 * Math.PI - l : 0;
    const cosLat = Math.cos(lat);
    const candidates: [number, string][] = [
      [Math.min(pastEast, pastWest) * EARTH_R * cosLat, pastEast <= pastWest ? 'east' : 'west'],
      [lat < v.south ? (v.south - lat) * EARTH_R : 0, 'south'],
      [lat > v.north ? (lat - v.north) * EARTH_R : 0, 'north'],
      [h < v.minH ? v.minH - h : 0, 'below'],
      [h > v.maxH ? h - v.maxH : 0, 'above'],
    ];
    const [distance, side] = candidates.reduce((a, b) => (b[0] > a[0] ? b : a));
    return { distance, side };
  }
  if (v.kind === 'box') {
    const d = sub(p, v.center);
    let worst = 0;
    let side = 'inside';
    v.axes.forEach((u, i) => {
      const L = len(u);
      if (L === 0) return;
      const over = Math.abs(dot(d, u)) / L - L;
      if (over > worst) { worst = over; side = `box axis ${i} ${dot(d, u) > 0 ? '+' : '-'}`; }
    });
    return { distance: worst, side };
  }
  return { distance: Math.max(0, len(sub(p, v.center)) - v.radius), side: 'sphere surface' };
}

/** Metres by which `child` sticks out of `parent` (0 when contained, within what the test sees). */
export function overhang(parent: Volume, child: Volume): number {
  // Exact tests where the geometry is simple; sampled points otherwise.
  if (child.kind === 'sphere' && parent.kind === 'sphere') {
    return Math.max(0, len(sub(child.center, parent.center)) + child.radius - parent.radius);
  }
  if (child.kind === 'sphere' && parent.kind === 'box') {
    const d = sub(child.center, parent.center);
    let worst = 0;
    for (const u of parent.axes) {
      const L = len(u);
      if (L > 0) worst = Math.max(worst, Math.abs(dot(d, u)) / L + child.radius - L);
    }
    return worst;
  }
  return Math.max(0, ...samplePoints(child).map((p) => distanceOutside(parent, p)));
}

/** Rough size of a volume in metres, used to scale tolerances for approximate tests. */
export function volumeSize(v: Volume): number {
  if (v.kind === 'sphere') return 2 * v.radius;
  if (v.kind === 'box') return 2 * len([0, 1, 2].map((i) => v.axes.reduce((s, a) => s + Math.abs(a[i]!), 0)) as Vec3);
  const east = v.east < v.west ? v.east + 2 * Math.PI : v.east;
  const cos = Math.cos((v.south + v.north) / 2);
  return Math.hypot((east - v.west) * EARTH_R * cos, (v.north - v.south) * EARTH_R, v.maxH - v.minH);
}

export function describeVolume(v: Volume): string {
  const deg = (r: number): string => (r * 180 / Math.PI).toFixed(6);
  if (v.kind === 'region') return `region ${deg(v.west)}..${deg(v.east)}°E ${deg(v.south)}..${deg(v.north)}°N h ${v.minH.toFixed(1)}..${v.maxH.toFixed(1)} m`;
  if (v.kind === 'sphere') return `sphere r ${v.radius.toFixed(1)} m`;
  return `box ~${volumeSize(v).toFixed(1)} m across`;
}
