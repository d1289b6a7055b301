// What is under the cursor: the picked surface point, written at a throttled rate.
import { create } from 'zustand';

export interface PointerPoint {
  readonly lon: number;
  readonly lat: number;
  /** Ellipsoidal height, metres. */
  readonly height: number;
  readonly source: 'mesh' | 'globe' | 'ellipsoid';
}

/** BeiDou level the space-code panel starts at: 3D level 7 is a cell of about 7.7 m. */
export const DEFAULT_CODE_LEVEL = 7;

interface SelectionState {
  readonly pointer?: PointerPoint;
  /** The last point clicked on the map: the space-code panel describes it. */
  readonly clicked?: PointerPoint;
  /** BeiDou grid level (1–10) the space-code panel encodes at. */
  readonly codeLevel: number;
  /** The BeiDou code whose cell is drawn (from a click or a search). */
  readonly shownCell?: string;
  /** Draw the selected parcels' 建筑限高 volumes. */
  readonly showHeightLimit: boolean;
  setShownCell(code: string | undefined): void;
  setShowHeightLimit(on: boolean): void;
  setPointer(p: PointerPoint | undefined): void;
  setClicked(p: PointerPoint | undefined): void;
  setCodeLevel(level: number): void;
}

export const useSelection = create<SelectionState>()((set) => ({
  codeLevel: DEFAULT_CODE_LEVEL,
  showHeightLimit: true,
  setShownCell: (shownCell) => set({ shownCell }),
  setShowHeightLimit: (showHeightLimit) => set({ showHeightLimit }),
  setPointer: (pointer) => set({ pointer }),
  setClicked: (clicked) => set({ clicked }),
  setCodeLevel: (codeLevel) => set({ codeLevel: Math.min(10, Math.max(1, Math.round(codeLevel))) }),
}));
