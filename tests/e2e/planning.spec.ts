// One code, one space (C3) as a planner uses it: search a project code and read its card; click
// the mesh for the space codes and see the cell drawn; filter projects by stage and watch the map
// and the statistics follow. Expected values come from the generated planning files themselves.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { encodeBeidou2D, encodeBeidou3D } from '../../src/domain/spacecode/index.ts';
import { pointInPolygons, polygonsOf, validateParcels, validateProjects, type Feature } from '../../src/domain/planning/index.ts';
import { cameraPose, canvasShot, changedShare, waitForMesh, waitForSettled, waitForTwin } from './twin.ts';

const load = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../tilesets/planning/${name}`, import.meta.url), 'utf8'));
const projects = validateProjects(load('projects.geojson')).valid;
const parcels = validateParcels(load('parcels.geojson')).valid;
const prop = (f: Feature, key: string): unknown => f.properties[key];

async function planning(page: Page) {
  return page.evaluate(() => window.__twin!.planning());
}

async function waitForProjects(page: Page, shown = projects.length): Promise<void> {
  await expect.poll(async () => (await planning(page)).shown['projects'] ?? 0, { timeout: 90_000 }).toBe(shown);
}

/** A project with several stages done and some to come, so the timeline shows both. */
const project = projects.find((f) => prop(f, 'stage') === 'supply' && (prop(f, 'parcelIds') as string[]).length > 1) ?? projects[0]!;
const code = String(prop(project, 'projectCode'));
const dates = prop(project, 'stageDates') as Record<string, string>;

test.describe('one code, one space', () => {
  test('searching a project code flies there, outlines it and opens its card with the lifecycle timeline', async ({ page }) => {
    await page.goto('/?layers=projects&camera=121.575,29.80,30000,0,-90,0');
    await waitForTwin(page);
    await waitForProjects(page);
    await page.getByTestId('search-input').fill(code.toLowerCase());
    await page.getByTestId('search-submit').click();
    const card = page.getByTestId('project-card');
    await expect(card).toBeVisible();
    await expect(card).toContainText(String(prop(project, 'name')));
    await expect(page.getByTestId('card-project-code')).toHaveText(code);
    await expect(page.getByTestId('timeline').locator('li')).toHaveCount(6);
    for (const stage of ['plan', 'approve', 'supply']) {
      await expect(page.getByTestId(`timeline-${stage}`)).toHaveAttribute('data-reached', 'true');
      await expect(page.getByTestId(`timeline-date-${stage}`)).toHaveText(dates[stage]!);
    }
    for (const stage of ['use', 'register', 'supervise']) {
      await expect(page.getByTestId(`timeline-${stage}`)).toHaveAttribute('data-reached', 'false');
      await expect(page.getByTestId(`timeline-date-${stage}`)).toHaveText('未到达');
    }
    // Each parcel of the project is listed with its 不动产单元代码 and indicators.
    for (const id of prop(project, 'parcelIds') as string[]) await expect(page.getByTestId(`parcel-${id}`)).toBeVisible();
    expect((await planning(page)).overlays.selection).toBe(`project:${code}`);
    // The camera flies to look at the project from a few hundred metres.
    const ring = polygonsOf(project.geometry)[0]![0]!;
    const [lon, lat] = ring[0]!;
    await expect.poll(async () => {
      const c = await cameraPose(page);
      return Math.hypot((c.lon - lon) * 96_000, (c.lat - lat) * 111_000) + (c.height > 2000 ? 1e6 : 0);
    }, { timeout: 90_000, intervals: [1000] }).toBeLessThan(2000);
  });

  test('codes in search: a wrong segment is named, a code outside the data draws its cell, a name lists projects', async ({ page }) => {
    await page.goto('/?layers=projects&camera=121.575,29.80,30000,0,-90,0');
    await waitForTwin(page);
    await waitForProjects(page);
    const message = page.getByTestId('search-message');
    await page.getByTestId('search-input').fill('N51H332157926X');
    await page.getByTestId('search-submit').click();
    await expect(message).toHaveAttribute('data-kind', 'invalid');
    await expect(message).toContainText('level 7');
    await expect(message).toContainText("'X'");

    const sea = encodeBeidou2D({ lon: 122.6, lat: 29.5 }, 7);
    await page.getByTestId('search-input').fill(sea);
    await page.getByTestId('search-submit').click();
    await expect(message).toHaveAttribute('data-kind', 'beidou');
    await expect(message).toContainText(`北斗网格 ${sea} 内没有项目或地块`);
    await expect.poll(async () => (await planning(page)).overlays.cell).toBe(sea);

    const unit = String(prop(parcels[0]!, 'unitCode'));
    await page.getByTestId('search-input').fill(unit);
    await page.getByTestId('search-submit').click();
    await expect(page.getByTestId('parcel-card')).toBeVisible();
    await expect(page.getByTestId('card-unit-code')).toHaveText(unit);

    await page.getByTestId('search-input').fill('东部新城');
    await page.getByTestId('search-submit').click();
    // Names and developers both match (a developer may carry the area's name).
    const expected = projects.filter((f) => `${String(prop(f, 'name'))} ${String(prop(f, 'developer') ?? '')}`.includes('东部新城')).length;
    expect(expected).toBeGreaterThan(1);
    await expect(message).toContainText(`找到 ${expected} 个项目`);
    await page.getByTestId('search-results').locator('button').first().click();
    await expect(page.getByTestId('project-card')).toContainText('东部新城');
  });

  test('clicking the mesh shows the BeiDou codes of that point, draws the cell and names the parcel', async ({ page }) => {
    test.setTimeout(360_000);
    await page.goto('/?layers=reality,base&camera=121.62,29.845,900,0,-60,0');
    await waitForTwin(page);
    await waitForMesh(page, 'reality', 4);
    await waitForSettled(page, 240_000);
    await expect.poll(async () => (await planning(page)).parcels, { timeout: 60_000 }).toBe(parcels.length);
    const before = await canvasShot(page);
    const canvas = page.locator('.cesium-widget canvas').first();
    const box = (await canvas.boundingBox())!;
    await canvas.click({ position: { x: box.width / 2, y: box.height * 0.6 } });
    const panel = page.getByTestId('spacecode-panel');
    await expect(panel).toBeVisible({ timeout: 60_000 });
    // The panel prints the picked point; the codes must be that point's codes at level 7.
    const text = (await panel.textContent()) ?? '';
    const m = /([\d.]+)°E, ([\d.]+)°N, h ([-\d.]+) m/.exec(text);
    expect(m, text).not.toBeNull();
    const [lon, lat, h] = [Number(m![1]), Number(m![2]), Number(m![3])];
    expect(h, 'picked on the mesh, above the ellipsoid').toBeGreaterThan(5);
    expect(await page.getByTestId('spacecode-2d').textContent()).toBe(encodeBeidou2D({ lon, lat }, 7));
    const code3D = (await page.getByTestId('spacecode-3d').textContent()) ?? '';
    expect(code3D.slice(0, 4)).toBe(encodeBeidou3D({ lon, lat, height: h }, 7).slice(0, 4));
    expect(code3D).toHaveLength(23);
    await expect.poll(async () => (await planning(page)).overlays.cell).toBe(code3D);
    // The parcel under the point (if any) is named by its 不动产单元代码.
    const parcel = parcels.find((f) => pointInPolygons(lon, lat, polygonsOf(f.geometry)));
    if (parcel) await expect(page.getByTestId('spacecode-unit')).toHaveText(String(prop(parcel, 'unitCode')));
    else await expect(page.getByTestId('spacecode-unit-none')).toBeVisible();
    // A coarser level draws a cell big enough to see from here (level 6 ≈ 60 m).
    await page.getByTestId('spacecode-level').selectOption('6');
    await expect.poll(async () => (await planning(page)).overlays.cell?.length).toBe(20);
    await page.waitForTimeout(3000);
    await waitForSettled(page, 120_000);
    expect(changedShare(before, await canvasShot(page))).toBeGreaterThan(0.002);
  });

  test('filtering projects by stage and district changes the map and the statistics', async ({ page }) => {
    await page.goto('/?layers=projects&camera=121.56,29.87,14000,0,-90,0');
    await waitForTwin(page);
    await waitForProjects(page);
    await waitForSettled(page, 120_000);
    const total = page.getByTestId('stats-total-count');
    await expect(total).toHaveText(String(projects.length));
    const inUse = projects.filter((f) => prop(f, 'stage') === 'use').length;
    const before = await canvasShot(page);
    await page.getByTestId('filter-stage-use').uncheck();
    await expect(total).toHaveText(String(projects.length - inUse));
    await expect(page.getByTestId('stats-stage-use').locator('td').nth(1)).toHaveText('0');
    await waitForProjects(page, projects.length - inUse);
    // The legend's stage toggle is the same filter.
    await expect(page.getByTestId('legend-toggle-projects-use')).not.toBeChecked();
    await page.waitForTimeout(2000);
    await waitForSettled(page, 120_000);
    expect(changedShare(before, await canvasShot(page))).toBeGreaterThan(0.001);

    await page.getByTestId('filter-district').selectOption('330212');
    const inDistrict = projects.filter((f) => prop(f, 'stage') !== 'use' && prop(f, 'districtCode') === '330212').length;
    expect(inDistrict).toBeGreaterThan(0);
    await expect(total).toHaveText(String(inDistrict));
    await waitForProjects(page, inDistrict);
    await page.getByTestId('filter-reset').click();
    await expect(total).toHaveText(String(projects.length));
    await waitForProjects(page);
  });

  test('a control-line type toggles off in the legend', async ({ page }) => {
    const lines = (load('controlLines.geojson') as { features: Feature[] }).features;
    const green = lines.filter((f) => prop(f, 'lineType') === 'greenLine').length;
    await page.goto('/?layers=controlLines&camera=121.56,29.87,14000,0,-90,0');
    await waitForTwin(page);
    await expect.poll(async () => (await planning(page)).shown['controlLines'] ?? 0, { timeout: 90_000 }).toBe(lines.length);
    await expect(page.getByTestId('legend-controlLines')).toContainText(String(green));
    await page.getByTestId('legend-toggle-controlLines-greenLine').uncheck();
    await expect.poll(async () => (await planning(page)).shown['controlLines'] ?? 0, { timeout: 30_000 }).toBe(lines.length - green);
  });
});
