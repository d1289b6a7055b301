// App-wide UI state: language, display mode, whether panels show, notices, and the boot phase
// (config loading/invalid).
import { create } from 'zustand';
import type { Issue } from '../domain/schemas/index.ts';
import { DEFAULT_DISPLAY_MODE, type DisplayMode } from '../domain/modes/displayMode.ts';

export type Lang = 'zh' | 'en';

export type BootPhase =
  | { readonly phase: 'loading' }
  | { readonly phase: 'ready' }
  | { readonly phase: 'invalid'; readonly source: string; readonly issues: readonly Issue[] };

/** A short message over the map that the viewer went on without something (a bad URL parameter). */
export interface Notice {
  readonly id: number;
  readonly issues: readonly Issue[];
}

interface UiState {
  readonly lang: Lang;
  readonly mode: DisplayMode;
  readonly notices: readonly Notice[];
  readonly panelsVisible: boolean;
  readonly boot: BootPhase;
  setLang(lang: Lang): void;
  setPanelsVisible(visible: boolean): void;
  setBoot(boot: BootPhase): void;
  setMode(mode: DisplayMode): void;
  pushNotice(issues: readonly Issue[]): void;
  dismissNotice(id: number): void;
}

let noticeIds = 0;

export const useUi = create<UiState>()((set) => ({
  lang: 'zh',
  mode: DEFAULT_DISPLAY_MODE,
  notices: [],
  panelsVisible: true,
  boot: { phase: 'loading' },
  setLang: (lang) => set({ lang }),
  setPanelsVisible: (panelsVisible) => set({ panelsVisible }),
  setBoot: (boot) => set({ boot }),
  setMode: (mode) => set({ mode }),
  pushNotice: (issues) => { if (issues.length) set((s) => ({ notices: [...s.notices, { id: ++noticeIds, issues }] })); },
  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
}));
