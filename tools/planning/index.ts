// Planning data derived from the synthetic world: parcels, control lines and projects as GeoJSON
// FeatureCollections (WGS84), serialised deterministically (same seed → identical bytes).
import type { World } from '../world/index.ts';
import { EXTENTS } from '../world/frame.ts';
import type { Feature } from '../../src/domain/planning/index.ts';
import { planParcels, type PlanningExtent } from './parcels.ts';
import { planControlLines } from './controlLines.ts';
import { planProjects } from './projects.ts';
import { planningGeneratorVersion } from './version.ts';

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
  /** planningGeneratorVersion() of the code that wrote the files: a different one means stale. */
  generator: string;
  extents: PlanningExtent[];
  counts: {
    controlLines: Record<string, number>; parcels: number; parcelsWithBuildings: number;
    /** Parcels whose tallest building exceeds their heightLimit (the plan lowered it later). */
    parcelsOverHeightLimit: number;
    projects: number; projectsByStage: Record<string, number>;
  };
  files: string[];
  /** Byte length of each file, so a truncated or edited file is seen as stale without parsing it. */
  bytes: Record<string, number>;
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
  const files: PlanningOutput['files'] = {
    'controlLines.geojson': collection(lines),
    'parcels.geojson': collection(parcels.map((p) => p.feature)),
    'projects.geojson': collection(projects),
  };
  const props = parcels.map((p) => p.feature.properties);
  const manifest: PlanningManifest = {
    synthetic: true, seed: world.seed, generator: planningGeneratorVersion(), extents: [...extents],
    counts: {
      controlLines: count(lines, (f) => f.properties.lineType), parcels: parcels.length,
      parcelsWithBuildings: props.filter((p) => p.buildingCount > 0).length,
      parcelsOverHeightLimit: props.filter((p) => p.maxBuildingHeight > p.heightLimit).length,
      projects: projects.length, projectsByStage: count(projects, (f) => f.properties.stage),
    },
    files: [...PLANNING_FILES],
    bytes: Object.fromEntries(PLANNING_FILES.map((n) => [n, Buffer.byteLength(files[n])])),
  };
  return { files, manifest };
}
