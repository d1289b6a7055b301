// Where the user is and where they can go: the config's home, bookmarks and geoid, and the camera
// pose, written on camera change at a throttled rate (never every frame).
import { create } from 'zustand';
import type { Bookmark, CameraPose, GeoidConfig, LocalizedText, WatermarkConfig } from '../domain/schemas/index.ts';
import { DEFAULT_GEOID_OFFSET_METERS } from '../domain/geodesy/index.ts';

interface ViewState {
  readonly title?: LocalizedText;
  readonly home?: CameraPose;
  readonly bookmarks: readonly Bookmark[];
  readonly geoid: GeoidConfig;
  readonly watermark: WatermarkConfig;
  /** The camera, updated a few times a second at most. */
  readonly camera?: CameraPose;
  setPlaces(places: { title: LocalizedText; home: CameraPose; bookmarks: readonly Bookmark[]; geoid: GeoidConfig; watermark: WatermarkConfig }): void;
  setCamera(camera: CameraPose): void;
}

export const useView = create<ViewState>()((set) => ({
  bookmarks: [],
  geoid: { offsetMeters: DEFAULT_GEOID_OFFSET_METERS },
  watermark: {},
  setPlaces: (places) => set(places),
  setCamera: (camera) => set({ camera }),
}));
