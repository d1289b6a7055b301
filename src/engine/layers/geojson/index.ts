// The planning GeoJSON layer kind: fetches a file, validates it with its planning schema (invalid
// features are reported with index and reason, counted, and skipped; the rest loads), publishes
// the valid features to the app (search, statistics, cards), and drapes them on the mesh.
// Per-class toggles, the app's filters and opacity are per-instance attribute updates: no rebuild.
import { Color, ColorGeometryInstanceAttribute, Rectangle, ShowGeometryInstanceAttribute } from 'cesium';
import { formatPlanningIssue, validatePlanningCollection, type Feature } from '../../../domain/planning/index.ts';
import { defineLayerKind, type LayerContext, type LayerStats } from '../types.ts';
import { buildPlanningPrimitives, type BuiltLayer, type PlanningPickId } from './build.ts';
import { geojsonSchema, type GeojsonLayerConfig } from './config.ts';

/** Issues listed in the layer's status; the count covers all of them. */
const MAX_LISTED_ISSUES = 50;

export interface GeojsonHandle {
  destroyed: boolean;
  loadFailed: boolean;
  built?: BuiltLayer;
  /** The display state last written to the instances, or undefined when not yet written. */
  applied?: string;
  cfg: GeojsonLayerConfig;
  abort: AbortController;
  unlisten?: () => void;
  /** Features shown after class toggles and filters (for tests and the legend). */
  shownFeatures: number;
}

interface AttributeTarget {
  getGeometryInstanceAttributes(id: unknown): { color?: Uint8Array; show?: Uint8Array } | undefined;
  readonly ready: boolean;
}

function fileName(url: string): string {
  return url.split('?')[0]?.split('/').pop() || url;
}

async function fetchJson(url: string, signal: AbortSignal): Promise<unknown> {
  const res = await fetch(url, { signal });
  if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`.trim());
  const text = await res.text();
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new Error(`not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}

function displayKey(cfg: GeojsonLayerConfig): string {
  return JSON.stringify([cfg.show, cfg.opacity, cfg.fillOpacity, cfg.hiddenClasses, cfg.visibleFeatures]);
}

/** Writes show and colour of every instance; false while a primitive is still being built. */
function applyDisplay(handle: GeojsonHandle): boolean {
  const built = handle.built;
  if (!built) return false;
  const cfg = handle.cfg;
  const fills = built.fills as unknown as AttributeTarget | undefined;
  const outlines = built.outlines as unknown as AttributeTarget | undefined;
  if (built.fills) built.fills.show = cfg.show;
  if (built.outlines) built.outlines.show = cfg.show;
  if (!cfg.show) return true;
  if ((fills && !fills.ready) || (outlines && !outlines.ready)) return false;
  const hidden = new Set(cfg.hiddenClasses);
  const visible = cfg.visibleFeatures ? new Set(cfg.visibleFeatures) : undefined;
  const showTrue = ShowGeometryInstanceAttribute.toValue(true);
  const showFalse = ShowGeometryInstanceAttribute.toValue(false);
  let shown = 0;
  const write = (target: AttributeTarget | undefined, ids: readonly PlanningPickId[], on: boolean, color: Color | null, alpha: number): void => {
    if (!target) return;
    for (const id of ids) {
      const a = target.getGeometryInstanceAttributes(id);
      if (!a) continue;
      a.show = on ? showTrue : showFalse;
      if (on && color) a.color = ColorGeometryInstanceAttribute.toValue(color.withAlpha(alpha));
    }
  };
  for (const f of built.features) {
    const on = !hidden.has(f.cls) && (!visible || visible.has(f.id));
    if (on) shown++;
    write(fills, f.fillIds, on, f.fill, cfg.fillOpacity * cfg.opacity);
    write(outlines, f.lineIds, on, f.stroke, cfg.opacity);
  }
  handle.shownFeatures = shown;
  return true;
}

/** Keeps rendering and re-applying until the display state is written (primitives build asynchronously). */
function scheduleApply(handle: GeojsonHandle, ctx: LayerContext): void {
  // Before the data is built there is nothing to write (load() schedules once it is), and a layer
  // whose file failed must not keep the renderer busy.
  if (handle.unlisten || handle.destroyed || !handle.built) return;
  const tick = (): void => {
    if (handle.destroyed) return;
    const key = displayKey(handle.cfg);
    if (handle.applied !== key && applyDisplay(handle)) handle.applied = key;
    if (handle.applied === key) {
      handle.unlisten?.();
      handle.unlisten = undefined;
    }
    ctx.requestRender();
  };
  const off = ctx.viewer.scene.postRender.addEventListener(tick);
  const timer = window.setInterval(() => ctx.requestRender(), 100);
  handle.unlisten = () => {
    off();
    window.clearInterval(timer);
  };
  ctx.requestRender();
}

function load(handle: GeojsonHandle, ctx: LayerContext, features: Feature[]): void {
  const cfg = handle.cfg;
  const built = buildPlanningPrimitives(features, { layerId: ctx.layerId, schema: cfg.schema, outlineWidth: cfg.outlineWidth, show: cfg.show });
  handle.built = built;
  if (built.fills) ctx.viewer.scene.groundPrimitives.add(built.fills);
  if (built.outlines) ctx.viewer.scene.groundPrimitives.add(built.outlines);
  scheduleApply(handle, ctx);
}

export default defineLayerKind<GeojsonLayerConfig, GeojsonHandle>({
  kind: 'geojson',
  schema: geojsonSchema,
  rebuildKeys: ['url', 'schema', 'outlineWidth', 'liveRevision'],

  create(ctx, cfg) {
    const handle: GeojsonHandle = { destroyed: false, loadFailed: false, cfg, abort: new AbortController(), shownFeatures: 0 };
    ctx.report({ state: 'loading', streaming: true });
    const file = fileName(cfg.url);
    const source = cfg.liveData !== undefined ? Promise.resolve(cfg.liveData) : fetchJson(cfg.url, handle.abort.signal);
    source.then(
      (raw) => {
        if (handle.destroyed) return;
        const r = validatePlanningCollection(cfg.schema, raw);
        const listed = r.issues.slice(0, MAX_LISTED_ISSUES).map((i) => `${file} ${formatPlanningIssue(i)}`);
        const fatal = r.valid.length === 0 && r.issues.some((i) => i.index === -1);
        ctx.report({
          state: fatal ? 'error' : 'ready', streaming: false, featureCount: r.valid.length, skipped: r.skipped,
          issueCount: r.issues.length, issues: listed,
          ...(fatal ? { message: listed[0] ?? `${file}: no features` } : {}),
        });
        if (fatal) {
          handle.loadFailed = true;
          return;
        }
        ctx.publish?.({ schema: cfg.schema, features: r.valid });
        load(handle, ctx, r.valid);
      },
      (e: unknown) => {
        handle.loadFailed = true;
        if (!handle.destroyed) ctx.report({ state: 'error', streaming: false, message: `${cfg.url}: ${e instanceof Error ? e.message : String(e)}` });
      },
    );
    return handle;
  },

  update(handle, next, _prev, ctx) {
    handle.cfg = next;
    scheduleApply(handle, ctx);
  },

  destroy(handle, ctx) {
    handle.destroyed = true;
    handle.abort.abort();
    handle.unlisten?.();
    handle.unlisten = undefined;
    const built = handle.built;
    if (built?.fills) ctx.viewer.scene.groundPrimitives.remove(built.fills);
    if (built?.outlines) ctx.viewer.scene.groundPrimitives.remove(built.outlines);
    handle.built = undefined;
    ctx.publish?.(undefined);
    ctx.requestRender();
  },

  isReady: (handle) => handle.built !== undefined,
  shownFeatures: (handle) => (handle.cfg.show ? handle.shownFeatures : 0),

  stats(handle): LayerStats {
    const settled = handle.loadFailed || (handle.built !== undefined && handle.applied === displayKey(handle.cfg));
    return { selectedTiles: 0, loadedTiles: 0, pendingRequests: settled ? 0 : 1, tilesProcessing: 0, failedTiles: 0, quiet: settled };
  },

  zoomTo(handle, ctx) {
    const b = handle.built?.bbox;
    if (!b) return;
    ctx.viewer.camera.flyTo({ destination: Rectangle.fromDegrees(...b), duration: 1.5 });
    ctx.requestRender();
  },
});
