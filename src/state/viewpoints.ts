// The planner's saved viewpoints, kept in the browser's local storage so they survive a reload.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { mergeViewpoints, MAX_VIEWPOINT_NAME, type Viewpoint } from '../domain/links/viewpoints.ts';
import type { CameraPose } from '../domain/schemas/index.ts';

interface ViewpointsState {
  readonly viewpoints: readonly Viewpoint[];
  save(name: string, camera: CameraPose, layers: readonly string[], now?: Date): Viewpoint;
  remove(id: string): void;
  addImported(viewpoints: readonly Viewpoint[]): void;
}

const freshId = (): string => `vp-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;

export const useViewpoints = create<ViewpointsState>()(
  persist(
    (set, get) => ({
      viewpoints: [],
      save: (name, camera, layers, now = new Date()) => {
        const vp: Viewpoint = { id: freshId(), name: name.trim().slice(0, MAX_VIEWPOINT_NAME), camera, layers: [...layers], savedAt: now.toISOString() };
        set({ viewpoints: [...get().viewpoints, vp] });
        return vp;
      },
      remove: (id) => set({ viewpoints: get().viewpoints.filter((v) => v.id !== id) }),
      addImported: (incoming) => set({ viewpoints: mergeViewpoints(get().viewpoints, incoming, freshId) }),
    }),
    // Version the key: a later format change must not read an old list as the new one.
    { name: 'ningbo-twin.viewpoints.v1', storage: createJSONStorage(() => localStorage) },
  ),
);
