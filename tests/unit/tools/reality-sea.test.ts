import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../tools/world/index.ts';
import { buildTileMesh, type TileMesh } from '../../../tools/reality/mesh.ts';
import { encodeTileGlb } from '../../../tools/reality/glb.ts';
import { inspectGlb } from '../../../tools/lib/tilecheck/glb.ts';
import { ecefToGeodetic } from '../../../tools/lib/tilecheck/geo.ts';
import type { RegionDeg } from '../../../src/domain/tiles/implicit.ts';

const world = createWorld(20260101);
const OPTIONS = { nx: 24, ny: 20, geoidOffset: 12.4, minBuildingHeight: 1000, skirt: 5 };
const GRID_TRIANGLES = 2 * OPTIONS.nx * OPTIONS.ny;
const SKIRT_TRIANGLES = 4 * (OPTIONS.nx + OPTIONS.ny);
const DEG = 180 / Math.PI;

/** Each ground triangle's corners as [lon°, lat°, 1985 height]. */
function triangles(m: TileMesh): [number, number, number][][] {
  const p = m.ground.positions;
  const vertex = (i: number): [number, number, number] => {
    const [lon, lat, h] = ecefToGeodetic([p[3 * i]! + m.centre[0], -p[3 * i + 2]! + m.centre[1], p[3 * i + 1]! + m.centre[2]]);
    return [lon * DEG, lat * DEG, h - OPTIONS.geoidOffset];
  };
  const out: [number, number, number][][] = [];
  for (let t = 0; t < m.ground.indices.length; t += 3) out.push([0, 1, 2].map((k) => vertex(m.ground.indices[t + k]!)));
  return out;
}
const atSea = ([lon, lat]: [number, number, number]): boolean => world.land.fraction(lon, lat) < 0.5;

describe('reality mesh over the sea', () => {
  it('leaves out ground triangles and skirts that lie wholly on open sea, keeping the coast', () => {
    const coast: RegionDeg = { west: 121.70, south: 29.955, east: 121.76, north: 29.995 }; // 镇海 shore and the sea
    const m = buildTileMesh(world, coast, OPTIONS);
    const tris = triangles(m);
    expect(tris.length).toBeGreaterThan(50);
    expect(tris.length).toBeLessThan(GRID_TRIANGLES + SKIRT_TRIANGLES - 100);
    for (const t of tris) {
      // Ground triangles keep a land corner; skirts hang under the edge of a kept one (a corner below −1 m).
      if (t.every(atSea)) expect(Math.min(...t.map((v) => v[2]))).toBeLessThan(-1);
    }
    // Kept sea corners are the water surface at 0 m: the seabed (≤ 0 m there) meets them from below.
    for (const t of tris) for (const v of t) if (atSea(v) && v[2] > -1) expect(Math.abs(v[2])).toBeLessThan(0.05);
  });

  it('keeps rivers and every skirt on land', () => {
    const river: RegionDeg = { west: 121.615, south: 29.897, east: 121.625, north: 29.905 }; // 甬江 below 三江口
    const m = buildTileMesh(world, river, OPTIONS);
    expect(m.ground.indices.length / 3).toBe(GRID_TRIANGLES + SKIRT_TRIANGLES);
    expect(triangles(m).some((t) => t.every((v) => world.surface(v[0], v[1]) === 'river'))).toBe(true);
  });

  it('writes an open-sea tile as a valid glb with no mesh', async () => {
    const sea: RegionDeg = { west: 121.76, south: 30.02, east: 121.77, north: 30.03 }; // off 镇海
    const m = buildTileMesh(world, sea, OPTIONS);
    expect(m.ground.indices).toEqual([]);
    const glb = await encodeTileGlb(m, { ortho: new Uint8Array(0), facade: new Uint8Array(0) }, {});
    const r = inspectGlb(glb);
    expect(r.problems).toEqual([]);
    const json = JSON.parse(new TextDecoder().decode(glb.subarray(20, 20 + new DataView(glb.buffer, glb.byteOffset).getUint32(12, true)))) as { meshes?: unknown[]; buffers?: unknown[] };
    expect(json.meshes ?? []).toEqual([]);
    expect(json.buffers ?? []).toEqual([]);
  });
});
