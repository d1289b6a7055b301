import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MeshoptDecoder } from 'meshoptimizer';
import { describe, expect, it } from 'vitest';
import { localFrame, type LonLatHeight } from '../../../../src/domain/review/frame.ts';
import { enuToEcefMatrix } from '../../../../src/domain/review/glbMesh.ts';
import { buildSurfaceRaster, resolveUri } from '../../../../src/domain/review/meshSurface.ts';
import { heightAt } from '../../../../src/domain/review/raster.ts';
import { geodeticToEcef } from '../../../../src/domain/tiles/ecef.ts';
import { encodeSubtree, tileRegion } from '../../../../src/domain/tiles/implicit.ts';
import { isAvailable, parseSubtree } from '../../../../src/domain/review/subtree.ts';
import { createRealityOnDemand } from '../../../../tools/lib/onDemand.ts';
import { GEOID_OFFSET_M } from '../../../../tools/reality/datasets.ts';
import { createWorld } from '../../../../tools/world/index.ts';
import { toLat, toLon, toX, toY } from '../../../../tools/world/frame.ts';

const enc = (v: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(v));

/** A GLB of float triangles, no indices (the smallest valid tile content). */
function floatGlb(positions: number[], node: Record<string, unknown> = {}): Uint8Array {
  const bin = new Float32Array(positions);
  const json = enc({
    asset: { version: '2.0' }, buffers: [{ byteLength: bin.byteLength }], bufferViews: [{ buffer: 0, byteLength: bin.byteLength }],
    accessors: [{ bufferView: 0, componentType: 5126, count: positions.length / 3, type: 'VEC3' }],
    meshes: [{ primitives: [{ attributes: { POSITION: 0 } }] }], nodes: [{ mesh: 0, ...node }], scenes: [{ nodes: [0] }],
  });
  const jl = Math.ceil(json.length / 4) * 4;
  const out = new Uint8Array(28 + jl + bin.byteLength);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, 0x46546c67, true); dv.setUint32(4, 2, true); dv.setUint32(8, out.length, true);
  dv.setUint32(12, jl, true); dv.setUint32(16, 0x4e4f534a, true); out.fill(0x20, 20, 20 + jl); out.set(json, 20);
  dv.setUint32(20 + jl, bin.byteLength, true); dv.setUint32(24 + jl, 0x004e4942, true); out.set(new Uint8Array(bin.buffer), 28 + jl);
  return out;
}

/** A flat rectangle at ellipsoidal height h over a lon/lat rectangle (degrees), as tile content:
 *  ECEF in glTF's y-up axes relative to a corner the node translates to (float32 cannot hold
 *  ECEF to the centimetre), a 6×6 grid so the chord sag stays under a millimetre. */
function flatTile(r: { west: number; south: number; east: number; north: number }, h: number): Uint8Array {
  const n = 6, p: number[] = [];
  const o = geodeticToEcef(r.west, r.south, h);
  const at = (i: number, j: number): number[] => {
    const e = geodeticToEcef(r.west + ((r.east - r.west) * i) / n, r.south + ((r.north - r.south) * j) / n, h);
    return [e[0] - o[0], e[2] - o[2], -(e[1] - o[1])];
  };
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) p.push(...at(i, j), ...at(i + 1, j), ...at(i + 1, j + 1), ...at(i, j), ...at(i + 1, j + 1), ...at(i, j + 1));
  return floatGlb(p, { translation: [o[0], o[2], -o[1]] });
}

const memoryFetch = (files: Map<string, Uint8Array>) => async (url: string): Promise<Uint8Array> => {
  const b = files.get(url);
  if (!b) throw new Error('404');
  return b;
};

describe('resolveUri', () => {
  it.each([
    ['reality/tileset.json', 'g1/central/tileset.json', 'reality/g1/central/tileset.json'],
    ['a/b/tileset.json', '../c/0.glb', 'a/c/0.glb'],
    ['/tilesets/reality/tileset.json?v=2', './x.json', '/tilesets/reality/x.json'],
    ['http://h/t/reality/tileset.json', 'g1/a.json', 'http://h/t/reality/g1/a.json'],
    ['http://h/t/tileset.json', 'https://cdn/x.glb', 'https://cdn/x.glb'],
  ])('%s + %s', (base, uri, want) => expect(resolveUri(base, uri)).toBe(want));
});

describe('parseSubtree', () => {
  it('reads bitstreams and constants of a binary subtree', async () => {
    const tile = new Uint8Array([0b00010111, 0b1]);
    const st = await parseSubtree(encodeSubtree({ tile, content: 1, childSubtree: 0 }), () => Promise.reject(new Error('no external buffers')));
    expect([0, 1, 2, 3, 4, 8, 9].map((i) => isAvailable(st.tile, i))).toEqual([true, true, true, false, true, true, false]);
    expect(isAvailable(st.content[0]!, 123)).toBe(true);
    expect(isAvailable(st.childSubtree, 0)).toBe(false);
  });

  it('reads a JSON subtree whose bitstream lives in an external buffer', async () => {
    const json = enc({ buffers: [{ uri: 'bits.bin', byteLength: 1 }], bufferViews: [{ buffer: 0, byteOffset: 0, byteLength: 1 }], tileAvailability: { bitstream: 0 }, contentAvailability: [{ bitstream: 0 }], childSubtreeAvailability: { constant: 0 } });
    const asked: string[] = [];
    const st = await parseSubtree(json, (uri) => { asked.push(uri); return Promise.resolve(new Uint8Array([0b00000101])); });
    expect(asked).toEqual(['bits.bin']); // one fetch for the two bitstreams that share it
    expect([0, 1, 2].map((i) => isAvailable(st.content[0]!, i))).toEqual([true, false, true]);
  });

  it('says what is wrong', async () => {
    const bad = encodeSubtree({ tile: 1, content: 1, childSubtree: 0 });
    new DataView(bad.buffer).setUint32(4, 2, true);
    await expect(parseSubtree(bad, () => Promise.reject(new Error('-')))).rejects.toThrow(/subtree version 2/);
    await expect(parseSubtree(enc({ tileAvailability: { constant: 1 } }), () => Promise.reject(new Error('-')))).rejects.toThrow(/no childSubtreeAvailability/);
  });
});

describe('buildSurfaceRaster over a hand-made tileset', () => {
  // Root (explicit) → external tileset "sub/tileset.json" → implicit quadtree, one level per
  // subtree (so children come through child subtrees). Level 0 is flat at 10 m; level-1 tiles at
  // 20 m. Child (1, 1), the north-east quarter, is not available: the parent fills it.
  const region = { west: 121.6, south: 29.85, east: 121.602, north: 29.852 };
  const rad = [region.west, region.south, region.east, region.north].map((d) => (d * Math.PI) / 180);
  const files = new Map<string, Uint8Array>();
  files.set('t/tileset.json', enc({ asset: { version: '1.1' }, geometricError: 100, root: { boundingVolume: { region: [...rad, -10, 100] }, geometricError: 100, refine: 'REPLACE', children: [{ boundingVolume: { region: [...rad, -10, 100] }, geometricError: 50, content: { uri: 'sub/tileset.json' } }] } }));
  files.set('t/sub/tileset.json', enc({ asset: { version: '1.1' }, geometricError: 50, root: { boundingVolume: { region: [...rad, -10, 100] }, geometricError: 50, refine: 'REPLACE', content: { uri: 'c/{level}/{x}/{y}.glb' }, implicitTiling: { subdivisionScheme: 'QUADTREE', subtreeLevels: 1, availableLevels: 2, subtrees: { uri: 's/{level}/{x}/{y}.subtree' } } } }));
  files.set('t/sub/s/0/0/0.subtree', encodeSubtree({ tile: 1, content: 1, childSubtree: new Uint8Array([0b0111]) }));
  files.set('t/sub/c/0/0/0.glb', flatTile(region, 10));
  for (const [x, y] of [[0, 0], [1, 0], [0, 1]] as const) {
    files.set(`t/sub/s/1/${x}/${y}.subtree`, encodeSubtree({ tile: 1, content: 1, childSubtree: 0 }));
    files.set(`t/sub/c/1/${x}/${y}.glb`, flatTile(tileRegion(region, 1, x, y), 20));
  }
  const center: LonLatHeight = { lon: 121.601, lat: 29.851, height: 0 };
  const frame = localFrame(center);
  // The area is larger than the tileset (≈ 193 m × 222 m): a 40 m margin all round has no data.
  const area = { center, halfWidth: 140, halfHeight: 150 };
  const zAt = (lon: number, lat: number, h: number): number => frame.fromGeodetic({ lon, lat, height: h })[2];
  const rasterAt = (r: Parameters<typeof heightAt>[0], lon: number, lat: number): number => { const p = frame.fromGeodetic({ lon, lat, height: 0 }); return heightAt(r, p[0], p[1]); };

  it('takes each point from the deepest available tile, the parent only where a child is missing', async () => {
    const progress: [number, number][] = [];
    const res = await buildSurfaceRaster({ rootUrl: 't/tileset.json', fetchBytes: memoryFetch(files), area, cell: 2, onProgress: (d, t) => progress.push([d, t]) });
    expect(res.missing).toEqual([]);
    expect(res.tiles).toBe(4);
    expect(res.triangles).toBe(4 * 72);
    expect(progress.at(-1)).toEqual([4, 4]);
    // Quarter centres: SW, SE, NW from level 1 (20 m), NE from the root tile (10 m).
    expect(rasterAt(res.raster, 121.6005, 29.8505)).toBeCloseTo(zAt(121.6005, 29.8505, 20), 2);
    expect(rasterAt(res.raster, 121.6015, 29.8505)).toBeCloseTo(zAt(121.6015, 29.8505, 20), 2);
    expect(rasterAt(res.raster, 121.6005, 29.8515)).toBeCloseTo(zAt(121.6005, 29.8515, 20), 2);
    expect(rasterAt(res.raster, 121.6015, 29.8515)).toBeCloseTo(zAt(121.6015, 29.8515, 10), 2);
    // Outside the tileset: no data, and the result says so.
    expect(rasterAt(res.raster, 121.5999, 29.851)).toBeNaN();
    expect(res.notes.join()).toMatch(/cells have no data/);
  });

  it('stops at a given level, and fills a failed tile from its parent', async () => {
    const coarse = await buildSurfaceRaster({ rootUrl: 't/tileset.json', fetchBytes: memoryFetch(files), area, cell: 2, level: 0 });
    expect(coarse.tiles).toBe(1);
    expect(rasterAt(coarse.raster, 121.6005, 29.8505)).toBeCloseTo(zAt(121.6005, 29.8505, 10), 2);
    const broken = new Map(files);
    broken.set('t/sub/c/1/1/0.glb', new Uint8Array([1, 2, 3])); // south-east quarter: not a GLB
    const res = await buildSurfaceRaster({ rootUrl: 't/tileset.json', fetchBytes: memoryFetch(broken), area, cell: 2 });
    expect(res.missing).toEqual(['t/sub/c/1/1/0.glb: not a GLB (no "glTF" magic at byte 0)']);
    expect(rasterAt(res.raster, 121.6015, 29.8505)).toBeCloseTo(zAt(121.6015, 29.8505, 10), 2);
    expect(rasterAt(res.raster, 121.6005, 29.8505)).toBeCloseTo(zAt(121.6005, 29.8505, 20), 2);
  });

  it('applies a tile transform (an explicit tile in its own ENU frame with a box volume)', async () => {
    // The 20 m × 20 m roof of a 20 m block whose foot is at `spot`, in glTF y-up local metres.
    const spot = { lon: 121.6008, lat: 29.8512, height: 3 };
    const t = enuToEcefMatrix(spot);
    const h = 20, s = 10;
    const c = (x: number, y: number, z: number): number[] => [x, z, -y]; // ENU → glTF y-up
    const roof = [...c(-s, -s, h), ...c(s, -s, h), ...c(s, s, h), ...c(-s, -s, h), ...c(s, s, h), ...c(-s, s, h)];
    const own = new Map<string, Uint8Array>([
      ['m/tileset.json', enc({ asset: { version: '1.1' }, geometricError: 10, root: { transform: [...t], boundingVolume: { box: [0, 0, h / 2, s, 0, 0, 0, s, 0, 0, 0, h / 2] }, geometricError: 0, content: { uri: 'cube.glb' } } })],
      ['m/cube.glb', floatGlb(roof)],
    ]);
    const res = await buildSurfaceRaster({ rootUrl: 'm/tileset.json', fetchBytes: memoryFetch(own), area: { center, halfWidth: 100, halfHeight: 100 }, cell: 1 });
    expect(res.missing).toEqual([]);
    expect(rasterAt(res.raster, spot.lon, spot.lat)).toBeCloseTo(zAt(spot.lon, spot.lat, spot.height + h), 3);
  });
});

describe('buildSurfaceRaster over the reality mesh', async () => {
  await MeshoptDecoder.ready;
  // Files not on disk are made by the server's on-demand hook, so a fresh checkout works.
  const dir = fileURLToPath(new URL('../../../../tilesets', import.meta.url));
  const make = createRealityOnDemand(dir);
  const fetchBytes = async (url: string): Promise<Uint8Array> => {
    const path = join(dir, url);
    if (!existsSync(path) && !(await make(url))) throw new Error('not on disk and not made on demand');
    return new Uint8Array(readFileSync(path));
  };
  const world = createWorld();

  it('gives the synthetic city’s roofs and ground in 东部新城 (300 m × 300 m, 1 m cells)', async () => {
    const center: LonLatHeight = { lon: 121.62, lat: 29.856, height: 0 };
    const res = await buildSurfaceRaster({ rootUrl: 'reality/tileset.json', fetchBytes, decoder: MeshoptDecoder, area: { center, halfWidth: 150, halfHeight: 150 }, cell: 1 });
    expect(res.missing).toEqual([]);
    expect(res.notes).toEqual([]);
    expect(res.raster.heights.some((h) => Number.isNaN(h))).toBe(false);
    expect(res.tiles).toBeGreaterThanOrEqual(4); // leaves are ~160 m: a 300 m square spans 2–3 a side
    const frame = localFrame(center);
    const enu = (x: number, y: number, h85: number): [number, number, number] => frame.fromGeodetic({ lon: toLon(x), lat: toLat(y), height: h85 + GEOID_OFFSET_M });
    const sample = (x: number, y: number): number => { const p = enu(x, y, 0); return heightAt(res.raster, p[0], p[1]); };
    const cx = toX(center.lon), cy = toY(center.lat), m = 140;
    const buildings = world.buildingsIn({ x0: cx - m, y0: cy - m, x1: cx + m, y1: cy + m })
      .filter((b) => b.roof === 'flat' && b.rect.x0 > cx - m && b.rect.x1 < cx + m && b.rect.y0 > cy - m && b.rect.y1 < cy + m);
    expect(buildings.length).toBeGreaterThanOrEqual(3);
    // The leaf tiles carry the world's buildings unsimplified; what is left is 16-bit position
    // quantization (a leaf's ~230 m extent / 65534 ≈ 4 mm a step) and float32 cells (≈ 8 µm at 100 m).
    // Measured worst: 1.2 mm; 1 cm leaves room for other seeds and still catches any misplacement.
    let worstRoof = 0;
    for (const b of buildings) {
      const roof85 = b.base + b.height;
      for (const [fx, fy] of [[0.5, 0.5], [0.1, 0.2], [0.9, 0.8]] as const) {
        const x = b.rect.x0 + fx * (b.rect.x1 - b.rect.x0), y = b.rect.y0 + fy * (b.rect.y1 - b.rect.y0);
        const want = enu(x, y, roof85)[2];
        worstRoof = Math.max(worstRoof, Math.abs(sample(x, y) - want));
      }
      // Sharp walls: 2 m outside the middle of each wall is street level, metres below the roof.
      const mx = (b.rect.x0 + b.rect.x1) / 2, my = (b.rect.y0 + b.rect.y1) / 2;
      for (const [x, y] of [[b.rect.x0 - 2, my], [b.rect.x1 + 2, my], [mx, b.rect.y0 - 2], [mx, b.rect.y1 + 2]] as const) {
        const ground = enu(x, y, world.groundHeight(toLon(x), toLat(y)))[2];
        expect(sample(x, y), `${b.id} beside its wall`).toBeCloseTo(ground, 0);
        expect(sample(x, y)).toBeLessThan(enu(x, y, roof85)[2] - 5);
      }
    }
    console.info(`reality mesh vs world: roofs within ${worstRoof.toFixed(4)} m of ${buildings.length} buildings`);
    expect(worstRoof).toBeLessThan(0.01);
    // Ground away from buildings: the mesh's grid is ≤ 2 m over smooth terrain (measured 1.9 mm).
    let worstGround = 0, checked = 0;
    const near = world.buildingsIn({ x0: cx - 150, y0: cy - 150, x1: cx + 150, y1: cy + 150 });
    for (let x = cx - 130; x <= cx + 130; x += 13) {
      for (let y = cy - 130; y <= cy + 130; y += 13) {
        if (near.some((b) => x > b.rect.x0 - 3 && x < b.rect.x1 + 3 && y > b.rect.y0 - 3 && y < b.rect.y1 + 3)) continue;
        worstGround = Math.max(worstGround, Math.abs(sample(x, y) - enu(x, y, world.groundHeight(toLon(x), toLat(y)))[2]));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
    console.info(`reality mesh vs world: ground within ${worstGround.toFixed(4)} m at ${checked} points`);
    expect(worstGround).toBeLessThan(0.02);
  });

  it('leaves an area outside the tileset without data and says so', async () => {
    const res = await buildSurfaceRaster({ rootUrl: 'reality/tileset.json', fetchBytes, decoder: MeshoptDecoder, area: { center: { lon: 120.0, lat: 29.0, height: 0 }, halfWidth: 50, halfHeight: 50 }, cell: 5 });
    expect(res.tiles).toBe(0);
    expect(res.missing).toEqual([]);
    expect(res.raster.heights.every((h) => Number.isNaN(h))).toBe(true);
    expect(res.notes).toEqual(['the area lies outside every tile of the tileset: no data']);
  });
});
