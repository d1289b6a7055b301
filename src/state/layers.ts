// Layer configs as the user has changed them (show, opacity) and each layer's lifecycle status.
// Layers report status through `report`, which only writes when something changed, so frequent
// reports (streaming on/off) do not re-render the panel needlessly.
import { create } from 'zustand';
import type { LayerConfig } from '../domain/schemas/index.ts';

export type LayerLifecycle = 'loading' | 'ready' | 'error';

export interface LayerStatus {
  readonly state: LayerLifecycle;
  readonly message?: string;
  readonly failedTiles: number;
  readonly streaming: boolean;
  /** Vector layers: features loaded and skipped, issue count and the listed issues. */
  readonly featureCount?: number;
  readonly skipped?: number;
  readonly issueCount?: number;
  readonly issues?: readonly string[];
}

export type LayerStatusPatch = Partial<LayerStatus>;

interface LayersState {
  readonly layers: readonly LayerConfig[];
  readonly status: Readonly<Record<string, LayerStatus>>;
  load(layers: readonly LayerConfig[]): void;
  setShow(id: string, show: boolean): void;
  /** Shows exactly these layers and hides the rest, in one update (a link, a viewpoint, a kiosk reset). */
  showOnly(ids: Iterable<string>): void;
  setOpacity(id: string, opacity: number): void;
  /** Sets live options of a layer (e.g. a geojson layer's hiddenClasses or visibleFeatures). */
  setOptions(id: string, patch: Readonly<Record<string, unknown>>): void;
  report(id: string, patch: LayerStatusPatch): void;
}

const initialStatus: LayerStatus = { state: 'loading', failedTiles: 0, streaming: false };

function patchLayer(layers: readonly LayerConfig[], id: string, patch: Partial<LayerConfig>): readonly LayerConfig[] {
  return layers.map((l) => (l.id === id ? ({ ...l, ...patch } as LayerConfig) : l));
}

export const useLayers = create<LayersState>()((set, get) => ({
  layers: [],
  status: {},
  load: (layers) => set({ layers: layers.filter((l) => l.enabled), status: {} }),
  setShow: (id, show) => set({ layers: patchLayer(get().layers, id, { show }) }),
  showOnly: (ids) => {
    const wanted = new Set(ids);
    // Untouched layers keep their objects, so their hosts do not update.
    set({ layers: get().layers.map((l) => (l.show === wanted.has(l.id) ? l : ({ ...l, show: wanted.has(l.id) } as LayerConfig))) });
  },
  setOpacity: (id, opacity) => set({ layers: patchLayer(get().layers, id, { opacity: Math.min(1, Math.max(0, opacity)) }) }),
  setOptions: (id, patch) => set({ layers: patchLayer(get().layers, id, patch) }),
  report: (id, patch) => {
    const prev = get().status[id] ?? initialStatus;
    const next = { ...prev, ...patch };
    const changed = (Object.keys(next) as (keyof LayerStatus)[]).some((k) => next[k] !== prev[k]) || !(id in get().status);
    if (changed) set({ status: { ...get().status, [id]: next } });
  },
}));

export function layerStatus(id: string): LayerStatus {
  return useLayers.getState().status[id] ?? initialStatus;
}
