// `pipelines`: convert survey tables (管点 + 管线 CSV, CJJ 61-2017, UTF-8 or GBK) into a 3D Tiles 1.1
// tileset of pickable pipes, wells and fittings, plus a pipelines.json manifest. Bad rows are
// listed with file:line and skipped; --strict makes any issue fatal. Exit 0 written, 1 refused or
// failed (nothing written), 2 usage error.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CommandIo } from '../lib/io.ts';
import { flag, parseCommandArgs, str } from '../lib/args.ts';
import { formatSurveyIssue, parseSurveyTables, type GkZone, type SurveyIssue } from '../../src/domain/pipelines/index.ts';
import { DEFAULT_GEOID_OFFSET_METERS } from '../../src/domain/geodesy/index.ts';
import { convertNetwork, type ConversionSummary } from '../pipelines/convert/index.ts';

export const MANIFEST_FILE = 'pipelines.json';
/** Issues printed one per line; the rest are counted. */
const SHOW_ISSUES = 50;

export const USAGE = `usage: npm run pipelines -- --points FILE --lines FILE --out DIR [options]
  --points FILE   管点 point table (CSV, UTF-8 or GBK)
  --lines FILE    管线 line table (CSV, UTF-8 or GBK)
  --out DIR       output directory: tileset.json, mains.glb, detail/*.glb, ${MANIFEST_FILE}
  --zone 120|123  Gauss–Krüger zone of coordinates without a zone prefix (default: detected)
  --geoid N       geoid height N above the ellipsoid, metres: h = H1985 + N (default ${DEFAULT_GEOID_OFFSET_METERS},
                  EGM96 at Tianyi Square; the 1985-datum offset is unconfirmed, set it per dataset)
  --name NAME     dataset name for the manifest (default: the output folder's name)
  --synthetic     mark the output as synthetic data (tileset extras and manifest)
  --strict        any issue in the tables is fatal: exit 1, nothing written
  --force         replace an existing output directory
  --json          print the summary as JSON
`;

interface Options { points: string; lines: string; out: string; zone?: GkZone; geoid: number; name: string; synthetic: boolean; strict: boolean; force: boolean; json: boolean }

export function parsePipelinesArgs(args: string[]): Options | { errors: string[] } | 'help' {
  const p = parseCommandArgs(args, {
    points: { type: 'string' }, lines: { type: 'string' }, out: { type: 'string' }, zone: { type: 'string' }, geoid: { type: 'string' },
    name: { type: 'string' }, synthetic: { type: 'boolean' }, strict: { type: 'boolean' }, force: { type: 'boolean' }, json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if ('error' in p) return { errors: [p.error] };
  if (flag(p, 'help')) return 'help';
  const errors: string[] = [];
  const points = str(p, 'points'), lines = str(p, 'lines'), out = str(p, 'out');
  if (!points) errors.push('--points: expected the point table (管点) CSV');
  if (!lines) errors.push('--lines: expected the line table (管线) CSV');
  if (!out) errors.push('--out: expected an output directory');
  if (p.positionals.length > 0) errors.push(`unexpected argument ${JSON.stringify(p.positionals[0])}`);
  const zoneText = str(p, 'zone');
  if (zoneText !== undefined && zoneText !== '120' && zoneText !== '123') errors.push(`--zone: expected 120 or 123, found ${JSON.stringify(zoneText)}`);
  const geoidText = str(p, 'geoid');
  const geoid = geoidText === undefined ? DEFAULT_GEOID_OFFSET_METERS : Number(geoidText);
  if (geoidText !== undefined && (geoidText.trim() === '' || !Number.isFinite(geoid) || Math.abs(geoid) > 120)) errors.push(`--geoid: expected metres (e.g. 12.4), found ${JSON.stringify(geoidText)}`);
  if (errors.length > 0 || !points || !lines || !out) return { errors };
  return {
    points, lines, out, geoid, name: str(p, 'name') ?? path.basename(path.resolve(out)),
    ...(zoneText ? { zone: Number(zoneText) as GkZone } : {}),
    synthetic: flag(p, 'synthetic'), strict: flag(p, 'strict'), force: flag(p, 'force'), json: flag(p, 'json'),
  };
}

export async function run(args: string[], io: CommandIo): Promise<number> {
  const o = parsePipelinesArgs(args);
  if (o === 'help') { io.out(USAGE); return 0; }
  if ('errors' in o) { for (const e of o.errors) io.err(`pipelines: ${e}\n`); io.err(USAGE); return 2; }
  const fail = (reason: string): number => {
    if (o.json) io.out(`${JSON.stringify({ ok: false, reason })}\n`); else io.err(`pipelines: ${reason}\n`);
    return 1;
  };
  const refusal = outputRefusal(o.out, o.force);
  if (refusal) return fail(refusal);
  let pointBytes: Uint8Array, lineBytes: Uint8Array;
  try {
    pointBytes = new Uint8Array(readFileSync(o.points));
    lineBytes = new Uint8Array(readFileSync(o.lines));
  } catch (e) {
    return fail(`cannot read the survey tables: ${e instanceof Error ? e.message : String(e)}`);
  }
  const network = parseSurveyTables({ name: path.basename(o.points), bytes: pointBytes }, { name: path.basename(o.lines), bytes: lineBytes }, o.zone ? { zone: o.zone } : {});
  if (!o.json) reportIssues(network.issues, network.skipped, io);
  if (o.strict && network.issues.length > 0) return fail(`--strict: ${network.issues.length} issue${network.issues.length === 1 ? '' : 's'} in the survey tables, nothing written`);

  const started = performance.now();
  let summary: ConversionSummary;
  try {
    const { files, summary: s } = await convertNetwork(network, {
      geoidOffsetMeters: o.geoid, name: o.name, synthetic: o.synthetic,
      onProgress: (done, total) => io.progress(`pipelines: ${done}/${total} tiles`),
    });
    summary = s;
    const manifest = { ...summary, sources: { points: path.basename(o.points), lines: path.basename(o.lines) }, issues: network.issues.length };
    files.set(MANIFEST_FILE, new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`));
    writeAtomically(o.out, files);
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e));
  }
  const seconds = (performance.now() - started) / 1000;
  const pipes = Object.values(summary.pipes).reduce((a, b) => a + b, 0);
  const rate = Math.round(pipes / Math.max(seconds, 1e-3));
  if (o.json) {
    io.out(`${JSON.stringify({ ok: true, out: o.out, seconds, pipesPerSecond: rate, issues: network.issues.length, issueLines: network.issues.slice(0, SHOW_ISSUES).map(formatSurveyIssue), ...summary })}\n`);
    return 0;
  }
  io.err('\n'); // ends the progress line
  const perClass = (r: Partial<Record<string, number>>, unit = ''): string => Object.entries(r).map(([k, v]) => `${k} ${v}${unit}`).join(', ') || 'none';
  const wells = Object.values(summary.wells).reduce((a, b) => a + b, 0);
  io.out(`pipelines: wrote ${o.out} in ${seconds.toFixed(2)} s (${rate} pipes/s), ${summary.contents} tiles with content, ${(summary.bytes / 1e6).toFixed(2)} MB\n`);
  io.out(`  pipes ${pipes}: ${perClass(summary.pipes)}; km: ${perClass(summary.km)}\n`);
  io.out(`  wells ${wells}: ${perClass(summary.wells)}; fittings ${summary.fittings}; mains (root tile) ${summary.mains}\n`);
  io.out(`  heights: h = H1985 + ${o.geoid} m${o.synthetic ? '; synthetic data' : ''}\n`);
  return 0;
}

/** Every issue (up to SHOW_ISSUES lines), then what was skipped and why. */
function reportIssues(issues: readonly SurveyIssue[], skipped: { points: number; pipes: number }, io: CommandIo): void {
  for (const i of issues.slice(0, SHOW_ISSUES)) io.err(`${formatSurveyIssue(i)}\n`);
  if (issues.length > SHOW_ISSUES) io.err(`… and ${issues.length - SHOW_ISSUES} more\n`);
  if (issues.length === 0) return;
  const byCode = new Map<string, number>();
  for (const i of issues) byCode.set(i.code, (byCode.get(i.code) ?? 0) + 1);
  io.err(`skipped ${skipped.points} point row${skipped.points === 1 ? '' : 's'} and ${skipped.pipes} pipe row${skipped.pipes === 1 ? '' : 's'}; issues by kind: ${[...byCode].map(([k, v]) => `${k} ${v}`).join(', ')}\n`);
}

/** Why the output directory may not be written, or null. Only a folder that holds a tileset (or nothing) is ever replaced. */
function outputRefusal(out: string, force: boolean): string | null {
  if (!existsSync(out)) return null;
  const entries = readdirSync(out);
  if (entries.length === 0) return null;
  const ours = entries.includes('tileset.json') || entries.includes(MANIFEST_FILE);
  if (!ours) return `${out} exists and holds other files (no tileset.json); choose an empty or new directory`;
  return force ? null : `${out} already holds a tileset; use --force to replace it`;
}

/** Writes into a sibling temp folder, then swaps it in: a reader never sees half a tileset. */
function writeAtomically(out: string, files: Map<string, Uint8Array>): void {
  const target = path.resolve(out);
  const temp = `${target}.tmp-${process.pid}`;
  const old = `${target}.old-${process.pid}`;
  rmSync(temp, { recursive: true, force: true });
  try {
    for (const [rel, bytes] of files) {
      const file = path.join(temp, rel);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, bytes);
    }
    mkdirSync(path.dirname(target), { recursive: true });
    const replacing = existsSync(target);
    if (replacing) renameSync(target, old);
    try {
      renameSync(temp, target);
    } catch (e) {
      if (replacing) renameSync(old, target); // put the previous tileset back
      throw e;
    }
    rmSync(old, { recursive: true, force: true });
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}
