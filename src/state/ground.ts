// Underground mode (ground translucency) and the excavation pits the user has opened.
import { create } from 'zustand';
import { PIT_PRESETS, presetPit } from '../domain/excavation/pit.ts';

export interface PitEntry {
  readonly id: string;
  /** Preset id, or undefined for a drawn pit. */
  readonly preset?: string;
  readonly ring: readonly { readonly lon: number; readonly lat: number }[];
  readonly depth: number;
  readonly groundHeights?: readonly number[];
}

export const DEFAULT_GROUND_OPACITY = 0.35;
export const DEFAULT_PIT_DEPTH = 6;

interface GroundStore {
  readonly underground: boolean;
  readonly opacity: number;
  readonly pits: readonly PitEntry[];
  /** A polygon is being drawn on the map. */
  readonly drawing: boolean;
  readonly pitDepth: number;
  setUnderground(on: boolean): void;
  setOpacity(opacity: number): void;
  setPitDepth(depth: number): void;
  setDrawing(on: boolean): void;
  addPit(pit: Omit<PitEntry, 'id'>): string;
  /** Opens a preset road trench (PIT_PRESETS id); undefined for an unknown id. */
  addPresetPit(presetId: string): PitEntry | undefined;
  removePit(id: string): void;
  clearPits(): void;
}

let nextPit = 1;

export const useGround = create<GroundStore>()((set, get) => ({
  underground: false,
  opacity: DEFAULT_GROUND_OPACITY,
  pits: [],
  drawing: false,
  pitDepth: DEFAULT_PIT_DEPTH,
  setUnderground: (underground) => set({ underground }),
  setOpacity: (opacity) => set({ opacity: Math.min(1, Math.max(0, opacity)) }),
  setPitDepth: (depth) => set({ pitDepth: Math.min(50, Math.max(0.5, depth)) }),
  setDrawing: (drawing) => set({ drawing }),
  addPit: (pit) => {
    const id = `pit-${nextPit++}`;
    set({ pits: [...get().pits, { ...pit, id }] });
    return id;
  },
  addPresetPit: (presetId) => {
    const preset = PIT_PRESETS.find((p) => p.id === presetId);
    if (!preset) return undefined;
    const { ring, depth } = presetPit(preset);
    const id = get().addPit({ preset: presetId, ring, depth });
    return get().pits.find((p) => p.id === id);
  },
  removePit: (id) => set({ pits: get().pits.filter((p) => p.id !== id) }),
  clearPits: () => set({ pits: [] }),
}));
