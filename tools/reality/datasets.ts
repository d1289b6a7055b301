// The reality mesh's tilesets: the central city and the 前湾新区 core, each an implicit quadtree
// whose leaves are ≤ 250 m across. Geometric error is a fixed fraction of the tile's width so a
// tile is refined when its 256-px texture would be magnified on screen (width·SSE/error ≈ 256 px).
import { EXTENTS, M_PER_DEG_LON, type LonLatRect } from '../world/frame.ts';

export interface RealityDataset {
  id: 'central' | 'qianwan';
  name: string;
  extent: LonLatRect;
  /** Quadtree levels (leaves at level `levels - 1`). */
  levels: number;
}

export const DATASETS: RealityDataset[] = [
  { id: 'central', name: '宁波中心城区', extent: EXTENTS.central, levels: 9 },
  { id: 'qianwan', name: '前湾新区核心区', extent: EXTENTS.qianwan, levels: 8 },
];

/** Texture size of every tile (px). */
export const TEXTURE_SIZE = 256;
/** Ground grid intervals across a tile (east, north): ≤ 2 m spacing at the leaves. */
export const GRID = { nx: 84, ny: 68 };

/** Geoid undulation N (m) used to turn 1985 heights into ellipsoidal: h = H + N. standards.md §6:
 *  ≈ +12.4 m at Tianyi Square (EGM96). A documented per-dataset constant, not a hidden literal. */
export const GEOID_OFFSET_M = 12.4;
/** Ellipsoidal height range of every tile's bounding region (water to hill tops plus towers). */
export const HEIGHT_RANGE = { min: -100, max: 800 };
/** Deepest skirt (m): hides cracks against coarser neighbours, stays inside HEIGHT_RANGE. */
export const MAX_SKIRT = 60;

export const tileWidthMeters = (d: RealityDataset, level: number): number => ((d.extent.east - d.extent.west) * M_PER_DEG_LON) / 2 ** level;
export const geometricError = (d: RealityDataset, level: number): number => tileWidthMeters(d, level) / 16;
export const datasetById = (id: string): RealityDataset | undefined => DATASETS.find((d) => d.id === id);
