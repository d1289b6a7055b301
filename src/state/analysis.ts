// The analyses tab (淹没、通视、可视域、剖面、限高): which tool shows, each tool's parameters, and
// each one's last result or refusal. Results live here (not in the components) so switching tabs
// keeps them until the planner clears them. Messages are kept as i18n keys with parameters and
// translated when shown, so switching language re-words a result already on screen.
import { create } from 'zustand';

export type AnalysisKind = 'flood' | 'sight' | 'viewshed' | 'profile' | 'limit';
export const ANALYSIS_KINDS: readonly AnalysisKind[] = ['flood', 'sight', 'viewshed', 'profile', 'limit'];

/** A message to show: an i18n key (of the app dictionaries) and its parameters. */
export interface AnalysisMessage {
  readonly key: `analysis.${string}`;
  readonly params?: Readonly<Record<string, string | number>>;
  /** A key whose text fills the {what} parameter (what was missing: the observer, the target…). */
  readonly what?: `analysis.${string}`;
}

export interface FloodView {
  /** The analysed square's side, metres, and its centre. */
  readonly side: number;
  readonly centre: { readonly lon: number; readonly lat: number };
  /** Levels (1985 datum, metres) the slider steps through, and the area flooded at each (m²). */
  readonly levels: readonly number[];
  readonly areas: readonly number[];
  /** The level shown now (1985 datum) and its figures. */
  readonly level: number;
  readonly areaM2: number;
  readonly maxDepth: number;
  readonly volumeM3: number;
  readonly floodedShare: number;
  readonly maybeCells: number;
  readonly noDataShare: number;
  /** Lowest and highest surface in the square (1985 datum). */
  readonly surfaceMin: number;
  readonly surfaceMax: number;
  readonly timings: { readonly surfaceMs: number; readonly seriesMs: number; readonly tiles: number };
}

export interface SightRow { readonly target: number; readonly visible: boolean; readonly distance: number; readonly blockedAt?: number; readonly problem?: AnalysisMessage }
export interface SightView { readonly rows: readonly SightRow[]; readonly eye: number }

export interface ViewshedView {
  readonly radius: number;
  readonly fov: number;
  readonly visibleM2: number;
  readonly hiddenM2: number;
  readonly unknownM2: number;
  readonly noDataM2: number;
  readonly beyondRaster: boolean;
  readonly timings: { readonly surfaceMs: number; readonly viewshedMs: number; readonly tiles: number };
}

export interface ProfileView {
  /** Distance (m) and surface height (1985 datum, m; null in a gap) per sample. */
  readonly distances: readonly number[];
  readonly heights: readonly (number | null)[];
  readonly length: number;
  readonly min: { readonly z: number; readonly distance: number };
  readonly max: { readonly z: number; readonly distance: number };
  readonly gaps: number;
}

export interface LimitView {
  /** The limit as entered, its basis, and as a 1985 height. */
  readonly entered: number;
  readonly basis: 'ground' | 'datum';
  readonly ground?: number;
  readonly limit85: number;
  readonly areaAboveM2: number;
  readonly insideM2: number;
  readonly noDataCells: number;
  readonly maxExceedance?: { readonly metres: number; readonly lon: number; readonly lat: number };
}

export interface AnalysisParams {
  readonly floodSide: number;
  readonly floodFrom: 'edges' | 'all';
  readonly eye: number;
  readonly targetHeight: number;
  readonly radius: number;
  readonly fov: number;
  readonly heading: number;
  /** As typed: checked (and refused with a message) when the analysis runs. */
  readonly limitText: string;
  readonly limitBasis: 'ground' | 'datum';
}

export interface AnalysisResults {
  readonly flood?: FloodView;
  readonly sight?: SightView;
  readonly viewshed?: ViewshedView;
  readonly profile?: ProfileView;
  readonly limit?: LimitView;
}

interface AnalysisStore {
  readonly tool: AnalysisKind;
  /** The tool waiting for clicks on the map, if any. */
  readonly drawing: AnalysisKind | undefined;
  readonly busy: Partial<Record<AnalysisKind, AnalysisMessage>>;
  readonly problems: Partial<Record<AnalysisKind, AnalysisMessage>>;
  readonly results: AnalysisResults;
  readonly params: AnalysisParams;
  readonly playing: boolean;
  setTool(tool: AnalysisKind): void;
  setDrawing(kind: AnalysisKind | undefined): void;
  setBusy(kind: AnalysisKind, busy: AnalysisMessage | undefined): void;
  /** A refusal replaces the kind's result: the panel must never show stale figures beside it. */
  setProblem(kind: AnalysisKind, problem: AnalysisMessage): void;
  setResult<K extends AnalysisKind>(kind: K, result: AnalysisResults[K]): void;
  setParams(p: Partial<AnalysisParams>): void;
  setPlaying(on: boolean): void;
  clear(kind: AnalysisKind): void;
}

export const DEFAULT_ANALYSIS_PARAMS: AnalysisParams = {
  floodSide: 1000, floodFrom: 'edges', eye: 1.6, targetHeight: 0, radius: 500, fov: 360, heading: 0, limitText: '24', limitBasis: 'ground',
};

const without = <T extends object>(o: T, k: keyof T): T => {
  const copy = { ...o };
  delete copy[k];
  return copy;
};

export const useAnalysis = create<AnalysisStore>()((set) => ({
  tool: 'flood',
  drawing: undefined,
  busy: {},
  problems: {},
  results: {},
  params: DEFAULT_ANALYSIS_PARAMS,
  playing: false,
  setTool: (tool) => set({ tool }),
  setDrawing: (drawing) => set({ drawing }),
  setBusy: (kind, busy) => set((s) => ({ busy: busy ? { ...s.busy, [kind]: busy } : without(s.busy, kind) })),
  setProblem: (kind, problem) => set((s) => ({ problems: { ...s.problems, [kind]: problem }, results: without(s.results, kind) })),
  setResult: (kind, result) => set((s) => ({ results: { ...s.results, [kind]: result }, problems: without(s.problems, kind) })),
  setParams: (p) => set((s) => ({ params: { ...s.params, ...p } })),
  setPlaying: (playing) => set({ playing }),
  clear: (kind) => set((s) => ({ results: without(s.results, kind), problems: without(s.problems, kind), busy: without(s.busy, kind), ...(kind === 'flood' ? { playing: false } : {}) })),
}));
