// `npm run bench:planning`: what draping thousands of planning polygons on the mesh costs. For each
// view, in ONE browser session: frame time with all control lines on, off, and on again (the
// repeat shows the noise), frames rendered back to back (window.__twin.timeFrames, gl.finish each
// frame). Only ratios within one run mean anything on a shared machine; SwiftShader draws on the
// CPU, so absolute fps are far below a GPU's.
import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { CommandIo } from '../lib/io.ts';
import { flag, int, parseCommandArgs, str } from '../lib/args.ts';
import { withBenchBrowser } from '../lib/bench.ts';

const usage = `usage: npm run bench:planning -- [--url http://host:port] [--frames N (default 15)] [--out report.json] [--json]
  Starts its own server on a free port unless --url is given; needs the built app (npm run build) and default data.
`;

interface View { readonly id: string; readonly camera: string }

/** Oblique street-block view and a district overview: the polygons a planner sees at once. */
const VIEWS: readonly View[] = [
  { id: 'dongbu-oblique-4km', camera: '121.60,29.80,4000,0,-45,0' },
  { id: 'city-overview-15km', camera: '121.56,29.78,15000,0,-60,0' },
];

export interface ViewResult {
  readonly view: string;
  readonly controlLinesShown: number;
  readonly msOn: number;
  readonly msOff: number;
  readonly msOnAgain: number;
  /** fps with lines on / fps with lines off (1 = free). */
  readonly fpsRatio: number;
}

/** Clicks wait for two equal animation frames; under a busy software renderer that can take long, so controls are clicked with force. */
async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(1000);
  await page.waitForFunction(() => document.documentElement.dataset['tilesSettled'] === 'true', null, { timeout: 480_000, polling: 1000 });
}

async function measureView(page: Page, base: string, view: View, frames: number, io: CommandIo): Promise<ViewResult> {
  await page.goto(`${base}/?layers=reality,base,controlLines&camera=${view.camera}`, { timeout: 120_000 });
  io.progress(`${view.id}: loading…`);
  await settle(page);
  const time = (): Promise<number> => page.evaluate((n) => window.__twin!.timeFrames(n), frames);
  const shown = await page.evaluate(() => window.__twin!.planning().shown['controlLines'] ?? 0);
  const msOn = await time();
  io.progress(`${view.id}: lines off…`);
  await page.getByTestId('layer-toggle-controlLines').uncheck({ force: true, timeout: 120_000 });
  await settle(page);
  const msOff = await time();
  await page.getByTestId('layer-toggle-controlLines').check({ force: true, timeout: 120_000 });
  await settle(page);
  const msOnAgain = await time();
  const on = (msOn + msOnAgain) / 2;
  return { view: view.id, controlLinesShown: shown, msOn, msOff, msOnAgain, fpsRatio: msOff / on };
}

export async function run(args: string[], io: CommandIo): Promise<number> {
  const p = parseCommandArgs(args, { url: { type: 'string' }, frames: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' } });
  if ('error' in p) { io.err(`${p.error}\n${usage}`); return 2; }
  const frames = int(p, 'frames') ?? 15;
  if (!Number.isInteger(frames) || frames < 3 || frames > 500) { io.err(`--frames: expected an integer 3–500\n${usage}`); return 2; }
  return withBenchBrowser(str(p, 'url'), io, async (base, browser) => {
    const results: ViewResult[] = [];
    for (const view of VIEWS) {
      // A fresh page per view: the previous view's work never overlaps the next one's.
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
      results.push(await measureView(page, base, view, frames, io));
      await page.close();
    }
    const report = { frames, viewport: '1280x720@1', renderer: 'chromium + SwiftShader (CPU)', results };
    if (str(p, 'out')) writeFileSync(str(p, 'out')!, `${JSON.stringify(report, null, 2)}\n`);
    if (flag(p, 'json')) io.out(`${JSON.stringify(report)}\n`);
    else {
      io.out(`view                 lines   ms on   ms off  ms on again  fps on/off\n`);
      for (const r of results) {
        io.out(`${r.view.padEnd(20)} ${String(r.controlLinesShown).padStart(5)} ${r.msOn.toFixed(1).padStart(7)} ${r.msOff.toFixed(1).padStart(8)} ${r.msOnAgain.toFixed(1).padStart(12)} ${r.fpsRatio.toFixed(2).padStart(11)}\n`);
      }
    }
    return 0;
  });
}
