// One configuration flown once along a bench path in a fresh browser context: per step the bytes
// and requests of the reality tileset, the settle time (camera set or flight started → the
// renderer has everything it wants and the network has been quiet for `quietMs`), tile memory and
// the JS heap after a forced GC.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, CDPSession, Page } from '@playwright/test';
import { stepPose, type BenchConfigName, type BenchPath, type BenchPose, type PathStep, type RunMeasure, type StepMeasure } from '../../../src/domain/bench/index.ts';
import { NetworkMeter, diffTotals } from './network.ts';
import { isRealityRequest, pageUrl } from './pages.ts';
import { patchMeshLayer, type ShippedOptions } from './shippedOptions.ts';
import { settleAfter, type SettleProbe } from './settle.ts';

export interface RunOptions {
  readonly viewport: { readonly width: number; readonly height: number };
  /** Quiet time that ends a settle. */
  readonly quietMs: number;
  /** A step that has not settled by then is recorded as timed out. */
  readonly timeoutMs: number;
  /** Folder for one screenshot per step (only for the run asked to take them). */
  readonly screenshots?: string;
  readonly onStep?: (step: PathStep, m: StepMeasure) => void;
  /** Streaming options for the shipped viewer (its mesh layer and its config's `streaming`): one tuning change at a time. */
  readonly shippedOptions?: ShippedOptions;
}

export interface OpenPage {
  readonly page: Page;
  readonly cdp: CDPSession;
  readonly meter: NetworkMeter;
  close(): Promise<void>;
}

export async function openBenchPage(browser: Browser, base: string, config: BenchConfigName, start: BenchPose, opts: RunOptions): Promise<OpenPage> {
  const context = await browser.newContext({ viewport: opts.viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const meter = new NetworkMeter(isRealityRequest, new URL(base).origin);
  await meter.attach(cdp);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('Performance.enable');
  const patch = config === 'shipped' ? opts.shippedOptions : undefined;
  if (patch) {
    await page.route((url) => url.pathname === '/config.json', async (route) => {
      const response = await route.fetch();
      const patched = patchMeshLayer(await response.json(), patch);
      if ('error' in patched) await route.fulfill({ status: 500, body: patched.error });
      else await route.fulfill({ response, json: patched.config });
    });
  }
  await page.goto(pageUrl(base, config, start), { timeout: 120_000 });
  await page.waitForFunction(() => window.__bench !== undefined && (window.__bench.ready() || window.__bench.error() !== undefined), null, { timeout: 120_000, polling: 200 });
  const error = await page.evaluate(() => window.__bench!.error());
  if (error) {
    await context.close();
    throw new Error(`${config}: ${error}`);
  }
  return { page, cdp, meter, close: () => context.close() };
}

export async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
}

async function runStep(open: OpenPage, step: PathStep, from: BenchPose, opts: RunOptions): Promise<StepMeasure> {
  const before = open.meter.totals();
  const frames0 = await open.page.evaluate(() => window.__bench!.status().frames);
  const t0 = performance.now();
  let framesAtFinalView = frames0;
  if (step.kind === 'waypoint') await open.page.evaluate((p) => window.__bench!.setView(p), step.pose);
  else {
    // fly() resolves when the camera reaches the destination: only frames after that count.
    await open.page.evaluate(([a, b, s]) => window.__bench!.fly(a, b, s), [from, step.to, step.seconds] as const);
    framesAtFinalView = await open.page.evaluate(() => window.__bench!.status().frames);
  }
  const probe = async (): Promise<SettleProbe> => ({ ...await open.page.evaluate(() => window.__bench!.status()), inFlight: open.meter.inFlight });
  const clock = { now: () => performance.now(), wait: (ms: number) => open.page.waitForTimeout(ms) };
  const { seconds, timedOut } = await settleAfter(probe, clock, t0, framesAtFinalView, opts);
  const net = diffTotals(before, open.meter.totals());
  const status = await open.page.evaluate(() => window.__bench!.status());
  const heapBytes = await heapAfterGc(open.cdp);
  if (opts.screenshots) await open.page.screenshot({ path: join(opts.screenshots, `${step.id}.png`) });
  return { stepId: step.id, bytes: net.bytes, requests: net.requests, cancelled: net.cancelled, settleSeconds: seconds, timedOut, tileMemoryBytes: status.tileMemoryBytes, heapBytes };
}

/** Flies the path once on an open page (the soak calls this in a loop). Page-load bytes before
 *  the first step count toward the first step. */
export async function flyPath(open: OpenPage, path: BenchPath, opts: RunOptions): Promise<StepMeasure[]> {
  if (opts.screenshots) mkdirSync(opts.screenshots, { recursive: true });
  const out: StepMeasure[] = [];
  let from = stepPose(path.steps[0]!);
  for (const step of path.steps) {
    const m = await runStep(open, step, from, opts);
    out.push(m);
    opts.onStep?.(step, m);
    from = stepPose(step);
  }
  return out;
}

export async function runPath(browser: Browser, base: string, config: BenchConfigName, path: BenchPath, rep: number, opts: RunOptions): Promise<RunMeasure & { foreign: readonly string[] }> {
  const start = stepPose(path.steps[0]!);
  const open = await openBenchPage(browser, base, config, start, opts);
  try {
    // Bytes of the page load itself (the tileset root fetched before the first step) belong to step 1.
    const initial = open.meter.totals();
    const steps = await flyPath(open, path, opts);
    const first = steps[0]!;
    steps[0] = { ...first, bytes: first.bytes + initial.bytes, requests: first.requests + initial.requests, cancelled: first.cancelled + initial.cancelled };
    const frameMs = await open.page.evaluate(() => window.__bench!.timeFrames(5));
    return { config, rep, steps, frameMs, foreign: [...open.meter.foreign] };
  } finally {
    await open.close();
  }
}
