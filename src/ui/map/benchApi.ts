// window.__bench for the shipped viewer: the streaming benchmark (npm run bench) drives this page,
// the plain Cesium page and the 3DTilesRendererJS page through the same contract
// (src/domain/bench/types.ts). It measures the reality mesh layer, the one all three stream.
import { flyAlong, type BenchPageApi, type BenchPose } from '../../domain/bench/index.ts';
import type { TwinController } from '../../engine/viewer/controller.ts';
import { useLayers } from '../../state/layers.ts';

declare global {
  interface Window {
    __bench?: BenchPageApi;
  }
}

/** The mesh the benchmark measures: the ground 3D Tiles layer of the config. */
function meshLayerId(): string | undefined {
  const layers = useLayers.getState().layers;
  return (layers.find((l) => l.kind === '3dtiles' && (l as { ground?: boolean }).ground) ?? layers.find((l) => l.kind === '3dtiles'))?.id;
}

export function installBenchApi(controller: TwinController): () => void {
  const setView = (pose: BenchPose): void => {
    controller.setView(pose);
    controller.requestRender();
  };
  const api: BenchPageApi = Object.freeze({
    config: 'shipped' as const,
    ready: () => {
      const id = meshLayerId();
      return id !== undefined && useLayers.getState().status[id]?.state === 'ready';
    },
    error: () => {
      const id = meshLayerId();
      if (id === undefined) return 'the config has no 3D Tiles mesh layer';
      const status = useLayers.getState().status[id];
      return status?.state === 'error' ? (status.message ?? 'mesh layer failed') : undefined;
    },
    setView,
    fly: (from: BenchPose, to: BenchPose, seconds: number) => flyAlong(setView, from, to, seconds, {
      now: () => performance.now(),
      next: (step) => { requestAnimationFrame(step); },
    }),
    status: () => {
      const id = meshLayerId();
      const stats = id === undefined ? undefined : controller.layers.stats(id);
      return {
        tilesLoaded: stats?.quiet ?? false,
        tileMemoryBytes: id === undefined ? 0 : (controller.tileMemory()[id] ?? 0),
        frames: controller.renderedFrames,
      };
    },
    timeFrames: (n: number) => controller.timeFrames(n),
  });
  window.__bench = api;
  return () => {
    if (window.__bench === api) delete window.__bench;
  };
}
