// `npm run planning`: derive planning data (control lines, parcels, projects) from the synthetic
// world and write GeoJSON into tilesets/planning/. Exit 0 on success, 1 on failure (including
// refusing to overwrite without --force), 2 on a usage error. `--if-stale` is the default-data step
// of `npm start`/`npm test`: skip when current, otherwise replace without asking.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { bboxOption, seedOption } from '../lib/args.ts';
import { type CommandIo, optionsOrExit } from '../lib/io.ts';
import { createWorld, DEFAULT_SEED } from '../world/index.ts';
import { generatePlanning, PLANNING_EXTENTS, PLANNING_FILES, type PlanningExtent } from '../planning/index.ts';
import { MANIFEST_FILE, staleReason, writePlanningOutput } from '../planning/output.ts';
import { planningGeneratorVersion } from '../planning/version.ts';
import { formatPlanningIssue, validateControlLines, validateParcels, validateProjects } from '../../src/domain/planning/index.ts';

export { MANIFEST_FILE };

export const USAGE = `usage: npm run planning -- [options]
  --out DIR          output directory (default tilesets/planning)
  --extent ID        central | qianwan (repeatable; default both)
  --bbox W,S,E,N     a custom lon/lat extent instead (e.g. 121.54,29.86,121.57,29.89)
  --seed N           world seed (default ${DEFAULT_SEED})
  --force            overwrite existing files
  --if-stale         do nothing when the files are current (same seed, extents and generator
                     version); otherwise regenerate, replacing stale files without --force
  --json             print the summary as JSON
  writes ${PLANNING_FILES.join(', ')} and ${MANIFEST_FILE}
`;

interface Options { out: string; extents: PlanningExtent[]; seed: number; force: boolean; ifStale: boolean; json: boolean; help: boolean }

export function parsePlanningArgs(args: string[]): Options | { errors: string[] } {
  const o: Options = { out: join('tilesets', 'planning'), extents: [], seed: DEFAULT_SEED, force: false, ifStale: false, json: false, help: false };
  const errors: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = (): string | undefined => { const v = args[++i]; return v === undefined || v.startsWith('--') ? undefined : v; };
    switch (a) {
      case '--help': case '-h': o.help = true; break;
      case '--force': o.force = true; break;
      case '--if-stale': o.ifStale = true; break;
      case '--json': o.json = true; break;
      case '--out': { const v = value(); if (!v) errors.push('--out: expected a directory'); else o.out = v; break; }
      case '--seed': { const r = seedOption(value()); if (typeof r === 'number') o.seed = r; else errors.push(r.error); break; }
      case '--extent': {
        const v = value(); const e = PLANNING_EXTENTS.find((x) => x.id === v);
        if (!e) errors.push(`--extent: expected one of ${PLANNING_EXTENTS.map((x) => x.id).join(', ')}, found ${JSON.stringify(v ?? null)}`); else o.extents.push(e);
        break;
      }
      case '--bbox': { const r = bboxOption(value()); if ('error' in r) errors.push(r.error); else o.extents.push({ id: 'bbox', bounds: r }); break; }
      default: errors.push(`${a}: unknown option`);
    }
  }
  if (o.extents.length === 0) o.extents = [...PLANNING_EXTENTS];
  return errors.length > 0 ? { errors } : o;
}

export async function run(args: string[], io: CommandIo): Promise<number> {
  const parsed = optionsOrExit('planning', parsePlanningArgs(args), USAGE, io);
  if (typeof parsed === 'number') return parsed;
  const o = parsed;
  if (o.ifStale) {
    const generator = planningGeneratorVersion();
    const reason = staleReason(o.out, { seed: o.seed, extents: o.extents, generator });
    if (reason === null) {
      if (o.json) io.out(`${JSON.stringify({ ok: true, upToDate: true, out: o.out, seed: o.seed, generator })}\n`);
      else io.out(`planning data up to date (${o.out}, seed ${o.seed}, ${generator})\n`);
      return 0;
    }
    if (!o.json) io.err(`planning: regenerating ${o.out}: ${reason}\n`);
  }
  const names = [...PLANNING_FILES, MANIFEST_FILE];
  const existing = names.filter((n) => existsSync(join(o.out, n)));
  if (existing.length > 0 && !o.force && !o.ifStale) {
    io.err(`planning: ${existing.map((n) => join(o.out, n)).join(', ')} already exist${existing.length === 1 ? 's' : ''}; use --force to overwrite\n`);
    return 1;
  }
  const started = Date.now();
  try {
    const { files, manifest } = generatePlanning(createWorld(o.seed), o.extents, (t) => io.progress(t));
    // Check the output with the validators users' files go through: never publish what they would reject.
    const checks = [[validateControlLines, 'controlLines.geojson'], [validateParcels, 'parcels.geojson'], [validateProjects, 'projects.geojson']] as const;
    const problems = checks.flatMap(([validate, name]) => validate(JSON.parse(files[name])).issues.map((i) => `${name} ${formatPlanningIssue(i)}`));
    if (problems.length > 0) throw new Error(`generated data fails validation (${problems.length} issues), nothing written:\n  ${problems.slice(0, 10).join('\n  ')}`);
    writePlanningOutput(o.out, { files, manifest });
    const seconds = (Date.now() - started) / 1000;
    if (o.json) io.out(`${JSON.stringify({ ok: true, out: o.out, seconds, generator: manifest.generator, bytes: manifest.bytes, ...manifest.counts })}\n`);
    else {
      const c = manifest.counts;
      io.err('\n'); // ends the progress line
      io.out(`planning: wrote ${o.out} in ${seconds.toFixed(1)} s (seed ${o.seed}, ${manifest.generator})\n`);
      io.out(`  control lines ${Object.values(c.controlLines).reduce((a, b) => a + b, 0)}: ${Object.entries(c.controlLines).map(([k, v]) => `${k} ${v}`).join(', ')}\n`);
      io.out(`  parcels ${c.parcels} (${c.parcelsOverHeightLimit} of the ${c.parcelsWithBuildings} built have buildings over their height limit); projects ${c.projects}: ${Object.entries(c.projectsByStage).map(([k, v]) => `${k} ${v}`).join(', ')}\n`);
    }
    return 0;
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    if (o.json) io.out(`${JSON.stringify({ ok: false, reason })}\n`); else io.err(`planning: ${reason}\n`);
    return 1;
  }
}
