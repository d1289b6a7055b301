// The reality mesh as the oracle's tile tree: the root tileset, its external dataset tilesets and
// their implicit quadtrees (availability from the subtree files), read from the tilesets
// directory. Files not yet on disk are made through the server's on-demand hook, so the tree is
// the one a viewer would stream. Tile ids are paths relative to the tilesets directory.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { posix } from 'node:path';
import { brotliCompressSync, constants as zlibConstants } from 'node:zlib';
import type { OracleTile, OracleVolume } from '../../../src/domain/bench/oracle.ts';
import { availabilityIndex, morton2, tileRegion } from '../../../src/domain/tiles/implicit.ts';
import type { Vec3 } from '../../../src/domain/tiles/ecef.ts';
import { createRealityOnDemand, type OnMissing } from '../onDemand.ts';
import { isAvailable, parseSubtree, type Subtree } from '../tilecheck/subtree.ts';
import { resolveUnder } from '../../reality/produce.ts';
import { ON_THE_FLY_BROTLI_QUALITY } from '../../server/policy.ts';

export const REALITY_ROOT = 'reality/tileset.json';

type Refine = 'REPLACE' | 'ADD';
interface TileJson {
  boundingVolume: { region?: number[]; sphere?: number[]; box?: number[] };
  geometricError: number;
  refine?: Refine;
  content?: { uri: string };
  children?: TileJson[];
  implicitTiling?: { subdivisionScheme: string; subtreeLevels: number; availableLevels: number; subtrees: { uri: string } };
}

/** Reads files under the tilesets directory, generating missing reality files first. */
class Reader {
  private hook: OnMissing | undefined;
  constructor(readonly dir: string) {}

  async bytes(rel: string): Promise<Uint8Array> {
    const path = resolveUnder(this.dir, rel);
    if (!existsSync(path)) {
      this.hook ??= createRealityOnDemand(this.dir);
      if (!(await this.hook(rel))) throw new Error(`${rel}: not on disk and the reality generator does not make it`);
    }
    return readFileSync(path);
  }
}

export function parseVolume(bv: TileJson['boundingVolume'], where: string): OracleVolume {
  const n = (a: number[], i: number): number => a[i] ?? NaN;
  const v3 = (a: number[], i: number): Vec3 => [n(a, i), n(a, i + 1), n(a, i + 2)];
  if (bv.region?.length === 6) {
    const r = bv.region;
    return { kind: 'region', west: n(r, 0), south: n(r, 1), east: n(r, 2), north: n(r, 3), minHeight: n(r, 4), maxHeight: n(r, 5) };
  }
  if (bv.sphere?.length === 4) return { kind: 'sphere', center: v3(bv.sphere, 0), radius: n(bv.sphere, 3) };
  if (bv.box?.length === 12) return { kind: 'box', center: v3(bv.box, 0), halfAxes: [v3(bv.box, 3), v3(bv.box, 6), v3(bv.box, 9)] };
  throw new Error(`${where}: no region, sphere or box bounding volume`);
}

const fill = (template: string, l: number, x: number, y: number): string =>
  template.replace('{level}', String(l)).replace('{x}', String(x)).replace('{y}', String(y));

async function loadTileset(reader: Reader, rel: string, inherited: Refine): Promise<OracleTile> {
  const json = JSON.parse(new TextDecoder().decode(await reader.bytes(rel))) as { root?: TileJson };
  if (!json.root) throw new Error(`${rel}: no root tile`);
  return loadTile(reader, json.root, rel, `${rel}#root`, inherited);
}

async function loadTile(reader: Reader, t: TileJson, tilesetRel: string, key: string, inherited: Refine): Promise<OracleTile> {
  const refine = t.refine ?? inherited;
  const volume = parseVolume(t.boundingVolume, key);
  const base = posix.dirname(tilesetRel);
  if (t.implicitTiling) return loadImplicit(reader, t, base, refine, volume);
  const kids = await Promise.all((t.children ?? []).map((c, i) => loadTile(reader, c, tilesetRel, `${key}/${i}`, refine)));
  const uri = t.content?.uri;
  const common = { volume, geometricError: t.geometricError, refine };
  if (uri?.endsWith('.json')) {
    // External tileset: its JSON is not content; Cesium always traverses into its root.
    const id = posix.join(base, uri);
    const external = await loadTileset(reader, id, refine);
    return { ...common, id, hasContent: false, alwaysRefine: true, children: () => [external, ...kids] };
  }
  return { ...common, id: uri ? posix.join(base, uri) : key, hasContent: uri !== undefined, children: () => kids };
}

/** An implicit quadtree, all of its subtrees read up front so children() can stay synchronous. */
async function loadImplicit(reader: Reader, t: TileJson, base: string, refine: Refine, volume: OracleVolume): Promise<OracleTile> {
  const tiling = t.implicitTiling!;
  if (tiling.subdivisionScheme !== 'QUADTREE' || volume.kind !== 'region') throw new Error(`${base}: only region QUADTREE implicit tilings are read`);
  const contentUri = t.content?.uri;
  const subtrees = new Map<string, Subtree>();
  const sl = tiling.subtreeLevels;
  const loadSubtree = async (l: number, x: number, y: number): Promise<void> => {
    const rel = posix.join(base, fill(tiling.subtrees.uri, l, x, y));
    const st = await parseSubtree(await reader.bytes(rel), posix.dirname(rel), (uri) => reader.bytes(posix.join(posix.dirname(rel), uri)));
    subtrees.set(`${l}/${x}/${y}`, st);
    if (l + sl >= tiling.availableLevels || st.childSubtree.constant === 0) return;
    const side = 2 ** sl;
    const next: Promise<void>[] = [];
    for (let cx = 0; cx < side; cx++) {
      for (let cy = 0; cy < side; cy++) {
        if (isAvailable(st.childSubtree, morton2(cx, cy))) next.push(loadSubtree(l + sl, x * side + cx, y * side + cy));
      }
    }
    await Promise.all(next);
  };
  await loadSubtree(0, 0, 0);

  // Availability of tile (l, x, y): look it up in the subtree that holds it.
  const lookup = (l: number, x: number, y: number): { tile: boolean; content: boolean } => {
    const rootLevel = Math.floor(l / sl) * sl;
    const local = l - rootLevel;
    const st = subtrees.get(`${rootLevel}/${x >>> local}/${y >>> local}`);
    if (!st) return { tile: false, content: false };
    const i = availabilityIndex(local, x & (2 ** local - 1), y & (2 ** local - 1));
    const content = st.content[0];
    return { tile: isAvailable(st.tile, i), content: content !== undefined && isAvailable(content, i) };
  };
  const root = { west: volume.west, south: volume.south, east: volume.east, north: volume.north };
  const make = (l: number, x: number, y: number, hasContent: boolean): OracleTile => {
    let kids: OracleTile[] | undefined;
    const r = tileRegion(root, l, x, y);
    return {
      id: hasContent && contentUri ? posix.join(base, fill(contentUri, l, x, y)) : `${base}/implicit/${l}/${x}/${y}`,
      volume: { ...volume, ...r },
      geometricError: t.geometricError / 2 ** l,
      hasContent,
      refine,
      children: () => {
        kids ??= l + 1 >= tiling.availableLevels ? [] : [0, 1, 2, 3].flatMap((q) => {
          const cx = 2 * x + (q & 1), cy = 2 * y + (q >> 1);
          const a = lookup(l + 1, cx, cy);
          return a.tile ? [make(l + 1, cx, cy, a.content && contentUri !== undefined)] : [];
        });
        return kids;
      },
    };
  };
  const top = lookup(0, 0, 0);
  if (!top.tile) throw new Error(`${base}: the implicit root is not available`);
  return make(0, 0, 0, top.content && contentUri !== undefined);
}

/** The reality mesh's tile tree, rooted at reality/tileset.json under `tilesetsDir`. */
export function loadRealityTree(tilesetsDir: string): Promise<OracleTile> {
  return loadTileset(new Reader(tilesetsDir), REALITY_ROOT, 'REPLACE');
}

/** Bytes a tile costs on the wire from our server, as a browser (Accept-Encoding: br) gets it: the
 *  precompressed .br sibling if there is one, else the on-the-fly brotli at the server's quality.
 *  Weighing files on disk would put the ideal at twice what any renderer can be measured at. */
export function servedBytes(path: string): number {
  if (existsSync(`${path}.br`)) return statSync(`${path}.br`).size;
  const raw = readFileSync(path);
  if (raw.length < 1024) return raw.length; // the compressor's threshold
  return brotliCompressSync(raw, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: ON_THE_FLY_BROTLI_QUALITY } }).length;
}

/** Served content bytes per id (a path under `tilesetsDir`, see servedBytes); tiles not yet on
 *  disk are generated first. */
export async function contentBytes(tilesetsDir: string, ids: readonly string[], onProgress?: (done: number, total: number) => void): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  const missing: string[] = [];
  for (const id of new Set(ids)) {
    const path = resolveUnder(tilesetsDir, id);
    if (existsSync(path)) sizes.set(id, servedBytes(path));
    else missing.push(id);
  }
  if (missing.length === 0) return sizes;
  const make = createRealityOnDemand(tilesetsDir, { workers: 2 });
  let done = 0;
  let next = 0;
  // A few in flight keep both workers busy without queueing every tile's bytes at once.
  const lane = async (): Promise<void> => {
    for (let id = missing[next++]; id !== undefined; id = missing[next++]) {
      if (!(await make(id))) throw new Error(`${id}: the reality generator does not make this tile`);
      sizes.set(id, servedBytes(resolveUnder(tilesetsDir, id)));
      onProgress?.(++done, missing.length);
    }
  };
  try {
    await Promise.all([lane(), lane(), lane(), lane()]);
  } finally {
    await make.close();
  }
  return new Map(ids.filter((id) => sizes.has(id)).map((id) => [id, sizes.get(id)!]));
}
