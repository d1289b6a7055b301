// The default pipeline data of `npm start` / `npm test`: the synthetic survey tables of 三江口–
// 东部新城 (tilesets/pipelines-survey/, as a survey company would deliver them) converted by the
// same converter any user's tables go through (tilesets/pipelines/). A stamp records the generator
// version (source digest of the survey generator and the converter) and the geoid, so a changed
// generator regenerates (≈ 20 s) and an unchanged one is skipped.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import type { CommandIo } from './io.ts';
import { sourceClosure } from '../planning/version.ts';
import { DEFAULT_SEED } from '../world/index.ts';
import { DEFAULT_GEOID_OFFSET_METERS } from '../../src/domain/geodesy/index.ts';
import { run as runSurvey } from '../commands/survey.ts';
import { run as runPipelines, MANIFEST_FILE } from '../commands/pipelines.ts';

const here = dirname(fileURLToPath(import.meta.url));
const ENTRIES = [resolve(here, '../commands/survey.ts'), resolve(here, '../commands/pipelines.ts')];
export const DEFAULT_PIPELINES = { survey: join('tilesets', 'pipelines-survey'), out: join('tilesets', 'pipelines') };
const STAMP = 'default.json';

export function pipelinesGeneratorVersion(): string {
  const h = createHash('sha256');
  const files = [...new Set(ENTRIES.flatMap((e) => sourceClosure(e)))].sort();
  for (const f of files) h.update(f.slice(resolve(here, '../..').length)).update(readFileSync(f));
  return `q${h.digest('hex').slice(0, 12)}`;
}

interface Stamp { version: string; seed: number; geoid: number }

function upToDate(dirs: typeof DEFAULT_PIPELINES, want: Stamp): boolean {
  try {
    if (!existsSync(join(dirs.out, 'tileset.json')) || !existsSync(join(dirs.out, MANIFEST_FILE))) return false;
    const s = JSON.parse(readFileSync(join(dirs.survey, STAMP), 'utf8')) as Stamp;
    return s.version === want.version && s.seed === want.seed && s.geoid === want.geoid;
  } catch {
    return false;
  }
}

export async function prepareDefaultPipelines(io: CommandIo, dirs: typeof DEFAULT_PIPELINES = DEFAULT_PIPELINES): Promise<number> {
  const want: Stamp = { version: pipelinesGeneratorVersion(), seed: DEFAULT_SEED, geoid: DEFAULT_GEOID_OFFSET_METERS };
  if (upToDate(dirs, want)) {
    io.out(`pipelines up to date (${dirs.out}, ${want.version})\n`);
    return 0;
  }
  io.out(`pipelines: generating the synthetic survey tables and converting them (${want.version})…\n`);
  const survey = await runSurvey(['--out', dirs.survey, '--force'], io);
  if (survey !== 0) return survey;
  const code = await runPipelines([
    '--points', join(dirs.survey, '管点.csv'), '--lines', join(dirs.survey, '管线.csv'), '--out', dirs.out,
    '--geoid', String(want.geoid), '--synthetic', '--name', '三江口–东部新城地下管线（合成数据）', '--force', '--strict',
  ], io);
  if (code !== 0) return code;
  mkdirSync(dirs.survey, { recursive: true });
  writeFileSync(join(dirs.survey, STAMP), `${JSON.stringify(want)}\n`);
  return 0;
}
