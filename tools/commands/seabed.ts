// `seabed`: the synthetic seabed off the 甬江 mouth, 镇海/北仑 and the 金塘水道 as a 3D Tiles 1.1
// tileset (tilesets/seabed/ by default). Exit 0 on success, 1 on failure (including refusing to
// overwrite without --force), 2 on a usage error. `--if-stale` skips when seabed.json records the
// same seed, geoid offset, levels, extent and generator version; otherwise it regenerates,
// replacing the old files without --force.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedOption } from '../lib/args.ts';
import { type CommandIo, optionsOrExit } from '../lib/io.ts';
import { createWorld, DEFAULT_SEED } from '../world/index.ts';
import type { LonLatRect } from '../world/frame.ts';
import { DEFAULT_GEOID_OFFSET_METERS } from '../../src/domain/geodesy/index.ts';
import { generateSeabed, type SeabedManifest, type SeabedParams } from '../seabed/generate.ts';
import { DEFAULT_LEVELS, MANIFEST_FILE, MAX_LEVELS, SEABED_EXTENT, TILESET_FILE } from '../seabed/layout.ts';
import { SHORE_FIELD_BOUNDS } from '../seabed/shore.ts';
import { seabedGeneratorVersion } from '../seabed/version.ts';

const B = SHORE_FIELD_BOUNDS;
export const USAGE = `usage: seabed [options]
  --out DIR          output directory (default tilesets/seabed)
  --seed N           world seed (default ${DEFAULT_SEED})
  --geoid N          geoid offset N in metres, heights h = H1985 + N (default ${DEFAULT_GEOID_OFFSET_METERS})
  --levels N         quadtree levels 1–${MAX_LEVELS} (default ${DEFAULT_LEVELS})
  --extent W,S,E,N   lon/lat extent (default ${SEABED_EXTENT.west},${SEABED_EXTENT.south},${SEABED_EXTENT.east},${SEABED_EXTENT.north};
                     within ${B.west},${B.south},${B.east},${B.north})
  --force            overwrite existing files
  --if-stale         do nothing when the files are current (same seed, geoid, levels, extent and
                     generator version); otherwise regenerate, replacing stale files without --force
  --json             print the summary as JSON
  writes ${TILESET_FILE}, ${MANIFEST_FILE} and the tiles under g<hash>/
`;

interface Options extends SeabedParams { out: string; force: boolean; ifStale: boolean; json: boolean; help: boolean }

export function parseSeabedArgs(args: string[]): Options | { errors: string[] } {
  const o: Options = {
    out: join('tilesets', 'seabed'), seed: DEFAULT_SEED, geoid: DEFAULT_GEOID_OFFSET_METERS, levels: DEFAULT_LEVELS, extent: SEABED_EXTENT,
    force: false, ifStale: false, json: false, help: false,
  };
  const errors: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    // A negative geoid offset is a value, not an option.
    const value = (): string | undefined => { const v = args[++i]; return v === undefined || /^--[a-z]/.test(v) ? undefined : v; };
    switch (a) {
      case '--help': case '-h': o.help = true; break;
      case '--force': o.force = true; break;
      case '--if-stale': o.ifStale = true; break;
      case '--json': o.json = true; break;
      case '--out': { const v = value(); if (!v) errors.push('--out: expected a directory'); else o.out = v; break; }
      case '--seed': { const r = seedOption(value()); if (typeof r === 'number') o.seed = r; else errors.push(r.error); break; }
      case '--geoid': {
        const v = value(); const n = Number(v);
        if (v === undefined || v.trim() === '' || !Number.isFinite(n) || Math.abs(n) > 120) errors.push(`--geoid: expected metres between -120 and 120, found ${JSON.stringify(v ?? null)}`); else o.geoid = n;
        break;
      }
      case '--levels': {
        const v = value(); const n = Number(v);
        if (v === undefined || !/^\d+$/.test(v) || n < 1 || n > MAX_LEVELS) errors.push(`--levels: expected an integer 1–${MAX_LEVELS}, found ${JSON.stringify(v ?? null)}`); else o.levels = n;
        break;
      }
      case '--extent': {
        const v = value(); const e = parseExtent(v);
        if (!e) errors.push(`--extent: expected west,south,east,north in degrees with west < east and south < north, within ${B.west},${B.south},${B.east},${B.north}; found ${JSON.stringify(v ?? null)}`);
        else o.extent = e;
        break;
      }
      default: errors.push(`${a}: unknown option`);
    }
  }
  return errors.length > 0 ? { errors } : o;
}

function parseExtent(v: string | undefined): LonLatRect | null {
  const n = (v ?? '').split(',').map(Number);
  if (n.length !== 4 || n.some((x) => !Number.isFinite(x))) return null;
  const [west, south, east, north] = n as [number, number, number, number];
  if (west >= east || south >= north || west < B.west || east > B.east || south < B.south || north > B.north) return null;
  return { west, south, east, north };
}

/** Why the output in `out` is not what these options would make, or null when it is current. */
export function staleReason(out: string, p: SeabedParams, generator: string): string | null {
  const path = join(out, MANIFEST_FILE);
  if (!existsSync(path)) return `no ${MANIFEST_FILE}`;
  if (!existsSync(join(out, TILESET_FILE))) return `no ${TILESET_FILE}`;
  let m: Partial<SeabedManifest>;
  try { m = JSON.parse(readFileSync(path, 'utf8')) as Partial<SeabedManifest>; } catch { return `${MANIFEST_FILE} does not parse`; }
  if (m.generator !== generator) return `older generator version (${String(m.generator)})`;
  if (m.seed !== p.seed) return `seed ${String(m.seed)} differs`;
  if (m.geoidOffsetMeters !== p.geoid) return `geoid offset ${String(m.geoidOffsetMeters)} m differs`;
  if (m.levels !== p.levels) return `levels ${String(m.levels)} differ`;
  if (JSON.stringify(m.extent) !== JSON.stringify(p.extent)) return 'extent differs';
  if (typeof m.contentDir !== 'string' || !existsSync(join(out, m.contentDir))) return 'tiles are missing';
  return null;
}

export async function run(args: string[], io: CommandIo): Promise<number> {
  const parsed = optionsOrExit('seabed', parseSeabedArgs(args), USAGE, io);
  if (typeof parsed === 'number') return parsed;
  const o = parsed;
  const params: SeabedParams = { seed: o.seed, geoid: o.geoid, levels: o.levels, extent: o.extent };
  if (o.ifStale) {
    const generator = seabedGeneratorVersion();
    const reason = staleReason(o.out, params, generator);
    if (reason === null) {
      if (o.json) io.out(`${JSON.stringify({ ok: true, upToDate: true, out: o.out, seed: o.seed, geoid: o.geoid, generator })}\n`);
      else io.out(`seabed up to date (${o.out}, seed ${o.seed}, geoid ${o.geoid} m, ${generator})\n`);
      return 0;
    }
    if (!o.json) io.err(`seabed: regenerating ${o.out}: ${reason}\n`);
  }
  const existing = [TILESET_FILE, MANIFEST_FILE].filter((n) => existsSync(join(o.out, n)));
  if (existing.length > 0 && !o.force && !o.ifStale) {
    io.err(`seabed: ${existing.map((n) => join(o.out, n)).join(', ')} already exist${existing.length === 1 ? 's' : ''}; use --force to overwrite\n`);
    return 1;
  }
  const started = Date.now();
  try {
    const m = await generateSeabed(createWorld(o.seed), params, o.out, (t) => io.progress(t));
    const seconds = (Date.now() - started) / 1000;
    if (o.json) io.out(`${JSON.stringify({ ok: true, out: o.out, seconds, ...m })}\n`);
    else {
      io.err('\n'); // ends the progress line
      io.out(`seabed: wrote ${o.out} in ${seconds.toFixed(1)} s (seed ${o.seed}, geoid ${o.geoid} m, ${m.generator})\n`);
      io.out(`  ${m.tiles} tiles, ${(m.bytes / 1e6).toFixed(1)} MB, depth ${m.minDepth}–${m.maxDepth} m below the 1985 datum, heights ${m.minHeight}…${m.maxHeight} m ellipsoidal\n`);
    }
    return 0;
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    if (o.json) io.out(`${JSON.stringify({ ok: false, reason })}\n`); else io.err(`seabed: ${reason}\n`);
    return 1;
  }
}
