// The seabed tileset's shape: an explicit quadtree over the waters off the 甬江 mouth, 镇海/北仑 and
// the 金塘水道, each tile a 64 × 64 grid. Tile contents live under a directory named by a digest of
// everything that shapes their bytes (generator sources, seed, geoid offset, levels, extent), so the
// server may cache them forever (tools/server/policy.ts) and a regeneration never mixes versions.
//   <out>/tileset.json               entry point (revalidated)
//   <out>/seabed.json                manifest: what was generated, for `--if-stale`
//   <out>/g<hash>/<level>/<x>/<y>.glb
import { createHash } from 'node:crypto';
import { M_PER_DEG_LAT, M_PER_DEG_LON, type LonLatRect } from '../world/frame.ts';

/** Default extent: the sea from the 甬江 mouth past 金塘岛 (inside the land raster, lon ≤ 121.95). */
export const SEABED_EXTENT: LonLatRect = { west: 121.66, south: 29.9, east: 121.95, north: 30.1 };
/** Quadtree levels by default: leaves ~1.8 km across, ~28 m between grid points. */
export const DEFAULT_LEVELS = 5;
export const MAX_LEVELS = 7;
/** Grid intervals per tile side. */
export const GRID = 64;
/** Land kept under the coast (m inland) so the seabed meets the reality mesh's shoreline from below. */
export const COAST_BAND_M = 80;

export const MANIFEST_FILE = 'seabed.json';
export const TILESET_FILE = 'tileset.json';

export interface SeabedLayout { extent: LonLatRect; levels: number }

export const tileWidthMeters = (l: SeabedLayout, level: number): number => ((l.extent.east - l.extent.west) * M_PER_DEG_LON) / 2 ** level;
const tileHeightMeters = (l: SeabedLayout, level: number): number => ((l.extent.north - l.extent.south) * M_PER_DEG_LAT) / 2 ** level;
/** Grid spacing (m) at a level: the error of drawing this level instead of the full detail. */
export const gridSpacing = (l: SeabedLayout, level: number): number => Math.max(tileWidthMeters(l, level), tileHeightMeters(l, level)) / GRID;
export const geometricError = (l: SeabedLayout, level: number): number => (level === l.levels - 1 ? 0 : gridSpacing(l, level));
/** Skirt depth (m): hides cracks against a coarser neighbour, whose grid may miss a channel's slope. */
export const skirtDepth = (l: SeabedLayout, level: number): number => Math.min(40, Math.max(3, gridSpacing(l, level) * 0.05));

/** The content directory: `g` + 12 hex digits over the generator version and every parameter. */
export function contentDir(p: { generator: string; seed: number; geoid: number } & SeabedLayout): string {
  const e = p.extent;
  const key = `${p.generator}\nseed:${p.seed}\ngeoid:${p.geoid}\nlevels:${p.levels}\nextent:${e.west},${e.south},${e.east},${e.north}\n`;
  return `g${createHash('sha256').update(key).digest('hex').slice(0, 12)}`;
}

export const contentUri = (dir: string, level: number, x: number, y: number): string => `${dir}/${level}/${x}/${y}.glb`;
