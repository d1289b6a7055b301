// The kiosk's own UI state: idle phase, which panel is open, what the keypad holds. Kept beside
// the kiosk's components (only the kiosk reads it); the viewer-wide state stays in src/state.
import { create } from 'zustand';
import type { KioskPhase } from '../../../domain/kiosk/idle.ts';
import type { KioskPanel } from '../../../domain/kiosk/home.ts';
import type { KeypadCheck } from '../../../domain/kiosk/keypad.ts';

/** What the last 查询 answered: a problem with the code, not in the data, data still loading, or found. */
export type KeypadAnswer =
  | { readonly kind: 'invalid'; readonly check: Exclude<KeypadCheck, { ok: true }> }
  | { readonly kind: 'notFound'; readonly code: string }
  | { readonly kind: 'loading' }
  | { readonly kind: 'found'; readonly code: string };

interface KioskState {
  readonly phase: KioskPhase;
  readonly panel: KioskPanel;
  readonly digits: string;
  readonly answer?: KeypadAnswer;
  setPhase(phase: KioskPhase): void;
  openPanel(panel: KioskPanel): void;
  setDigits(digits: string): void;
  setAnswer(answer: KeypadAnswer | undefined): void;
  /** Back to nothing open and nothing typed (the idle reset). */
  clear(): void;
}

export const useKiosk = create<KioskState>()((set) => ({
  phase: 'active',
  panel: 'none',
  digits: '',
  setPhase: (phase) => set({ phase }),
  openPanel: (panel) => set({ panel }),
  setDigits: (digits) => set({ digits, answer: undefined }),
  setAnswer: (answer) => set({ answer }),
  clear: () => set({ panel: 'none', digits: '', answer: undefined }),
}));
