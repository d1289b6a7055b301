// `npm run bench`: the streaming benchmark of issue C6. One run compares, on the same camera path
// and in the same browser, the shipped viewer, a plain Cesium viewer with default tileset options
// and 3DTilesRendererJS with its defaults, against the ideal cut an oracle computes from the
// tileset. Writes report.json, report.md and chart.svg (plus screenshots) into --out.
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser } from '@playwright/test';
import { BENCH_CONFIGS, parseBenchPath, type BenchConfigName, type BenchPath, type RunMeasure } from '../../src/domain/bench/index.ts';
import { summarise, summariseSoak } from '../../src/domain/bench/report.ts';
import { reportMarkdown } from '../../src/domain/bench/reportMarkdown.ts';
import { reportChartSvg } from '../../src/domain/bench/reportChart.ts';
import { formatIssue } from '../../src/domain/schemas/issues.ts';
import type { CommandIo } from '../lib/io.ts';
import { flag, int, parseCommandArgs, str } from '../lib/args.ts';
import { withBenchBrowser } from '../lib/bench.ts';
import { distIsStale, runViteBuild } from '../lib/appBuild.ts';
import { idealForPath } from '../lib/streamBench/ideal.ts';
import { runPath, type RunOptions } from '../lib/streamBench/runPath.ts';
import { runSoak, type SoakLoop } from '../lib/streamBench/soak.ts';
import { parseShippedOptions } from '../lib/streamBench/shippedOptions.ts';
import { shotDifference } from '../lib/streamBench/shotDiff.ts';

const usage = `usage: npm run bench -- [--path FILE] [--reps N (default 3)] [--out DIR (default bench-results)] [--force]
                     [--configs shipped,cesiumDefault,tilesRenderer] [--soak LOOPS (0 = none; the issue asks ≥10)]
                     [--shipped-options JSON (streaming options for the shipped viewer; null removes one)]
                     [--sse 16] [--strict-sse] [--quiet-ms 500] [--timeout S (per step, default 120)] [--url http://host:port] [--json]
  Builds the app if it is stale and starts its own server on a free port unless --url is given.
  The ideal applies Cesium's default dynamic-SSE relief (as every Cesium configuration does);
  --strict-sse drops it (a finer, stricter floor).
`;

const DEFAULT_PATH = 'bench/paths/ningbo.json';
const VIEWPORT = { width: 1280, height: 720 } as const;

interface Settings {
  readonly path: BenchPath;
  readonly pathFile: string;
  readonly reps: number;
  readonly out: string;
  readonly configs: readonly BenchConfigName[];
  readonly soak: number;
  readonly sse: number;
  /** The oracle without Cesium's dynamic-SSE relief. */
  readonly strictSse: boolean;
  readonly run: RunOptions;
  readonly url?: string;
  readonly json: boolean;
}

function readSettings(args: string[]): Settings | { error: string } {
  const p = parseCommandArgs(args, {
    path: { type: 'string' }, reps: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' }, configs: { type: 'string' },
    soak: { type: 'string' }, sse: { type: 'string' }, 'strict-sse': { type: 'boolean' }, 'quiet-ms': { type: 'string' }, 'shipped-options': { type: 'string' }, timeout: { type: 'string' }, url: { type: 'string' }, json: { type: 'boolean' },
  });
  if ('error' in p) return p;
  const pathFile = resolve(str(p, 'path') ?? DEFAULT_PATH);
  if (!existsSync(pathFile)) return { error: `--path: ${pathFile} does not exist` };
  let raw: unknown;
  try { raw = JSON.parse(readFileSync(pathFile, 'utf8')); } catch (e) { return { error: `${pathFile}: not JSON (${(e as Error).message})` }; }
  const parsed = parseBenchPath(raw);
  if (!parsed.path) return { error: `${pathFile}:\n${parsed.issues.map((i) => `  ${formatIssue(i)}`).join('\n')}` };
  const reps = int(p, 'reps') ?? 3;
  if (!Number.isInteger(reps) || reps < 1 || reps > 20) return { error: '--reps: expected an integer 1–20' };
  const soak = int(p, 'soak') ?? 0;
  if (!Number.isInteger(soak) || soak > 100) return { error: '--soak: expected an integer 0–100' };
  const configs = (str(p, 'configs') ?? BENCH_CONFIGS.join(',')).split(',').map((s) => s.trim());
  const unknown = configs.filter((c) => !(BENCH_CONFIGS as readonly string[]).includes(c));
  if (unknown.length || configs.length === 0) return { error: `--configs: unknown ${unknown.map((u) => `"${u}"`).join(', ')}; expected some of ${BENCH_CONFIGS.join(', ')}` };
  const sse = Number(str(p, 'sse') ?? 16);
  if (!(sse >= 1 && sse <= 256)) return { error: '--sse: expected a number 1–256' };
  const quietMs = int(p, 'quiet-ms') ?? 500;
  const timeout = int(p, 'timeout') ?? 120;
  if (!Number.isInteger(quietMs) || quietMs < 100 || quietMs > 10_000) return { error: '--quiet-ms: expected an integer 100–10000' };
  if (!Number.isInteger(timeout) || timeout < 5 || timeout > 1800) return { error: '--timeout: expected an integer 5–1800 (seconds)' };
  const shipped = parseShippedOptions(str(p, 'shipped-options') ?? '{}');
  if ('error' in shipped) return shipped;
  const out = resolve(str(p, 'out') ?? 'bench-results');
  if (existsSync(join(out, 'report.json')) && !flag(p, 'force')) return { error: `${join(out, 'report.json')} exists: pass --force to replace it, or another --out` };
  return {
    path: parsed.path, pathFile, reps, out, configs: configs as BenchConfigName[], soak, sse, strictSse: flag(p, 'strict-sse'),
    run: { viewport: VIEWPORT, quietMs, timeoutMs: timeout * 1000, ...(Object.keys(shipped.options).length ? { shippedOptions: shipped.options } : {}) },
    ...(str(p, 'url') ? { url: str(p, 'url')!.replace(/\/$/, '') } : {}), json: flag(p, 'json'),
  };
}

async function glInfo(browser: Browser, base: string): Promise<{ extensions: string[]; userAgent: string }> {
  const page = await browser.newPage();
  try {
    await page.goto(`${base}/bench/cesium-default.html`);
    return await page.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl2');
      return { extensions: gl?.getSupportedExtensions() ?? [], userAgent: navigator.userAgent };
    });
  } finally {
    await page.close();
  }
}

async function bench(s: Settings, base: string, browser: Browser, io: CommandIo): Promise<{ runs: RunMeasure[]; soak: SoakLoop[]; foreign: string[] }> {
  const runs: RunMeasure[] = [];
  const foreign: string[] = [];
  const total = s.reps * s.configs.length;
  for (let rep = 0; rep < s.reps; rep++) {
    // Rotate the order each repetition: a tile the server bakes on first request costs whoever asks first.
    const order = s.configs.map((_, i) => s.configs[(i + rep) % s.configs.length]!);
    for (const config of order) {
      const n = runs.length + 1;
      const opts: RunOptions = {
        ...s.run,
        ...(rep === 0 ? { screenshots: join(s.out, 'shots', config) } : {}),
        onStep: (step, m) => io.progress(`run ${n}/${total} ${config} rep ${rep + 1}: ${step.id} ${(m.bytes / 1e6).toFixed(2)} MB ${m.settleSeconds.toFixed(1)} s${m.timedOut ? ' (timed out)' : ''}`),
      };
      const r = await runPath(browser, base, config, s.path, rep, opts);
      foreign.push(...r.foreign);
      const { foreign: _f, ...measure } = r;
      runs.push(measure);
      const bytes = measure.steps.reduce((a, m) => a + m.bytes, 0);
      const secs = measure.steps.reduce((a, m) => a + m.settleSeconds, 0);
      io.err(`${config} rep ${rep + 1}: ${(bytes / 1e6).toFixed(2)} MB, ${measure.steps.reduce((a, m) => a + m.requests, 0)} requests, settle ${secs.toFixed(1)} s\n`);
    }
  }
  const soak: SoakLoop[] = [];
  if (s.soak > 0) {
    // A soak runs for hours: each loop is also appended to soak-loops.jsonl as it ends, so a run cut
    // short (a session's end, a crash) still leaves every loop it finished, not just a log line.
    const loopsFile = join(s.out, 'soak-loops.jsonl');
    writeFileSync(loopsFile, '');
    for (const config of s.configs.filter((c) => c !== 'tilesRenderer')) {
      soak.push(...await runSoak(browser, base, config, s.path, s.soak, s.run, (loop) => {
        appendFileSync(loopsFile, `${JSON.stringify(loop)}\n`);
        io.err(`soak ${config} loop ${loop.loop}: heap ${(loop.heapBytes / 1048576).toFixed(1)} MiB, tiles ${(loop.tileMemoryBytes / 1048576).toFixed(1)} MiB, fetched ${(loop.bytes / 1e6).toFixed(2)} MB\n`);
      }));
    }
  }
  return { runs, soak, foreign };
}

export async function run(args: string[], io: CommandIo): Promise<number> {
  const s = readSettings(args);
  if ('error' in s) { io.err(`${s.error}\n${usage}`); return 2; }
  const url = s.url;
  const root = process.cwd();
  if (!url && distIsStale(root, join(root, 'dist'))) {
    io.progress('building the app…');
    const code = await runViteBuild(root, io);
    if (code !== 0) return code;
  }
  const tilesetsDir = join(root, 'tilesets');
  if (!existsSync(join(tilesetsDir, 'reality', 'tileset.json'))) { io.err('tilesets/reality/tileset.json is missing: run `npm run tilesets` (or `npm start` once)\n'); return 1; }
  mkdirSync(s.out, { recursive: true });
  io.progress('oracle: minimal cuts for each step…');
  const ideal = await idealForPath(tilesetsDir, s.path, VIEWPORT, s.sse, (done, total) => io.progress(`oracle: weighing tiles ${done}/${total} (missing ones are generated once)`), !s.strictSse);
  return withBenchBrowser(url, io, async (base, browser) => {
    const gl = await glInfo(browser, base);
    const { runs, soak, foreign } = await bench(s, base, browser, io);
    const meta = {
      date: new Date().toISOString(), viewport: VIEWPORT, maxSse: s.sse, repetitions: s.reps, glExtensions: gl.extensions, userAgent: gl.userAgent,
      notes: [`path: ${s.pathFile} (${s.path.steps.length} steps)`, s.strictSse ? 'ideal: Cesium SSE without dynamic-SSE relief (--strict-sse)' : 'ideal: Cesium SSE with its default dynamic-SSE relief (density 2e-4, factor 24, height falloff 0.25)', ...(s.run.shippedOptions ? [`shipped: its config with ${JSON.stringify(s.run.shippedOptions)} (--shipped-options; null = Cesium's default)`] : []), 'browser HTTP cache disabled: every renderer is measured on what it asks for', 'headless chromium + SwiftShader on this machine: absolute times are CPU rendering; compare ratios within one run'],
    };
    const shots = s.path.steps.map((step) => {
      const files = Object.fromEntries(s.configs.map((c) => [c, `shots/${c}/${step.id}.png`])) as Record<BenchConfigName, string>;
      const differs = s.configs.includes('shipped') && s.configs.includes('cesiumDefault') ? shotDifference(join(s.out, files.shipped), join(s.out, files.cesiumDefault)) : undefined;
      return { stepId: step.id, files, ...(differs === undefined ? {} : { shippedVsCesiumDefault: differs }) };
    });
    const quality = shots.flatMap((q) => (q.shippedVsCesiumDefault === undefined ? [] : [{ stepId: q.stepId, shippedVsCesiumDefault: q.shippedVsCesiumDefault }]));
    const report = { ...summarise(s.path, runs, ideal, meta), ...(soak.length ? { soak: summariseSoak(soak) } : {}), ...(quality.length ? { pixelsDiffering: quality } : {}), runs, foreignRequests: [...new Set(foreign)] };
    writeFileSync(join(s.out, 'report.json'), `${JSON.stringify(report, null, 1)}\n`);
    writeFileSync(join(s.out, 'report.md'), reportMarkdown(report, { screenshots: shots }));
    writeFileSync(join(s.out, 'chart.svg'), reportChartSvg(report));
    if (s.json) io.out(`${JSON.stringify(report)}\n`);
    else io.out(`${readFileSync(join(s.out, 'report.md'), 'utf8').split('\n## ')[0]}\nwritten: ${s.out}/report.json, report.md, chart.svg\n`);
    if (foreign.length) { io.err(`requests to other hosts: ${[...new Set(foreign)].join(', ')}\n`); return 1; }
    return 0;
  });
}
