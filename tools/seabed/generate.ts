// Generate the seabed tileset: walk the quadtree from the root, keep tiles that have sea, write
// each tile's glb as soon as it is made, then tileset.json and seabed.json last (a crash leaves no
// entry point naming missing tiles). A parent's bounding region covers its own content and all of
// its children's, with true ellipsoidal heights.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tileRegion } from '../../src/domain/tiles/implicit.ts';
import type { LonLatRect } from '../world/frame.ts';
import type { World } from '../world/index.ts';
import { buildSeabedMesh } from './mesh.ts';
import { encodeSeabedGlb } from './glb.ts';
import { COAST_BAND_M, GRID, MANIFEST_FILE, TILESET_FILE, contentDir, contentUri, geometricError, gridSpacing, skirtDepth, type SeabedLayout } from './layout.ts';
import { seabedGeneratorVersion } from './version.ts';

export interface SeabedParams extends SeabedLayout { seed: number; /** N in h = H1985 + N (m). */ geoid: number }

export interface SeabedManifest {
  synthetic: true;
  note: string;
  generator: string;
  seed: number;
  geoidOffsetMeters: number;
  levels: number;
  extent: LonLatRect;
  contentDir: string;
  tiles: number;
  bytes: number;
  /** Metres below the 1985 datum over the sea, shallowest and deepest. */
  minDepth: number;
  maxDepth: number;
  /** Ellipsoidal heights of the root region, m. */
  minHeight: number;
  maxHeight: number;
}

interface TileNode { boundingVolume: { region: number[] }; geometricError: number; refine?: 'REPLACE'; content: { uri: string }; children?: TileNode[] }

const RAD = Math.PI / 180;
const SYNTHETIC_NOTE = '合成数据 synthetic data';

export async function generateSeabed(world: World, p: SeabedParams, out: string, progress: (text: string) => void = () => {}): Promise<SeabedManifest> {
  const generator = seabedGeneratorVersion();
  const dir = contentDir({ ...p, generator });
  rmSync(join(out, dir), { recursive: true, force: true });
  const stats = { tiles: 0, bytes: 0, minDepth: Infinity, maxDepth: -Infinity, visited: 0 };
  const total = (4 ** p.levels - 1) / 3;

  const makeTile = async (level: number, x: number, y: number): Promise<TileNode | null> => {
    stats.visited++;
    const r = tileRegion(p.extent, level, x, y);
    const mesh = buildSeabedMesh(world, r, { grid: GRID, geoidOffset: p.geoid, skirt: skirtDepth(p, level), coastBand: COAST_BAND_M });
    // Nothing to draw: all land under the reality mesh (land beyond it is kept as a DEM).
    if (mesh.indices.length === 0) return null;
    const glb = await encodeSeabedGlb(mesh, { synthetic: true, level, x, y });
    const uri = contentUri(dir, level, x, y);
    mkdirSync(join(out, dir, String(level), String(x)), { recursive: true });
    writeFileSync(join(out, ...uri.split('/')), glb);
    stats.tiles++;
    stats.bytes += glb.byteLength;
    if (mesh.minDepth < stats.minDepth) stats.minDepth = mesh.minDepth;
    if (mesh.maxDepth > stats.maxDepth) stats.maxDepth = mesh.maxDepth;
    progress(`seabed: ${stats.tiles} tiles, ${(stats.bytes / 1e6).toFixed(1)} MB (${stats.visited} of at most ${total} visited)`);
    const children: TileNode[] = [];
    if (level + 1 < p.levels) {
      for (const [cx, cy] of [[2 * x, 2 * y], [2 * x + 1, 2 * y], [2 * x, 2 * y + 1], [2 * x + 1, 2 * y + 1]] as const) {
        const c = await makeTile(level + 1, cx, cy);
        if (c) children.push(c);
      }
    }
    let minH = mesh.minH, maxH = mesh.maxH;
    for (const c of children) { minH = Math.min(minH, c.boundingVolume.region[4]!); maxH = Math.max(maxH, c.boundingVolume.region[5]!); }
    return {
      boundingVolume: { region: [r.west * RAD, r.south * RAD, r.east * RAD, r.north * RAD, floorTo(minH), ceilTo(maxH)] },
      geometricError: geometricError(p, level),
      ...(level === 0 ? { refine: 'REPLACE' as const } : {}),
      content: { uri },
      ...(children.length > 0 ? { children } : {}),
    };
  };

  const root = await makeTile(0, 0, 0);
  if (!root) throw new Error(`no sea in ${JSON.stringify(p.extent)}: nothing to generate`);
  const manifest: SeabedManifest = {
    synthetic: true, note: SYNTHETIC_NOTE, generator, seed: p.seed, geoidOffsetMeters: p.geoid, levels: p.levels, extent: p.extent,
    contentDir: dir, tiles: stats.tiles, bytes: stats.bytes,
    minDepth: round2(stats.minDepth), maxDepth: round2(stats.maxDepth),
    minHeight: root.boundingVolume.region[4]!, maxHeight: root.boundingVolume.region[5]!,
  };
  const tileset = {
    asset: {
      version: '1.1', generator: 'ningbo-twin seabed generator',
      extras: { synthetic: true, note: SYNTHETIC_NOTE, generator, seed: p.seed, geoidOffsetMeters: p.geoid, heights: 'ellipsoidal: h = H1985 + geoidOffsetMeters' },
    },
    geometricError: gridSpacing(p, 0) * 2,
    root,
  };
  writeFileSync(join(out, TILESET_FILE), `${JSON.stringify(tileset)}\n`);
  writeFileSync(join(out, MANIFEST_FILE), `${JSON.stringify(manifest, null, 1)}\n`);
  // Older versions' tiles: nothing names them any more.
  for (const name of readdirSync(out)) if (/^g[0-9a-f]{12}$/.test(name) && name !== dir) rmSync(join(out, name), { recursive: true, force: true });
  return manifest;
}

// Regions are rounded outwards to the decimetre: smaller JSON, never tighter than the content.
const floorTo = (v: number): number => Math.floor(v * 10) / 10;
const ceilTo = (v: number): number => Math.ceil(v * 10) / 10;
const round2 = (v: number): number => Math.round(v * 100) / 100;
