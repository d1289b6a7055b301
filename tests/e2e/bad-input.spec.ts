// Bad input never takes the viewer down: a malformed config shows every problem with its path;
// a missing tileset or a corrupt tile puts only that layer in its error state.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { canvasShot, layerStatus, pixelStats, waitForMesh, waitForTwin } from './twin.ts';

const shippedConfig = JSON.parse(readFileSync(new URL('../../public/config.json', import.meta.url), 'utf8')) as Record<string, unknown> & { layers: Record<string, unknown>[] };

test.describe('bad input', () => {
  test('a malformed config shows the error view listing every problem with its path', async ({ page }) => {
    const broken = {
      ...shippedConfig,
      version: 2,
      home: { lon: 121.5, lat: 95, height: 1000 },
      layers: [
        { id: 'reality', kind: '3dtiles', name: { zh: '模型', en: 'Mesh' }, url: 42 },
        { id: 'x', kind: 'gltf', name: { zh: 'x', en: 'x' } },
      ],
    };
    await page.route((url) => url.pathname === '/x.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(broken) }));
    await page.goto('/?config=/x.json');
    const view = page.getByTestId('config-errors');
    await expect(view).toBeVisible();
    await expect(view).toContainText('version: unsupported version 2');
    await expect(view).toContainText('home.lat: expected a number in -90..90, found 95');
    await expect(view).toContainText('layers[0].url: expected a string, found number');
    await expect(view).toContainText('layers[1].kind: expected one of "3dtiles", "imagery", found "gltf"');
    await expect(view.locator('li')).toHaveCount(4);
  });

  test('a config that is not JSON, or not there, is named too', async ({ page }) => {
    await page.route((url) => url.pathname === '/bad.json', (route) => route.fulfill({ contentType: 'application/json', body: '{ "version": 1, ' }));
    await page.goto('/?config=/bad.json');
    await expect(page.getByTestId('config-errors')).toContainText('not valid JSON');
    await page.goto('/?config=/nowhere.json');
    await expect(page.getByTestId('config-errors')).toContainText('/nowhere.json: could not load: HTTP 404');
  });

  test('a 404 tileset shows that layer’s error while the mesh still renders', async ({ page }) => {
    const withMissing = {
      ...shippedConfig,
      layers: [...shippedConfig.layers, { id: 'missing', kind: '3dtiles', name: { zh: '缺失的模型', en: 'Missing mesh' }, url: '/tilesets/does-not-exist/tileset.json' }],
    };
    await page.route((url) => url.pathname === '/config.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(withMissing) }));
    await page.goto('/');
    await waitForTwin(page);
    const error = page.getByTestId('layer-error-missing');
    await expect(error).toBeVisible({ timeout: 30_000 });
    await expect(error).toContainText('404');
    await expect.poll(async () => (await layerStatus(page, 'missing'))?.state).toBe('error');
    await waitForMesh(page, 'reality', 4);
    await expect(page.getByTestId('layer-error-reality')).toHaveCount(0);
    await page.waitForTimeout(2000);
    expect(pixelStats(await canvasShot(page)).distinctColours).toBeGreaterThan(200);
  });

  test('corrupt tiles put the layer in its error state with a count, and the rest still renders', async ({ page }) => {
    let corrupted = 0;
    // Corrupt every third tile of the mesh: the others must still load and draw.
    let seen = 0;
    await page.route(/\/tilesets\/reality\/.*\.glb$/, async (route) => {
      seen += 1;
      if (seen % 3 === 0) {
        corrupted += 1;
        await route.fulfill({ status: 200, contentType: 'model/gltf-binary', body: Buffer.from('glTF this is not a binary glTF at all') });
      } else {
        await route.continue();
      }
    });
    await page.goto('/');
    await waitForTwin(page);
    const error = page.getByTestId('layer-error-reality');
    await expect(error).toBeVisible({ timeout: 120_000 });
    await expect.poll(async () => (await layerStatus(page, 'reality'))?.failedTiles ?? 0, { timeout: 60_000 }).toBeGreaterThan(0);
    const failed = (await layerStatus(page, 'reality'))?.failedTiles ?? 0;
    expect(failed).toBeLessThanOrEqual(corrupted);
    await expect(error).toContainText(/失败瓦片：\d+/);
    await waitForMesh(page, 'reality', 1);
    await expect(page.getByTestId('layer-base')).toHaveAttribute('data-state', 'ready');
  });
});
