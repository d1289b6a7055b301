// window.__twin: read-only accessors for browser tests and benchmarks. Values are read on call
// from the engine and stores; nothing here changes the scene.
import type { CameraPose, ViewerConfig } from '../../domain/schemas/index.ts';
import type { TwinController } from '../../engine/viewer/controller.ts';
import type { NetworkMeter } from '../../services/networkMeter.ts';
import { useLayers, type LayerLifecycle } from '../../state/layers.ts';
import { useUi } from '../../state/ui.ts';
import { usePlanning } from '../../state/planning.ts';
import { usePipes } from '../../state/pipes.ts';
import { lastExport, type ExportRecord } from '../modes/planner/exportRecord.ts';
import { wallReport, type WallReport } from '../modes/screen/wallReport.ts';

export interface LayerTestStatus {
  readonly state: LayerLifecycle;
  readonly message?: string;
  readonly show: boolean;
  readonly opacity: number;
  readonly failedTiles: number;
  readonly selectedTiles: number;
  readonly loadedTiles: number;
  readonly pendingRequests: number;
  readonly tilesProcessing: number;
  readonly quiet: boolean;
}

export interface TwinTestApi {
  readonly version: 1;
  layers(): Record<string, LayerTestStatus>;
  layer(id: string): LayerTestStatus | undefined;
  /** Camera position and orientation, degrees and metres. */
  camera(): CameraPose;
  settled(): boolean;
  /** Frames rendered since start (idle scenes render none: requestRenderMode). */
  frames(): number;
  streaming(): { pendingRequests: number; tilesProcessing: number; selectedTiles: number; failedTiles: number; globeTilesLoaded: boolean; bytesReceived: number; requests: number };
  config(): ViewerConfig | undefined;
  lang(): string;
  /** Median ms per frame over `n` frames rendered back to back (benchmarks; ratios within one run only). */
  timeFrames(n: number): number;
  /** Planning layers: features loaded/shown; overlays drawn (selection key, BeiDou cell code, height-limit key). */
  planning(): { projects: number; parcels: number; shown: Record<string, number>; overlays: { selection?: string; cell?: string; heightLimit?: string } };
  /** The globe's see-through state, camera collision, and what excavation has drawn. */
  ground(): { translucent: boolean; frontFaceAlpha: number; collision: boolean; pits: number; clippedTargets: number; clippingSupported: boolean };
  /** Window (CSS px) coordinates of a lon/lat/ellipsoidal-height point, undefined when off screen. */
  project(lon: number, lat: number, height: number): { x: number; y: number } | undefined;
  /** Bytes of loaded tiles per tileset layer (Cesium's totalMemoryUsageInBytes). */
  tileMemory(): Record<string, number>;
  /** The picked pipe's properties (its card), if any. */
  pipe(): Readonly<Record<string, string | number>> | undefined;
  /** The display mode the viewer runs in. */
  mode(): string;
  /** The video wall: tour position, feed state, ticker, and what the scene holds (nothing may pile up). */
  wall(): WallReport;
  /** Scheme review: measurements drawn in the scene; alternatives shown, split position, ground tilesets cut. */
  review(): { measurementsDrawn: number; schemesShown: string[]; splitPosition: number; clippedOwners: number; shadows: boolean; sunTime: number; rasters: string[]; sketches: string[]; companion?: { cameraOffset: { metres: number; degrees: number }; shown: string[]; tilesLoaded: boolean; clippedOwners: number; layers: string[]; mainLayers: string[]; frames: { main: number[]; companion: number[] } } };
  /** The last image export (planner mode): size, legend sections and box, scale label. */
  lastExport(): ExportRecord | undefined;
}

declare global {
  interface Window {
    __twin?: TwinTestApi;
  }
}

export function installTestApi(controller: TwinController, meter: NetworkMeter, config: () => ViewerConfig | undefined): () => void {
  const layer = (id: string): LayerTestStatus | undefined => {
    const cfg = useLayers.getState().layers.find((l) => l.id === id);
    if (!cfg) return undefined;
    const status = useLayers.getState().status[id];
    const stats = controller.layers.stats(id);
    return {
      state: status?.state ?? 'loading',
      ...(status?.message ? { message: status.message } : {}),
      show: cfg.show,
      opacity: cfg.opacity,
      failedTiles: Math.max(status?.failedTiles ?? 0, stats?.failedTiles ?? 0),
      selectedTiles: stats?.selectedTiles ?? 0,
      loadedTiles: stats?.loadedTiles ?? 0,
      pendingRequests: stats?.pendingRequests ?? 0,
      tilesProcessing: stats?.tilesProcessing ?? 0,
      quiet: stats?.quiet ?? false,
    };
  };
  const api: TwinTestApi = Object.freeze({
    version: 1 as const,
    layer,
    layers: () => Object.fromEntries(useLayers.getState().layers.flatMap((l) => {
      const s = layer(l.id);
      return s ? [[l.id, s]] : [];
    })),
    camera: () => controller.cameraPose(),
    settled: () => controller.settled,
    frames: () => controller.renderedFrames,
    streaming: () => ({ ...controller.streaming(), bytesReceived: meter.bytesReceived(), requests: meter.requests() }),
    config,
    lang: () => useUi.getState().lang,
    timeFrames: (n: number) => controller.timeFrames(n),
    planning: () => {
      const p = usePlanning.getState();
      const shown: Record<string, number> = {};
      for (const id of Object.keys(p.sources)) shown[id] = controller.layers.shownFeatures(id) ?? 0;
      return { projects: p.projects.length, parcels: p.parcels.length, shown, overlays: { ...controller.overlays.drawn } };
    },
    ground: () => controller.groundReport(),
    project: (lon: number, lat: number, height: number) => controller.project(lon, lat, height),
    pipe: () => usePipes.getState().picked?.properties,
    tileMemory: () => controller.tileMemory(),
    mode: () => useUi.getState().mode,
    wall: () => wallReport(controller),
    lastExport,
    review: () => ({
      measurementsDrawn: controller.measures.count, schemesShown: controller.schemes.shown(), splitPosition: controller.schemes.splitPosition,
      clippedOwners: controller.schemes.clippedOwners, shadows: controller.sun.shadows, sunTime: controller.sun.time,
      rasters: controller.rasters.keys(), sketches: controller.sketches.keys(),
      ...(controller.companion ? { companion: { cameraOffset: controller.companion.offset(), shown: controller.companion.schemes.shown(), tilesLoaded: controller.companion.tilesLoaded, clippedOwners: controller.companion.schemes.clippedOwners, layers: controller.companion.layerIds(), mainLayers: controller.layers.all().map((m) => m.id).sort(), frames: controller.companion.frames() } } : {}),
    }),
  });
  window.__twin = api;
  return () => {
    if (window.__twin === api) delete window.__twin;
  };
}
