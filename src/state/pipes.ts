// The picked pipe or well: its card shows the attributes and its layer highlights it.
import { create } from 'zustand';
import { useLayers } from './layers.ts';

export interface PickedPipe {
  readonly layerId: string;
  readonly properties: Readonly<Record<string, string | number>>;
}

interface PipesState {
  readonly picked?: PickedPipe;
  pick(p: PickedPipe | undefined): void;
}

export const usePipes = create<PipesState>()((set, get) => ({
  pick: (picked) => {
    const prev = get().picked;
    const layers = useLayers.getState();
    if (prev && prev.layerId !== picked?.layerId) layers.setOptions(prev.layerId, { highlight: null });
    if (picked) layers.setOptions(picked.layerId, { highlight: String(picked.properties['featureId'] ?? '') || null });
    set({ picked });
  },
}));
