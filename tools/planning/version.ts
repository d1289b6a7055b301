// The planning generator's version: a digest of every source file its output depends on, recorded in
// planning.json so that `npm start`/`npm test` regenerate the data when the generator changed and
// skip it otherwise (as tools/reality/layout.ts does for the mesh). The files are found by following
// relative imports from tools/planning/index.ts rather than listed by hand, so a new world module or
// a domain file the generator starts using is covered without anyone remembering to add it. It errs
// on the safe side: whatever a barrel index re-exports counts too, which costs at worst an
// unnecessary 8 s regeneration, never stale data.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');
const ENTRY = join(here, 'index.ts');
/** `from '…'` and side-effect `import '…'` with a relative specifier. */
const IMPORT_RE = /(?:from|import)\s+['"](\.{1,2}\/[^'"]+)['"]/g;

/** Absolute paths of the .ts files reachable from `entry` by relative imports, sorted. */
export function sourceClosure(entry: string = ENTRY): string[] {
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT_RE)) stack.push(resolve(dirname(file), m[1]!));
  }
  return [...seen].sort();
}

let cached: string | null = null;
/** `p` + 12 hex digits of a SHA-256 over the closure's repo-relative paths and contents. */
export function planningGeneratorVersion(): string {
  if (cached) return cached;
  const h = createHash('sha256');
  for (const f of sourceClosure()) h.update(`${relative(repoRoot, f).split('\\').join('/')}\n`).update(readFileSync(f));
  cached = `p${h.digest('hex').slice(0, 12)}`;
  return cached;
}
