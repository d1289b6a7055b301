import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants as zlibConstants } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { OracleTile } from '../../../../src/domain/bench/oracle.ts';
import type { BenchPath } from '../../../../src/domain/bench/types.ts';
import { availabilityIndex, getBit, tileRegion } from '../../../../src/domain/tiles/implicit.ts';
import { cutForPose, idealForPath } from '../../../../tools/lib/streamBench/ideal.ts';
import { contentBytes, loadRealityTree, servedBytes } from '../../../../tools/lib/streamBench/realityTree.ts';

// The real reality tilesets of this checkout (baked levels 0–3; deeper tiles come on demand).
const DIR = fileURLToPath(new URL('../../../../tilesets', import.meta.url));
const readJson = (rel: string): { root: { boundingVolume: { region: number[] }; geometricError: number; children?: { content: { uri: string } }[] } } =>
  JSON.parse(readFileSync(join(DIR, rel), 'utf8')) as ReturnType<typeof readJson>;

/** The tile-availability bits of a .subtree, decoded here by hand (header, JSON, binary chunk). */
function tileBits(bytes: Buffer): Uint8Array {
  const jsonLength = Number(bytes.readBigUInt64LE(8));
  const json = JSON.parse(bytes.subarray(24, 24 + jsonLength).toString('utf8')) as { tileAvailability: { bitstream: number }; bufferViews: { byteOffset: number; byteLength: number }[] };
  const view = json.bufferViews[json.tileAvailability.bitstream]!;
  const start = 24 + jsonLength + view.byteOffset;
  return new Uint8Array(bytes.subarray(start, start + view.byteLength));
}

const regionOf = (t: OracleTile): number[] => {
  if (t.volume.kind !== 'region') throw new Error(`${t.id} is not a region`);
  const v = t.volume;
  return [v.west, v.south, v.east, v.north, v.minHeight, v.maxHeight];
};

describe('the reality tree', async () => {
  const root = await loadRealityTree(DIR);
  const rootJson = readJson('reality/tileset.json');
  const externals = root.children();

  it('starts at the root tileset, then its external dataset tilesets, then their implicit roots', () => {
    expect(regionOf(root)).toEqual(rootJson.root.boundingVolume.region);
    expect(root.geometricError).toBe(rootJson.root.geometricError);
    expect(root.hasContent).toBe(false);
    expect(externals.map((t) => t.id)).toEqual(rootJson.root.children!.map((c) => `reality/${c.content.uri}`));
    for (const ext of externals) {
      expect(ext.hasContent).toBe(false);
      const datasetJson = readJson(ext.id);
      const [top] = ext.children();
      expect(ext.children()).toHaveLength(1);
      expect(top!.id).toBe(ext.id.replace('tileset.json', 'content/0/0/0.glb'));
      expect(top!.hasContent).toBe(true);
      expect(top!.refine).toBe('REPLACE');
      expect(top!.geometricError).toBe(datasetJson.root.geometricError);
      expect(regionOf(top!)).toEqual(datasetJson.root.boundingVolume.region);
    }
  });

  it('expands a dataset’s quadtree exactly where the subtree’s availability bits are set', () => {
    const central = externals.find((t) => t.id.includes('/central/'))!;
    const base = central.id.replace('/tileset.json', '');
    const bits = tileBits(readFileSync(join(DIR, base, 'subtrees/0/0/0.subtree')));
    const top = central.children()[0]!;
    const [w, s, e, n] = regionOf(top) as [number, number, number, number];
    const expected: string[] = [];
    for (let l = 1; l <= 4; l++) {
      for (let x = 0; x < 2 ** l; x++) for (let y = 0; y < 2 ** l; y++) if (getBit(bits, availabilityIndex(l, x, y))) expected.push(`${base}/content/${l}/${x}/${y}.glb`);
    }
    const found: OracleTile[] = [];
    let layer = [top];
    for (let l = 1; l <= 4; l++) {
      layer = layer.flatMap((t) => [...t.children()]);
      found.push(...layer);
    }
    expect(found.map((t) => t.id).sort()).toEqual(expected.sort());
    // Level 4 leaves out some sea, so the check is not satisfied by a full quadtree.
    expect(expected.length).toBeLessThan(4 + 16 + 64 + 256);
    const level1 = top.children().find((t) => t.id.endsWith('/content/1/1/0.glb'))!;
    const r = tileRegion({ west: w, south: s, east: e, north: n }, 1, 1, 0);
    expect(regionOf(level1).slice(0, 4)).toEqual([r.west, r.south, r.east, r.north]);
    expect(level1.geometricError).toBeCloseTo(top.geometricError / 2, 9);
  });

  it('an overview of Ningbo has a cut of baked tiles whose ancestors add bytes', async () => {
    const path: BenchPath = {
      format: 'ningbo-twin-bench-path', version: 1,
      steps: [{ kind: 'waypoint', id: 'overview', name: 'overview', pose: { lon: 121.575, lat: 29.66, height: 40000, heading: 0, pitch: -60, roll: 0 } }],
    };
    const [step] = await idealForPath(DIR, path, { width: 1280, height: 720 }, 16);
    expect(step!.stepId).toBe('overview');
    expect(step!.cutTiles).toBeGreaterThan(0);
    expect(step!.cutIds).toHaveLength(step!.cutTiles);
    for (const id of step!.cutIds!) expect(step!.hlodIds).toContain(id);
    expect(new Set(step!.hlodIds).size).toBe(step!.hlodTiles);
    expect(step!.hlodTiles).toBeGreaterThan(step!.cutTiles); // REPLACE: the cut's parents are content too
    expect(step!.skipBytes).toBeGreaterThan(0);
    expect(step!.hlodBytes).toBeGreaterThan(step!.skipBytes);
    // Weighed as served (brotli on the wire), not as stored: meshopt buffers shrink further.
    const sum = (ids: readonly string[]): number => ids.reduce((s, id) => s + servedBytes(join(DIR, id)), 0);
    const stored = (ids: readonly string[]): number => ids.reduce((s, id) => s + statSync(join(DIR, id)).size, 0);
    expect(step!.hlodBytes).toBeLessThan(stored(step!.hlodIds!));
    expect(step!.skipBytes).toBe(sum(step!.cutIds!));
    expect(step!.hlodBytes).toBe(sum(step!.hlodIds!));
  });
});

describe('the ideal with Cesium\'s dynamic-SSE relief', async () => {
  const root = await loadRealityTree(DIR);
  const viewport = { width: 1280, height: 720 };
  it('needs fewer tiles toward the horizon of a street view, and the same looking straight down', () => {
    const street = { lon: 121.553, lat: 29.868, height: 60, heading: 90, pitch: -5, roll: 0 };
    const strict = cutForPose(root, street, viewport, 16).hlod.length;
    const relief = cutForPose(root, street, viewport, 16, true).hlod.length;
    expect(relief).toBeGreaterThan(0);
    expect(relief).toBeLessThan(strict);
    const down = { lon: 121.575, lat: 29.91, height: 30000, heading: 0, pitch: -90, roll: 0 };
    expect(cutForPose(root, down, viewport, 16, true).hlod.map((t) => t.id)).toEqual(cutForPose(root, down, viewport, 16).hlod.map((t) => t.id));
  });
});

describe('contentBytes', () => {
  const fresh = join(mkdtempSync(join(tmpdir(), 'nbtw-ideal-')), 'tilesets');
  afterAll(() => rmSync(fresh, { recursive: true, force: true }));

  it('weighs baked tiles from disk and generates a missing one with the bake’s bytes', async () => {
    const hash = readdirSync(join(DIR, 'reality')).find((d) => d.startsWith('g'))!;
    const id = `reality/${hash}/qianwan/content/0/0/0.glb`;
    const baked = await contentBytes(DIR, [id]);
    expect(baked.get(id)).toBe(brotliCompressSync(readFileSync(join(DIR, id)), { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } }).length);
    const progress: number[] = [];
    const made = await contentBytes(fresh, [id], (done) => progress.push(done));
    expect(made.get(id)).toBe(baked.get(id));
    expect(readFileSync(join(fresh, id)).equals(readFileSync(join(DIR, id)))).toBe(true);
    expect(progress).toEqual([1]);
    await expect(contentBytes(fresh, [`reality/${hash}/qianwan/content/0/5/5.glb`])).rejects.toThrow(/does not make/);
  });
});
