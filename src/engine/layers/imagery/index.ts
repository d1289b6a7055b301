// The imagery layer kind: one ImageryLayer draped on the globe. The default is Cesium's bundled
// Natural Earth II, served from our own origin, so the viewer works with no network at all.
import {
  buildModuleUrl, Credit, GeographicTilingScheme, ImageryLayer, Rectangle, TileMapServiceImageryProvider,
  UrlTemplateImageryProvider, WebMapTileServiceImageryProvider, WebMercatorTilingScheme, type ImageryProvider,
} from 'cesium';
import { defineLayerKind, type LayerContext } from '../types.ts';
import { imagerySchema, type ImageryLayerConfig } from './config.ts';

export interface ImageryHandle {
  layer: ImageryLayer;
  destroyed: boolean;
  failedTiles: number;
  ready: boolean;
}

/** Stacking order of the layers we added, so async creation cannot shuffle them. */
const stackOrder = new WeakMap<ImageryLayer, number>();

function urlWithToken(cfg: ImageryLayerConfig): string {
  const url = cfg.url ?? '';
  return cfg.token ? url.replaceAll('{token}', encodeURIComponent(cfg.token)) : url;
}

function common(cfg: ImageryLayerConfig) {
  return {
    ...(cfg.minimumLevel !== undefined ? { minimumLevel: cfg.minimumLevel } : {}),
    ...(cfg.maximumLevel !== undefined ? { maximumLevel: cfg.maximumLevel } : {}),
    ...(cfg.rectangle ? { rectangle: Rectangle.fromDegrees(...(cfg.rectangle as [number, number, number, number])) } : {}),
    ...(cfg.credit ? { credit: new Credit(cfg.credit) } : {}),
    ...(cfg.subdomains ? { subdomains: [...cfg.subdomains] } : {}),
    tilingScheme: cfg.tilingScheme === 'geographic' ? new GeographicTilingScheme() : new WebMercatorTilingScheme(),
  };
}

async function createProvider(cfg: ImageryLayerConfig): Promise<ImageryProvider> {
  switch (cfg.provider) {
    case 'naturalEarth':
      return TileMapServiceImageryProvider.fromUrl(buildModuleUrl('Assets/Textures/NaturalEarthII'));
    case 'tms': {
      const { tilingScheme: _ignored, subdomains: _s, ...opts } = common(cfg);
      return TileMapServiceImageryProvider.fromUrl(urlWithToken(cfg), opts);
    }
    case 'xyz':
      return new UrlTemplateImageryProvider({ url: urlWithToken(cfg), ...common(cfg) });
    case 'wmts':
      return new WebMapTileServiceImageryProvider({
        url: urlWithToken(cfg),
        layer: cfg.layer ?? '',
        style: cfg.style ?? 'default',
        tileMatrixSetID: cfg.tileMatrixSetID ?? '',
        format: cfg.format ?? 'image/png',
        ...(cfg.tileMatrixLabels ? { tileMatrixLabels: [...cfg.tileMatrixLabels] } : {}),
        ...common(cfg),
      });
  }
}

function insertionIndex(ctx: LayerContext): number {
  const layers = ctx.viewer.imageryLayers;
  let index = 0;
  for (let i = 0; i < layers.length; i++) {
    const order = stackOrder.get(layers.get(i));
    if (order === undefined || order < ctx.order) index = i + 1;
  }
  return index;
}

export default defineLayerKind<ImageryLayerConfig, ImageryHandle>({
  kind: 'imagery',
  schema: imagerySchema,
  rebuildKeys: ['provider', 'url', 'token', 'subdomains', 'minimumLevel', 'maximumLevel', 'tilingScheme', 'rectangle', 'credit', 'layer', 'style', 'tileMatrixSetID', 'format', 'tileMatrixLabels'],

  create(ctx, cfg) {
    ctx.report({ state: 'loading', failedTiles: 0 });
    const layer = ImageryLayer.fromProviderAsync(createProvider(cfg), { show: cfg.show, alpha: cfg.opacity });
    const handle: ImageryHandle = { layer, destroyed: false, failedTiles: 0, ready: false };
    stackOrder.set(layer, ctx.order);
    layer.readyEvent.addEventListener((provider: ImageryProvider) => {
      if (handle.destroyed) return;
      handle.ready = true;
      ctx.report({ state: 'ready' });
      provider.errorEvent.addEventListener((err: { message?: string }) => {
        if (handle.destroyed) return;
        handle.failedTiles += 1;
        ctx.report({ state: 'error', failedTiles: handle.failedTiles, message: err.message ?? 'tile request failed' });
      });
      ctx.requestRender();
    });
    layer.errorEvent.addEventListener((e: unknown) => {
      if (!handle.destroyed) ctx.report({ state: 'error', message: e instanceof Error ? e.message : String(e) });
    });
    ctx.viewer.imageryLayers.add(layer, insertionIndex(ctx));
    return handle;
  },

  update(handle, next, prev, ctx) {
    if (next.show !== prev.show) handle.layer.show = next.show;
    if (next.opacity !== prev.opacity) handle.layer.alpha = next.opacity;
    ctx.requestRender();
  },

  destroy(handle, ctx) {
    handle.destroyed = true;
    ctx.viewer.imageryLayers.remove(handle.layer, true);
    ctx.requestRender();
  },

  isReady: (handle) => handle.ready,

  stats: (handle) => ({
    selectedTiles: 0, loadedTiles: 0, pendingRequests: 0, tilesProcessing: 0,
    failedTiles: handle.failedTiles, quiet: handle.ready,
  }),

  zoomTo(handle, ctx) {
    const rect = handle.layer.ready ? handle.layer.imageryProvider.rectangle : undefined;
    if (rect) void ctx.viewer.camera.flyTo({ destination: rect, duration: 1.5 });
  },
});
