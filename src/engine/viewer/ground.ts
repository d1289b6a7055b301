// The ground's see-through states. Underground mode: the globe turns translucent everywhere with
// the user's opacity (the reality mesh gets the same alpha through its layer) and the camera may
// pass below the surface. Globe cut-outs: where a seabed model lies below the ellipsoid, the
// globe is made fully transparent over that rectangle so the seabed shows (peers.md items 5–6).
import { Color, NearFarScalar, Rectangle, type Viewer } from 'cesium';

export interface GroundState {
  readonly underground: boolean;
  /** Ground alpha in underground mode, 0 (invisible) … 1 (opaque). */
  readonly opacity: number;
  /** [west, south, east, north] degrees of visible layers that need the globe out of the way. */
  readonly cutouts: readonly (readonly [number, number, number, number])[];
}

function union(cutouts: GroundState['cutouts']): Rectangle {
  const w = Math.min(...cutouts.map((c) => c[0])), s = Math.min(...cutouts.map((c) => c[1]));
  const e = Math.max(...cutouts.map((c) => c[2])), n = Math.max(...cutouts.map((c) => c[3]));
  return Rectangle.fromDegrees(w, s, e, n);
}

export function applyGround(viewer: Viewer, state: GroundState): void {
  const { globe, screenSpaceCameraController: controls } = viewer.scene;
  const t = globe.translucency;
  if (state.underground) {
    t.enabled = true;
    t.frontFaceAlpha = state.opacity;
    t.backFaceAlpha = state.opacity;
    // Nearly opaque from far away keeps the city readable; see-through near the camera.
    t.frontFaceAlphaByDistance = new NearFarScalar(1500, state.opacity, 30000, Math.max(state.opacity, 0.9));
    t.rectangle = Rectangle.MAX_VALUE;
    globe.undergroundColor = Color.fromCssColorString('#0b1620');
  } else if (state.cutouts.length > 0) {
    t.enabled = true;
    t.frontFaceAlpha = 0;
    t.backFaceAlpha = 0;
    t.frontFaceAlphaByDistance = undefined as unknown as NearFarScalar;
    t.rectangle = union(state.cutouts);
  } else {
    t.enabled = false;
  }
  // Below the surface the camera must not bounce back up.
  controls.enableCollisionDetection = !state.underground;
  viewer.scene.requestRender();
}
