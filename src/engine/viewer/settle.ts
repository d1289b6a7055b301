// Readiness for screenshots and benchmarks: "settled" once every visible layer is quiet (3D Tiles:
// tilesLoaded, no requests pending or tiles processing), the globe's
// tiles are loaded and the camera has not moved, for several checks in a row.
// Cesium advances tile loading (decode, GPU upload) one step per rendered frame, and in
// requestRenderMode nothing renders while idle; so while unsettled the scene renders every
// frame, and once settled it goes back to rendering on demand.
import { Cartesian3, type Viewer } from 'cesium';
import type { MountedLayers } from '../layers/mounted.ts';

export interface SettleOptions {
  readonly intervalMs?: number;
  /** Consecutive quiet checks required. */
  readonly quietChecks?: number;
}

/** Rendered frames with a still camera before "quiet" may count (see framesStill). */
const STILL_FRAMES = 3;

export function watchTilesSettled(viewer: Viewer, layers: MountedLayers, onChange: (settled: boolean) => void, opts: SettleOptions = {}): () => void {
  const intervalMs = opts.intervalMs ?? 100;
  const needed = opts.quietChecks ?? 6;
  let quietRun = 0;
  let settled: boolean | undefined;
  const lastPos = new Cartesian3();
  const lastDir = new Cartesian3();
  // Cesium counts the camera as moving in the frame of a jump and the one after (this and last
  // frame's motion), and holds tile requests back meanwhile (cullRequestsWhileMoving) while
  // tilesLoaded stays true. Quiet only counts after a few frames with the camera still, or a jump
  // (setView, a deep link) could settle on a view whose tiles were never asked for.
  let framesStill = 0;
  const offRender = viewer.scene.postRender.addEventListener(() => { framesStill += 1; });

  const check = () => {
    if (viewer.isDestroyed()) return;
    const camera = viewer.camera;
    const moved = !Cartesian3.equalsEpsilon(camera.positionWC, lastPos, 0, 1e-3) || !Cartesian3.equalsEpsilon(camera.directionWC, lastDir, 1e-9);
    Cartesian3.clone(camera.positionWC, lastPos);
    Cartesian3.clone(camera.directionWC, lastDir);
    const layersQuiet = layers.all().every((m) => !m.cfg.show || m.kind.stats(m.handle).quiet);
    if (moved) framesStill = 0;
    const quiet = !moved && framesStill >= STILL_FRAMES && layersQuiet && viewer.scene.globe.tilesLoaded;
    quietRun = quiet ? quietRun + 1 : 0;
    const now = quietRun >= needed;
    viewer.scene.requestRenderMode = now;
    if (!now) viewer.scene.requestRender();
    if (now !== settled) {
      settled = now;
      onChange(now);
    }
  };
  const timer = window.setInterval(check, intervalMs);
  check();
  return () => {
    window.clearInterval(timer);
    offRender();
    if (!viewer.isDestroyed()) viewer.scene.requestRenderMode = true;
  };
}
