// The analyses tab on the synthetic city: a flood whose area grows with the level and whose mask is
// draped, a line of sight across a 114 m tower (blocked) and beside it (clear), a 500 m viewshed
// with its legend, a section profile over the tower, and a height limit refused for a non-number
// and then judged. SwiftShader draws a few frames a second: the view is top-down and small.
import { expect, test, type Page } from '@playwright/test';
import { canvasShot, changedShare, waitForMesh, waitForSettled, waitForTwin } from './twin.ts';

/** Tower 25_-8_0_0 of the synthetic world: 42 m × 42 m, 114 m tall, open ground 21–70 m around it. */
const TOWER = { lon: 121.620728, lat: 29.856333 };
const GROUND_H = 15.6; // ellipsoidal: 3.2 m (1985) + the 12.4 m geoid offset
const M_LAT = 110_860, M_LON = 96_600;
const at = (dx: number, dy: number): [number, number] => [TOWER.lon + dx / M_LON, TOWER.lat + dy / M_LAT];

async function clickAt(page: Page, [lon, lat]: [number, number], h = GROUND_H): Promise<void> {
  const p = await page.evaluate(([x, y, z]) => window.__twin!.project(x!, y!, z!), [lon, lat, h]);
  expect(p, `(${lon}, ${lat}) is on screen`).toBeDefined();
  await page.locator('.cesium-widget canvas').first().click({ position: { x: p!.x, y: p!.y }, force: true });
  await page.waitForTimeout(1200); // a second click sooner would read as a double click
}

const review = (page: Page) => page.evaluate(() => window.__twin!.review());
const shots: Record<string, Buffer> = {};

test('analyses: flood grows with the level, sight line blocked by a tower, viewshed, profile and height limit', async ({ page }) => {
  test.setTimeout(600_000);
  await page.goto(`/?layers=reality&camera=${TOWER.lon},${TOWER.lat},450,0,-90,0`);
  await waitForTwin(page);
  await waitForMesh(page, 'reality', 1);
  await waitForSettled(page, 240_000);
  shots['before'] = await canvasShot(page);
  await page.getByTestId('review-open').click();
  await page.getByTestId('review-tab-analysis').click();

  // Flood: the default 1 km square around the view centre; the area grows between two levels.
  await page.getByTestId('analysis-tool-flood').click();
  await page.getByTestId('flood-run').click();
  const result = page.getByTestId('flood-result');
  await expect(result).toBeVisible({ timeout: 240_000 });
  await expect.poll(async () => (await review(page)).rasters).toContain('analysis-flood');
  expect((await review(page)).sketches).toContain('analysis-flood-water');
  const slider = page.getByTestId('flood-level');
  const start = Number(await slider.inputValue());
  const areaAt = async (): Promise<number> => Number(await page.getByTestId('flood-area').getAttribute('data-m2'));
  const low = await areaAt();
  expect(low, 'the first level shown floods something').toBeGreaterThan(0);
  await slider.fill(String(start + 6)); // 0.3 m higher
  await expect.poll(areaAt).toBeGreaterThan(low);
  const high = await areaAt();
  await expect(page.getByTestId('flood-level-value')).toContainText('米');
  expect(Number(await page.getByTestId('flood-nodata').innerText().then((s) => s.replace(/[^\d.]/g, '')))).toBe(0);
  await page.waitForTimeout(600); // the drape follows the slider after a short pause
  await waitForSettled(page, 120_000);
  shots['flood'] = await canvasShot(page);
  expect(changedShare(shots['before'], shots['flood']), 'the flood mask and water plane are draped').toBeGreaterThan(0.05);
  console.log(`flood: ${await page.getByTestId('flood-timing').innerText()} · ${low} m² → ${high} m²`);

  // Line of sight: observer 45 m west of the tower, target 1 east of it (blocked), target 2 south-west (clear).
  await page.getByTestId('analysis-tool-sight').click();
  await page.getByTestId('sight-run').click();
  await expect(page.getByTestId('sight-hint')).toBeVisible();
  await clickAt(page, at(-45, 0));
  await clickAt(page, at(45, 0));
  await clickAt(page, at(-45, -60));
  await page.keyboard.press('Enter');
  const sight = page.getByTestId('sight-result');
  await expect(sight).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('sight-row-1')).toHaveAttribute('data-visible', 'false');
  await expect(page.getByTestId('sight-row-1')).toContainText('不可见');
  await expect(page.getByTestId('sight-row-2')).toHaveAttribute('data-visible', 'true');
  await expect.poll(async () => (await review(page)).sketches).toContain('analysis-sight');
  // The tower's west wall is 24 m from the observer (21 m half width); the blocking point lies on it.
  const blocked = Number(/([\d.]+)\s*米\s*$/.exec((await page.getByTestId('sight-row-1').locator('td').last().innerText()).trim())?.[1]);
  expect(blocked).toBeGreaterThan(22);
  expect(blocked).toBeLessThan(26);
  await waitForSettled(page, 120_000);
  shots['sight'] = await canvasShot(page);

  // Viewshed: 500 m all round from the same observer; visible area > 0 with its legend.
  await page.getByTestId('analysis-tool-viewshed').click();
  await page.getByTestId('viewshed-run').click();
  await clickAt(page, at(-45, 0));
  const vs = page.getByTestId('viewshed-result');
  await expect(vs).toBeVisible({ timeout: 240_000 });
  await expect(page.getByTestId('viewshed-legend')).toBeVisible();
  const visible = Number(await vs.getAttribute('data-visible-m2'));
  expect(visible).toBeGreaterThan(0);
  expect(visible, 'the tower hides part of the disc').toBeLessThan(Math.PI * 500 * 500 * 0.9);
  await expect.poll(async () => (await review(page)).rasters).toContain('analysis-viewshed');
  console.log(`viewshed: ${await page.getByTestId('viewshed-timing').innerText()} · visible ${visible} m²`);
  await waitForSettled(page, 120_000);
  shots['viewshed'] = await canvasShot(page);
  expect(changedShare(shots['sight'], shots['viewshed']), 'the viewshed is draped').toBeGreaterThan(0.05);

  // Profile across the tower: 90 m long, its highest point the roof (≈ 117 m, 1985).
  await page.getByTestId('analysis-tool-profile').click();
  await page.getByTestId('profile-run').click();
  await clickAt(page, at(-45, 0));
  await clickAt(page, at(45, 0));
  const profile = page.getByTestId('profile-result');
  await expect(profile).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('profile-chart').locator('canvas')).toHaveCount(1);
  expect(Number(await profile.getAttribute('data-length'))).toBeCloseTo(90, -1);
  const top = Number(/^([\d.]+)/.exec(await page.getByTestId('profile-max').innerText())?.[1]);
  expect(top).toBeGreaterThan(110);
  expect(top).toBeLessThan(125);
  shots['profile-panel'] = await profile.screenshot();

  // Height limit: a non-number is refused with a message; 24 m above ground flags the tower.
  await page.getByTestId('analysis-tool-limit').click();
  await page.getByTestId('limit-height').fill('高');
  await page.getByTestId('limit-run').click();
  for (const [dx, dy] of [[-35, -35], [35, -35], [35, 35], [-35, 35]] as const) await clickAt(page, at(dx, dy));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('analysis-problem-limit')).toContainText('不是有效的数字');
  await expect(page.getByTestId('limit-result')).toHaveCount(0);
  await page.getByTestId('limit-height').fill('24');
  await page.getByTestId('limit-apply').click();
  const limit = page.getByTestId('limit-result');
  await expect(limit).toBeVisible({ timeout: 120_000 });
  const above = Number(await limit.getAttribute('data-above-m2'));
  expect(above, 'the 42 m × 42 m tower top').toBeGreaterThan(42 * 42 * 0.9);
  expect(above).toBeLessThan(42 * 42 * 1.15);
  await expect(page.getByTestId('limit-worst')).toContainText(/\d/);
  await expect.poll(async () => (await review(page)).rasters).toContain('analysis-limit');
  await waitForSettled(page, 120_000);
  shots['limit'] = await canvasShot(page);

  // Switching tools keeps results; clearing removes each one's drawings.
  await page.getByTestId('analysis-tool-flood').click();
  await expect(result).toBeVisible();
  await page.getByTestId('flood-clear').click();
  await expect.poll(async () => (await review(page)).rasters).not.toContain('analysis-flood');
  expect((await review(page)).sketches).not.toContain('analysis-flood-water');
  await page.getByTestId('analysis-tool-sight').click();
  await page.getByTestId('sight-clear').click();
  await expect.poll(async () => (await review(page)).sketches).not.toContain('analysis-sight');
  if (process.env['SHOTS']) {
    const { writeFileSync } = await import('node:fs');
    for (const [name, png] of Object.entries(shots)) writeFileSync(`/tmp/analysis-${name}.png`, png);
  }
});
