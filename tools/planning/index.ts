// Planning data derived from the synthetic world: parcels, control lines and projects as GeoJSON
// FeatureCollections (WGS84), serialised deterministically (same seed → identical bytes).
import type { World } from '../world/index.ts';
import { EXTENTS } from '../world/frame.ts';
import type { Feature } from '../../src/domain/planning/index.ts';
import { planParcels, type PlanningExtent } from './parcels.ts';
import { planControlLines } from './controlLines.ts';
import { planProjects } from './projects.ts';

export { planParcels, planControlLines, planProjects, type PlanningExtent };

export const PLANNING_EXTENTS: readonly PlanningExtent[] = Object.entries(EXTENTS).map(([id, bounds]) => ({ id, bounds }));

export const PLANNING_FILES = ['controlLines.geojson', 'parcels.geojson', 'projects.geojson'] as const;

export interface PlanningOutput {
  files: Record<(typeof PLANNING_FILES)[number], string>;
  manifest: PlanningManifest;
}

export interface PlanningManifest {
  synthetic: true;
  seed: number;
  extents: PlanningExtent[];
  counts: { controlLines: Record<string, number>; parcels: number; projects: number; projectsByStage: Record<string, number> };
  files: string[];
}

const collection = (features: Feature<object>[]): string =>
  `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;

export function generatePlanning(world: World, extents: readonly PlanningExtent[] = PLANNING_EXTENTS, progress: (t: string) => void = () => {}): PlanningOutput {
  progress('planning: parcels…');
  const parcels = planParcels(world, extents);
  progress(`planning: ${parcels.length} parcels; control lines…`);
  const lines = planControlLines(world, extents, parcels);
  progress(`planning: ${lines.length} control lines; projects…`);
  const projects = planProjects(world.seed, parcels);
  const count = <T>(xs: T[], key: (x: T) => string): Record<string, number> => {
    const o: Record<string, number> = {};
    for (const x of xs) o[key(x)] = (o[key(x)] ?? 0) + 1;
    return Object.fromEntries(Object.entries(o).sort());
  };
  const manifest: PlanningManifest = {
    synthetic: true, seed: world.seed, extents: [...extents],
    counts: {
      controlLines: count(lines, (f) => f.properties.lineType), parcels: parcels.length, projects: projects.length,
      projectsByStage: count(projects, (f) => f.properties.stage),
    },
    files: [...PLANNING_FILES],
  };
  return {
    files: {
      'controlLines.geojson': collection(lines),
      'parcels.geojson': collection(parcels.map((p) => p.feature)),
      'projects.geojson': collection(projects),
    },
    manifest,
  };
}
