// `npm run bench:underground`: what the underground layers cost. In ONE browser session per view:
// frame time and tile memory with the mesh alone, with pipelines + seabed + water added, and with
// the mesh alone again (the repeat shows the noise); at the street view also underground mode off /
// on and an excavation pit off / on. Frames are rendered back to back (window.__twin.timeFrames).
// Only ratios within one run mean anything: SwiftShader draws on the CPU of a shared machine.
import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { CommandIo } from '../lib/io.ts';
import { flag, int, parseCommandArgs, str } from '../lib/args.ts';
import { withBenchBrowser } from '../lib/bench.ts';

const usage = `usage: npm run bench:underground -- [--url http://host:port] [--frames N (default 10)] [--out report.json] [--json]
  Starts its own server on a free port unless --url is given; needs the built app (npm run build) and default data.
`;

interface View { readonly id: string; readonly camera: string; readonly street: boolean }

/** The standard views: a street crossing in 东部新城 (pipes), the port and 金塘水道 (seabed), the city. */
const VIEWS: readonly View[] = [
  { id: 'dongbu-street-60m', camera: '121.6278,29.8665,60,0,-35,0', street: true },
  { id: 'beilun-seabed-9km', camera: '121.80,29.86,9000,10,-40,0', street: false },
  { id: 'city-overview-15km', camera: '121.56,29.78,15000,0,-60,0', street: false },
];
const MESH = ['reality', 'base'];
const EXTRA = ['pipelines', 'seabed', 'water'];

interface State { readonly ms: number; readonly tileMB: Record<string, number> }
export interface UndergroundViewResult {
  readonly view: string;
  readonly meshOnly: State;
  readonly withLayers: State;
  readonly meshOnlyAgain: State;
  /** fps with the layers / fps without (1 = free). */
  readonly layersFpsRatio: number;
  readonly underground?: { readonly msOff: number; readonly msOn: number; readonly fpsRatio: number };
  readonly pit?: { readonly msOff: number; readonly msOn: number; readonly fpsRatio: number; readonly clippedTargets: number };
}

async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(1000);
  await page.waitForFunction(() => document.documentElement.dataset['tilesSettled'] === 'true', null, { timeout: 480_000, polling: 1000 });
}

async function measure(page: Page, frames: number): Promise<State> {
  await settle(page);
  const ms = await page.evaluate((n) => window.__twin!.timeFrames(n), frames);
  const bytes = await page.evaluate(() => window.__twin!.tileMemory());
  return { ms, tileMB: Object.fromEntries(Object.entries(bytes).map(([k, v]) => [k, Math.round(v / 1e4) / 100])) };
}

/** Each state is a fresh load of the same view (toggling layers on a settled page can measure
 *  before a newly shown tileset has requested anything). */
async function load(page: Page, base: string, view: View, layers: readonly string[]): Promise<void> {
  await page.goto(`${base}/?layers=${layers.join(',')}&camera=${view.camera}`, { timeout: 120_000 });
  await page.waitForFunction(() => window.__twin !== undefined, null, { timeout: 120_000 });
}

async function measureView(page: Page, base: string, view: View, frames: number, io: CommandIo): Promise<UndergroundViewResult> {
  io.progress(`${view.id}: mesh only…`);
  await load(page, base, view, MESH);
  const meshOnly = await measure(page, frames);
  io.progress(`${view.id}: with pipelines, seabed, water…`);
  await load(page, base, view, [...MESH, ...EXTRA]);
  const withLayers = await measure(page, frames);
  let underground: UndergroundViewResult['underground'];
  let pit: UndergroundViewResult['pit'];
  if (view.street) {
    io.progress(`${view.id}: underground mode…`);
    await page.getByTestId('underground-toggle').check({ force: true });
    const on = await measure(page, frames);
    await page.getByTestId('underground-toggle').uncheck({ force: true });
    const off = await measure(page, frames);
    underground = { msOff: off.ms, msOn: on.ms, fpsRatio: off.ms / on.ms };
    io.progress(`${view.id}: excavation pit…`);
    await page.getByTestId('pit-preset').selectOption('dongbu-crossing', { force: true });
    await page.waitForFunction(() => window.__twin!.ground().pits === 1, null, { timeout: 120_000 });
    const withPit = await measure(page, frames);
    const clippedTargets = await page.evaluate(() => window.__twin!.ground().clippedTargets);
    await page.locator('[data-testid^="pit-remove-"]').first().click({ force: true });
    // The preset flew the camera to the pit: measure "no pit" from that same place.
    const noPit = await measure(page, frames);
    pit = { msOff: noPit.ms, msOn: withPit.ms, fpsRatio: noPit.ms / withPit.ms, clippedTargets };
  }
  await load(page, base, view, MESH);
  const meshOnlyAgain = await measure(page, frames);
  const without = (meshOnly.ms + meshOnlyAgain.ms) / 2;
  return { view: view.id, meshOnly, withLayers, meshOnlyAgain, layersFpsRatio: without / withLayers.ms, ...(underground ? { underground } : {}), ...(pit ? { pit } : {}) };
}

export async function run(args: string[], io: CommandIo): Promise<number> {
  const p = parseCommandArgs(args, { url: { type: 'string' }, frames: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' } });
  if ('error' in p) { io.err(`${p.error}\n${usage}`); return 2; }
  const frames = int(p, 'frames') ?? 10;
  if (!Number.isInteger(frames) || frames < 3 || frames > 500) { io.err(`--frames: expected an integer 3–500\n${usage}`); return 2; }
  return withBenchBrowser(str(p, 'url'), io, async (base, browser) => {
    const results: UndergroundViewResult[] = [];
    for (const view of VIEWS) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
      results.push(await measureView(page, base, view, frames, io));
      await page.close();
    }
    const report = { frames, viewport: '1280x720@1', renderer: 'chromium + SwiftShader (CPU)', results };
    if (str(p, 'out')) writeFileSync(str(p, 'out')!, `${JSON.stringify(report, null, 2)}\n`);
    if (flag(p, 'json')) io.out(`${JSON.stringify(report)}\n`);
    else io.out(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  });
}
