// Triangle meshes for pipes, boxes, joints and wells, built in ECEF metres (doubles) and grouped by
// material. Every vertex carries the index of the feature it belongs to, so a pick in the viewer
// finds that feature's row in the property table. Conversion to float32 relative to the tile
// centre happens once, when the glb is written.

export type Vec3 = readonly [number, number, number];

/** One material's triangles: flat arrays, three numbers per position/normal. */
export interface MeshGroup {
  readonly positions: number[];
  readonly normals: number[];
  readonly featureIds: number[];
  readonly indices: number[];
}

export const add = (a: Vec3, b: Vec3): Vec3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
export const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
export const scale = (a: Vec3, k: number): Vec3 => [a[0] * k, a[1] * k, a[2] * k];
export const dot = (a: Vec3, b: Vec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: Vec3, b: Vec3): Vec3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const length = (a: Vec3): number => Math.hypot(a[0], a[1], a[2]);
export const normalize = (a: Vec3): Vec3 => { const l = length(a) || 1; return [a[0] / l, a[1] / l, a[2] / l]; };
/** a·cos + b·sin: a point on the circle spanned by unit vectors a, b. */
const around = (a: Vec3, b: Vec3, angle: number): Vec3 => add(scale(a, Math.cos(angle)), scale(b, Math.sin(angle)));

export const emptyGroup = (): MeshGroup => ({ positions: [], normals: [], featureIds: [], indices: [] });

function vertex(g: MeshGroup, p: Vec3, n: Vec3, featureId: number): number {
  g.positions.push(p[0], p[1], p[2]);
  g.normals.push(n[0], n[1], n[2]);
  g.featureIds.push(featureId);
  return g.featureIds.length - 1;
}

/** The vertex at c + r·n with normal n, without allocating the point (the hot path on big networks). */
function radial(g: MeshGroup, c: Vec3, n: Vec3, r: number, featureId: number): number {
  g.positions.push(c[0] + r * n[0], c[1] + r * n[1], c[2] + r * n[2]);
  g.normals.push(n[0], n[1], n[2]);
  g.featureIds.push(featureId);
  return g.featureIds.length - 1;
}

/** Counter-clockwise seen from outside: the glTF front face, so back-face culling keeps it. */
const quad = (g: MeshGroup, a: number, b: number, c: number, d: number): void => { g.indices.push(a, b, c, a, c, d); };

/**
 * A frame across a run from a to b: `side` horizontal (perpendicular to the run and to `up`),
 * `top` perpendicular to both, pointing upwards. A vertical run borrows any horizontal side.
 */
export function crossFrame(dir: Vec3, up: Vec3): { side: Vec3; top: Vec3 } {
  let side = cross(dir, up);
  if (length(side) < 1e-9) side = cross(dir, Math.abs(dir[0]) < 0.9 ? [1, 0, 0] : [0, 1, 0]);
  side = normalize(side);
  return { side, top: normalize(cross(side, dir)) };
}

/** Round pipe from a to b: an open tube with smooth normals (joints and wells close its ends). */
export function tube(g: MeshGroup, featureId: number, a: Vec3, b: Vec3, radius: number, sides: number, up: Vec3): void {
  const dir = normalize(sub(b, a));
  const { side, top } = crossFrame(dir, up);
  const base = g.featureIds.length;
  for (let i = 0; i < sides; i++) {
    const n = around(side, top, (2 * Math.PI * i) / sides);
    radial(g, a, n, radius, featureId);
    radial(g, b, n, radius, featureId);
  }
  for (let i = 0; i < sides; i++) {
    const j = (i + 1) % sides;
    // Going round from `side` to `top` is counter-clockwise looking back along dir, so this order faces outwards.
    quad(g, base + 2 * i, base + 2 * i + 1, base + 2 * j + 1, base + 2 * j);
  }
}

/** Flat disc closing a tube's end; `outward` points away from the pipe. */
export function disc(g: MeshGroup, featureId: number, centre: Vec3, outward: Vec3, radius: number, sides: number, up: Vec3): void {
  const { side, top } = crossFrame(outward, up);
  const c = vertex(g, centre, outward, featureId);
  for (let i = 0; i < sides; i++) {
    const d = around(side, top, (2 * Math.PI * i) / sides);
    g.positions.push(centre[0] + radius * d[0], centre[1] + radius * d[1], centre[2] + radius * d[2]);
    g.normals.push(outward[0], outward[1], outward[2]);
    g.featureIds.push(featureId);
  }
  // side→top is clockwise seen from the outward side, so reverse the fan.
  for (let i = 0; i < sides; i++) g.indices.push(c, c + 1 + ((i + 1) % sides), c + 1 + i);
}

/** Rectangular section (culvert, duct bank, utility tunnel) from a to b, closed at both ends. */
export function box(g: MeshGroup, featureId: number, a: Vec3, b: Vec3, width: number, height: number, up: Vec3): void {
  const dir = normalize(sub(b, a));
  const { side, top } = crossFrame(dir, up);
  const hw = width / 2, hh = height / 2;
  const corner = (p: Vec3, s: number, t: number): Vec3 => add(p, add(scale(side, s * hw), scale(top, t * hh)));
  // Faces as (normal, first corner, second corner) going round the section.
  const faces: [Vec3, [number, number], [number, number]][] = [
    [side, [1, -1], [1, 1]], [top, [1, 1], [-1, 1]], [scale(side, -1), [-1, 1], [-1, -1]], [scale(top, -1), [-1, -1], [1, -1]],
  ];
  for (const [n, [s0, t0], [s1, t1]] of faces) {
    const i = vertex(g, corner(a, s0, t0), n, featureId);
    vertex(g, corner(a, s1, t1), n, featureId);
    vertex(g, corner(b, s1, t1), n, featureId);
    vertex(g, corner(b, s0, t0), n, featureId);
    quad(g, i, i + 3, i + 2, i + 1);
  }
  for (const [p, n] of [[a, scale(dir, -1)], [b, dir]] as const) {
    const i = vertex(g, corner(p, 1, -1), n, featureId);
    vertex(g, corner(p, 1, 1), n, featureId);
    vertex(g, corner(p, -1, 1), n, featureId);
    vertex(g, corner(p, -1, -1), n, featureId);
    if (n === dir) quad(g, i, i + 3, i + 2, i + 1); else quad(g, i, i + 1, i + 2, i + 3);
  }
}

/** Low-poly sphere: the clean joint where round pipes meet without a well. */
export function sphere(g: MeshGroup, featureId: number, centre: Vec3, radius: number, segments: number, up: Vec3): void {
  const { side, top } = crossFrame(up, [1, 0, 0]);
  const rings = Math.max(3, Math.floor(segments / 2));
  const base = g.featureIds.length;
  for (let r = 0; r <= rings; r++) {
    const polar = (Math.PI * r) / rings; // 0 at the top
    for (let s = 0; s < segments; s++) {
      const horizontal = around(side, top, (2 * Math.PI * s) / segments);
      const n = add(scale(up, Math.cos(polar)), scale(horizontal, Math.sin(polar)));
      radial(g, centre, n, radius, featureId);
    }
  }
  for (let r = 0; r < rings; r++) {
    for (let s = 0; s < segments; s++) {
      const s1 = (s + 1) % segments;
      const a = base + r * segments + s, b = base + r * segments + s1;
      const c = base + (r + 1) * segments + s1, d = base + (r + 1) * segments + s;
      // The rings at the poles collapse to a point: skip the triangle that would have no area there.
      if (r > 0) g.indices.push(a, b, c);
      if (r < rings - 1) g.indices.push(a, c, d);
    }
  }
}

/** Vertical cylinder (well shaft, valve, hydrant) from `bottom` up `height` metres, capped. */
export function cylinder(g: MeshGroup, featureId: number, bottom: Vec3, up: Vec3, radius: number, height: number, sides: number): void {
  const topCentre = add(bottom, scale(up, height));
  const { side, top } = crossFrame(up, [1, 0, 0]);
  const base = g.featureIds.length;
  for (let i = 0; i < sides; i++) {
    const n = around(side, top, (2 * Math.PI * i) / sides);
    radial(g, bottom, n, radius, featureId);
    radial(g, topCentre, n, radius, featureId);
  }
  for (let i = 0; i < sides; i++) {
    const j = (i + 1) % sides;
    quad(g, base + 2 * i, base + 2 * i + 1, base + 2 * j + 1, base + 2 * j);
  }
  disc(g, featureId, topCentre, up, radius, sides, [1, 0, 0]);
  disc(g, featureId, bottom, scale(up, -1), radius, sides, [1, 0, 0]);
}

/** Sides of a round pipe's tube: more for big pipes, which are seen from further away. */
export const tubeSides = (diameterM: number): number => (diameterM <= 0.2 ? 8 : diameterM < 1 ? 12 : 16);
