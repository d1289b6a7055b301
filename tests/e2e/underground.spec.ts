// Underground (C2) as a utility engineer uses it: go underground, click a pipe through the
// translucent ground and read its card, filter its class away, open and remove an excavation pit;
// the seabed's depth readout. Expected values come from the generated survey tables themselves.
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { parseSurveyTables, pipeCentreline, type SurveyPipe, type SurveyPoint } from '../../src/domain/pipelines/index.ts';
import { DEFAULT_GEOID_OFFSET_METERS } from '../../src/domain/geodesy/index.ts';
import { canvasShot, changedShare, waitForMesh, waitForSettled, waitForTwin } from './twin.ts';

const SURVEY = new URL('../../tilesets/pipelines-survey/', import.meta.url);
const file = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(new URL(name, SURVEY))) });
const network = parseSurveyTables(file('管点.csv'), file('管线.csv'));
const points = new Map<string, SurveyPoint>(network.points.map((p) => [p.id, p]));

/** A long, wide gas main (its own colour, few neighbours): easy to hit with a click. */
function target(): { pipe: SurveyPipe; lon: number; lat: number; h: number } {
  const candidates = network.pipes.filter((p) => p.cls === 'JS' && p.section.kind === 'round' && p.section.diameterMm >= 300);
  const length = (p: SurveyPipe): number => {
    const a = points.get(p.from)!, b = points.get(p.to)!;
    return Math.hypot(a.easting - b.easting, a.northing - b.northing);
  };
  const pipe = candidates.sort((a, b) => length(b) - length(a))[0]!;
  const c = pipeCentreline(pipe, points.get(pipe.from)!, points.get(pipe.to)!);
  return { pipe, lon: (c.start.lon + c.end.lon) / 2, lat: (c.start.lat + c.end.lat) / 2, h: (c.start.height1985 + c.end.height1985) / 2 + DEFAULT_GEOID_OFFSET_METERS };
}

/** The middle of the map, clear of the panels (whose scroll and readout change on their own). */
function mapShot(page: Page): Promise<Buffer> {
  return page.screenshot({ clip: { x: 300, y: 90, width: 620, height: 420 } });
}

async function ground(page: Page) {
  return page.evaluate(() => window.__twin!.ground());
}

async function clickAt(page: Page, lon: number, lat: number, h: number): Promise<void> {
  const p = await page.evaluate(([x, y, z]) => window.__twin!.project(x!, y!, z!), [lon, lat, h]);
  expect(p, 'the pipe is on screen').toBeDefined();
  await page.locator('.cesium-widget canvas').first().click({ position: { x: p!.x, y: p!.y }, force: true });
}

test.describe('underground pipelines', () => {
  test('underground mode shows pipes through the ground; a click opens the card; a class filter hides them', async ({ page }) => {
    test.setTimeout(480_000);
    const t = target();
    // Looking north-down at the pipe from 90 m south of it and 70 m up.
    await page.goto(`/?layers=reality,base,pipelines&camera=${t.lon},${t.lat - 0.0008},70,0,-40,0`);
    await waitForTwin(page);
    await waitForMesh(page, 'pipelines', 1);
    await waitForSettled(page, 240_000);
    const before = await canvasShot(page);
    expect((await ground(page)).translucent).toBe(false);
    await page.getByTestId('underground-toggle').check({ force: true });
    await expect.poll(async () => (await ground(page)).translucent).toBe(true);
    expect((await ground(page)).collision, 'the camera may go below ground').toBe(false);
    await expect(page.getByTestId('watermark')).toBeVisible();
    await page.waitForTimeout(2000);
    await waitForSettled(page, 120_000);
    expect(changedShare(before, await canvasShot(page)), 'the ground turned see-through').toBeGreaterThan(0.02);

    await clickAt(page, t.lon, t.lat, t.h);
    const card = page.getByTestId('pipe-card');
    await expect(card).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('pipe-id')).toHaveText(`${t.pipe.from}-${t.pipe.to}`);
    await expect(page.getByTestId('pipe-class')).toHaveText('给水 (JS)');
    await expect(page.getByTestId('pipe-owner')).toHaveText(t.pipe.owner);
    await expect(page.getByTestId('pipe-year')).toHaveText(String(t.pipe.year));
    await expect(page.getByTestId('pipe-size')).toContainText(String((t.pipe.section as { diameterMm: number }).diameterMm));
    await expect(page.getByTestId('pipe-startDepth')).toContainText(t.pipe.startDepth.toFixed(2));
    await expect(page.getByTestId('pipe-endDepth')).toContainText(t.pipe.endDepth.toFixed(2));

    // The same card in English.
    await page.getByTestId('lang-switch').click({ force: true });
    await expect(page.getByTestId('pipe-class')).toHaveText('Water supply (JS)');
    await expect(page.getByTestId('pipe-material')).not.toHaveText(/[\u4e00-\u9fff]/);

    // Filter the class away: the layer's style hides it and a click there finds no pipe.
    await page.getByTestId('layer-pipelines').getByTestId('legend-toggle-pipelines-JS').uncheck({ force: true });
    await page.getByTestId('pipe-card-close').click({ force: true });
    await page.waitForTimeout(2000);
    await clickAt(page, t.lon, t.lat, t.h);
    await page.waitForTimeout(3000);
    const picked = await page.evaluate(() => window.__twin!.pipe());
    expect(picked?.['class'], 'no water pipe is picked once the class is hidden').not.toBe('JS');
  });

  test('an excavation pit is drawn on the mesh, cuts it, and is removed', async ({ page }) => {
    test.setTimeout(480_000);
    await page.goto('/?layers=reality,base,pipelines&camera=121.6,29.8715,160,0,-60,0');
    await waitForTwin(page);
    await waitForMesh(page, 'reality', 1);
    await waitForSettled(page, 240_000);
    const before = await mapShot(page);
    await page.getByTestId('pit-depth').fill('8');
    await page.getByTestId('pit-draw').click({ force: true });
    await expect(page.getByTestId('pit-drawing-hint')).toBeVisible();
    const canvas = page.locator('.cesium-widget canvas').first();
    const box = (await canvas.boundingBox())!;
    const corners: [number, number][] = [[0.42, 0.45], [0.58, 0.45], [0.6, 0.62], [0.4, 0.62]];
    for (const [fx, fy] of corners) {
      await canvas.click({ position: { x: box.width * fx, y: box.height * fy }, force: true });
      await page.waitForTimeout(1500);
    }
    await page.getByTestId('pit-finish').click({ force: true });
    await expect(page.getByTestId('pit-list').locator('li')).toHaveCount(1, { timeout: 30_000 });
    await expect.poll(async () => (await ground(page)).pits, { timeout: 60_000 }).toBe(1);
    const g = await ground(page);
    expect(g.clippingSupported).toBe(true);
    expect(g.clippedTargets, 'the globe and the mesh are both cut').toBeGreaterThanOrEqual(2);
    await page.waitForTimeout(3000);
    await waitForSettled(page, 120_000);
    const withPit = await mapShot(page);
    if (process.env['SHOTS']) { writeFileSync('/tmp/pit-before.png', before); writeFileSync('/tmp/pit-with.png', withPit); }
    expect(changedShare(before, withPit), 'the pit shows').toBeGreaterThan(0.01);

    await page.locator('[data-testid^="pit-remove-"]').first().click({ force: true });
    await expect.poll(async () => (await ground(page)).pits).toBe(0);
    expect((await ground(page)).clippedTargets).toBe(0);
    await page.waitForTimeout(3000);
    await waitForSettled(page, 120_000);
    const after = await mapShot(page);
    if (process.env['SHOTS']) writeFileSync('/tmp/pit-after.png', after);
    expect(changedShare(before, after), 'the mesh is whole again').toBeLessThan(0.01);
  });

  test('the seabed shows through the water, the readout gives the depth, the water level rises', async ({ page }) => {
    test.setTimeout(360_000);
    await page.goto('/?layers=base,seabed,water&camera=121.84,29.965,8000,0,-90,0');
    await waitForTwin(page);
    await waitForMesh(page, 'seabed', 1);
    await waitForSettled(page, 240_000);
    await expect(page.getByTestId('depth-ramp-seabed')).toBeVisible();
    const canvas = page.locator('.cesium-widget canvas').first();
    const box = (await canvas.boundingBox())!;
    await canvas.hover({ position: { x: box.width / 2, y: box.height / 2 }, force: true });
    const depth = page.getByTestId('readout-depth');
    await expect(depth).toBeVisible({ timeout: 60_000 });
    const metres = Number(/([\d.]+)/.exec((await depth.textContent()) ?? '')?.[1]);
    expect(metres, 'the strait is metres deep here').toBeGreaterThan(2);
    expect(metres).toBeLessThan(80);

    const before = await mapShot(page);
    await page.getByTestId('water-level-water').fill('6');
    await expect(page.getByTestId('water-level-value-water')).toHaveText('6.0');
    await page.waitForTimeout(2000);
    await waitForSettled(page, 120_000);
    expect(changedShare(before, await mapShot(page)), 'the raised water covers the flats').toBeGreaterThan(0.005);
  });
});
