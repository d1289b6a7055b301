// `npm run schemes -- demo`: a synthetic scheme package (方案比选) for one real parcel of the
// generated planning data in 东部新城: package.json and three GLB alternatives in
// tilesets/schemes/demo/ (served at /tilesets/schemes/demo/package.json). Exit 0 on success, 1 on
// failure (missing planning data, refusing to overwrite without --force), 2 on a usage error.
// `--if-stale` is the default-data step of `npm start`/`npm test`: skip when current, otherwise
// replace without asking.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CommandIo, optionsOrExit } from '../lib/io.ts';
import { buildDemo, PACKAGE_FILE } from '../schemes/demo.ts';
import { declaredOf } from '../schemes/design.ts';
import { badOutDir, MANIFEST_FILE, PLANNING_PARCELS, planningDigest, staleReason, writeDemo } from '../schemes/output.ts';
import { schemeDemoGeneratorVersion } from '../schemes/version.ts';

export const USAGE = `usage: npm run schemes -- demo [options]
  demo               write the demo package: three synthetic alternatives (a slender tower, a slab,
                     a podium with two towers) for one parcel in 东部新城, read from the planning data
  --out DIR          output directory (default tilesets/schemes/demo)
  --planning DIR     planning data to read parcels.geojson from (default tilesets/planning;
                     made by \`npm run planning\`)
  --force            overwrite existing files
  --if-stale         do nothing when the package is current (same planning data and generator
                     version); otherwise regenerate, replacing stale files without --force
  --json             print the summary as JSON
  writes ${PACKAGE_FILE}, tower.glb, slab.glb, podium.glb and ${MANIFEST_FILE}
`;

interface Options { out: string; planning: string; force: boolean; ifStale: boolean; json: boolean; help: boolean }

export function parseSchemesArgs(args: string[]): Options | { errors: string[] } {
  const o: Options = { out: join('tilesets', 'schemes', 'demo'), planning: join('tilesets', 'planning'), force: false, ifStale: false, json: false, help: false };
  const errors: string[] = [];
  let sub: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = (): string | undefined => { const v = args[++i]; return v === undefined || v.startsWith('--') ? undefined : v; };
    switch (a) {
      case '--help': case '-h': o.help = true; break;
      case '--force': o.force = true; break;
      case '--if-stale': o.ifStale = true; break;
      case '--json': o.json = true; break;
      case '--out': { const v = value(); if (v === undefined || v.trim() === '') errors.push('--out: expected a directory'); else o.out = v; break; }
      case '--planning': { const v = value(); if (v === undefined || v.trim() === '') errors.push('--planning: expected a directory'); else o.planning = v; break; }
      default:
        if (!a.startsWith('-') && sub === undefined) sub = a;
        else errors.push(`${a}: unknown option`);
    }
  }
  if (!o.help) {
    if (sub === undefined) errors.push('expected a subcommand: demo');
    else if (sub !== 'demo') errors.push(`${sub}: unknown subcommand (expected demo)`);
  }
  return errors.length > 0 ? { errors } : o;
}

export async function run(args: string[], io: CommandIo): Promise<number> {
  const parsed = optionsOrExit('schemes', parseSchemesArgs(args), USAGE, io);
  if (typeof parsed === 'number') return parsed;
  const o = parsed;
  const fail = (reason: string): number => {
    if (o.json) io.out(`${JSON.stringify({ ok: false, reason })}\n`); else io.err(`schemes: ${reason}\n`);
    return 1;
  };
  const outProblem = badOutDir(o.out);
  if (outProblem) return fail(outProblem);
  const parcelsPath = join(o.planning, PLANNING_PARCELS);
  if (!existsSync(parcelsPath)) return fail(`no planning data: ${parcelsPath} is missing; run \`npm run planning\` first (or point --planning at it)`);
  const generator = schemeDemoGeneratorVersion();
  const planning = planningDigest(o.planning);
  if (o.ifStale) {
    const reason = staleReason(o.out, { generator, planning });
    if (reason === null) {
      if (o.json) io.out(`${JSON.stringify({ ok: true, upToDate: true, out: o.out, generator })}\n`);
      else io.out(`scheme demo up to date (${o.out}, ${generator})\n`);
      return 0;
    }
    if (!o.json) io.err(`schemes: regenerating ${o.out}: ${reason}\n`);
  }
  const names = [PACKAGE_FILE, MANIFEST_FILE, 'tower.glb', 'slab.glb', 'podium.glb'];
  const existing = names.filter((n) => existsSync(join(o.out, n)));
  if (existing.length > 0 && !o.force && !o.ifStale) {
    return fail(`${existing.map((n) => join(o.out, n)).join(', ')} already exist${existing.length === 1 ? 's' : ''}; use --force to overwrite`);
  }
  const started = Date.now();
  try {
    const demo = await buildDemo(readFileSync(parcelsPath, 'utf8'), (t) => io.progress(t));
    const p = demo.site.parcel;
    const manifest = writeDemo(o.out, demo.files, { synthetic: true, generator, planning, parcel: p.parcelId });
    const seconds = (Date.now() - started) / 1000;
    const alternatives = demo.alternatives.map((a) => ({ id: a.id, ...declaredOf(a), bytes: manifest.files[`${a.id}.glb`] ?? 0 }));
    if (o.json) {
      io.out(`${JSON.stringify({ ok: true, out: o.out, seconds, generator, parcel: p.parcelId, centroid: demo.site.centroid, limits: { heightLimit: p.heightLimit, far: p.far, density: p.density, area: p.area }, alternatives })}\n`);
    } else {
      io.err('\n'); // ends the progress line
      io.out(`schemes: wrote ${join(o.out, PACKAGE_FILE)} in ${seconds.toFixed(1)} s (${generator}), synthetic demo for parcel ${p.parcelId}\n`);
      io.out(`  parcel ${p.landUseCode} ${p.landUseName ?? ''}, ${Math.round(p.area)} m², height limit ${p.heightLimit ?? '—'} m, FAR ≤ ${p.far ?? '—'}, density ≤ ${p.density ?? '—'} %\n`);
      for (const a of alternatives) io.out(`  ${a.id}: ${a.floors} storeys, ${a.height} m, GFA ${a.gfa} m², ${(a.bytes / 1024).toFixed(0)} KB\n`);
    }
    return 0;
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e));
  }
}
