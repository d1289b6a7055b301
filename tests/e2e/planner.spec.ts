// Planner mode: deep links round-trip and step through the browser history, malformed links fall
// back with a notice, viewpoints save/export/import, the image export has the asked size and its
// legend, shortcuts and the 4K layout. Most views use the base map and the projects layer only:
// the mesh is not the point here and would cost minutes in SwiftShader.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { cameraPose, waitForDrawnScene, waitForTwin } from './twin.ts';

const PROJECT = 'NB-2015-0001';
const START = '121.56,29.87,14000,0,-90,0';

async function distanceTo(page: Page, lon: number, lat: number, height: number): Promise<number> {
  const c = await cameraPose(page);
  return Math.hypot((c.lon - lon) * 96_000, (c.lat - lat) * 111_000) + Math.abs(c.height - height);
}

function param(page: Page, name: string): string | null {
  return new URL(page.url()).searchParams.get(name);
}

test.describe('planner mode', () => {
  test('a deep link restores camera, layers, selection and language; back and forward step between views', async ({ page }) => {
    await page.goto(`/?layers=base,projects&camera=${START}&lang=en&select=project:${PROJECT}`);
    await waitForTwin(page);
    expect(await distanceTo(page, 121.56, 29.87, 14000)).toBeLessThan(2);
    const layers = await page.evaluate(() => Object.fromEntries(Object.entries(window.__twin?.layers() ?? {}).map(([id, s]) => [id, s.show])));
    expect(layers).toMatchObject({ base: true, projects: true, reality: false, controlLines: false });
    expect(await page.evaluate(() => window.__twin?.lang())).toBe('en');
    await expect(page.getByTestId('card-stage')).toContainText('Approval');
    // The link is written out in full (mode included) without adding a history step.
    await expect.poll(() => param(page, 'mode')).toBe('planner');
    expect(param(page, 'select')).toBe(`project:${PROJECT}`);
    const firstUrl = page.url();
    const historyLength = await page.evaluate(() => history.length);

    // A new view: a bookmark flight and a layer switched on become one new history entry.
    await page.getByTestId('bookmark-zhenhai').click();
    const zhenhai = await page.evaluate(() => window.__twin?.config()?.bookmarks.find((b) => b.id === 'zhenhai'));
    await expect.poll(() => distanceTo(page, zhenhai?.lon ?? 0, zhenhai?.lat ?? 0, zhenhai?.height ?? 0), { timeout: 30_000 }).toBeLessThan(5);
    await expect.poll(() => param(page, 'camera')?.startsWith('121.71,29.9325,2500') ?? false, { timeout: 10_000 }).toBe(true);
    expect(await page.evaluate(() => history.length)).toBe(historyLength + 1);
    const secondUrl = page.url();

    await page.goBack();
    await expect.poll(() => distanceTo(page, 121.56, 29.87, 14000), { timeout: 15_000 }).toBeLessThan(5);
    expect(page.url()).toBe(firstUrl);
    await expect(page.getByTestId('card-stage')).toBeVisible();
    await page.goForward();
    await expect.poll(() => distanceTo(page, zhenhai?.lon ?? 0, zhenhai?.lat ?? 0, zhenhai?.height ?? 0), { timeout: 15_000 }).toBeLessThan(5);
    // Stepping does not create entries of its own: forward is still the last step.
    await page.waitForTimeout(1500);
    expect(page.url()).toBe(secondUrl);
    expect(await page.evaluate(() => history.length)).toBe(historyLength + 1);

    // Opening the written link in a fresh page restores the same view.
    const fresh = await page.context().newPage();
    await fresh.goto(secondUrl);
    await waitForTwin(fresh);
    expect(await distanceTo(fresh, zhenhai?.lon ?? 0, zhenhai?.lat ?? 0, zhenhai?.height ?? 0)).toBeLessThan(2);
    expect(await fresh.evaluate(() => window.__twin?.lang())).toBe('en');
    await fresh.close();
  });

  test('a malformed deep link opens the default view with a notice naming each bad parameter', async ({ page }) => {
    await page.goto('/?layers=base,nope&camera=121.5,abc,900&mode=wall&select=building:7');
    await waitForTwin(page);
    const notice = page.getByTestId('notice');
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('?camera[1] (lat): expected a number, found "abc"');
    await expect(notice).toContainText('?mode: unknown mode "wall"');
    await expect(notice).toContainText('?select: expected project:CODE or parcel:ID');
    await expect(notice).toContainText('?layers: no layer with id "nope"');
    expect(await page.evaluate(() => window.__twin?.mode())).toBe('planner');
    const home = await page.evaluate(() => window.__twin?.config()?.home);
    expect(await distanceTo(page, home?.lon ?? 0, home?.lat ?? 0, home?.height ?? 0)).toBeLessThan(2);
    await page.getByRole('button', { name: '关闭提示' }).click();
    await expect(notice).toHaveCount(0);
    // A link to a project that does not exist says so once the data is in.
    await page.goto(`/?layers=base,projects&camera=${START}&select=project:NB-1999-9999`);
    await expect(page.getByTestId('notice')).toContainText('no project "NB-1999-9999" in the loaded data', { timeout: 60_000 });
  });

  test('viewpoints: save, survive a reload, fly back, export, import with bad entries counted, delete', async ({ page }, info) => {
    await page.goto(`/?layers=base&camera=${START}`);
    await waitForTwin(page);
    await page.getByTestId('viewpoint-name').fill('三江口汇报');
    await page.getByTestId('viewpoint-save').click();
    await expect(page.getByTestId('viewpoint')).toHaveCount(1);
    await page.reload();
    await waitForTwin(page);
    await expect(page.getByTestId('viewpoint')).toHaveText(['三江口汇报×']);

    await page.getByTestId('bookmark-beilun').click();
    await page.waitForTimeout(3500);
    await page.getByTestId('viewpoint').getByRole('button', { name: '三江口汇报', exact: true }).click();
    await expect.poll(() => distanceTo(page, 121.56, 29.87, 14000), { timeout: 30_000 }).toBeLessThan(5);

    const download = page.waitForEvent('download');
    await page.getByTestId('viewpoint-export').click();
    const file = await (await download).path();
    const exported = JSON.parse(await readFile(file, 'utf8')) as { format: string; viewpoints: { name: string; camera: { height: number }; layers: string[] }[] };
    expect(exported.format).toBe('ningbo-twin-viewpoints');
    expect(exported.viewpoints).toHaveLength(1);
    expect(exported.viewpoints[0]?.name).toBe('三江口汇报');
    expect(exported.viewpoints[0]?.camera.height).toBeCloseTo(14000, 0);
    expect(exported.viewpoints[0]?.layers).toEqual(['base']);

    const incoming = {
      ...exported,
      viewpoints: [
        { ...exported.viewpoints[0], id: 'colleague-1', name: '同事的视点' },
        { id: 'broken', name: '坏的', camera: { lon: 121.5, lat: 95, height: 100 } },
      ],
    };
    const importPath = info.outputPath('viewpoints-in.json');
    await writeFile(importPath, JSON.stringify(incoming));
    await page.getByTestId('viewpoint-file').setInputFiles(importPath);
    await expect(page.getByTestId('viewpoint-report')).toHaveText('已导入 1 个视点，跳过 1 个无效条目');
    await expect(page.getByTestId('notice')).toContainText('viewpoints[1].camera.lat: expected a number in -90..90, found 95');
    await expect(page.getByTestId('viewpoint')).toHaveCount(2);
    await page.getByRole('button', { name: '删除“三江口汇报”' }).click();
    await expect(page.getByTestId('viewpoint')).toHaveText(['同事的视点×']);
  });

  test('image export: the requested size, with legend, scale bar and the watermark over sensitive data', async ({ page }, info) => {
    await page.goto(`/?layers=base,projects,pipelines&camera=121.6,29.87,3000,0,-90,0`);
    await waitForTwin(page);
    await expect.poll(() => page.evaluate(() => window.__twin?.planning().projects ?? 0), { timeout: 60_000 }).toBeGreaterThan(0);
    await page.waitForTimeout(2000);
    await page.getByTestId('export-open').click();
    await page.getByTestId('export-width').fill('2560');
    const download = page.waitForEvent('download');
    await page.getByTestId('export-run').click();
    const png = PNG.sync.read(await readFile(await (await download).path()));
    expect([png.width, png.height]).toEqual([2560, 1440]);
    const record = await page.evaluate(() => window.__twin?.lastExport());
    expect(record?.legendSections).toEqual(['pipelines', 'projects', 'base']);
    expect(record?.watermark).toBe(true);
    expect(record?.scaleLabel).toMatch(/^\d+ (m|km)$/);
    // The legend box is really drawn: its panel colour fills most of a strip inside it.
    const box = record?.legendBox;
    expect(box).toBeDefined();
    let panelPixels = 0, samples = 0;
    for (let x = Math.round((box?.x ?? 0) + 2); x < (box?.x ?? 0) + (box?.w ?? 0) - 2; x += 3) {
      const y = Math.round((box?.y ?? 0) + 4);
      const i = (y * png.width + x) * 4;
      samples++;
      if ((png.data[i] ?? 255) < 40 && (png.data[i + 1] ?? 255) < 50 && (png.data[i + 2] ?? 255) < 60) panelPixels++;
    }
    expect(panelPixels / samples).toBeGreaterThan(0.8);
    await mkdir('test-results', { recursive: true });
    await writeFile(info.outputPath('export-2560.png'), PNG.sync.write(png));

    // Screen size, and a width past the limit is refused with a message, nothing downloaded.
    await page.getByTestId('export-open').click();
    await page.getByTestId('export-width').fill('9000');
    await page.getByTestId('export-run').click();
    await expect(page.getByTestId('export-error')).toContainText('7680');
    await page.getByTestId('export-screen').check();
    const small = page.waitForEvent('download');
    await page.getByTestId('export-run').click();
    const smallPng = PNG.sync.read(await readFile(await (await small).path()));
    expect([smallPng.width, smallPng.height]).toEqual([1280, 720]);
  });

  test('keyboard: ? shows the shortcut help, Esc closes it, / goes to search, ` hides the panels', async ({ page }) => {
    await page.goto(`/?layers=base&camera=${START}`);
    await waitForTwin(page);
    await page.locator('body').press('?');
    await expect(page.getByTestId('shortcut-help')).toBeVisible();
    await expect(page.getByTestId('shortcut-help')).toContainText('导出图片');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('shortcut-help')).toHaveCount(0);
    await page.keyboard.press('/');
    await expect(page.getByTestId('search-input')).toBeFocused();
    // Typing in the field is typing, not shortcuts.
    await page.keyboard.type('p?');
    await expect(page.getByTestId('search-input')).toHaveValue('p?');
    await expect(page.getByTestId('export-dialog')).toHaveCount(0);
    await page.locator('body').click({ position: { x: 640, y: 400 } });
    await page.keyboard.press('`');
    await expect(page.getByTestId('layer-base')).toHaveCount(0);
    await page.keyboard.press('`');
    await expect(page.getByTestId('search-input')).toBeVisible();
  });
});

test.describe('planner mode on a 4K screen at DPR 1', () => {
  test.use({ viewport: { width: 3840, height: 2160 } });

  test('panels scale up, stay inside the screen and do not overlap', async ({ page }, info) => {
    await page.goto(`/?layers=base,projects&camera=${START}&select=project:${PROJECT}`);
    await waitForTwin(page);
    await expect(page.getByTestId('card-stage')).toBeVisible({ timeout: 60_000 });
    const boxes = await page.evaluate(() => {
      const r = (sel: string) => {
        const b = document.querySelector(sel)?.getBoundingClientRect();
        return b ? { x: b.x, y: b.y, w: b.width, h: b.height } : undefined;
      };
      const title = document.querySelector('.header-bar h1');
      return {
        left: r('.left-column'), right: r('.right-column'), header: r('.header-bar'), search: r('[data-testid="search"]'), nav: r('.nav-controls'),
        // Rendered text height of the title: what a reader sees, zoom included.
        titlePx: title ? title.getBoundingClientRect().height : 0,
      };
    });
    // At 8.3 megapixels the scene itself must draw, not only the panels over it.
    await waitForDrawnScene(page);
    await page.screenshot({ path: info.outputPath('planner-4k.png') });
    const all = [boxes.left, boxes.right, boxes.header, boxes.search, boxes.nav];
    for (const b of all) {
      expect(b).toBeDefined();
      expect(b!.x).toBeGreaterThanOrEqual(0);
      expect(b!.y).toBeGreaterThanOrEqual(0);
      expect(b!.x + b!.w).toBeLessThanOrEqual(3840);
      expect(b!.y + b!.h).toBeLessThanOrEqual(2160);
    }
    const overlap = (a: typeof boxes.left, b: typeof boxes.left): boolean =>
      !!a && !!b && a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
    for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) expect(overlap(all[i], all[j]), `boxes ${i} and ${j} overlap: ${JSON.stringify(boxes)}`).toBe(false);
    // 16 px titles at 1280 px become 32 px at 3840: legible across a meeting room.
    expect(boxes.titlePx).toBeGreaterThanOrEqual(30);
    expect(boxes.left!.w).toBeGreaterThanOrEqual(500);
  });
});

test.describe('planner mode on a 4K screen at DPR 2', () => {
  test.use({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 2 });

  test('panels keep their CSS size and render at device resolution', async ({ page }, info) => {
    await page.goto(`/?layers=base&camera=${START}`);
    await waitForTwin(page);
    const title = await page.locator('.header-bar h1').boundingBox();
    // No extra zoom at 1920 CSS px: the device pixel ratio already makes the text sharp and large.
    expect(title?.height).toBeGreaterThan(15);
    expect(title?.height).toBeLessThan(28);
    const shot = PNG.sync.read(await page.screenshot({ path: info.outputPath('planner-4k-dpr2.png') }));
    expect([shot.width, shot.height]).toEqual([3840, 2160]);
  });
});
