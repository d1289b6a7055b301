// Planning data as the layers loaded it (projects, parcels), the project filter, what is selected,
// and the last search. Filters reach the map as the projects layers' `visibleFeatures` option, so
// the map, the legend and the statistics all follow the same filter.
import { create } from 'zustand';
import {
  ALL_PROJECTS, buildPlanningIndex, isFilterActive, matchesProjectFilter, parcelRecord, projectRecord, searchPlanning,
  type Feature, type ParcelRecord, type PlanningIndex, type PlanningSchema, type ProjectFilter, type ProjectRecord, type SearchOutcome,
} from '../domain/planning/index.ts';
import { useLayers } from './layers.ts';

export type PlanningSelection =
  | { readonly kind: 'project'; readonly code: string }
  | { readonly kind: 'parcel'; readonly id: string };

interface Source {
  readonly schema: PlanningSchema;
  readonly features: readonly Feature[];
}

interface PlanningState {
  readonly sources: Readonly<Record<string, Source>>;
  readonly projects: readonly ProjectRecord[];
  readonly parcels: readonly ParcelRecord[];
  readonly index: PlanningIndex;
  readonly filter: ProjectFilter;
  readonly selection?: PlanningSelection;
  readonly search?: { readonly query: string; readonly outcome: SearchOutcome };
  setLayerData(layerId: string, data: Source | undefined): void;
  setFilter(patch: Partial<ProjectFilter>): void;
  resetFilter(): void;
  select(selection: PlanningSelection | undefined): void;
  runSearch(query: string): SearchOutcome;
  clearSearch(): void;
}

function collect(sources: Readonly<Record<string, Source>>): { projects: ProjectRecord[]; parcels: ParcelRecord[] } {
  const projects: ProjectRecord[] = [];
  const parcels: ParcelRecord[] = [];
  for (const s of Object.values(sources)) {
    if (s.schema === 'projects') for (const f of s.features) projects.push(projectRecord(f));
    else if (s.schema === 'parcels') for (const f of s.features) parcels.push(parcelRecord(f));
  }
  return { projects, parcels };
}

/** Writes the filter into every projects layer as the ids it may show (null when nothing is filtered). */
function pushFilterToLayers(sources: Readonly<Record<string, Source>>, projects: readonly ProjectRecord[], filter: ProjectFilter): void {
  const visible = isFilterActive(filter) ? projects.filter((p) => matchesProjectFilter(p, filter)).map((p) => p.projectCode) : null;
  const layers = useLayers.getState();
  for (const [layerId, s] of Object.entries(sources)) {
    if (s.schema === 'projects') layers.setOptions(layerId, { visibleFeatures: visible });
  }
}

export const usePlanning = create<PlanningState>()((set, get) => ({
  sources: {},
  projects: [],
  parcels: [],
  index: buildPlanningIndex([], []),
  filter: ALL_PROJECTS,
  setLayerData: (layerId, data) => {
    const sources = { ...get().sources };
    if (data) sources[layerId] = data;
    else delete sources[layerId];
    const { projects, parcels } = collect(sources);
    set({ sources, projects, parcels, index: buildPlanningIndex(projects, parcels) });
    if (data?.schema === 'projects') pushFilterToLayers({ [layerId]: data }, projects, get().filter);
  },
  setFilter: (patch) => {
    const filter = { ...get().filter, ...patch };
    set({ filter });
    pushFilterToLayers(get().sources, get().projects, filter);
  },
  resetFilter: () => get().setFilter(ALL_PROJECTS),
  select: (selection) => set({ selection }),
  runSearch: (query) => {
    const outcome = searchPlanning(query, get().index);
    set({ search: { query, outcome } });
    return outcome;
  },
  clearSearch: () => set({ search: undefined }),
}));

export function selectedProject(s: Pick<PlanningState, 'selection' | 'index'>): ProjectRecord | undefined {
  return s.selection?.kind === 'project' ? s.index.projectByCode(s.selection.code) : undefined;
}

export function selectedParcel(s: Pick<PlanningState, 'selection' | 'index'>): ParcelRecord | undefined {
  return s.selection?.kind === 'parcel' ? s.index.parcelById(s.selection.id) : undefined;
}
