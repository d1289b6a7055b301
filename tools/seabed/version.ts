// The seabed generator's version: a digest of every source file reachable from its entry point by
// relative imports (the same closure the planning generator uses), recorded in seabed.json so
// `--if-stale` regenerates exactly when the bathymetry, the world or the encoder changed.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceClosure } from '../planning/version.ts';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');

let cached: string | null = null;
/** `s` + 12 hex digits of a SHA-256 over the closure's repo-relative paths and contents. */
export function seabedGeneratorVersion(): string {
  if (cached) return cached;
  const h = createHash('sha256');
  for (const f of sourceClosure(join(here, 'generate.ts'))) h.update(`${relative(repoRoot, f).split('\\').join('/')}\n`).update(readFileSync(f));
  cached = `s${h.digest('hex').slice(0, 12)}`;
  return cached;
}
