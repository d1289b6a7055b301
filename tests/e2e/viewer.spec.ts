// User flows on the default config: the mesh renders, layers hide, bookmarks fly, the readout and
// language switch work, and nothing is fetched from any host but our own.
import { expect, test } from '@playwright/test';
import { cameraPose, canvasShot, changedShare, layerStatus, pixelStats, waitForMesh, waitForSettled, waitForTwin } from './twin.ts';

test.describe('viewer', () => {
  test('loads, labels the data synthetic, and the reality mesh renders', async ({ page }) => {
    await page.goto('/');
    await waitForTwin(page);
    await expect(page.getByTestId('synthetic-label')).toHaveText('合成数据');
    await expect(page.getByTestId('layer-reality')).toBeVisible();
    await expect(page.getByTestId('loading-indicator')).toBeVisible();
    await waitForMesh(page, 'reality', 4);
    const status = await layerStatus(page, 'reality');
    expect(status?.loadedTiles).toBeGreaterThan(0);
    await page.waitForTimeout(2000);
    const stats = pixelStats(await canvasShot(page));
    // A blank, black or single-colour canvas fails here.
    expect(stats.nonUniform).toBeGreaterThan(0.3);
    expect(stats.distinctColours).toBeGreaterThan(200);
    expect(stats.meanLuminance).toBeGreaterThan(30);
  });

  test('hiding the reality layer hides it, showing it brings it back', async ({ page }) => {
    // The mesh over the base map alone: planning overlays would change the picture too.
    await page.goto('/?layers=reality,base&camera=121.556,29.8576,1200,0,-35,0');
    await waitForTwin(page);
    await waitForMesh(page, 'reality', 4);
    await page.waitForTimeout(3000);
    const withMesh = await canvasShot(page);
    await page.getByTestId('layer-toggle-reality').uncheck();
    await expect.poll(async () => (await layerStatus(page, 'reality'))?.show).toBe(false);
    await page.waitForTimeout(1500);
    const withoutMesh = await canvasShot(page);
    // Without the mesh, the globe's Natural Earth imagery shows: most of the picture changes.
    expect(changedShare(withMesh, withoutMesh)).toBeGreaterThan(0.4);
    await page.getByTestId('layer-toggle-reality').check();
    await page.waitForTimeout(1500);
    expect(changedShare(withMesh, await canvasShot(page))).toBeLessThan(0.25);
    // Opacity is a live property: the globe shows through the mesh.
    await page.getByTestId('layer-opacity-reality').fill('0.3');
    await expect.poll(async () => (await layerStatus(page, 'reality'))?.opacity).toBe(0.3);
    await page.waitForTimeout(1500);
    expect(changedShare(withMesh, await canvasShot(page))).toBeGreaterThan(0.2);
  });

  test('an idle scene does not redraw; a layer change requests one frame', async ({ page }) => {
    await page.goto('/?ui=1&camera=121.575,29.70,38000,0,-60,0');
    await waitForTwin(page);
    await waitForSettled(page);
    const frames = () => page.evaluate(() => window.__twin?.frames() ?? 0);
    await page.waitForTimeout(2000); // a frame requested just before settling may still land
    const idleStart = await frames();
    await page.waitForTimeout(5000);
    // Continuous rendering would add several frames per second even under SwiftShader; Cesium may
    // still draw once when late data (e.g. a preloaded globe tile) arrives.
    expect(await frames() - idleStart).toBeLessThanOrEqual(1);
    await page.getByTestId('layer-toggle-base').uncheck();
    await expect.poll(frames, { timeout: 10_000 }).toBeGreaterThan(idleStart);
  });

  test('a bookmark flies there', async ({ page }) => {
    await page.goto('/');
    await waitForTwin(page);
    const bookmark = await page.evaluate(() => window.__twin?.config()?.bookmarks.find((b) => b.id === 'zhenhai'));
    expect(bookmark).toBeDefined();
    const before = await cameraPose(page);
    await page.getByTestId('bookmark-zhenhai').click();
    await expect.poll(async () => {
      const c = await cameraPose(page);
      return Math.hypot((c.lon - (bookmark?.lon ?? 0)) * 96_000, (c.lat - (bookmark?.lat ?? 0)) * 111_000) + Math.abs(c.height - (bookmark?.height ?? 0));
    }, { timeout: 30_000 }).toBeLessThan(5);
    const after = await cameraPose(page);
    expect(Math.abs(after.pitch - (bookmark?.pitch ?? 0))).toBeLessThan(0.5);
    expect(before.height).toBeGreaterThan(10_000); // it really travelled from the city overview
  });

  test('every request goes to the page’s own origin', async ({ page, baseURL }) => {
    const foreign: string[] = [];
    const own = new URL(baseURL ?? 'http://127.0.0.1').origin;
    page.on('request', (req) => {
      const url = req.url();
      if (url.startsWith('data:') || url.startsWith('blob:')) return;
      if (new URL(url).origin !== own) foreign.push(url);
    });
    await page.goto('/');
    await waitForTwin(page);
    await waitForMesh(page, 'reality', 1);
    await page.getByTestId('bookmark-beilun').click();
    await page.waitForTimeout(6000);
    await page.getByTestId('nav-home').click();
    await page.waitForTimeout(4000);
    expect(foreign).toEqual([]);
  });

  test('coordinates readout: lon/lat, Gauss–Krüger zone, heights', async ({ page }) => {
    await page.goto('/?camera=121.556,29.869,3000,0,-90,0');
    await waitForTwin(page);
    await expect(page.getByTestId('readout-camera')).toContainText('3000');
    const canvas = page.locator('.cesium-widget canvas').first();
    const box = await canvas.boundingBox();
    if (!box) throw new Error('no canvas');
    await page.mouse.move(box.x + box.width / 2 - 5, box.y + box.height / 2 - 5);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
    await expect(page.getByTestId('readout-gk')).toHaveAttribute('data-epsg', '4550', { timeout: 30_000 });
    await expect(page.getByTestId('readout-lonlat')).toContainText('121.55');
    await expect(page.getByTestId('readout-h1985')).toContainText('m');
    // West of 121°30′E the readout switches to the CM 120°E zone.
    await page.goto('/?camera=121.25,30.30,3000,0,-90,0');
    await waitForTwin(page);
    await page.mouse.move(box.x + box.width / 2 - 5, box.y + box.height / 2);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
    await expect(page.getByTestId('readout-gk')).toHaveAttribute('data-epsg', '4549', { timeout: 30_000 });
  });

  test('English: ?lang=en and the switch', async ({ page }) => {
    await page.goto('/?lang=en');
    await waitForTwin(page);
    await expect(page.getByTestId('synthetic-label')).toHaveText('Synthetic data');
    await expect(page.getByTestId('bookmark-sanjiangkou')).toHaveText('Sanjiangkou');
    await page.getByTestId('lang-switch').click();
    await expect(page.getByTestId('synthetic-label')).toHaveText('合成数据');
    await expect(page.getByTestId('bookmark-sanjiangkou')).toHaveText('三江口');
  });

  test('keyboard and buttons move the camera', async ({ page }) => {
    // Navigation over the mesh alone: draped overlays make each software-rendered frame slower,
    // and the animated moves below need several frames.
    await page.goto('/?layers=reality,base&camera=121.556,29.85,2000,0,-45,0');
    await waitForTwin(page);
    const start = await cameraPose(page);
    await page.locator('body').press('w');
    await expect.poll(async () => (await cameraPose(page)).lat).toBeGreaterThan(start.lat + 0.0005);
    await page.locator('body').press('e');
    await expect.poll(async () => (await cameraPose(page)).heading).toBeGreaterThan(1);
    await page.getByTestId('nav-compass').click();
    await expect.poll(async () => {
      const h = (await cameraPose(page)).heading;
      return Math.min(h, 360 - h);
    }, { timeout: 30_000 }).toBeLessThan(0.5);
    const beforeZoom = await cameraPose(page);
    await page.getByTestId('nav-zoom-in').click();
    await expect.poll(async () => (await cameraPose(page)).height, { timeout: 30_000 }).toBeLessThan(beforeZoom.height * 0.8);
  });

  test('?ui=0 hides the panels but keeps the map and the synthetic label', async ({ page }) => {
    await page.goto('/?ui=0');
    await waitForTwin(page);
    await expect(page.getByTestId('synthetic-label')).toBeVisible();
    await expect(page.getByTestId('layer-reality')).toHaveCount(0);
    await expect(page.getByTestId('readout')).toHaveCount(0);
  });
});
