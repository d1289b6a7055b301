// Bad input never takes the viewer down: a malformed config shows every problem with its path;
// a missing tileset or a corrupt tile puts only that layer in its error state.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { canvasShot, layerStatus, pixelStats, waitForMesh, waitForTwin } from './twin.ts';

const shipped = JSON.parse(readFileSync(new URL('../../public/config.json', import.meta.url), 'utf8')) as Record<string, unknown> & { layers: Record<string, unknown>[] };
// The wall's section names the projects layer (its feed); these planner configs change the layers.
const { screen: _wall, ...shippedConfig } = shipped;

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
    await expect(view).toContainText('layers[1].kind: expected one of "3dtiles", "imagery", "geojson", "pipelines", "water", found "gltf"');
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

  test('planning GeoJSON: invalid features are listed by index and skipped with a count; a broken file errors alone', async ({ page }) => {
    const square = (lon: number, lat: number) => ({ type: 'Polygon', coordinates: [[[lon, lat], [lon + 0.001, lat], [lon + 0.001, lat + 0.001], [lon, lat + 0.001], [lon, lat]]] });
    const feature = (props: Record<string, unknown>, geometry: unknown = square(121.55, 29.86)) => ({ type: 'Feature', geometry, properties: props });
    const ok = { projectCode: 'T-1', name: '测试项目', stage: 'approve', stageDates: { plan: '2020-01-01', approve: '2020-06-01' } };
    const collection = {
      type: 'FeatureCollection',
      features: [
        feature(ok),
        feature({ ...ok, projectCode: 'T-2', stage: 'build' }),
        feature({ ...ok, projectCode: 'T-3' }, { type: 'Polygon', coordinates: [[[121.55, 29.86], [121.56, 29.86], [121.56, 29.87]]] }),
        feature({ ...ok, projectCode: 'T-4', stageDates: { plan: '2020-01-01' } }),
      ],
    };
    const layer = (id: string, url: string) => ({ id, kind: 'geojson', schema: 'projects', name: { zh: id, en: id }, url });
    const config = {
      ...shippedConfig,
      layers: [
        ...shippedConfig.layers.filter((l) => l['id'] !== 'projects'),
        layer('mine', '/mine.geojson'), layer('gone', '/gone.geojson'), layer('garbled', '/garbled.geojson'),
      ],
    };
    await page.route((url) => url.pathname === '/config.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(config) }));
    await page.route((url) => url.pathname === '/mine.geojson', (route) => route.fulfill({ contentType: 'application/geo+json', body: JSON.stringify(collection) }));
    await page.route((url) => url.pathname === '/garbled.geojson', (route) => route.fulfill({ contentType: 'application/geo+json', body: '{"type": "FeatureCollection", "features": [' }));
    await page.goto('/?layers=mine,gone,garbled,controlLines&camera=121.555,29.865,3000,0,-90,0');
    await waitForTwin(page);
    const mine = page.getByTestId('layer-mine');
    await expect(mine.getByTestId('feature-count')).toHaveText('1 个要素', { timeout: 60_000 });
    await expect(mine.getByTestId('skipped-count')).toContainText('跳过 3 个无效要素');
    const issues = mine.getByTestId('feature-issues');
    await issues.locator('summary').click();
    await expect(issues).toContainText('mine.geojson features[1].properties.stage: expected one of plan, approve, supply, use, register, supervise, found "build"');
    await expect(issues).toContainText('mine.geojson features[2].geometry.coordinates[0]: polygon ring 0 has 3 positions, expected at least 4');
    await expect(issues).toContainText('mine.geojson features[3].properties.stageDates.approve: missing');
    await expect.poll(async () => (await layerStatus(page, 'mine'))?.state).toBe('ready');
    await expect(page.getByTestId('layer-error-gone')).toContainText('/gone.geojson: HTTP 404');
    await expect(page.getByTestId('layer-error-garbled')).toContainText('not valid JSON');
    // The rest loads: the shipped control lines are on the map.
    await expect.poll(async () => (await page.evaluate(() => window.__twin!.planning())).shown['controlLines'] ?? 0, { timeout: 90_000 }).toBeGreaterThan(2000);
  });
});

