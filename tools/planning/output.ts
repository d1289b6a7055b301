// Planning output on disk: whether tilesets/planning/ is current, and writing it so that a killed run
// never leaves a set that looks complete. Node IO, kept out of the generator (and so out of its
// version hash).
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PLANNING_FILES, type PlanningExtent, type PlanningManifest, type PlanningOutput } from './index.ts';

export const MANIFEST_FILE = 'planning.json';

export interface Wanted { seed: number; extents: readonly PlanningExtent[]; generator: string }

/** null when `dir` holds a complete set written by this generator for these options, else why not. */
export function staleReason(dir: string, want: Wanted): string | null {
  const manifestPath = join(dir, MANIFEST_FILE);
  if (!existsSync(manifestPath)) return `${MANIFEST_FILE} is missing`;
  let m: Partial<PlanningManifest>;
  try {
    m = JSON.parse(readFileSync(manifestPath, 'utf8')) as Partial<PlanningManifest>;
  } catch {
    return `${MANIFEST_FILE} is not valid JSON`;
  }
  if (m.generator !== want.generator) return `generator changed (${m.generator ?? 'none recorded'} → ${want.generator})`;
  if (m.seed !== want.seed) return `seed changed (${m.seed ?? 'none recorded'} → ${want.seed})`;
  if (JSON.stringify(m.extents) !== JSON.stringify(want.extents)) return 'extents changed';
  for (const name of PLANNING_FILES) {
    const path = join(dir, name);
    if (!existsSync(path)) return `${name} is missing`;
    if (statSync(path).size !== m.bytes?.[name]) return `${name} is not the size ${MANIFEST_FILE} records`;
  }
  return null;
}

/**
 * Writes the files, then the manifest. Each goes to a temporary name and is renamed into place
 * (atomic on one file system), and the old manifest is removed first: a run killed half-way leaves
 * whole files but no manifest, which staleReason reports as stale, never a truncated file that a
 * reader would take for the data.
 */
export function writePlanningOutput(dir: string, output: PlanningOutput): void {
  mkdirSync(dir, { recursive: true });
  rmSync(join(dir, MANIFEST_FILE), { force: true });
  const write = (name: string, text: string): void => {
    const path = join(dir, name);
    const tmp = `${path}.${process.pid}.tmp`;
    try {
      writeFileSync(tmp, text);
      renameSync(tmp, path);
    } finally {
      rmSync(tmp, { force: true });
    }
  };
  for (const name of PLANNING_FILES) write(name, output.files[name]);
  write(MANIFEST_FILE, `${JSON.stringify(output.manifest, null, 2)}\n`);
}
