// Layer kinds made of one Cesium3DTileset (the plain 3D Tiles kind, pipelines): a tileset that
// fails to load, or tiles that fail (404, corrupt content), put the layer in its error state; the
// rest of the scene carries on. A kind adds its own style from its options (filters, highlight).
import { Cesium3DTileColorBlendMode, Cesium3DTileset, Cesium3DTileStyle } from 'cesium';
import { combineTileStyle, type TileStyleJson } from '../../../domain/styling/index.ts';
import type { LayerKindSchema } from '../../../domain/schemas/index.ts';
import { defineLayerKind, type AnyLayerKind, type LayerContext, type LayerStats } from '../types.ts';
import { tiles3dLiveOptions, type ColorBlendModeName, type Tiles3dLayerConfig } from './config.ts';

/** The readable but undocumented `tileset.statistics` (Cesium3DTilesetStatistics). */
interface TilesetStatistics {
  readonly selected: number;
  readonly numberOfPendingRequests: number;
  readonly numberOfTilesProcessing: number;
  readonly numberOfLoadedTilesTotal: number;
}

export interface TilesetHandle {
  tileset?: Cesium3DTileset;
  destroyed: boolean;
  failedTiles: number;
  /** The tileset itself could not be loaded: nothing more will come, so it counts as quiet. */
  loadFailed: boolean;
  unlisten: (() => void)[];
  /** The latest options (a load finishing after updates styles with these). */
  cfg: Tiles3dLayerConfig;
}

function statisticsOf(tileset: Cesium3DTileset): TilesetStatistics | undefined {
  return (tileset as unknown as { statistics?: TilesetStatistics }).statistics;
}

export interface TilesetKindSpec<C extends Tiles3dLayerConfig> {
  readonly kind: string;
  readonly schema: LayerKindSchema;
  /** The kind's own style from its options (the config's `style` is used when this is absent). */
  style?(cfg: C): TileStyleJson | undefined;
}

const BLEND: Record<ColorBlendModeName, Cesium3DTileColorBlendMode> = {
  highlight: Cesium3DTileColorBlendMode.HIGHLIGHT, replace: Cesium3DTileColorBlendMode.REPLACE, mix: Cesium3DTileColorBlendMode.MIX,
};

/** Alpha the layer draws with: its opacity, times the ground translucency in underground mode. */
const layerAlpha = (cfg: Tiles3dLayerConfig): number => cfg.opacity * (cfg.groundTranslucency ?? 1);

function styleKey<C extends Tiles3dLayerConfig>(spec: TilesetKindSpec<C>, cfg: C): string {
  return JSON.stringify(combineTileStyle(spec.style ? spec.style(cfg) : cfg.style, layerAlpha(cfg)) ?? null);
}

function applyStyle<C extends Tiles3dLayerConfig>(tileset: Cesium3DTileset, spec: TilesetKindSpec<C>, cfg: C): void {
  // No style at all when fully opaque and unfiltered: Cesium's opaque fast path, no re-styling.
  const style = combineTileStyle(spec.style ? spec.style(cfg) : cfg.style, layerAlpha(cfg));
  tileset.style = style ? new Cesium3DTileStyle(style as object) : undefined;
  tileset.colorBlendMode = BLEND[cfg.colorBlendMode];
}

function applyLiveOptions(tileset: Cesium3DTileset, cfg: Tiles3dLayerConfig): void {
  const target = tileset as unknown as Record<string, unknown>;
  for (const key of tiles3dLiveOptions) {
    const v = cfg[key];
    if (v !== undefined && target[key] !== v) target[key] = v;
  }
}

function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (typeof e === 'object' && e !== null && 'message' in e) return String((e as { message: unknown }).message);
  return String(e);
}

function wire(handle: TilesetHandle, tileset: Cesium3DTileset, ctx: LayerContext): void {
  handle.unlisten.push(
    tileset.tileFailed.addEventListener((err: { url?: string; message?: string }) => {
      handle.failedTiles += 1;
      ctx.report({ state: 'error', failedTiles: handle.failedTiles, message: `${err.url ?? ''} ${err.message ?? ''}`.trim() });
    }),
    tileset.loadProgress.addEventListener((pending: number, processing: number) => {
      ctx.report({ streaming: pending + processing > 0 });
    }),
    tileset.allTilesLoaded.addEventListener(() => {
      ctx.report({ streaming: false });
    }),
  );
}

export function tilesetKind<C extends Tiles3dLayerConfig>(spec: TilesetKindSpec<C>): AnyLayerKind {
  return defineLayerKind<C, TilesetHandle>({
    kind: spec.kind,
    schema: spec.schema,
    rebuildKeys: ['url'],

    create(ctx, cfg) {
      const handle: TilesetHandle = { destroyed: false, failedTiles: 0, loadFailed: false, unlisten: [], cfg };
      ctx.report({ state: 'loading', failedTiles: 0, streaming: true });
      const options: Cesium3DTileset.ConstructorOptions = { maximumScreenSpaceError: cfg.maximumScreenSpaceError, show: cfg.show };
      const { url } = cfg;
      Cesium3DTileset.fromUrl(url, options).then(
        (tileset) => {
          if (handle.destroyed) {
            tileset.destroy();
            return;
          }
          handle.tileset = tileset;
          applyLiveOptions(tileset, cfg);
          applyStyle(tileset, spec, handle.cfg as C);
          wire(handle, tileset, ctx);
          ctx.viewer.scene.primitives.add(tileset);
          // A layer whose tiles already failed keeps its error state.
          if (handle.failedTiles === 0) ctx.report({ state: 'ready' });
          ctx.requestRender();
        },
        (e: unknown) => {
          handle.loadFailed = true;
          if (!handle.destroyed) ctx.report({ state: 'error', streaming: false, message: `${url}: ${errorMessage(e)}` });
        },
      );
      return handle;
    },

    update(handle, next, prev, ctx) {
      handle.cfg = next;
      const tileset = handle.tileset;
      if (!tileset) return;
      if (next.show !== prev.show) tileset.show = next.show;
      if (styleKey(spec, next) !== styleKey(spec, prev) || next.colorBlendMode !== prev.colorBlendMode) applyStyle(tileset, spec, next);
      applyLiveOptions(tileset, next);
      ctx.requestRender();
    },

    destroy(handle, ctx) {
      handle.destroyed = true;
      handle.unlisten.forEach((off) => off());
      handle.unlisten = [];
      if (handle.tileset) {
        // remove() also destroys the tileset (primitives.destroyPrimitives defaults to true).
        ctx.viewer.scene.primitives.remove(handle.tileset);
        handle.tileset = undefined;
      }
      ctx.requestRender();
    },

    isReady: (handle) => handle.tileset !== undefined,

    stats(handle): LayerStats {
      const tileset = handle.tileset;
      const s = tileset ? statisticsOf(tileset) : undefined;
      const pendingRequests = s?.numberOfPendingRequests ?? 0;
      const tilesProcessing = s?.numberOfTilesProcessing ?? 0;
      return {
        selectedTiles: s?.selected ?? 0,
        loadedTiles: s?.numberOfLoadedTilesTotal ?? 0,
        pendingRequests,
        tilesProcessing,
        failedTiles: handle.failedTiles,
        // tilesLoaded alone (not allTilesLoaded): a tileset entirely outside the view requests nothing,
        // so its load progress never changes and allTilesLoaded never fires, yet it is quiet.
        quiet: handle.loadFailed || (tileset !== undefined && tileset.tilesLoaded && pendingRequests === 0 && tilesProcessing === 0),
      };
    },

    zoomTo(handle, ctx) {
      if (handle.tileset) void ctx.viewer.flyTo(handle.tileset, { duration: 1.5 });
    },
  });
}
