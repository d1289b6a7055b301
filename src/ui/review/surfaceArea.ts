// Area on the mesh: a grid of ground samples over the ring (at most MAX_SAMPLES, so SwiftShader
// and a busy wall answer in seconds), triangulated and clipped to the ring by the domain.
import { localFrame } from '../../domain/review/frame.ts';
import type { LonLatHeight } from '../../domain/review/frame.ts';
import { areaSampleGrid, projectedArea, surfaceArea } from '../../domain/review/measure.ts';
import type { GroundSampler } from '../../engine/analysis/groundSampling.ts';

const MAX_SAMPLES = 900;
/** Finer than this adds nothing the mesh's own detail (≈ 0.5 m at street level) can show. */
const MIN_SPACING_M = 1;

/** m² of the mesh surface inside the ring, or undefined when any part of it has no mesh loaded. */
export async function surfaceAreaOnMesh(ring: readonly LonLatHeight[], sample: GroundSampler): Promise<number | undefined> {
  const plan = projectedArea(ring);
  // A bounding box holds at most a few times the ring's area; size the grid for that box.
  const lons = ring.map((p) => p.lon), lats = ring.map((p) => p.lat);
  const box = projectedArea([
    { lon: Math.min(...lons), lat: Math.min(...lats) }, { lon: Math.max(...lons), lat: Math.min(...lats) },
    { lon: Math.max(...lons), lat: Math.max(...lats) }, { lon: Math.min(...lons), lat: Math.max(...lats) },
  ]);
  const spacing = Math.max(MIN_SPACING_M, Math.sqrt(Math.max(box, plan) / MAX_SAMPLES));
  const grid = areaSampleGrid(ring, spacing);
  const frame = localFrame(grid.origin);
  const at: { lon: number; lat: number }[] = [];
  for (let j = 0; j < grid.rows; j++) {
    for (let i = 0; i < grid.cols; i++) at.push(frame.toGeodetic([grid.x0 + i * grid.cell, grid.y0 + j * grid.cell, 0]));
  }
  const heights = await sample(at);
  heights.forEach((h, k) => {
    const p = at[k]!;
    grid.heights[k] = h === undefined ? Number.NaN : frame.fromGeodetic({ lon: p.lon, lat: p.lat, height: h })[2];
  });
  const result = surfaceArea(ring, grid);
  return result.unsampledArea > 0.01 * result.planArea ? undefined : result.area;
}
