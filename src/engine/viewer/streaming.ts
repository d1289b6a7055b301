// Streaming totals across layers for the loading indicator, read on demand (a few times a second).
import type { MountedLayers } from '../layers/mounted.ts';

export interface StreamingTotals {
  readonly pendingRequests: number;
  readonly tilesProcessing: number;
  readonly selectedTiles: number;
  readonly failedTiles: number;
  /** The globe's terrain and imagery tiles for this view are loaded. */
  readonly globeTilesLoaded: boolean;
}

export function readStreamingTotals(layers: MountedLayers, globeTilesLoaded: boolean): StreamingTotals {
  let pendingRequests = 0, tilesProcessing = 0, selectedTiles = 0, failedTiles = 0;
  for (const m of layers.all()) {
    const s = m.kind.stats(m.handle);
    pendingRequests += s.pendingRequests;
    tilesProcessing += s.tilesProcessing;
    failedTiles += s.failedTiles;
    if (m.cfg.show) selectedTiles += s.selectedTiles;
  }
  return { pendingRequests, tilesProcessing, selectedTiles, failedTiles, globeTilesLoaded };
}
