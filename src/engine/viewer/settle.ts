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

export function watchTilesSettled(viewer: Viewer, layers: MountedLayers, onChange: (settled: boolean) => void, opts: SettleOptions = {}): () => void {
  const intervalMs = opts.intervalMs ?? 100;
  const needed = opts.quietChecks ?? 6;
  let quietRun = 0;
  let settled: boolean | undefined;
  const lastPos = new Cartesian3();
  const lastDir = new Cartesian3();

  const check = () => {
    if (viewer.isDestroyed()) return;
    const camera = viewer.camera;
    const moved = !Cartesian3.equalsEpsilon(camera.positionWC, lastPos, 0, 1e-3) || !Cartesian3.equalsEpsilon(camera.directionWC, lastDir, 1e-9);
    Cartesian3.clone(camera.positionWC, lastPos);
    Cartesian3.clone(camera.directionWC, lastDir);
    const layersQuiet = layers.all().every((m) => !m.cfg.show || m.kind.stats(m.handle).quiet);
    const quiet = !moved && layersQuiet && viewer.scene.globe.tilesLoaded;
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
    if (!viewer.isDestroyed()) viewer.scene.requestRenderMode = true;
  };
}
