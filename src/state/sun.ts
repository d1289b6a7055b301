// The sun the planner is looking at: the day (a standard day or any date), the moment in local
// true solar time, shadows, the day playing; and the last sunlight-hours analysis.
import { create } from 'zustand';
import type { CalendarDate, StandardDay, SunlightRule } from '../domain/review/sun.ts';
import { DEFAULT_SUNLIGHT_RULE, solarTermDate } from '../domain/review/sun.ts';

export interface SunlightResult {
  readonly kind: 'area' | 'facade';
  readonly points: number;
  readonly passing: number;
  readonly failing: number;
  readonly noData: number;
  readonly minHours: number;
  readonly maxHours: number;
  /** Per floor (facade): windows passing / all. */
  readonly floors?: readonly { readonly floor: number; readonly passing: number; readonly windows: number; readonly minHours: number }[];
  readonly timings: { readonly surfaceMs: number; readonly hoursMs: number; readonly tiles: number };
}

interface SunStore {
  /** The planner has set the sun: until then the scene keeps its own clock and light. */
  readonly active: boolean;
  readonly date: CalendarDate;
  readonly preset: StandardDay | undefined;
  /** Minutes after true-solar midnight. */
  readonly minutes: number;
  readonly shadows: boolean;
  readonly playing: boolean;
  readonly rule: SunlightRule;
  readonly busy: string | undefined;
  readonly result: SunlightResult | undefined;
  readonly problem: string | undefined;
  setDate(date: CalendarDate, preset?: StandardDay): void;
  setMinutes(minutes: number): void;
  setShadows(on: boolean): void;
  setPlaying(on: boolean): void;
  setRule(rule: SunlightRule): void;
  setBusy(busy: string | undefined): void;
  setResult(result: SunlightResult | undefined, problem?: string): void;
}

export const useSun = create<SunStore>()((set) => ({
  active: false,
  date: solarTermDate(new Date().getFullYear(), 'dahan'),
  preset: 'dahan',
  minutes: 12 * 60,
  shadows: false,
  playing: false,
  rule: DEFAULT_SUNLIGHT_RULE,
  busy: undefined,
  result: undefined,
  problem: undefined,
  setDate: (date, preset) => set({ date, preset, active: true }),
  setMinutes: (minutes) => set({ minutes, active: true }),
  setShadows: (shadows) => set({ shadows, active: true }),
  setPlaying: (playing) => set({ playing, active: true }),
  setRule: (rule) => set({ rule }),
  setBusy: (busy) => set({ busy }),
  setResult: (result, problem) => set({ result, problem }),
}));
