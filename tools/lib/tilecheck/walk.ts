// Walks a 3D Tiles tileset (explicit trees, external tilesets, implicit tiling) and collects
// structural problems with the path of the tile they belong to.
import path from 'node:path';
import { describeVolume, overhang, volumeSize, worldVolume, type Volume } from './bounds.ts';
import { judgeContent } from './content.ts';
import { WalkContext, readError, resolveUri } from './context.ts';
import { decodeGlb } from './glb.ts';
import { IDENTITY, mul, type Mat4 } from './geo.ts';
import { walkImplicit } from './implicit.ts';
import type { CheckOptions, CheckReport, ContentJson, Reader, TileJson, TilesetJson } from './types.ts';

/** Slack for bounding-volume containment: generators round, and regions are converted via ECEF. */
export const CONTAINMENT_TOLERANCE_M = 0.05;

export interface TileFrame {
  file: string;
  where: string;
  transform: Mat4;
  volume: Volume | null;
  geometricError: number | undefined;
  depth: number;
  upAxis: string;
  /** Tileset files on the way here, to refuse cycles of external tilesets. */
  chain: string[];
}

export async function checkTileset(location: string, read: Reader, options: CheckOptions = {}): Promise<CheckReport> {
  const ctx = new WalkContext(read, options);
  await walkTilesetFile(ctx, isUrl(location) ? location : path.normalize(location), null);
  for (const loc of ctx.sampled) {
    let bytes: Uint8Array;
    try { bytes = await ctx.read(loc); } catch { continue; } // already reported when first read
    const error = await decodeGlb(bytes);
    ctx.stats.contentsDecoded++;
    if (error) ctx.problem(loc, error);
  }
  options.onProgress?.(ctx.stats);
  return { root: location, truncated: ctx.truncated, problems: ctx.problems, ...ctx.stats };
}

/** Reads a tileset JSON and walks its root; `parent` is the tile that names it as content. */
async function walkTilesetFile(ctx: WalkContext, file: string, parent: TileFrame | null, json?: unknown): Promise<void> {
  if (parent?.chain.includes(file)) { ctx.problem(parent.where, `external tileset ${file} refers back to itself (cycle)`); return; }
  let tileset: TilesetJson;
  if (json !== undefined) tileset = json as TilesetJson;
  else {
    try {
      tileset = JSON.parse(new TextDecoder().decode(await ctx.readBytes(file))) as TilesetJson;
    } catch (e) {
      ctx.problem(parent?.where ?? shortName(file, file), `tileset ${parent ? shortName(parent.chain[0] ?? file, file) : file}: ${e instanceof SyntaxError ? `JSON does not parse: ${e.message}` : readError(e)}`);
      return;
    }
  }
  if (parent) ctx.stats.externalTilesets++;
  // Paths read like `tileset.json: root.children[3].content → a/tileset.json: root.children[0]`.
  const where = parent ? `${parent.where} → ${shortName(parent.chain[0] ?? file, file)}: root` : `${shortName(file, file)}: root`;
 if (!tileset || typeof tileset !== 'object' || !tileset.root) { ctx.problem(where, 'tileset has no root tile'); return; }
  const version = tileset.asset?.version;
  if (version !== '1.0' && version !== '1.1') ctx.problem(where, `asset.version is ${JSON.stringify(version)}, expected "1.0" or "1.1"`);
  const rootError = tileset.root.geometricError;
  if (typeof tileset.geometricError !== 'number' || tileset.geometricError < 0) ctx.problem(where, 'tileset geometricError missing or negative');
  else if (typeof rootError === 'number' && rootError > tileset.geometricError) {
    ctx.problem(where, `root geometricError ${rootError} exceeds the tileset's ${tileset.geometricError}`);
  }
  await walkTile(ctx, tileset.root, {
    file,
    where,
    transform: parent?.transform ?? IDENTITY,
    volume: parent?.volume ?? null,
    geometricError: parent?.geometricError,
    depth: parent ? parent.depth + 1 : 0,
    upAxis: tileset.asset?.gltfUpAxis ?? parent?.upAxis ?? 'Y',
    chain: [...(parent?.chain ?? []), file],
  });
}

/** `frame` carries the parent's volume/error and this tile's own path and depth. */
async function walkTile(ctx: WalkContext, tile: TileJson, frame: TileFrame): Promise<void> {
  if (!ctx.visit(frame.depth)) return;
  const { where } = frame;
  let transform = frame.transform;
  if (tile.transform !== undefined) {
    if (Array.isArray(tile.transform) && tile.transform.length === 16 && tile.transform.every(Number.isFinite)) transform = mul(frame.transform, tile.transform);
    else ctx.problem(where, 'transform: expected 16 numbers');
  }
  const vol = worldVolume(tile.boundingVolume, transform);
  const volume = typeof vol === 'string' ? null : vol;
  if (typeof vol === 'string') ctx.problem(where, vol);
  else if (frame.volume) {
    const out = overhang(frame.volume, vol);
    if (out > CONTAINMENT_TOLERANCE_M) ctx.problem(where, `bounding volume extends ${out.toFixed(2)} m outside its parent's (${describeVolume(vol)} in ${describeVolume(frame.volume)})`);
  }
  const ge = tile.geometricError;
  if (typeof ge !== 'number' || !Number.isFinite(ge) || ge < 0) ctx.problem(where, `geometricError missing or invalid (${JSON.stringify(ge)})`);
  else if (frame.geometricError !== undefined && ge > frame.geometricError) ctx.problem(where, `geometricError ${ge} is larger than its parent's ${frame.geometricError}: children must refine`);
  if (tile.refine !== undefined && !['ADD', 'REPLACE', 'add', 'replace'].includes(tile.refine)) ctx.problem(where, `refine must be ADD or REPLACE, found ${JSON.stringify(tile.refine)}`);
  const here: TileFrame = { ...frame, transform, volume, geometricError: typeof ge === 'number' ? ge : frame.geometricError };

  if (tile.implicitTiling) {
    if (tile.children?.length) ctx.problem(where, 'a tile with implicitTiling must not have children');
    await walkImplicit(ctx, tile, here);
    return;
  }
  for (const [i, content] of contentsOf(tile).entries()) {
    const cwhere = tile.contents ? `${where}.contents[${i}]` : `${where}.content`;
    await visitContent(ctx, content, { ...here, where: cwhere });
  }
  for (const [i, child] of (tile.children ?? []).entries()) {
    if (ctx.exhausted) return;
    await walkTile(ctx, child, { ...here, where: `${where}.children[${i}]`, depth: frame.depth + 1 });
  }
}

const isUrl = (s: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(s);

/** A file's name relative to the root tileset's folder (the root itself by its base name). */
function shortName(rootFile: string, file: string): string {
  if (isUrl(rootFile)) return file.startsWith(new URL('.', rootFile).href) ? file.slice(new URL('.', rootFile).href.length) : file;
  return path.relative(path.dirname(rootFile), file).split(path.sep).join('/');
}

export function contentsOf(tile: TileJson): ContentJson[] {
  if (Array.isArray(tile.contents)) return tile.contents;
  return tile.content ? [tile.content] : [];
}

/** Reads one content and judges it; an external tileset continues the walk below this tile. */
export async function visitContent(ctx: WalkContext, content: ContentJson, frame: TileFrame, uriOverride?: string): Promise<void> {
  const uri = uriOverride ?? content.uri ?? content.url;
  if (typeof uri !== 'string' || uri === '') { ctx.problem(frame.where, 'content has no uri'); return; }
  if (uri.startsWith('data:')) return;
  if (content.boundingVolume && frame.volume) {
    const cv = worldVolume(content.boundingVolume, frame.transform);
    if (typeof cv === 'string') ctx.problem(frame.where, `content ${cv}`);
    else {
      const out = overhang(frame.volume, cv);
      const tol = CONTAINMENT_TOLERANCE_M + 1e-6 * volumeSize(frame.volume);
      if (out > tol) ctx.problem(frame.where, `content boundingVolume extends ${out.toFixed(2)} m outside the tile's`);
    }
  }
  const location = resolveUri(frame.file, uri);
  let bytes: Uint8Array;
  try {
    bytes = await ctx.readBytes(location);
  } catch (e) {
    ctx.problem(frame.where, `content ${uri}: cannot read (${readError(e)})`);
    return;
  }
  ctx.stats.contentsRead++;
  const verdict = await judgeContent(bytes, uri, frame.volume, frame.transform, frame.upAxis);
  if (verdict.decoded) ctx.stats.contentsDecoded++;
  for (const p of verdict.problems) ctx.problem(frame.where, `content ${uri}: ${p}`);
  if (verdict.kind.kind === 'glb' && verdict.problems.length === 0 && !verdict.decoded) ctx.offerForDecode(location);
  if (verdict.kind.kind === 'tileset') await walkTilesetFile(ctx, location, frame, verdict.kind.json);
}
