// One reality-mesh tile: geometry, orthophoto and glb, a pure function of (seed, dataset, level, x, y).
import type { World } from '../world/index.ts';
import { tileRegion } from '../../src/domain/tiles/implicit.ts';
import { buildTileMesh } from './mesh.ts';
import { paintOrtho } from './paint.ts';
import { facadeAtlasJpeg } from './facade.ts';
import { encodeTileGlb } from './glb.ts';
import { MAX_SKIRT, GEOID_OFFSET_M, GRID, TEXTURE_SIZE, geometricError, type RealityDataset } from './datasets.ts';

/** Cumulative stage timings (ms) for progress reports and profiling. */
export const timing = { mesh: 0, paint: 0, encode: 0 };

export interface TileResult { glb: Uint8Array; buildings: number; triangles: number; minH: number; maxH: number }

export async function generateTile(world: World, d: RealityDataset, level: number, x: number, y: number): Promise<TileResult> {
  const n = 2 ** level;
  if (level < 0 || level >= d.levels || x < 0 || y < 0 || x >= n || y >= n) {
    throw new Error(`tile ${d.id} L${level} (${x},${y}) is outside the tree (levels 0–${d.levels - 1})`);
  }
  const region = tileRegion(d.extent, level, x, y);
  const leaf = level === d.levels - 1;
  const err = geometricError(d, level);
  const t0 = performance.now();
  const mesh = buildTileMesh(world, region, {
    nx: GRID.nx, ny: GRID.ny, geoidOffset: GEOID_OFFSET_M,
    // Omitting a building of height h is an error of h: keep those taller than this level's error.
    minBuildingHeight: leaf ? 0 : err,
    skirt: Math.min(MAX_SKIRT, Math.max(2, err / 2)),
  });
  const t1 = performance.now();
  const ortho = paintOrtho(world, region, TEXTURE_SIZE, leaf ? 82 : 78);
  const t2 = performance.now();
  const glb = await encodeTileGlb(mesh, { ortho, facade: facadeAtlasJpeg() }, { synthetic: true, dataset: d.id, level, x, y });
  timing.mesh += t1 - t0; timing.paint += t2 - t1; timing.encode += performance.now() - t2;
  const triangles = (mesh.ground.indices.length + mesh.walls.indices.length) / 3;
  return { glb, buildings: mesh.buildings, triangles, minH: mesh.minH, maxH: mesh.maxH };
}
