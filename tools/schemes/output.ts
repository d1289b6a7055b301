// The demo package on disk: whether it is current for the planning data and generator, and writing
// it so that a killed run never leaves a set that looks complete (the manifest goes last, as in
// tools/planning/output.ts). Node IO, kept out of the generator and so out of its version hash.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const MANIFEST_FILE = 'generated.json';
export const PLANNING_PARCELS = 'parcels.geojson';
const PLANNING_MANIFEST = 'planning.json';

export interface DemoManifest {
  readonly synthetic: true;
  readonly generator: string;
  /** Digest of the planning data the parcel was read from. */
  readonly planning: string;
  readonly parcel: string;
  /** File name → bytes written. */
  readonly files: Readonly<Record<string, number>>;
}

/**
 * A digest standing for the planning data: of planning.json, which records the seed, generator and
 * every file's size (cheap), or, for hand-made data without one, of parcels.geojson itself.
 */
export function planningDigest(planningDir: string): string {
  const manifest = join(planningDir, PLANNING_MANIFEST);
  const source = existsSync(manifest) ? manifest : join(planningDir, PLANNING_PARCELS);
  return createHash('sha256').update(readFileSync(source)).digest('hex').slice(0, 16);
}

/** null when `dir` holds a complete demo written by this generator from this planning data, else why not. */
export function staleReason(dir: string, want: { generator: string; planning: string }): string | null {
  const path = join(dir, MANIFEST_FILE);
  if (!existsSync(path)) return `${MANIFEST_FILE} is missing`;
  let m: Partial<DemoManifest>;
  try { m = JSON.parse(readFileSync(path, 'utf8')) as Partial<DemoManifest>; } catch { return `${MANIFEST_FILE} is not valid JSON`; }
  if (m.generator !== want.generator) return `generator changed (${m.generator ?? 'none recorded'} → ${want.generator})`;
  if (m.planning !== want.planning) return 'the planning data changed';
  for (const [name, bytes] of Object.entries(m.files ?? {})) {
    const file = join(dir, name);
    if (!existsSync(file) || statSync(file).size !== bytes) return `${name} is missing or not the size ${MANIFEST_FILE} records`;
  }
  return null;
}

/** Why `out` cannot be an output directory (an existing non-directory on the path), or null. */
export function badOutDir(out: string): string | null {
  if (out.trim() === '') return '--out: expected a directory';
  if (existsSync(out) && !statSync(out).isDirectory()) return `--out: ${out} exists and is not a directory`;
  return null;
}

export function writeDemo(dir: string, files: Readonly<Record<string, Uint8Array>>, manifest: Omit<DemoManifest, 'files'>): DemoManifest {
  mkdirSync(dir, { recursive: true });
  rmSync(join(dir, MANIFEST_FILE), { force: true });
  const write = (name: string, data: Uint8Array | string): void => {
    const path = join(dir, name);
    const tmp = `${path}.${process.pid}.tmp`;
    try {
      writeFileSync(tmp, data);
      renameSync(tmp, path);
    } finally {
      rmSync(tmp, { force: true });
    }
  };
  const sizes: Record<string, number> = {};
  for (const [name, data] of Object.entries(files)) { write(name, data); sizes[name] = data.byteLength; }
  const full: DemoManifest = { ...manifest, files: sizes };
  write(MANIFEST_FILE, `${JSON.stringify(full, null, 2)}\n`);
  return full;
}
