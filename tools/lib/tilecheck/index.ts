// Public surface of the tileset checker: `checkTileset(location, reader, options)`.
export { checkTileset } from './walk.ts';
export type { CheckOptions, CheckReport, CheckStats, Problem, Reader } from './types.ts';

import { readFile } from 'node:fs/promises';
import type { Reader } from './types.ts';

/** Reads local paths from disk and http(s) URLs with fetch (which also undoes gzip/brotli). */
export const nodeReader: Reader = async (location) => {
  if (/^https?:\/\//i.test(location)) {
    const res = await fetch(location);
    if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`);
    return new Uint8Array(await res.arrayBuffer());
  }
  return new Uint8Array(await readFile(location));
};
