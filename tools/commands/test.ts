// `test` (npm test): every suite in order — typecheck, lint, default data (mesh + planning), unit
// (after the data, so tests that read the real generated files run), app build, the checker on the
// mesh, browser (render + e2e) — then a table and ONE last line `N passed, N failed`. Exit 1 on any failure.
// Each suite runs to the end even when an earlier one failed, so one run shows everything broken.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { CommandIo } from '../lib/io.ts';
import { flag, parseCommandArgs, str } from '../lib/args.ts';
import { prepareDefaultTilesets, runNode } from '../lib/steps.ts';
import { checkTileset, nodeReader } from '../lib/tilecheck/index.ts';
import { onDemandReader } from '../lib/tilecheck/onDemandReader.ts';
import { formatReport } from './check.ts';
import { checkResult, playwrightResult, totalLine, vitestResult, type SuiteResult } from '../lib/testReports.ts';

const STEPS = ['typecheck', 'lint', 'tilesets', 'unit', 'build', 'tileset-check', 'browser'] as const;
type Step = (typeof STEPS)[number];
const usage = `usage: cli test [--only ${STEPS.join(',')}] [--skip …] [--json]\n`;

export async function run(args: string[], io: CommandIo): Promise<number> {
  const p = parseCommandArgs(args, { only: { type: 'string' }, skip: { type: 'string' }, json: { type: 'boolean' } });
  if ('error' in p) { io.err(`${p.error}\n${usage}`); return 2; }
  const pick = (name: string): Step[] | string => {
    const list = (str(p, name) ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    const bad = list.filter((s) => !(STEPS as readonly string[]).includes(s));
    return bad.length ? `unknown step ${bad.join(', ')} (steps: ${STEPS.join(', ')})` : (list as Step[]);
  };
  const only = pick('only');
  const skip = pick('skip');
  if (typeof only === 'string' || typeof skip === 'string') { io.err(`${typeof only === 'string' ? only : skip}\n`); return 2; }
  const steps = STEPS.filter((s) => (only.length === 0 || only.includes(s)) && !skip.includes(s));

  const root = process.cwd();
  const bin = (rel: string): string => path.join(root, 'node_modules', rel);
  const results: SuiteResult[] = [];
  const banner = (t: string): void => io.out(`\n━━ ${t} ━━\n`);
  const started = Date.now();

  for (const step of steps) {
    const t0 = Date.now();
    if (step === 'typecheck') {
      banner('typecheck (tsc)');
      results.push(checkResult('typecheck (tsc)', await runNode(bin('typescript/bin/tsc'), ['-p', '.'])));
    } else if (step === 'lint') {
      banner('lint (eslint)');
      results.push(checkResult('lint (eslint)', await runNode(bin('eslint/bin/eslint.js'), ['.'])));
    } else if (step === 'unit') {
      banner('unit (vitest)');
      const report = path.join(root, 'test-results', 'vitest.json');
      rmSync(report, { force: true });
      results.push(vitestResult(report, await runNode(bin('vitest/vitest.mjs'), ['run'])));
    } else if (step === 'build') {
      banner('build (vite)');
      results.push(checkResult('build (vite)', await runNode(bin('vite/bin/vite.js'), ['build'])));
    } else if (step === 'tilesets') {
      // Unit tests on the real files and browser tests need the data: prepare it exactly as `npm start` does.
      banner('default tilesets');
      let code: number;
      try {
        code = await prepareDefaultTilesets(io);
      } catch (e) {
        io.err(`tilesets failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
        code = 1;
      }
      results.push(checkResult('default tilesets', code));
    } else if (step === 'tileset-check') {
      banner('checker on the default tileset');
      results.push(checkResult('tileset check', await checkDefaultTileset(root, io)));
    } else {
      banner('browser: render + e2e (playwright)');
      const report = path.join(root, 'test-results', 'playwright.json');
      rmSync(report, { force: true });
      results.push(playwrightResult(report, await runNode(bin('@playwright/test/cli.js'), ['test', '--pass-with-no-tests'])));
    }
    const last = results[results.length - 1];
    if (last) io.out(`── ${last.name}: ${last.passed} passed, ${last.failed} failed (${((Date.now() - t0) / 1000).toFixed(0)} s)\n`);
  }

  io.out(`\n━━ summary (${((Date.now() - started) / 1000).toFixed(0)} s) ━━\n`);
  if (flag(p, 'json')) io.out(`${JSON.stringify(results)}\n`);
  for (const r of results) io.out(`${r.failed ? '✗' : '✓'} ${r.name.padEnd(24)} ${r.passed} passed, ${r.failed} failed${r.note ? `  (${r.note})` : ''}\n`);
  io.out(`${totalLine(results)}\n`);
  return results.some((r) => r.failed > 0) ? 1 : 0;
}

/** Tiles the checker walks in `npm test`: the baked top levels and some on-demand ones below. */
const CHECK_TILES = 300;

/** Runs the checker on the tileset the manifest names (generating tiles on demand, as served). */
async function checkDefaultTileset(root: string, io: CommandIo): Promise<number> {
  const tilesets = path.join(root, 'tilesets');
  let rel = 'reality/tileset.json';
  try {
    const manifest = JSON.parse(readFileSync(path.join(tilesets, 'manifest.json'), 'utf8')) as { root?: unknown };
    if (typeof manifest.root === 'string') rel = manifest.root;
  } catch { /* no manifest: try the default location */ }
  const file = path.join(tilesets, rel);
  if (!existsSync(file)) { io.err(`no tileset at ${file}\n`); return 1; }
  const t0 = Date.now();
  const report = await checkTileset(file, onDemandReader(nodeReader), {
    maxTiles: CHECK_TILES, sample: 20,
    onProgress: (s) => io.progress(`checked ${s.tilesVisited} tiles, ${s.contentsRead} contents`),
  });
  io.out(formatReport(report, 20, (Date.now() - t0) / 1000));
  return report.problems.length === 0 ? 0 : 1;
}
