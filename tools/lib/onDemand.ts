// The server's hook for a missing file under the tilesets directory: reality-mesh files are
// generated on first request (identical bytes to a bake) and cached on disk. Tile content is made
// in worker threads when asked, so the server's event loop keeps answering while tiles are built.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createWorld, DEFAULT_SEED, type World } from '../world/index.ts';
import { ROOT_TILESET, generatorHash, parseRealityPath, rootTileset } from '../reality/layout.ts';
import { json, produceRealityFile, isTileAvailable, resolveUnder, writeAtomic } from '../reality/produce.ts';
import { createTilePool, type TilePool } from '../reality/pool.ts';

export type OnMissing = (relPath: string) => Promise<boolean>;

/** The hook plus `close`, which ends its tile workers. Whoever creates one with workers must close
 *  it: tsx's loader in each worker keeps the process alive even though the workers are unref'd
 *  (a 108-min `npm run bench` wrote its report and then never exited). */
export type RealityOnDemand = OnMissing & { close(): Promise<void> };

export interface OnDemandOptions { seed?: number; workers?: number }

/** The seed of what was baked into the directory (its manifest), else the default. */
function bakedSeed(tilesetsDir: string): number {
  try {
    const m = JSON.parse(readFileSync(join(tilesetsDir, 'manifest.json'), 'utf8')) as { seed?: unknown };
    return typeof m.seed === 'number' ? m.seed : DEFAULT_SEED;
  } catch {
    return DEFAULT_SEED;
  }
}

export function createRealityOnDemand(tilesetsDir: string, opts: OnDemandOptions = {}): RealityOnDemand {
  const seed = opts.seed ?? bakedSeed(tilesetsDir);
  // The root pointer names the current generator version: refresh it so a directory baked by an
  // older generator never points the viewer at files this one will not make.
  const rootPath = resolveUnder(tilesetsDir, ROOT_TILESET);
  const root = json(rootTileset(generatorHash(seed), seed));
  if (existsSync(tilesetsDir) && (!existsSync(rootPath) || !readFileSync(rootPath).equals(root))) writeAtomic(rootPath, root);
  let world: World | null = null;
  let pool: TilePool | null = null;
  const onMissing: OnMissing = async (relPath) => {
    const file = parseRealityPath(relPath);
    if (!file) return false;
    world ??= createWorld(seed);
    let bytes: Uint8Array | null;
    if (file.kind === 'content' && (opts.workers ?? 0) > 0) {
      // Check availability here (cheap) so workers only get real tiles.
      if (!isTileAvailable(world, file.dataset, file.level, file.x, file.y)) return false;
      pool ??= createTilePool(opts.workers ?? 1, seed, { unref: true });
      bytes = await pool.produce(file);
    } else {
      bytes = await produceRealityFile(world, file);
    }
    if (!bytes) return false;
    const path = resolveUnder(tilesetsDir, relPath);
    if (!existsSync(path) || file.kind !== 'root') writeAtomic(path, bytes);
    return true;
  };
  const close = async (): Promise<void> => {
    const open = pool;
    pool = null;
    await open?.close();
  };
  return Object.assign(onMissing, { close });
}
