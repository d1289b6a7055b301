// What is under the cursor: the picked surface point, written at a throttled rate.
import { create } from 'zustand';

export interface PointerPoint {
  readonly lon: number;
  readonly lat: number;
  /** Ellipsoidal height, metres. */
  readonly height: number;
  readonly source: 'mesh' | 'globe' | 'ellipsoid';
}

interface SelectionState {
  readonly pointer?: PointerPoint;
  setPointer(p: PointerPoint | undefined): void;
}

export const useSelection = create<SelectionState>()((set) => ({
  setPointer: (pointer) => set({ pointer }),
}));
