// The layers currently alive in one viewer, so viewer-wide readers (settle detection, the
// streaming indicator, test hooks) can ask each for its stats without going through React.
import type { LayerConfig } from '../../domain/schemas/index.ts';
import type { AnyLayerKind, LayerContext, LayerStats } from './types.ts';

export interface MountedLayer {
  readonly id: string;
  readonly kind: AnyLayerKind;
  readonly handle: unknown;
  readonly ctx: LayerContext;
  cfg: LayerConfig;
}

export class MountedLayers {
  private readonly byId = new Map<string, MountedLayer>();

  add(layer: MountedLayer): void {
    this.byId.set(layer.id, layer);
  }

  remove(layer: MountedLayer): void {
    if (this.byId.get(layer.id) === layer) this.byId.delete(layer.id);
  }

  get(id: string): MountedLayer | undefined {
    return this.byId.get(id);
  }

  all(): MountedLayer[] {
    return [...this.byId.values()];
  }

  stats(id: string): LayerStats | undefined {
    const m = this.byId.get(id);
    return m ? m.kind.stats(m.handle) : undefined;
  }

  /** Features a vector layer shows after its class toggles and filters (undefined for other kinds). */
  shownFeatures(id: string): number | undefined {
    const m = this.byId.get(id);
    return m ? m.kind.shownFeatures?.(m.handle) : undefined;
  }

  /** The layer whose handle holds this tileset (tileset kinds keep it as `handle.tileset`). */
  layerOfTileset(tileset: unknown): string | undefined {
    for (const m of this.byId.values()) if ((m.handle as { tileset?: unknown } | undefined)?.tileset === tileset) return m.id;
    return undefined;
  }

  /** Tilesets of the layers that are the ground (`ground: true`): excavation cuts these, never
   *  the pipelines it is meant to reveal. */
  groundTilesets<T>(): T[] {
    return this.all().filter((m) => m.cfg['ground'] === true).flatMap((m) => {
      const t = (m.handle as { tileset?: T } | undefined)?.tileset;
      return t ? [t] : [];
    });
  }

  zoomTo(id: string): void {
    const m = this.byId.get(id);
    m?.kind.zoomTo?.(m.handle, m.ctx);
  }
}
