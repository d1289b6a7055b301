// The surface point under the cursor: on the reality mesh (depth-buffer pick) when a primitive is
// there, otherwise on the globe, otherwise on the ellipsoid.
import { Cartesian2, Cartographic, Cesium3DTileFeature, defined, Ellipsoid, IntersectionTests, Ray, type Cartesian3, type Cesium3DTileset, type Viewer } from 'cesium';
import { cartesianToDegrees } from './camera.ts';

export interface SurfacePoint {
  readonly lon: number;
  readonly lat: number;
  /** Ellipsoidal height, metres. */
  readonly height: number;
  readonly source: 'mesh' | 'globe' | 'ellipsoid';
}

export function pickSurface(viewer: Viewer, x: number, y: number): SurfacePoint | undefined {
  const scene = viewer.scene;
  const pos = new Cartesian2(x, y);
  if (scene.pickPositionSupported && defined(scene.pick(pos))) {
    const p = scene.pickPosition(pos);
    if (defined(p)) return { ...cartesianToDegrees(p), source: 'mesh' };
  }
  const ray = viewer.camera.getPickRay(pos);
  const onGlobe = ray ? scene.globe.pick(ray, scene) : undefined;
  // Where the globe is see-through (a seabed cut-out, underground mode) the model below it is what
  // the user sees, but the pick pass still meets the globe first: look below it.
  const below = ray && onGlobe && scene.globe.translucency.enabled ? surfaceBelowGlobe(viewer, ray, onGlobe) : undefined;
  if (below) return below;
  if (onGlobe) return { ...cartesianToDegrees(onGlobe), source: 'globe' };
  const onEllipsoid = viewer.camera.pickEllipsoid(pos);
  return onEllipsoid ? { ...cartesianToDegrees(onEllipsoid), source: 'ellipsoid' } : undefined;
}

/**
 * The model surface (seabed, pipes) under a see-through globe along the pick ray: sample the model
 * height under the globe hit, move along the ray to that height and sample again (two steps settle
 * it on gentle relief, well under a metre on a seabed sloping a few per cent).
 */
function surfaceBelowGlobe(viewer: Viewer, ray: Ray, onGlobe: Cartesian3): SurfacePoint | undefined {
  const scene = viewer.scene;
  let carto = Cartographic.fromCartesian(onGlobe);
  let height: number | undefined;
  for (let step = 0; step < 2; step++) {
    height = scene.sampleHeight(carto);
    if (height === undefined) return undefined;
    const r = Ellipsoid.WGS84.radii;
    const shell = new Ellipsoid(r.x + height, r.y + height, r.z + height);
    const hit = IntersectionTests.rayEllipsoid(ray, shell);
    if (!hit) break;
    carto = Cartographic.fromCartesian(Ray.getPoint(ray, hit.start));
  }
  if (height === undefined) return undefined;
  return { lon: (carto.longitude * 180) / Math.PI, lat: (carto.latitude * 180) / Math.PI, height, source: 'mesh' };
}

/** The layer and feature ids of a picked planning feature. */
export interface PickedFeature {
  readonly layerId: string;
  readonly featureId: string;
}

/** Everything under a screen point, topmost first (one drill-pick serves every kind of feature). */
export function drillAt(viewer: Viewer, x: number, y: number): readonly unknown[] {
  return viewer.scene.drillPick(new Cartesian2(x, y), 8) as unknown[];
}

/** The topmost picked object whose id passes `accept` (a parcel under the mesh's own pick). */
export function planningFeatureIn(picked: readonly unknown[], accept: (id: unknown) => id is PickedFeature): PickedFeature | undefined {
  for (const p of picked) {
    const id = (p as { id?: unknown } | undefined)?.id;
    if (accept(id)) return { layerId: id.layerId, featureId: id.featureId };
  }
  return undefined;
}

/** A picked 3D Tiles feature with metadata (a pipe or well): its layer and every property. */
export interface PickedTileFeature {
  readonly layerId: string;
  readonly properties: Readonly<Record<string, string | number>>;
}

/** The topmost 3D Tiles feature carrying `marker` (e.g. featureType), whatever lies above it
 *  (in underground mode the translucent mesh is picked first). */
export function tileFeatureIn(picked: readonly unknown[], marker: string, layerOf: (t: Cesium3DTileset) => string | undefined): PickedTileFeature | undefined {
  for (const p of picked) {
    if (!(p instanceof Cesium3DTileFeature) || p.getProperty(marker) === undefined) continue;
    const layerId = layerOf(p.tileset);
    if (!layerId) continue;
    const properties: Record<string, string | number> = {};
    for (const name of p.getPropertyIds()) {
      const v: unknown = p.getProperty(name);
      if (typeof v === 'string' || typeof v === 'number') properties[name] = v;
      else if (typeof v === 'bigint') properties[name] = Number(v);
    }
    return { layerId, properties };
  }
  return undefined;
}
