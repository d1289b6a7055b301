// The streaming benchmark's ideal (issue C6, streaming.md "The ideal"): for one camera view, the
// minimal cut of a tileset — the visible tiles that meet the target screen-space error — found
// with Cesium's own SSE formula and frustum test, so a renderer's fetched bytes can be compared
// with the least it could have fetched.
import { enuBasis, geodeticToEcef, type Vec3 } from '../tiles/ecef.ts';
import { cross, type CameraFrame } from './camera.ts';

/** A bounding volume as 3D Tiles writes it: region in radians and metres; sphere and box in ECEF. */
export type OracleVolume =
  | { readonly kind: 'region'; readonly west: number; readonly south: number; readonly east: number; readonly north: number; readonly minHeight: number; readonly maxHeight: number }
  | { readonly kind: 'sphere'; readonly center: Vec3; readonly radius: number }
  | { readonly kind: 'box'; readonly center: Vec3; readonly halfAxes: readonly [Vec3, Vec3, Vec3] };

export interface OracleTile {
  /** Unique in the tree; for content tiles the content path, so bytes can be looked up. */
  readonly id: string;
  readonly volume: OracleVolume;
  readonly geometricError: number;
  readonly hasContent: boolean;
  readonly refine: 'REPLACE' | 'ADD';
  /** Cesium always traverses through an external-tileset tile, whatever its SSE (canTraverse). */
  readonly alwaysRefine?: boolean;
  /** Lazy: a big implicit tree is only expanded where the traversal descends. */
  children(): readonly OracleTile[];
}

export interface OracleView {
  readonly frame: CameraFrame;
  readonly widthPx: number;
  readonly heightPx: number;
  /** Vertical field of view (radians). */
  readonly fovy: number;
  readonly near?: number;
  readonly far?: number;
  /** Cesium's dynamic-SSE relief (on by default in every Cesium3DTileset): the SSE is lowered by
   *  fog(distance, density)·factor, so far tiles of a street-level view may stay coarser. */
  readonly relief?: { readonly density: number; readonly factor: number };
}

/** Cesium3DTileset's dynamic-SSE defaults (1.14x). */
export const CESIUM_RELIEF = { density: 2.0e-4, factor: 24.0, heightFalloff: 0.25 } as const;

/**
 * The density Cesium computes for a view of a tileset whose root is a region (updateDynamicScreenSpaceError):
 * full at street level looking at the horizon, fading to nothing looking straight down or from above
 * the root's top. `up` is the geocentric normal of the camera position, as Cesium takes it.
 */
export function cesiumReliefDensity(frame: CameraFrame, cameraHeight: number, rootMinHeight: number, rootMaxHeight: number, opts: { density?: number; heightFalloff?: number } = {}): number {
  const density = opts.density ?? CESIUM_RELIEF.density;
  const heightClose = rootMinHeight + (rootMaxHeight - rootMinHeight) * (opts.heightFalloff ?? CESIUM_RELIEF.heightFalloff);
  const t = Math.min(1, Math.max(0, (cameraHeight - heightClose) / (rootMaxHeight - heightClose)));
  const p = frame.position;
  const len = Math.hypot(p[0], p[1], p[2]);
  const d = frame.direction;
  const dot = Math.abs((d[0] * p[0] + d[1] * p[1] + d[2] * p[2]) / len);
  return density * (1 - dot) * (1 - t);
}

export interface OracleCut {
  /** C(v): the tiles a skipping traversal would render. */
  readonly cut: OracleTile[];
  /** C(v) and every content ancestor of its tiles, each once: what a non-skipping REPLACE traversal loads. */
  readonly hlod: OracleTile[];
}

/** Cesium's PerspectiveFrustum defaults (the camera culls with these, not the multi-frustum ones). */
export const DEFAULT_NEAR = 1;
export const DEFAULT_FAR = 5e8;
/** Cesium clamps the distance to EPSILON7 so a camera inside a volume gets a finite, huge SSE. */
const MIN_DISTANCE = 1e-7;

/** A plane as n·x + d = 0 with n pointing into the frustum (n·x + d ≥ 0 is inside). */
export interface Plane { readonly normal: Vec3; readonly d: number }
interface Box { readonly center: Vec3; readonly halfAxes: readonly [Vec3, Vec3, Vec3] }

const dot = (a: Vec3, b: Vec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const axpy = (s: number, a: Vec3, b: Vec3): Vec3 => [s * a[0] + b[0], s * a[1] + b[1], s * a[2] + b[2]];
const scale = (s: number, a: Vec3): Vec3 => [s * a[0], s * a[1], s * a[2]];
const norm = (a: Vec3): number => Math.sqrt(dot(a, a));
const unit = (a: Vec3): Vec3 => scale(1 / norm(a), a);

const DEG = 180 / Math.PI;
const boxes = new WeakMap<OracleVolume, Box>();

/**
 * The box that stands in for a region, as Cesium's TileBoundingRegion does for culling (it also
 * mixes in a region distance; we use the box alone, which can only make the distance smaller).
 * Fit in the east-north-up frame of the region's centre around a 3×3 lon/lat grid of points at
 * both heights: for regions far smaller than the Earth the extremes lie on those points (edges
 * are monotonic in each ENU axis, the top bulges at the centre), so the box encloses the region.
 */
export function regionBox(r: Extract<OracleVolume, { kind: 'region' }>): Box {
  const east = r.east < r.west ? r.east + 2 * Math.PI : r.east; // crosses the antimeridian
  const midLon = ((r.west + east) / 2) * DEG;
  const midLat = ((r.south + r.north) / 2) * DEG;
  const origin = geodeticToEcef(midLon, midLat, 0);
  const b = enuBasis(midLon, midLat);
  const axes: [Vec3, Vec3, Vec3] = [b.east, b.north, b.up];
  const lo = [Infinity, Infinity, Infinity];
  const hi = [-Infinity, -Infinity, -Infinity];
  for (const fx of [0, 0.5, 1]) {
    for (const fy of [0, 0.5, 1]) {
      for (const h of [r.minHeight, r.maxHeight]) {
        const p = sub(geodeticToEcef((r.west + fx * (east - r.west)) * DEG, (r.south + fy * (r.north - r.south)) * DEG, h), origin);
        axes.forEach((a, i) => { const v = dot(p, a); lo[i] = Math.min(lo[i]!, v); hi[i] = Math.max(hi[i]!, v); });
      }
    }
  }
  let center = origin;
  axes.forEach((a, i) => { center = axpy((lo[i]! + hi[i]!) / 2, a, center); });
  const half = axes.map((a, i) => scale((hi[i]! - lo[i]!) / 2, a));
  return { center, halfAxes: [half[0]!, half[1]!, half[2]!] };
}

function asBox(v: Exclude<OracleVolume, { kind: 'sphere' }>): Box {
  if (v.kind === 'box') return v;
  let b = boxes.get(v);
  if (!b) { b = regionBox(v); boxes.set(v, b); }
  return b;
}

/** Distance (m) from a point to a volume; 0 inside. */
export function volumeDistance(v: OracleVolume, p: Vec3): number {
  if (v.kind === 'sphere') return Math.max(0, norm(sub(p, v.center)) - v.radius);
  const box = asBox(v);
  const offset = sub(p, box.center);
  const lengths = box.halfAxes.map(norm);
  let sq = 0;
  box.halfAxes.forEach((a, i) => {
    const len = lengths[i]!;
    // A flat box (one zero half axis) still has a direction: the normal of the other two.
    const dir = len > 0 ? scale(1 / len, a) : unit(cross(box.halfAxes[(i + 1) % 3]!, box.halfAxes[(i + 2) % 3]!));
    const excess = Math.abs(dot(offset, dir)) - len;
    if (excess > 0) sq += excess * excess;
  });
  return Math.sqrt(sq);
}

/** The six planes of the view frustum: left, right, bottom, top, near, far. */
export function frustumPlanes(view: OracleView): Plane[] {
  const { position, direction, up, right } = view.frame;
  const ty = Math.tan(view.fovy / 2);
  const tx = ty * (view.widthPx / view.heightPx);
  const through = (n: Vec3): Plane => { const normal = unit(n); return { normal, d: -dot(normal, position) }; };
  const along = dot(direction, position);
  return [
    through(axpy(tx, direction, right)),
    through(axpy(tx, direction, scale(-1, right))),
    through(axpy(ty, direction, up)),
    through(axpy(ty, direction, scale(-1, up))),
    { normal: direction, d: -along - (view.near ?? DEFAULT_NEAR) },
    { normal: scale(-1, direction), d: along + (view.far ?? DEFAULT_FAR) },
  ];
}

/** Conservative, as Cesium's CullingVolume: culled only when wholly outside one plane. */
export function isVisible(v: OracleVolume, planes: readonly Plane[]): boolean {
  if (v.kind === 'sphere') return planes.every((pl) => dot(pl.normal, v.center) + pl.d >= -v.radius);
  const box = asBox(v);
  return planes.every((pl) => dot(pl.normal, box.center) + pl.d >= -box.halfAxes.reduce((s, a) => s + Math.abs(dot(pl.normal, a)), 0));
}

/** Cesium's SSE (3D mode, pixel ratio 1), minus the dynamic-SSE relief when the view has one
 *  (Cesium3DTile.getScreenSpaceError). */
export function screenSpaceError(geometricError: number, distance: number, view: OracleView): number {
  const d = Math.max(distance, MIN_DISTANCE);
  const sse = (geometricError * view.heightPx) / (d * 2 * Math.tan(view.fovy / 2));
  if (!view.relief) return sse;
  const fog = 1 - Math.exp(-((d * view.relief.density) ** 2));
  return sse - fog * view.relief.factor;
}

/**
 * The minimal cut for a view. A visible tile whose SSE exceeds `maxSse` is refined when its
 * visible subtree contributes content (REPLACE: the descendants stand in for it; ADD: its own
 * content stays too); otherwise it is in the cut itself. An empty tile that needs no refinement
 * contributes nothing (Cesium selects it and draws nothing), so its content descendants are not
 * searched for.
 */
export function minimalCut(root: OracleTile, view: OracleView, maxSse: number): OracleCut {
  const planes = frustumPlanes(view);
  const cut: OracleTile[] = [];
  const hlod = new Map<string, OracleTile>();
  const select = (tile: OracleTile, ancestors: readonly OracleTile[]): void => {
    cut.push(tile);
    for (const a of ancestors) if (!hlod.has(a.id)) hlod.set(a.id, a);
    if (!hlod.has(tile.id)) hlod.set(tile.id, tile);
  };
  // Returns whether the tile's subtree put anything in the cut; `ancestors` holds content tiles only.
  const visit = (tile: OracleTile, ancestors: readonly OracleTile[]): boolean => {
    if (!isVisible(tile.volume, planes)) return false;
    const sse = screenSpaceError(tile.geometricError, volumeDistance(tile.volume, view.frame.position), view);
    const wantsRefine = tile.alwaysRefine === true || sse > maxSse;
    const lineage = tile.hasContent ? [...ancestors, tile] : ancestors;
    if (tile.refine === 'ADD' && tile.hasContent) {
      select(tile, ancestors);
      if (wantsRefine) for (const child of tile.children()) visit(child, lineage);
      return true;
    }
    if (wantsRefine) {
      let contributed = false;
      for (const child of tile.children()) contributed = visit(child, lineage) || contributed;
      if (contributed) return true;
    }
    if (!tile.hasContent) return false;
    select(tile, ancestors);
    return true;
  };
  visit(root, []);
  return { cut, hlod: [...hlod.values()] };
}
