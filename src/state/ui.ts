// App-wide UI state: language, whether panels show, and the boot phase (config loading/invalid).
import { create } from 'zustand';
import type { Issue } from '../domain/schemas/index.ts';

export type Lang = 'zh' | 'en';

export type BootPhase =
  | { readonly phase: 'loading' }
  | { readonly phase: 'ready' }
  | { readonly phase: 'invalid'; readonly source: string; readonly issues: readonly Issue[] };

interface UiState {
  readonly lang: Lang;
  readonly panelsVisible: boolean;
  readonly boot: BootPhase;
  setLang(lang: Lang): void;
  setPanelsVisible(visible: boolean): void;
  setBoot(boot: BootPhase): void;
}

export const useUi = create<UiState>()((set) => ({
  lang: 'zh',
  panelsVisible: true,
  boot: { phase: 'loading' },
  setLang: (lang) => set({ lang }),
  setPanelsVisible: (panelsVisible) => set({ panelsVisible }),
  setBoot: (boot) => set({ boot }),
}));
