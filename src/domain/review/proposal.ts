// A proposal model, measured: from its triangles (read from the GLB in model space) to what the
// comparison table and the site clearing need: its height raster (top surface above its base, for
// the indicators), its footprint outline (the convex hull, widened a little, that the mesh is cut
// away inside) and its size. Placement-independent: heading and position only move the outline.
import { createRaster, type HeightRaster } from './raster.ts';
import { rasterizeTriangles } from './rasterize.ts';
import { multiply, Y_UP_TO_Z_UP, type Mat4 } from './glbMesh.ts';
import type { LonLatHeight } from './frame.ts';
import { localFrame } from './frame.ts';

export type XY = readonly [number, number];

/** A proposal model may be at most this large on the ground (a city block, not a district). */
export const MAX_PROPOSAL_SPAN_M = 2000;
/** Indicator raster cells: footprints are quantised to whole cells, so small against a building. */
export const PROPOSAL_CELL_M = 0.5;
/** The cut reaches this far past the model's outline, so no sliver of old mesh shows at its foot. */
export const CLEARING_MARGIN_M = 1.5;

export interface MeasuredProposal {
  /** Top surface above the base (z − minZ) per cell, NaN where there is no building. */
  readonly raster: HeightRaster;
  /** Convex hull of the model in plan, metres east/north of its origin at heading 0, counter-clockwise. */
  readonly hull: readonly XY[];
  readonly minZ: number;
  readonly height: number;
  readonly span: number;
}

/** glTF model space (y-up) → x east, y north, z up at heading 0, as the viewer shows a proposal (forwardAxis X), scaled. */
export function modelToEnu(scale: number): Mat4 {
  const s = new Float64Array([scale, 0, 0, 0, 0, scale, 0, 0, 0, 0, scale, 0, 0, 0, 0, 1]);
  return multiply(s, Y_UP_TO_Z_UP);
}

/** Andrew's monotone chain. */
export function convexHull(points: readonly XY[]): XY[] {
  const p = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (p.length < 3) return p;
  const cross = (o: XY, a: XY, b: XY): number => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: XY[] = [], upper: XY[] = [];
  for (const q of p) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, q) <= 0) lower.pop();
    lower.push(q);
  }
  for (let i = p.length - 1; i >= 0; i--) {
    const q = p[i]!;
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, q) <= 0) upper.pop();
    upper.push(q);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

/** Moves each vertex of a convex counter-clockwise ring outwards by `d` metres (along its corner's bisector). */
export function widenConvex(ring: readonly XY[], d: number): XY[] {
  const n = ring.length;
  return ring.map((p, i) => {
    const a = ring[(i + n - 1) % n]!, b = ring[(i + 1) % n]!;
    const e1 = unit([p[0] - a[0], p[1] - a[1]]), e2 = unit([b[0] - p[0], b[1] - p[1]]);
    // Outward normals of a CCW ring point right of each edge.
    const n1: XY = [e1[1], -e1[0]], n2: XY = [e2[1], -e2[0]];
    const m = unit([n1[0] + n2[0], n1[1] + n2[1]]);
    const cos = m[0] * n1[0] + m[1] * n1[1];
    const k = cos > 1e-6 ? d / cos : d;
    return [p[0] + m[0] * k, p[1] + m[1] * k] as const;
  });
}

const unit = (v: XY): XY => {
  const l = Math.hypot(v[0], v[1]);
  return l > 0 ? [v[0] / l, v[1] / l] : [0, 0];
};

/**
 * Measures triangles given in ENU-oriented model space (modelToEnu applied): returns undefined
 * when they span more than MAX_PROPOSAL_SPAN_M (a georeferenced model or a wrong unit: the caller
 * says so rather than drawing a city-sized box).
 */
export function measureProposal(triangles: Float64Array | Float32Array): MeasuredProposal | { tooLarge: number } {
  let minX = Infinity, minY = Infinity, minZ = Infinity, maxX = -Infinity, maxY = -Infinity, maxZ = -Infinity;
  const pts: XY[] = [];
  for (let i = 0; i + 2 < triangles.length; i += 3) {
    const x = triangles[i]!, y = triangles[i + 1]!, z = triangles[i + 2]!;
    minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
    minZ = Math.min(minZ, z); maxZ = Math.max(maxZ, z);
    pts.push([x, y]);
  }
  const span = Math.max(maxX - minX, maxY - minY, maxZ - minZ);
  if (!(span <= MAX_PROPOSAL_SPAN_M)) return { tooLarge: span };
  const cell = PROPOSAL_CELL_M;
  const cols = Math.max(1, Math.ceil((maxX - minX) / cell) + 1), rows = Math.max(1, Math.ceil((maxY - minY) / cell) + 1);
  const raster = createRaster({ lon: 0, lat: 0, height: 0 }, minX + cell / 2, minY + cell / 2, cell, cols, rows);
  rasterizeTriangles(raster, roofsAbove(triangles, minZ));
  return { raster, hull: convexHull(pts), minZ, height: maxZ - minZ, span };
}

/**
 * The triangles that face up or down (roofs, floors, terraces), lifted so the base is at z = 0.
 * Walls are left out: seen from above they have no area, and the rasteriser would trace them into
 * the cells on both sides of the wall line, widening every footprint by a cell. Roofs alone, sampled
 * at cell centres, give the footprint to the cell and the GFA exactly for walls on cell lines.
 */
function roofsAbove(triangles: Float64Array | Float32Array, minZ: number): Float64Array {
  const out: number[] = [];
  for (let t = 0; t + 8 < triangles.length; t += 9) {
    const ax = triangles[t]!, ay = triangles[t + 1]!, bx = triangles[t + 3]!, by = triangles[t + 4]!, cx = triangles[t + 6]!, cy = triangles[t + 7]!;
    const plan = Math.abs((bx - ax) * (cy - ay) - (by - ay) * (cx - ax)) / 2;
    const ux = bx - ax, uy = by - ay, uz = triangles[t + 5]! - triangles[t + 2]!;
    const vx = cx - ax, vy = cy - ay, vz = triangles[t + 8]! - triangles[t + 2]!;
    const full = Math.hypot(uy * vz - uz * vy, uz * vx - ux * vz, ux * vy - uy * vx) / 2;
    if (!(plan > 1e-3 * full)) continue; // steeper than ~89.9°: a wall
    for (let k = 0; k < 9; k++) out.push(k % 3 === 2 ? triangles[t + k]! - minZ : triangles[t + k]!);
  }
  return new Float64Array(out);
}

/** The hull turned by `headingDeg` (clockwise from north) and set at `origin`: lon/lat of its corners. */
export function outlineAt(hull: readonly XY[], origin: LonLatHeight, headingDeg: number, margin = CLEARING_MARGIN_M): { lon: number; lat: number }[] {
  const frame = localFrame(origin);
  const h = (headingDeg * Math.PI) / 180, c = Math.cos(h), s = Math.sin(h);
  return widenConvex(hull, margin).map(([x, y]) => {
    // Clockwise from above: east turns towards south.
    const g = frame.toGeodetic([x * c + y * s, -x * s + y * c, 0]);
    return { lon: g.lon, lat: g.lat };
  });
}
