// `survey`: write a synthetic underground-pipeline survey (管点.csv + 管线.csv, CJJ 61 tables as a
// survey company delivers them) for the world's streets in a lon/lat box. 合成数据 synthetic:
// every row says so in 备注. Exit 0 on success, 1 on failure (including refusing to overwrite
// without --force), 2 on a usage error.
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bboxOption, seedOption } from '../lib/args.ts';
import { type CommandIo, optionsOrExit } from '../lib/io.ts';
import { createWorld, DEFAULT_SEED } from '../world/index.ts';
import type { LonLatRect } from '../world/frame.ts';
import { DEFAULT_SURVEY_BOUNDS, LINE_FILE, POINT_FILE, SYNTHETIC_LABEL, generateSurveyTables, surveyCsvBytes } from '../pipelines/survey/index.ts';
import { formatSurveyIssue, parseSurveyTables, type GkZone } from '../../src/domain/pipelines/index.ts';

const b = DEFAULT_SURVEY_BOUNDS;
export const USAGE = `usage: survey [options]   (${SYNTHETIC_LABEL})
  --out DIR            output directory (default tilesets/pipelines/survey)
  --bbox W,S,E,N       lon/lat box (default ${b.west},${b.south},${b.east},${b.north}: 三江口–东部新城)
  --seed N             world seed (default ${DEFAULT_SEED})
  --encoding ENC       utf-8 (with BOM, default) | gbk
  --zone CM            120 | 123: Gauss–Krüger zone (default: the zone of the box's centre)
  --force              overwrite existing files
  --json               print the summary as JSON
  writes ${POINT_FILE} and ${LINE_FILE}
`;

interface Options { out: string; bounds: LonLatRect; seed: number; encoding: 'utf-8' | 'gbk'; zone?: GkZone; force: boolean; json: boolean; help: boolean }

export function parseSurveyArgs(args: string[]): Options | { errors: string[] } {
  const o: Options = { out: join('tilesets', 'pipelines', 'survey'), bounds: DEFAULT_SURVEY_BOUNDS, seed: DEFAULT_SEED, encoding: 'utf-8', force: false, json: false, help: false };
  const errors: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = (): string | undefined => { const v = args[++i]; return v === undefined || v.startsWith('--') ? undefined : v; };
    switch (a) {
      case '--help': case '-h': o.help = true; break;
      case '--force': o.force = true; break;
      case '--json': o.json = true; break;
      case '--out': { const v = value(); if (!v) errors.push('--out: expected a directory'); else o.out = v; break; }
      case '--seed': { const r = seedOption(value()); if (typeof r === 'number') o.seed = r; else errors.push(r.error); break; }
      case '--encoding': {
        const v = value()?.toLowerCase();
        if (v === 'utf-8' || v === 'utf8') o.encoding = 'utf-8'; else if (v === 'gbk') o.encoding = 'gbk';
        else errors.push(`--encoding: expected utf-8 or gbk, found ${JSON.stringify(v ?? null)}`);
        break;
      }
      case '--zone': {
        const v = value();
        if (v === '120' || v === '123') o.zone = Number(v) as GkZone; else errors.push(`--zone: expected 120 or 123 (central meridian), found ${JSON.stringify(v ?? null)}`);
        break;
      }
      case '--bbox': { const r = bboxOption(value()); if ('error' in r) errors.push(r.error); else o.bounds = r; break; }
      default: errors.push(`${a}: unknown option`);
    }
  }
  return errors.length > 0 ? { errors } : o;
}

export async function run(args: string[], io: CommandIo): Promise<number> {
  const parsed = optionsOrExit('survey', parseSurveyArgs(args), USAGE, io);
  if (typeof parsed === 'number') return parsed;
  const o = parsed;
  const existing = [POINT_FILE, LINE_FILE].filter((n) => existsSync(join(o.out, n)));
  if (existing.length > 0 && !o.force) {
    io.err(`survey: ${existing.map((n) => join(o.out, n)).join(', ')} already exist${existing.length === 1 ? 's' : ''}; use --force to overwrite\n`);
    return 1;
  }
  const started = Date.now();
  try {
    io.progress('survey: laying networks along the streets…');
    const tables = generateSurveyTables(createWorld(o.seed), o.bounds, o.zone ? { zone: o.zone } : {});
    const bytes = surveyCsvBytes(tables, o.encoding);
    // Read the files back through the parser users' surveys go through: never write what it rejects.
    io.progress('survey: checking the tables with the survey parser…');
    const check = parseSurveyTables({ name: POINT_FILE, bytes: bytes.points }, { name: LINE_FILE, bytes: bytes.lines }, { zone: tables.zone });
    if (check.issues.length > 0) throw new Error(`generated tables fail validation (${check.issues.length} issues), nothing written:\n  ${check.issues.slice(0, 10).map(formatSurveyIssue).join('\n  ')}`);
    mkdirSync(o.out, { recursive: true });
    for (const [name, data] of [[POINT_FILE, bytes.points], [LINE_FILE, bytes.lines]] as const) {
      const tmp = join(o.out, `.${name}.tmp`);
      writeFileSync(tmp, data);
      renameSync(tmp, join(o.out, name));
    }
    const seconds = (Date.now() - started) / 1000;
    const s = tables.summary;
    if (o.json) io.out(`${JSON.stringify({ ok: true, out: o.out, seed: o.seed, encoding: o.encoding, seconds, ...s })}\n`);
    else {
      io.err('\n');
      io.out(`survey (${s.label}): wrote ${join(o.out, POINT_FILE)} and ${LINE_FILE} in ${seconds.toFixed(1)} s (seed ${o.seed}, CM ${s.zone}°E, ${o.encoding})\n`);
      io.out(`  ${s.points} points (${s.wells} wells), ${s.pipes} pipes\n`);
      for (const [sub, v] of Object.entries(s.bySubtype)) io.out(`  ${sub.padEnd(6, '　')} ${String(v.pipes).padStart(6)} pipes ${v.km.toFixed(1).padStart(7)} km\n`);
    }
    return 0;
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    if (o.json) io.out(`${JSON.stringify({ ok: false, reason })}\n`); else io.err(`survey: ${reason}\n`);
    return 1;
  }
}
