// Where the reality mesh lives on disk and on the server, and its tileset JSON and subtrees.
//   reality/tileset.json                         explicit root (revalidated; names the version)
//   reality/g<hash>/<dataset>/tileset.json       implicit quadtree per dataset
//   reality/g<hash>/<dataset>/subtrees/L/X/Y.subtree
//   reality/g<hash>/<dataset>/content/L/X/Y.glb
// <hash> digests the generator's own source and the seed, so any change to the world or the
// encoder gives new, immutable URLs and stale caches can never mix versions.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { availabilityIndex, encodeSubtree, quadtreeTileCount, setBit, tileRegion } from '../../src/domain/tiles/implicit.ts';
import type { World } from '../world/index.ts';
import { DATASETS, HEIGHT_RANGE, geometricError, type RealityDataset } from './datasets.ts';

const here = dirname(fileURLToPath(import.meta.url));
const SOURCE_DIRS = [here, join(here, '../world'), join(here, '../../src/domain/tiles')];

let cachedHash: string | null = null;
export function generatorHash(seed: number): string {
  if (cachedHash) return cachedHash;
  const h = createHash('sha256').update(`seed:${seed}\n`);
  for (const dir of SOURCE_DIRS) {
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts') && !n.startsWith('_')).sort()) {
      h.update(`${f}\n`).update(readFileSync(join(dir, f)));
    }
  }
  cachedHash = `g${h.digest('hex').slice(0, 12)}`;
  return cachedHash;
}

export const contentPath = (hash: string, d: string, l: number, x: number, y: number): string => `reality/${hash}/${d}/content/${l}/${x}/${y}.glb`;
export const subtreePath = (hash: string, d: string): string => `reality/${hash}/${d}/subtrees/0/0/0.subtree`;
export const datasetTilesetPath = (hash: string, d: string): string => `reality/${hash}/${d}/tileset.json`;
export const ROOT_TILESET = 'reality/tileset.json';

const RAD = Math.PI / 180;
const regionRad = (r: { west: number; south: number; east: number; north: number }): number[] =>
  [r.west * RAD, r.south * RAD, r.east * RAD, r.north * RAD, HEIGHT_RANGE.min, HEIGHT_RANGE.max];

/** Tiles of a dataset that carry land (the rest, open sea, is left out of the tree). */
export function availability(world: World, d: RealityDataset): Uint8Array {
  const bits = new Uint8Array(Math.ceil(quadtreeTileCount(d.levels) / 8));
  for (let l = 0; l < d.levels; l++) {
    const n = 2 ** l;
    for (let x = 0; x < n; x++) {
      for (let y = 0; y < n; y++) {
        const r = tileRegion(d.extent, l, x, y);
        if (world.land.anyLandIn(r.west, r.south, r.east, r.north)) setBit(bits, availabilityIndex(l, x, y));
      }
    }
  }
  return bits;
}

/** One subtree holds the whole tree: ≤ 11 KB of bits, one request instead of thousands. */
export function subtreeBytes(world: World, d: RealityDataset): Uint8Array {
  const bits = availability(world, d);
  return encodeSubtree({ tile: bits, content: bits, childSubtree: 0 });
}

export function datasetTileset(d: RealityDataset, hash: string, seed: number): object {
  return {
    asset: { version: '1.1', generator: 'ningbo-twin reality generator', extras: { synthetic: true, dataset: d.id, name: d.name, seed, generator: hash } },
    geometricError: geometricError(d, 0) * 2,
    root: {
      boundingVolume: { region: regionRad(d.extent) },
      geometricError: geometricError(d, 0),
      refine: 'REPLACE',
      content: { uri: 'content/{level}/{x}/{y}.glb' },
      implicitTiling: { subdivisionScheme: 'QUADTREE', subtreeLevels: d.levels, availableLevels: d.levels, subtrees: { uri: 'subtrees/{level}/{x}/{y}.subtree' } },
    },
  };
}

export function rootTileset(hash: string, seed: number): object {
  const all = DATASETS.map((d) => d.extent);
  const union = { west: Math.min(...all.map((e) => e.west)), south: Math.min(...all.map((e) => e.south)), east: Math.max(...all.map((e) => e.east)), north: Math.max(...all.map((e) => e.north)) };
  const top = Math.max(...DATASETS.map((d) => geometricError(d, 0))) * 2;
  return {
    asset: { version: '1.1', generator: 'ningbo-twin reality generator', extras: { synthetic: true, seed, generator: hash, note: '合成数据 synthetic data' } },
    geometricError: top,
    root: {
      boundingVolume: { region: regionRad(union) },
      geometricError: top,
      refine: 'REPLACE',
      children: DATASETS.map((d) => ({
        boundingVolume: { region: regionRad(d.extent) },
        geometricError: geometricError(d, 0),
        content: { uri: `${hash}/${d.id}/tileset.json` },
      })),
    },
  };
}

const CONTENT_RE = /^reality\/(g[0-9a-f]{12})\/(central|qianwan)\/content\/(\d+)\/(\d+)\/(\d+)\.glb$/;
export type RealityFile =
  | { kind: 'content'; hash: string; dataset: string; level: number; x: number; y: number }
  | { kind: 'subtree' | 'tileset'; hash: string; dataset: string }
  | { kind: 'root' };

/** Parse a path under the tilesets directory into the reality file it names, if any. */
export function parseRealityPath(rel: string): RealityFile | null {
  if (rel === ROOT_TILESET) return { kind: 'root' };
  const c = CONTENT_RE.exec(rel);
  if (c) return { kind: 'content', hash: c[1]!, dataset: c[2]!, level: Number(c[3]), x: Number(c[4]), y: Number(c[5]) };
  const s = /^reality\/(g[0-9a-f]{12})\/(central|qianwan)\/(subtrees\/0\/0\/0\.subtree|tileset\.json)$/.exec(rel);
  if (s) return { kind: s[3] === 'tileset.json' ? 'tileset' : 'subtree', hash: s[1]!, dataset: s[2]! };
  return null;
}
