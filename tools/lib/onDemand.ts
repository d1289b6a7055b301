// The server's hook for a missing file under the tilesets directory: reality-mesh files are
// generated on first request (identical bytes to a bake) and cached on disk.
import { existsSync } from 'node:fs';
import { createWorld, type World } from '../world/index.ts';
import { parseRealityPath } from '../reality/layout.ts';
import { produceRealityFile, resolveUnder, writeAtomic } from '../reality/produce.ts';

export type OnMissing = (relPath: string) => Promise<boolean>;

export function createRealityOnDemand(tilesetsDir: string, seed?: number): OnMissing {
  let world: World | null = null;
  return async (relPath) => {
    const file = parseRealityPath(relPath);
    if (!file) return false;
    world ??= createWorld(seed);
    const bytes = await produceRealityFile(world, file);
    if (!bytes) return false;
    const path = resolveUnder(tilesetsDir, relPath);
    if (!existsSync(path) || file.kind !== 'root') writeAtomic(path, bytes);
    return true;
  };
}
