// The planner's measurements: several at once, each with its clicked points and, once computed,
// its values. The map draws what is here; the panel lists it with copyable values.
import { create } from 'zustand';
import type { LonLatHeight } from '../domain/review/frame.ts';

export type MeasureKind = 'distance' | 'area' | 'height' | 'angle';

/** Clicks each kind takes; area is a polygon of 3 or more (finished by double click or Enter). */
export const MEASURE_POINTS: Readonly<Record<MeasureKind, number | 'polygon'>> = { distance: 2, area: 'polygon', height: 2, angle: 3 };

export type MeasureValues =
  | { readonly kind: 'distance'; readonly straight: number; readonly horizontal: number; readonly vertical: number; readonly azimuth: number; readonly slope: number; readonly surface?: number }
  | { readonly kind: 'area'; readonly projected: number; readonly perimeter: number; readonly surface?: number }
  | { readonly kind: 'height'; readonly height: number }
  | { readonly kind: 'angle'; readonly angle: number; readonly spatial: number; readonly azimuthA: number; readonly azimuthB: number };

/**
 * noSurface: the mesh under the line or area did not load, so the along-surface value is missing;
 * heightReversed: the "roof" clicked lies below the "ground".
 */
export type MeasureProblem = 'noSurface' | 'heightReversed';

export interface Measurement {
  readonly id: string;
  readonly kind: MeasureKind;
  readonly points: readonly LonLatHeight[];
  readonly values?: MeasureValues;
  /** The part that needs the mesh sampled (surface length, area on the mesh) is still being computed. */
  readonly sampling: boolean;
  /** Why a value could not be computed; the panel says it in the UI language. */
  readonly problem?: MeasureProblem;
}

interface MeasureStore {
  readonly measurements: readonly Measurement[];
  /** The kind being drawn on the map, if any. */
  readonly drawing: MeasureKind | undefined;
  setDrawing(kind: MeasureKind | undefined): void;
  add(kind: MeasureKind, points: readonly LonLatHeight[], values: MeasureValues | undefined, problem?: MeasureProblem): string;
  update(id: string, patch: Partial<Pick<Measurement, 'values' | 'sampling' | 'problem'>>): void;
  /** Removes the latest measurement (undo). */
  undo(): void;
  remove(id: string): void;
  clear(): void;
}

let next = 1;

export const useMeasure = create<MeasureStore>()((set, get) => ({
  measurements: [],
  drawing: undefined,
  setDrawing: (drawing) => set({ drawing }),
  add: (kind, points, values, problem) => {
    const id = `m${next++}`;
    const m: Measurement = { id, kind, points, sampling: false, ...(values ? { values } : {}), ...(problem ? { problem } : {}) };
    set({ measurements: [...get().measurements, m] });
    return id;
  },
  update: (id, patch) => set({ measurements: get().measurements.map((m) => (m.id === id ? { ...m, ...patch } : m)) }),
  undo: () => set({ measurements: get().measurements.slice(0, -1) }),
  remove: (id) => set({ measurements: get().measurements.filter((m) => m.id !== id) }),
  clear: () => set({ measurements: [] }),
}));
