// Design alternatives under review (方案比选): the loaded package (or single model), each
// alternative's state and measured indicators, which one shows, and the comparison mode.
import { create } from 'zustand';
import type { Issue, LocalizedText } from '../domain/schemas/index.ts';
import type { ParcelRecord } from '../domain/planning/index.ts';
import type { ComparisonRow, ModelIndicators } from '../domain/review/schemeIndicators.ts';
import type { DeclaredFigures } from '../domain/review/scheme.ts';

export interface PlacementState { readonly lon: number; readonly lat: number; readonly height: number; readonly heading: number; readonly scale: number }

export interface AlternativeEntry {
  readonly id: string;
  readonly name: LocalizedText;
  readonly status: 'loading' | 'ready' | 'failed';
  readonly placement?: PlacementState;
  /** Ellipsoidal metres of the ground the model stands on (where the site plate lies). */
  readonly ground?: number;
  readonly declared?: DeclaredFigures;
  readonly indicators?: ModelIndicators;
  readonly rows?: readonly ComparisonRow[];
  /** The model's outline at its placement (lon/lat), where the mesh is cleared. */
  readonly outline?: readonly { readonly lon: number; readonly lat: number }[];
}

/** One alternative; two either side of a swipe divider; or two side by side in synchronized views. */
export type CompareMode = 'single' | 'swipe' | 'sideBySide';

export interface SchemeSource {
  readonly name: LocalizedText;
  readonly synthetic: boolean;
  /** The parcel code the package names (parcelId or 不动产单元代码); absent for a single model. */
  readonly parcelCode?: string;
}

interface SchemeStore {
  readonly source: SchemeSource | undefined;
  readonly parcel: ParcelRecord | undefined;
  /** Everything that went wrong loading, each naming its place; what could load still shows. */
  readonly issues: readonly Issue[];
  readonly warnings: readonly Issue[];
  readonly alternatives: readonly AlternativeEntry[];
  readonly active: string | undefined;
  readonly mode: CompareMode;
  readonly swipe: { readonly left: string | undefined; readonly right: string | undefined; readonly position: number };
  readonly clearSite: boolean;
  readonly loading: boolean;
  begin(source: SchemeSource, parcel: ParcelRecord | undefined, alternatives: readonly AlternativeEntry[], issues: readonly Issue[], warnings: readonly Issue[]): void;
  patch(id: string, patch: Partial<AlternativeEntry>): void;
  addIssues(issues: readonly Issue[]): void;
  setLoading(loading: boolean): void;
  setActive(id: string): void;
  setMode(mode: CompareMode): void;
  setSwipe(patch: Partial<SchemeStore['swipe']>): void;
  setClearSite(on: boolean): void;
  reset(): void;
}

const EMPTY = {
  source: undefined, parcel: undefined, issues: [], warnings: [], alternatives: [], active: undefined, mode: 'single' as CompareMode,
  swipe: { left: undefined, right: undefined, position: 0.5 }, clearSite: true, loading: false,
};

export const useSchemes = create<SchemeStore>()((set, get) => ({
  ...EMPTY,
  begin: (source, parcel, alternatives, issues, warnings) => set({
    ...EMPTY, source, parcel, alternatives, issues, warnings, loading: true,
    active: alternatives[0]?.id, swipe: { left: alternatives[0]?.id, right: alternatives[1]?.id ?? alternatives[0]?.id, position: 0.5 },
  }),
  patch: (id, patch) => set({ alternatives: get().alternatives.map((a) => (a.id === id ? { ...a, ...patch } : a)) }),
  addIssues: (issues) => set({ issues: [...get().issues, ...issues] }),
  setLoading: (loading) => set({ loading }),
  setActive: (active) => set({ active }),
  setMode: (mode) => set({ mode }),
  setSwipe: (patch) => set({ swipe: { ...get().swipe, ...patch } }),
  setClearSite: (clearSite) => set({ clearSite }),
  reset: () => set(EMPTY),
}));

/** The alternatives the main view shows now: the active one, both sides of the swipe, or the left of a side-by-side. */
export function shownAlternatives(s: Pick<SchemeStore, 'mode' | 'active' | 'swipe' | 'alternatives'>): string[] {
  const ready = new Set(s.alternatives.filter((a) => a.status === 'ready').map((a) => a.id));
  const ids = s.mode === 'swipe' ? [s.swipe.left, s.swipe.right] : s.mode === 'sideBySide' ? [s.swipe.left] : [s.active];
  return [...new Set(ids.filter((id): id is string => id !== undefined && ready.has(id)))];
}

/** GeoJSON rings repeat their first point at the end; a clipping polygon takes each corner once. */
function openRing(ring: readonly (readonly number[])[]): { lon: number; lat: number }[] {
  const pts = ring.map((p) => ({ lon: p[0] ?? 0, lat: p[1] ?? 0 }));
  const a = pts[0], z = pts[pts.length - 1];
  return a && z && pts.length > 1 && a.lon === z.lon && a.lat === z.lat ? pts.slice(0, -1) : pts;
}

/**
 * Where the mesh is cleared under these alternatives, and the ground level of the plate: the
 * parcel (what stands on the site today goes, not just what the new footprint covers) and each
 * model's own outline (one reaching past the parcel, or one without a parcel). Nothing when the
 * planner switched clearing off or no alternative is shown.
 */
export function siteClearing(s: Pick<SchemeStore, 'alternatives' | 'parcel' | 'clearSite'>, ids: readonly string[]): { rings: { ring: { lon: number; lat: number }[] }[]; ground: number } {
  const cut = s.alternatives.filter((a) => ids.includes(a.id) && a.outline && a.ground !== undefined);
  const ground = Math.min(...cut.map((a) => a.ground!));
  if (!s.clearSite || cut.length === 0) return { rings: [], ground };
  const site = s.parcel?.polygons.map((poly) => ({ ring: openRing(poly[0] ?? []) })) ?? [];
  return { rings: [...site, ...cut.map((a) => ({ ring: [...a.outline!] }))], ground };
}
