// The surface point under the cursor: on the reality mesh (depth-buffer pick) when a primitive is
// there, otherwise on the globe, otherwise on the ellipsoid.
import { Cartesian2, defined, type Viewer } from 'cesium';
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
  if (onGlobe) return { ...cartesianToDegrees(onGlobe), source: 'globe' };
  const onEllipsoid = viewer.camera.pickEllipsoid(pos);
  return onEllipsoid ? { ...cartesianToDegrees(onEllipsoid), source: 'ellipsoid' } : undefined;
}

/** The layer and feature ids of a picked planning feature. */
export interface PickedFeature {
  readonly layerId: string;
  readonly featureId: string;
}

/** The topmost picked object whose id passes `accept` (drill-pick: a parcel under the mesh's own pick). */
export function pickFeature(viewer: Viewer, x: number, y: number, accept: (id: unknown) => id is PickedFeature): PickedFeature | undefined {
  const picked = viewer.scene.drillPick(new Cartesian2(x, y), 8) as { id?: unknown }[];
  for (const p of picked) if (accept(p.id)) return { layerId: p.id.layerId, featureId: p.id.featureId };
  return undefined;
}
