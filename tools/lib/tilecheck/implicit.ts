// Implicit tiling (3D Tiles 1.1 / 3DTILES_implicit_tiling): walks subtrees breadth-first so a
// --max-tiles budget sees every level near the root before the deep ones.
import { availabilityProblems, isAvailable, mortonDecode, parseSubtree, type Subtree } from './subtree.ts';
import { readError, resolveUri, pool, type WalkContext } from './context.ts';
import { contentsOf, visitContent, type TileFrame } from './walk.ts';
import type { Volume } from './bounds.ts';
import type { Vec3 } from './geo.ts';
import type { TileJson } from './types.ts';

interface SubtreeRoot { level: number; coords: number[] }

export function expandTemplate(template: string, level: number, coords: number[]): string {
  return template.replace(/\{(level|x|y|z)\}/g, (_, k: string) => String(k === 'level' ? level : coords['xyz'.indexOf(k)] ?? 0));
}

/** The volume of tile (level, coords) cut from the implicit root's volume. */
export function subdivide(root: Volume, level: number, coords: number[]): Volume {
  const n = 2 ** level;
  const [x = 0, y = 0, z] = coords;
  if (root.kind === 'region') {
    const dLon = (root.east - root.west) / n;
    const dLat = (root.north - root.south) / n;
    const dH = z === undefined ? root.maxH - root.minH : (root.maxH - root.minH) / n;
    const h0 = z === undefined ? root.minH : root.minH + z * dH;
    return { kind: 'region', west: root.west + x * dLon, east: root.west + (x + 1) * dLon, south: root.south + y * dLat, north: root.south + (y + 1) * dLat, minH: h0, maxH: h0 + dH };
  }
  if (root.kind === 'box') {
    const [u, v, w] = root.axes;
    const f = (i: number): number => (2 * i + 1) / n - 1; // centre of cell i in [-1, 1]
    const fz = z === undefined ? 0 : f(z);
    const center = [0, 1, 2].map((i) => root.center[i]! + u[i]! * f(x) + v[i]! * f(y) + w[i]! * fz) as Vec3;
    const scale = (a: Vec3, s: number): Vec3 => [a[0] * s, a[1] * s, a[2] * s];
    return { kind: 'box', center, axes: [scale(u, 1 / n), scale(v, 1 / n), z === undefined ? w : scale(w, 1 / n)] };
  }
  return root; // spheres cannot be subdivided; reported by the caller
}

export async function walkImplicit(ctx: WalkContext, tile: TileJson, frame: TileFrame): Promise<void> {
  const it = tile.implicitTiling ?? {};
  const where = frame.where;
  const dims = it.subdivisionScheme === 'QUADTREE' ? 2 : it.subdivisionScheme === 'OCTREE' ? 3 : 0;
  if (dims === 0) { ctx.problem(where, `implicitTiling.subdivisionScheme must be QUADTREE or OCTREE, found ${JSON.stringify(it.subdivisionScheme)}`); return; }
  const subtreeLevels = it.subtreeLevels ?? 0;
  const availableLevels = it.availableLevels ?? (it.maximumLevel !== undefined ? it.maximumLevel + 1 : 0);
  const template = it.subtrees?.uri;
  if (!(subtreeLevels >= 1) || !(availableLevels >= 1) || !template) {
    ctx.problem(where, 'implicitTiling needs subtreeLevels ≥ 1, availableLevels ≥ 1 and subtrees.uri');
    return;
  }
  if (!frame.volume) return; // its bounding volume problem is already reported
  if (frame.volume.kind === 'sphere') { ctx.problem(where, 'implicit tiling needs a region or box bounding volume, not a sphere'); return; }
  const rootVolume = frame.volume;
  const rootError = frame.geometricError ?? 0;
  const contents = contentsOf(tile);
  const branching = 2 ** dims;
  const queue: SubtreeRoot[] = [{ level: 0, coords: new Array<number>(dims).fill(0) }];

  while (queue.length > 0 && !ctx.exhausted) {
    const root = queue.shift() as SubtreeRoot;
    const label = (level: number, coords: number[]): string => `${where} implicit L${level} (${coords.join(',')})`;
    const subtreeUri = expandTemplate(template, root.level, root.coords);
    let subtree: Subtree;
    const location = resolveUri(frame.file, subtreeUri);
    try {
      subtree = await parseSubtree(await ctx.readBytes(location), location.replace(/\/[^/]*$/, ''), (uri) => ctx.readBytes(resolveUri(location, uri)));
      ctx.stats.subtreesRead++;
    } catch (e) {
      ctx.problem(label(root.level, root.coords), `subtree ${subtreeUri}: ${readError(e)}`);
      continue;
    }
    const levels = Math.min(subtreeLevels, availableLevels - root.level);
    const tileBits = ((branching ** subtreeLevels) - 1) / (branching - 1);
    const childBits = branching ** subtreeLevels;
    const here = label(root.level, root.coords);
    for (const p of availabilityProblems('tileAvailability', subtree.tile, tileBits)) ctx.problem(here, `subtree ${subtreeUri}: ${p}`);
    subtree.content.forEach((a, i) => { for (const p of availabilityProblems(`contentAvailability[${i}]`, a, tileBits)) ctx.problem(here, `subtree ${subtreeUri}: ${p}`); });
    for (const p of availabilityProblems('childSubtreeAvailability', subtree.childSubtree, childBits)) ctx.problem(here, `subtree ${subtreeUri}: ${p}`);
    if (subtree.content.length !== contents.length && contents.length > 0) {
      ctx.problem(here, `subtree ${subtreeUri} has ${subtree.content.length} contentAvailability entries for ${contents.length} content templates`);
    }
    if (!isAvailable(subtree.tile, 0)) ctx.problem(here, `subtree ${subtreeUri}: its root tile is not available`);

    const jobs: (() => Promise<void>)[] = [];
    let offset = 0;
    for (let l = 0; l < levels && !ctx.exhausted; l++) {
      const count = branching ** l;
      for (let m = 0; m < count; m++) {
        const index = offset + m;
        const tileOn = isAvailable(subtree.tile, index);
        const level = root.level + l;
        const local = mortonDecode(m, dims);
        const coords = root.coords.map((c, d) => c * 2 ** l + (local[d] ?? 0));
        subtree.content.forEach((a, ci) => {
          if (isAvailable(a, index) && !tileOn) ctx.problem(label(level, coords), `contentAvailability[${ci}] set for a tile that is not available`);
        });
        if (!tileOn) continue;
        if (l > 0 && !isAvailable(subtree.tile, offset - branching ** (l - 1) + Math.floor(m / branching))) {
          ctx.problem(label(level, coords), 'tile is available but its parent is not');
        }
        // The implicit root is the explicit tile already counted by the caller.
        if (level > 0 && !ctx.visit(frame.depth + level)) break;
        const volume = subdivide(rootVolume, level, coords);
        const tileFrame: TileFrame = { ...frame, where: label(level, coords), volume, geometricError: rootError / 2 ** level, depth: frame.depth + level };
        contents.forEach((content, ci) => {
          const a = subtree.content[ci];
          if (!a || !isAvailable(a, index)) return;
          const uri = expandTemplate(content.uri ?? content.url ?? '', level, coords);
          jobs.push(() => visitContent(ctx, { ...content, boundingVolume: undefined }, tileFrame, uri));
        });
      }
      offset += count;
    }
    await pool(jobs, 8, (job) => job());

    const lastLevelOffset = (branching ** (subtreeLevels - 1) - 1) / (branching - 1);
    for (let m = 0; m < childBits; m++) {
      if (!isAvailable(subtree.childSubtree, m)) continue;
      const local = mortonDecode(m, dims);
      const coords = root.coords.map((c, d) => c * 2 ** subtreeLevels + (local[d] ?? 0));
      const level = root.level + subtreeLevels;
      if (level >= availableLevels) { ctx.problem(label(level, coords), `child subtree marked available beyond availableLevels ${availableLevels}`); continue; }
      if (!isAvailable(subtree.tile, lastLevelOffset + Math.floor(m / branching))) ctx.problem(label(level, coords), 'child subtree is available but its parent tile is not');
      queue.push({ level, coords });
    }
  }
}
