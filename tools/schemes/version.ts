// The demo generator's version: a digest of every source file reachable from its entry point by
// relative imports (the closure the planning and seabed generators use), recorded in the output's
// manifest so `--if-stale` regenerates exactly when the design, the encoder or the domain code
// they use changed.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceClosure } from '../planning/version.ts';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');

let cached: string | null = null;
/** `d` + 12 hex digits of a SHA-256 over the closure's repo-relative paths and contents. */
export function schemeDemoGeneratorVersion(): string {
  if (cached) return cached;
  const h = createHash('sha256');
  for (const f of sourceClosure(join(here, 'demo.ts'))) h.update(`${relative(repoRoot, f).split('\\').join('/')}\n`).update(readFileSync(f));
  cached = `d${h.digest('hex').slice(0, 12)}`;
  return cached;
}
