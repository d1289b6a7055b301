// Command-centre wall (?mode=screen) at its real sizes: layout boxes, chart totals against the
// data, the tour advancing and pausing on input, a fixture feed reaching the ticker, a broken
// feed showing the stale badge, and nothing piling up over tour loops. The base map and the
// projects layer only: the mesh would cost minutes per view in SwiftShader.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { waitForDrawnScene, waitForTwin } from './twin.ts';

interface ProjectFeature { properties: { projectCode: string; stage: string; stageDates: Record<string, string>; area?: number } }
interface Collection { type: string; features: ProjectFeature[] }

const shipped = JSON.parse(readFileSync('public/config.json', 'utf8')) as Record<string, unknown>;
const projects = JSON.parse(readFileSync('tilesets/planning/projects.geojson', 'utf8')) as Collection;

type Box = { x: number; y: number; width: number; height: number };

/** A short tour and a fast fixture feed, so the test sees stops, pauses and updates in seconds. */
async function openWall(page: Page, feed: () => { status?: number; body: string }, tour = { flightSeconds: 1, resumeAfterSeconds: 3, dwell: 2 }, source: Record<string, unknown> = { url: '/feed.json' }) {
  const config = {
    ...shipped,
    screen: {
      tour: {
        flightSeconds: tour.flightSeconds, resumeAfterSeconds: tour.resumeAfterSeconds,
        stops: [{ bookmark: 'dongbu', dwellSeconds: tour.dwell }, { bookmark: 'sanjiangkou', dwellSeconds: tour.dwell }],
      },
      feed: { layer: 'projects', ...source, intervalSeconds: 1 },
      display: { resolutionScale: 1, maxPixelRatio: 1, maxMegapixels: 8.3, fxaa: true },
    },
  };
  await page.route((u) => u.pathname === '/wall.json', (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify(config) }));
  await page.route((u) => u.pathname === '/feed.json', (r) => {
    const f = feed();
    return r.fulfill({ status: f.status ?? 200, contentType: 'application/json', body: f.body });
  });
  // A server-sent-events stream that sends one message (the whole collection) and ends.
  await page.route((u) => u.pathname === '/events', (r) => r.fulfill({ contentType: 'text/event-stream', body: `data: ${feed().body}\n\n` }));
  await page.goto('/?config=/wall.json&mode=screen&layers=base,projects');
  await waitForTwin(page);
  await expect.poll(() => page.evaluate(() => window.__twin?.planning().projects ?? 0), { timeout: 60_000 }).toBe(projects.features.length);
}

async function boxes(page: Page): Promise<Record<string, Box | null>> {
  const out: Record<string, Box | null> = {};
  for (const id of ['wall-left', 'wall-right', 'chart-stages', 'chart-districts', 'chart-months', 'wall-clock', 'feed-badge', 'synthetic-label']) {
    out[id] = await page.getByTestId(id).boundingBox();
  }
  return out;
}

function expectLayout(b: Record<string, Box | null>, width: number, height: number): void {
  for (const [id, box] of Object.entries(b)) {
    expect(box, id).not.toBeNull();
    expect(box!.x, id).toBeGreaterThanOrEqual(0);
    expect(box!.y, id).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width, id).toBeLessThanOrEqual(width + 0.5);
    expect(box!.y + box!.height, id).toBeLessThanOrEqual(height + 0.5);
  }
  const left = b['wall-left']!, right = b['wall-right']!;
  // Side panels leave the middle to the map: at least half the wall's width.
  expect(right.x - (left.x + left.width)).toBeGreaterThanOrEqual(width * 0.5);
  // Charts are stacked without overlapping, each tall enough to read.
  const charts = ['chart-stages', 'chart-districts', 'chart-months'].map((id) => b[id]!);
  for (let i = 1; i < charts.length; i++) expect(charts[i]!.y).toBeGreaterThanOrEqual(charts[i - 1]!.y + charts[i - 1]!.height);
  for (const c of charts) expect(c.height).toBeGreaterThan(height * 0.15);
  // The synthetic label stays in the map area, clear of both panels.
  const label = b['synthetic-label']!;
  expect(label.x).toBeGreaterThan(left.x + left.width);
  expect(label.x + label.width).toBeLessThan(right.x);
}

const original = JSON.stringify(projects);

test.describe('command-centre wall on a 32:9 8K wall', () => {
  test.use({ viewport: { width: 7680, height: 2160 } });

  test('layout, chart totals equal the data, and the render stays under the pixel cap', async ({ page }, info) => {
    await openWall(page, () => ({ body: original }));
    expectLayout(await boxes(page), 7680, 2160);
    const total = (id: string) => page.getByTestId(id).getAttribute('data-total').then(Number);
    expect(await total('chart-stages')).toBe(projects.features.length);
    const ha = projects.features.reduce((s, f) => s + (f.properties.area ?? 0), 0) / 10_000;
    // Each district's area is rounded to 0.01 ha per stage: the sum may differ by that much per bar.
    expect(Math.abs((await total('chart-districts')) - ha)).toBeLessThan(0.01 * 6 * 12);
    // Transitions in the 12 months ending with the latest date in the data, counted here directly.
    const dates = projects.features.flatMap((f) => Object.entries(f.properties.stageDates).filter(([s]) => s !== 'plan').map(([, d]) => d));
    const latest = dates.reduce((a, b) => (a > b ? a : b));
    const end = new Date(`${latest.slice(0, 7)}-01T00:00:00Z`);
    const start = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 11, 1)).toISOString().slice(0, 7);
    expect(await total('chart-months')).toBe(dates.filter((d) => d.slice(0, 7) >= start && d.slice(0, 7) <= latest.slice(0, 7)).length);
    const wall = await page.evaluate(() => window.__twin?.wall());
    expect((wall?.drawingBuffer.width ?? 0) * (wall?.drawingBuffer.height ?? 0)).toBeLessThanOrEqual(8.3e6 * 1.01);
    expect(wall?.drawingBuffer.width).toBeGreaterThan(5000);
    // Under the cap the scene still draws: the globe, not just the panels over an empty sky.
    await waitForDrawnScene(page);
    await page.screenshot({ path: info.outputPath('wall-7680x2160.png') });
  });
});

test.describe('command-centre wall on a 16:9 4K wall', () => {
  test.use({ viewport: { width: 3840, height: 2160 } });

  test('layout; the tour advances, pauses on input and resumes when left alone', async ({ page }, info) => {
    // SwiftShader may take seconds per 4K frame, blocking the page: the pause must outlast a few polls.
    await openWall(page, () => ({ body: original }), { flightSeconds: 1, resumeAfterSeconds: 12, dwell: 2 });
    expectLayout(await boxes(page), 3840, 2160);
    const tour = () => page.evaluate(() => window.__twin?.wall().tour);
    await expect.poll(async () => (await tour())?.index, { timeout: 60_000 }).toBe(1);
    await waitForDrawnScene(page);
    await page.screenshot({ path: info.outputPath('wall-3840x2160.png') });
    await page.mouse.move(1900, 1000);
    await page.mouse.move(1950, 1050, { steps: 4 });
    await expect.poll(async () => (await tour())?.phase, { timeout: 10_000 }).toBe('paused');
    await expect(page.getByTestId('tour-paused')).toBeVisible();
    expect((await tour())?.phase).toBe('paused');
    // Twelve seconds without input and it flies on.
    await expect.poll(async () => (await tour())?.phase, { timeout: 30_000 }).not.toBe('paused');
    await expect(page.getByTestId('tour-paused')).toHaveCount(0);
  });

  test('a feed update reaches the map data and the ticker; a broken feed keeps the data and shows the stale badge', async ({ page }) => {
    const changed = structuredClone(projects);
    const moved = changed.features.find((f) => f.properties.stage === 'approve')!;
    moved.properties.stage = 'supply';
    moved.properties.stageDates['supply'] = '2026-11-24';
    let phase: 'same' | 'changed' | 'broken' = 'same';
    await openWall(page, () => (phase === 'same' ? { body: original } : phase === 'changed' ? { body: JSON.stringify(changed) } : { body: '<html>502 Bad Gateway</html>' }), { flightSeconds: 1, resumeAfterSeconds: 600, dwell: 600 });
    await expect(page.getByTestId('feed-badge')).toHaveAttribute('data-state', 'live');
    await expect(page.getByTestId('ticker-entry')).toHaveCount(0);
    const updatesBefore = (await page.evaluate(() => window.__twin?.wall()))?.updates ?? 0;
    phase = 'changed';
    const entry = page.locator(`[data-testid="ticker-entry"][data-code="${moved.properties.projectCode}"]`);
    await expect(entry).toBeVisible({ timeout: 30_000 });
    await expect(entry).toContainText('批 审批 → 供 供地');
    // One update for the change (the feed's first, unchanged answer is not an update once the layer has loaded).
    expect((await page.evaluate(() => window.__twin?.wall()))?.updates).toBe(updatesBefore + 1);
    // The layer was rebuilt from the new data: the charts count one project less in 批, one more in 供.
    const counts = (stages: string | null) => (stages ?? '').split(',').map(Number);
    const before = projects.features.filter((f) => f.properties.stage === 'approve').length;
    await expect.poll(async () => counts(await page.getByTestId('chart-stages').getAttribute('data-values'))[1]).toBe(before - 1);
    expect(counts(await page.getByTestId('chart-stages').getAttribute('data-values'))[2]).toBe(projects.features.filter((f) => f.properties.stage === 'supply').length + 1);
    phase = 'broken';
    const badge = page.getByTestId('feed-badge');
    await expect(badge).toHaveAttribute('data-state', 'stale', { timeout: 30_000 });
    await expect(badge).toContainText('数据截至');
    await expect(badge).toContainText('秒后重连');
    // The last good data stays: the ticker and the charts still show it.
    await expect(entry).toBeVisible();
    expect(await page.evaluate(() => window.__twin?.planning().projects)).toBe(projects.features.length);
    phase = 'changed';
    await expect(badge).toHaveAttribute('data-state', 'live', { timeout: 60_000 });
  });

  test('a server-sent-events feed: its message reaches the ticker; the dropped stream shows stale and reconnects', async ({ page }) => {
    const changed = structuredClone(projects);
    const moved = changed.features.find((f) => f.properties.stage === 'use')!;
    moved.properties.stage = 'register';
    moved.properties.stageDates['register'] = '2026-11-24';
    // One record the validator refuses: it is counted on the badge, and not announced as withdrawn.
    const broken = changed.features.find((f) => f !== moved)!;
    (broken.properties as Record<string, unknown>)['stage'] = 'demolished';
    // The first connection sends the data as loaded; every reconnection after it the changed data.
    let connections = 0;
    await openWall(page, () => ({ body: connections++ === 0 ? original : JSON.stringify(changed) }), { flightSeconds: 1, resumeAfterSeconds: 600, dwell: 600 }, { sse: '/events' });
    await expect(page.locator(`[data-testid="ticker-entry"][data-code="${moved.properties.projectCode}"]`)).toContainText('用 用地 → 登 登记', { timeout: 30_000 });
    // The fixture stream ends after its message: the wall says so, keeps the data, and reconnects.
    const badge = page.getByTestId('feed-badge');
    await expect(badge).toHaveAttribute('data-state', 'stale', { timeout: 30_000 });
    await expect(badge).toContainText('数据截至');
    await expect(page.getByTestId('feed-skipped')).toContainText('1 条无效记录已跳过');
    // It reconnects (the fixture answers each connection once and ends it); a repeat of the same
    // message is no new update.
    await expect.poll(() => connections, { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
    expect(await page.locator('[data-testid="ticker-entry"]').count()).toBe(1);
    expect((await page.evaluate(() => window.__twin?.wall()))?.ticker).toBe(1);
  });
});

test.describe('command-centre wall over a day', () => {
  test('ten tour loops: scene and heap do not grow; frame time at 7680×2160 vs 1920×1080', async ({ page, browser }, info) => {
    test.setTimeout(600_000);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await openWall(page, () => ({ body: original }), { flightSeconds: 0.5, resumeAfterSeconds: 600, dwell: 1 });
    const cdp = await page.context().newCDPSession(page);
    const heapMb = async (): Promise<number> => {
      await cdp.send('HeapProfiler.collectGarbage');
      const h = await cdp.send('Runtime.getHeapUsage');
      return h.usedSize / 1e6;
    };
    await cdp.send('Performance.enable');
    const counters = async (): Promise<{ listeners: number; nodes: number }> => {
      const m = new Map((await cdp.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value]));
      return { listeners: m.get('JSEventListeners') ?? 0, nodes: m.get('Nodes') ?? 0 };
    };
    const loops = () => page.evaluate(() => window.__twin?.wall().tour?.loops ?? 0);
    await expect.poll(loops, { timeout: 120_000, intervals: [500] }).toBeGreaterThanOrEqual(1);
    const scene1 = (await page.evaluate(() => window.__twin?.wall()))?.scene;
    const heap1 = await heapMb();
    const count1 = await counters();
    await expect.poll(loops, { timeout: 480_000, intervals: [1000] }).toBeGreaterThanOrEqual(10);
    const scene10 = (await page.evaluate(() => window.__twin?.wall()))?.scene;
    const heap10 = await heapMb();
    const count10 = await counters();
    expect(scene10).toEqual(scene1);
    // Listeners and DOM nodes: a few come and go with the clock and cards; a leak per stop would add twenty sets.
    expect(count10.listeners - count1.listeners).toBeLessThan(20);
    expect(count10.nodes).toBeLessThan(count1.nodes * 1.1 + 50);
    // Noise allowance: tile caches settle, but a leak of one chart or listener set per stop would
    // add tens of MB over twenty stops.
    expect(heap10 - heap1).toBeLessThan(15);

    // Frame time of the wall layout, same run: 1920×1080 here, then a 7680×2160 page.
    const frame1080 = await page.evaluate(() => window.__twin?.timeFrames(20) ?? 0);
    // One wall at a time: the 1080p page's tour would compete for the two cores.
    await page.goto('about:blank');
    const big = await browser.newPage({ viewport: { width: 7680, height: 2160 } });
    await openWall(big, () => ({ body: original }), { flightSeconds: 0.5, resumeAfterSeconds: 600, dwell: 600 });
    await big.waitForTimeout(3000);
    const frame8k = await big.evaluate(() => window.__twin?.timeFrames(20) ?? 0);
    await big.close();
    const figures = { heapAfterLoop1Mb: heap1, heapAfterLoop10Mb: heap10, counters: { loop1: count1, loop10: count10 }, scene: scene10, frameMs1080: frame1080, frameMs8k: frame8k, ratio: frame8k / frame1080 };
    await info.attach('wall-figures.json', { body: JSON.stringify(figures, null, 2), contentType: 'application/json' });
    console.log(`wall figures: ${JSON.stringify(figures)}`);
  });
});
