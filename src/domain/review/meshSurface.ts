// The reality mesh as a height raster over an analysis area: walk the tileset (external tilesets,
// implicit quadtrees) to the deepest tiles available over the area, then fetch, parse and
// rasterise each one into the area's ENU frame. REPLACE refinement decides ownership per cell: a
// cell takes the content of the deepest available tile over its centre, so coarser parents fill
// only where their children are missing (open sea left out of the tree, tiles not made yet).
// IO is injected: Node tests read files, the browser fetches the served tileset.
import { tileRegion } from '../tiles/implicit.ts';
import { childSubtreeAvailable, parseSubtree, tileAvailabilityIn, type Subtree } from './subtree.ts';
import { localFrame, ecefToGeodetic, type LonLatHeight, type LocalFrame } from './frame.ts';
import { ecefToEnuMatrix, identity, multiply, parseGlbTriangles, NO_TRIANGLES, Y_UP_TO_Z_UP, type Mat4, type MeshoptDecoderLike } from './glbMesh.ts';
import { createRaster, type HeightRaster } from './raster.ts';
import { rasterizeTriangles } from './rasterize.ts';

export interface SurfaceArea { center: LonLatHeight; halfWidth: number; halfHeight: number }

export interface SurfaceOptions {
  /** URL of the root tileset.json; relative URIs inside resolve against the file that names them. */
  rootUrl: string;
  fetchBytes(url: string): Promise<Uint8Array>;
  /** Needed for meshopt-compressed tiles (the reality mesh); `await MeshoptDecoder.ready` first. */
  decoder?: MeshoptDecoderLike;
  /** The raster's ENU frame is centred on `center`; half sizes in metres east and north. */
  area: SurfaceArea;
  cell: number;
  /** 'finest' (default) or the deepest implicit quadtree level to use (explicit tiles always descend). */
  level?: 'finest' | number;
  onProgress?(done: number, total: number): void;
  /** Tiles fetched at once (default 4). */
  concurrency?: number;
}

export interface SurfaceResult {
  raster: HeightRaster;
  /** Tiles rasterised, and their triangles. */
  tiles: number;
  triangles: number;
  /** Tilesets, subtrees and tiles that could not be read, each "url: reason". */
  missing: string[];
  /** Bytes fetched for tile content (tileset JSON and subtrees not counted; a parent read again
   *  to fill in for a failed child counts twice). */
  bytes: number;
  /** What a caller should tell the user (area outside the tileset, cells left without data). */
  notes: string[];
}

interface Rect { w: number; s: number; e: number; n: number } // radians, as 3D Tiles regions
interface Candidate { url: string; rect: Rect; depth: number; add: boolean; transform: Mat4 }
interface TileJson {
  boundingVolume?: { region?: number[]; box?: number[]; sphere?: number[] };
  transform?: number[];
  refine?: string;
  content?: { uri?: string };
  contents?: { uri?: string }[];
  children?: TileJson[];
  implicitTiling?: { subdivisionScheme?: string; subtreeLevels?: number; availableLevels?: number; subtrees?: { uri?: string } };
}

/** Resolve `uri` against the URL of the file that names it (absolute URLs or plain paths). */
export function resolveUri(base: string, uri: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(uri)) return uri;
  if (/^[a-z][a-z0-9+.-]*:/i.test(base)) return new URL(uri, base).href;
  if (uri.startsWith('/')) return uri;
  const dir = base.replace(/[?#].*$/, '').replace(/[^/]*$/, '');
  const out: string[] = [];
  for (const part of (dir + uri).split('/')) {
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..' && out[out.length - 1] !== '') out.pop();
    else if (part !== '.') out.push(part);
  }
  return out.join('/');
}

const overlaps = (a: Rect, b: Rect): boolean => a.w < b.e && b.w < a.e && a.s < b.n && b.s < a.n;
const RAD = Math.PI / 180;

/** The lon/lat box (radians) around an ENU rectangle, from points along its edges. */
function areaRect(frame: LocalFrame, hw: number, hh: number): Rect {
  const r: Rect = { w: Infinity, s: Infinity, e: -Infinity, n: -Infinity };
  for (let k = 0; k <= 8; k++) {
    const t = -1 + k / 4;
    for (const [x, y] of [[t * hw, -hh], [t * hw, hh], [-hw, t * hh], [hw, t * hh]] as const) {
      const g = frame.toGeodetic([x, y, 0]);
      r.w = Math.min(r.w, g.lon * RAD); r.e = Math.max(r.e, g.lon * RAD);
      r.s = Math.min(r.s, g.lat * RAD); r.n = Math.max(r.n, g.lat * RAD);
    }
  }
  return r;
}

/** A tile's lon/lat footprint (radians) from any bounding volume. */
function volumeRect(bv: TileJson['boundingVolume'], transform: Mat4): Rect | undefined {
  const reg = bv?.region;
  if (reg?.length === 6) return { w: reg[0]!, s: reg[1]!, e: reg[2]!, n: reg[3]! };
  const pts: number[][] = [];
  const at = (x: number, y: number, z: number): number[] => [
    transform[0]! * x + transform[4]! * y + transform[8]! * z + transform[12]!,
    transform[1]! * x + transform[5]! * y + transform[9]! * z + transform[13]!,
    transform[2]! * x + transform[6]! * y + transform[10]! * z + transform[14]!,
  ];
  const box = bv?.box, sphere = bv?.sphere;
  if (box?.length === 12) {
    for (let c = 0; c < 8; c++) {
      const sx = c & 1 ? 1 : -1, sy = c & 2 ? 1 : -1, sz = c & 4 ? 1 : -1;
      pts.push(at(box[0]! + sx * box[3]! + sy * box[6]! + sz * box[9]!, box[1]! + sx * box[4]! + sy * box[7]! + sz * box[10]!, box[2]! + sx * box[5]! + sy * box[8]! + sz * box[11]!));
    }
  } else if (sphere?.length === 4) {
    const scale = Math.max(Math.hypot(transform[0]!, transform[1]!, transform[2]!), Math.hypot(transform[4]!, transform[5]!, transform[6]!), Math.hypot(transform[8]!, transform[9]!, transform[10]!));
    const r = sphere[3]! * scale;
    const c = at(sphere[0]!, sphere[1]!, sphere[2]!);
    for (let k = 0; k < 8; k++) pts.push([c[0]! + (k & 1 ? r : -r), c[1]! + (k & 2 ? r : -r), c[2]! + (k & 4 ? r : -r)]);
  } else return undefined;
  const g = pts.map((p) => ecefToGeodetic(p));
  // Near the Earth's centre (a tileset in model units) lon/lat mean nothing: count it as everywhere.
  if (pts.some((p) => Math.hypot(p[0]!, p[1]!, p[2]!) < 6e6)) return { w: -Math.PI, s: -Math.PI / 2, e: Math.PI, n: Math.PI / 2 };
  return { w: Math.min(...g.map((p) => p.lon)) * RAD, e: Math.max(...g.map((p) => p.lon)) * RAD, s: Math.min(...g.map((p) => p.lat)) * RAD, n: Math.max(...g.map((p) => p.lat)) * RAD };
}

const fill = (template: string, l: number, x: number, y: number): string =>
  template.replaceAll('{level}', String(l)).replaceAll('{x}', String(x)).replaceAll('{y}', String(y));

/** Find every content tile over the area: the candidates ownership then chooses among. */
async function collect(o: SurfaceOptions, area: Rect, missing: string[]): Promise<Candidate[]> {
  const out: Candidate[] = [];
  const cap = o.level === undefined || o.level === 'finest' ? Infinity : o.level;
  const readJson = async (url: string): Promise<{ root?: TileJson } | undefined> => {
    try {
      return JSON.parse(new TextDecoder().decode(await o.fetchBytes(url))) as { root?: TileJson };
    } catch (e) {
      missing.push(`${url}: ${(e as Error).message}`);
      return undefined;
    }
  };
  const tileset = async (url: string, parent: Mat4, depth: number, refine: string): Promise<void> => {
    const json = await readJson(url);
    if (!json) return;
    if (!json.root) { missing.push(`${url}: no root tile`); return; }
    await tile(json.root, url, parent, depth, refine);
  };
  const tile = async (t: TileJson, base: string, parent: Mat4, depth: number, inherited: string): Promise<void> => {
    const transform = t.transform?.length === 16 ? multiply(parent, Float64Array.from(t.transform)) : parent;
    const rect = volumeRect(t.boundingVolume, transform);
    if (!rect) { missing.push(`${base}: a tile without a region, box or sphere bounding volume`); return; }
    if (!overlaps(rect, area)) return;
    const refine = t.refine ?? inherited;
    if (t.implicitTiling) { await implicit(t, base, transform, depth, refine, rect); return; }
    const jobs: Promise<void>[] = [];
    for (const c of t.contents ?? (t.content ? [t.content] : [])) {
      if (c.uri === undefined) continue;
      const url = resolveUri(base, c.uri);
      // An external tileset is no content: its root continues this tile (Cesium refines straight into it).
      if (/\.json([?#]|$)/i.test(c.uri)) jobs.push(tileset(url, transform, depth + 1, refine));
      else out.push({ url, rect, depth, add: refine === 'ADD', transform });
    }
    for (const c of t.children ?? []) jobs.push(tile(c, base, transform, depth + 1, refine));
    await Promise.all(jobs);
  };
  const implicit = async (t: TileJson, base: string, transform: Mat4, depth: number, refine: string, rootRect: Rect): Promise<void> => {
    const it = t.implicitTiling!;
    const template = t.content?.uri ?? t.contents?.[0]?.uri;
    const sl = it.subtreeLevels ?? 0, levels = it.availableLevels ?? 0, subtreeUri = it.subtrees?.uri;
    if (it.subdivisionScheme !== 'QUADTREE') { missing.push(`${base}: implicit ${it.subdivisionScheme ?? '?'} tiling is not read (only QUADTREE)`); return; }
    if (!t.boundingVolume?.region) { missing.push(`${base}: implicit tiling over a box is not read (only regions)`); return; }
    if (sl < 1 || levels < 1 || !subtreeUri) { missing.push(`${base}: implicitTiling lacks subtreeLevels, availableLevels or subtrees.uri`); return; }
    const root = { west: rootRect.w, south: rootRect.s, east: rootRect.e, north: rootRect.n };
    const subtrees = new Map<string, Promise<Subtree | undefined>>();
    const subtreeAt = (l: number, x: number, y: number): Promise<Subtree | undefined> => {
      const key = `${l}/${x}/${y}`;
      let p = subtrees.get(key);
      if (!p) {
        const url = resolveUri(base, fill(subtreeUri, l, x, y));
        p = o.fetchBytes(url)
          .then((b) => parseSubtree(b, (uri) => o.fetchBytes(resolveUri(url, uri))))
          .catch((e: unknown) => { missing.push(`${url}: ${(e as Error).message}`); return undefined; });
        subtrees.set(key, p);
      }
      return p;
    };
    const visit = async (l: number, x: number, y: number, st: Subtree, sLevel: number, sx: number, sy: number): Promise<void> => {
      const r = tileRegion(root, l, x, y);
      if (!overlaps({ w: r.west, s: r.south, e: r.east, n: r.north }, area)) return;
      const a = tileAvailabilityIn(st, sLevel, sx, sy, l, x, y);
      if (!a.tile) return;
      if (a.content && template) out.push({ url: resolveUri(base, fill(template, l, x, y)), rect: { w: r.west, s: r.south, e: r.east, n: r.north }, depth: depth + l, add: refine === 'ADD', transform });
      if (l + 1 >= levels || l + 1 > cap) return;
      const jobs: Promise<void>[] = [];
      for (let q = 0; q < 4; q++) {
        const cx = 2 * x + (q & 1), cy = 2 * y + (q >> 1);
        if (l + 1 - sLevel < sl) { jobs.push(visit(l + 1, cx, cy, st, sLevel, sx, sy)); continue; }
        // The child is the root of a child subtree: ask this subtree whether that one exists.
        if (!childSubtreeAvailable(st, cx - (sx << sl), cy - (sy << sl))) continue;
        jobs.push(subtreeAt(l + 1, cx, cy).then((child) => (child ? visit(l + 1, cx, cy, child, l + 1, cx, cy) : undefined)));
      }
      await Promise.all(jobs);
    };
    const top = await subtreeAt(0, 0, 0);
    if (top) await visit(0, 0, 0, top, 0, 0, 0);
  };
  await tileset(o.rootUrl, identity(), 0, 'REPLACE');
  return out;
}

/** Finds, per cell, the deepest candidate over its centre; candidates binned on a coarse lon/lat
 *  grid so each cell tests only the few that can hold it. */
function ownership(raster: HeightRaster, frame: LocalFrame, cands: readonly Candidate[], area: Rect): (i: number, j: number, skip: ReadonlySet<number>) => number {
  const B = 32, bw = (area.e - area.w) / B || 1, bh = (area.n - area.s) / B || 1;
  const bins: number[][] = Array.from({ length: B * B }, () => []);
  const clampBin = (v: number): number => Math.min(B - 1, Math.max(0, Math.floor(v)));
  cands.forEach((c, k) => {
    for (let by = clampBin((c.rect.s - area.s) / bh); by <= clampBin((c.rect.n - area.s) / bh); by++) {
      for (let bx = clampBin((c.rect.w - area.w) / bw); bx <= clampBin((c.rect.e - area.w) / bw); bx++) bins[by * B + bx]!.push(k);
    }
  });
  for (const b of bins) b.sort((p, q) => cands[q]!.depth - cands[p]!.depth);
  return (i, j, skip) => {
    const g = frame.toGeodetic([raster.x0 + i * raster.cell, raster.y0 + j * raster.cell, 0]);
    const lon = g.lon * RAD, lat = g.lat * RAD;
    for (const k of bins[clampBin((lat - area.s) / bh) * B + clampBin((lon - area.w) / bw)]!) {
      const r = cands[k]!.rect;
      if (!skip.has(k) && lon >= r.w && lon <= r.e && lat >= r.s && lat <= r.n) return k;
    }
    return -1;
  };
}

/** Build the area's height raster from a 3D Tiles tileset (see the file comment). */
export async function buildSurfaceRaster(o: SurfaceOptions): Promise<SurfaceResult> {
  const { center, halfWidth, halfHeight } = o.area;
  const cols = Math.max(1, Math.round((2 * halfWidth) / o.cell)), rows = Math.max(1, Math.round((2 * halfHeight) / o.cell));
  const raster = createRaster(center, (-(cols - 1) * o.cell) / 2, (-(rows - 1) * o.cell) / 2, o.cell, cols, rows);
  const frame = localFrame(center);
  const area = areaRect(frame, halfWidth, halfHeight);
  const missing: string[] = [], notes: string[] = [];
  const cands = await collect(o, area, missing);
  const ownerOf = ownership(raster, frame, cands, area);
  const owner = new Int32Array(cols * rows);
  const failed = new Set<number>();
  for (let j = 0; j < rows; j++) for (let i = 0; i < cols; i++) owner[j * cols + i] = ownerOf(i, j, failed);
  const toEnu = ecefToEnuMatrix(center);
  const drawn = new Set<number>();
  let triangles = 0, bytes = 0, done = 0, total = 0;
  const run = async (work: number[]): Promise<void> => {
    total += work.length;
    let next = 0;
    const lane = async (): Promise<void> => {
      for (let k = work[next++]; k !== undefined; k = work[next++]) {
        const c = cands[k]!;
        try {
          const data = await o.fetchBytes(c.url);
          bytes += data.byteLength;
          const parsed = parseGlbTriangles(data, { decoder: o.decoder, transform: multiply(toEnu, multiply(c.transform, Y_UP_TO_Z_UP)) });
          const allSea = parsed.problems.length === 1 && parsed.problems[0] === NO_TRIANGLES;
          if (parsed.problems.length > 0 && !allSea) throw new Error(parsed.problems.join('; '));
          rasterizeTriangles(raster, parsed.triangles, 'max', c.add ? {} : { writable: (cellIndex) => owner[cellIndex] === k });
          if (!drawn.has(k)) triangles += parsed.triangles.length / 9;
          drawn.add(k);
        } catch (e) {
          missing.push(`${c.url}: ${(e as Error).message}`);
          failed.add(k);
        }
        o.onProgress?.(++done, total);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, o.concurrency ?? 4) }, lane));
  };
  const owning = (): number[] => {
    const has = new Set<number>();
    for (const k of owner) if (k >= 0) has.add(k);
    return cands.flatMap((c, k) => (c.add || has.has(k) ? [k] : []));
  };
  await run(owning());
  // A tile that failed leaves its cells to the next tile up that covers them (REPLACE's parent):
  // better the coarser surface than a hole an analysis would read as open ground.
  for (let seen = 0; failed.size > seen; ) {
    seen = failed.size;
    const again = new Set<number>();
    for (let k = 0; k < owner.length; k++) {
      if (!failed.has(owner[k]!)) continue;
      owner[k] = ownerOf(k % cols, Math.floor(k / cols), failed);
      if (owner[k]! >= 0) again.add(owner[k]!);
    }
    await run([...again]);
  }
  let empty = 0;
  for (const h of raster.heights) if (Number.isNaN(h)) empty++;
  if (cands.length === 0) notes.push('the area lies outside every tile of the tileset: no data');
  else if (empty > 0) notes.push(`${empty} of ${raster.heights.length} cells have no data (no tile over them, or their tile failed)`);
  return { raster, tiles: drawn.size, triangles, missing, bytes, notes };
}
