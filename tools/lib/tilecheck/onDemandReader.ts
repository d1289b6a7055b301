// Lets the checker see a tileset whose tiles are generated on first request: a missing file under
// a `tilesets/` directory is first offered to the same hook the server uses.
import path from 'node:path';
import { createRealityOnDemand, type OnMissing } from '../onDemand.ts';
import type { Reader } from './types.ts';

export function onDemandReader(inner: Reader): Reader {
  const hooks = new Map<string, OnMissing>();
  return async (location) => {
    try {
      return await inner(location);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      const abs = path.resolve(location);
      const parts = abs.split(path.sep);
      const at = parts.lastIndexOf('tilesets');
      if (at < 0) throw e;
      const dir = parts.slice(0, at + 1).join(path.sep);
      let hook = hooks.get(dir);
      if (!hook) { hook = createRealityOnDemand(dir); hooks.set(dir, hook); }
      const rel = parts.slice(at + 1).join('/');
      if (!(await hook(rel))) throw e;
      return inner(location);
    }
  };
}
