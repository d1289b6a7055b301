// The layer-kind contract (architecture.md, after deck.gl layers and resium's live/read-only
// props). A kind is one folder: `config.ts` (schema, no Cesium) and `index.ts` (this interface).
import type { Viewer } from 'cesium';
import type { LayerConfig, LayerKindSchema } from '../../domain/schemas/index.ts';
import type { Feature, PlanningSchema } from '../../domain/planning/index.ts';

export type LayerLifecycle = 'loading' | 'ready' | 'error';

/** What a layer tells the app about itself; merged into state/layers by the host. */
export interface LayerStatusPatch {
  readonly state?: LayerLifecycle;
  readonly message?: string;
  readonly failedTiles?: number;
  /** Tiles for the current view are still coming in. */
  readonly streaming?: boolean;
  /** Vector data: features loaded, features skipped as invalid, and the issues found (listed up to a cap). */
  readonly featureCount?: number;
  readonly skipped?: number;
  readonly issueCount?: number;
  readonly issues?: readonly string[];
}

/** Valid planning features a layer loaded, for the app's search, statistics and cards. */
export interface PublishedPlanningData {
  readonly schema: PlanningSchema;
  readonly features: readonly Feature[];
}

export interface LayerContext {
  readonly viewer: Viewer;
  readonly layerId: string;
  /** N in h = H₁₉₈₅ + N (config geoid), for kinds placed at 1985 heights (water levels). */
  readonly geoidOffsetMeters: number;
  /** Hands the layer's data to the app (undefined withdraws it when the layer goes). */
  publish?(data: PublishedPlanningData | undefined): void;
  requestRender(): void;
  report(patch: LayerStatusPatch): void;
  /** Index of this layer among enabled layers of the same kind, in config order (stacking). */
  readonly order: number;
}

/** Per-frame numbers, read on demand (never pushed through React state each frame). */
export interface LayerStats {
  readonly selectedTiles: number;
  readonly loadedTiles: number;
  readonly pendingRequests: number;
  readonly tilesProcessing: number;
  readonly failedTiles: number;
  /** Everything this layer needs for the current view is loaded and nothing is in flight. */
  readonly quiet: boolean;
}

export interface LayerKind<C extends LayerConfig = LayerConfig, H = unknown> {
  readonly kind: string;
  readonly schema: LayerKindSchema;
  /** Changing any of these destroys and recreates the layer; other props update in place. */
  readonly rebuildKeys: readonly string[];
  /** Synchronous: asynchronous loading reports progress and failure through `ctx.report`. */
  create(ctx: LayerContext, cfg: C): H;
  update(handle: H, next: C, prev: C, ctx: LayerContext): void;
  /** Removes everything the kind added; safe while a load is still in flight. */
  destroy(handle: H, ctx: LayerContext): void;
  isReady(handle: H): boolean;
  stats(handle: H): LayerStats;
  zoomTo?(handle: H, ctx: LayerContext): void;
  /** Vector kinds: features shown after class toggles and filters. */
  shownFeatures?(handle: H): number;
}

/** A kind with its config and handle types erased, as the registry holds it. */
export type AnyLayerKind = LayerKind<LayerConfig, unknown>;

export function defineLayerKind<C extends LayerConfig, H>(k: LayerKind<C, H>): AnyLayerKind {
  // Sound because the runtime only passes a kind the configs it validated and the handles it made.
  return k as unknown as AnyLayerKind;
}
