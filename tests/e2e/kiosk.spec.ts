// Kiosk mode on a public touch screen, at its real sizes (portrait 1080×1920 and landscape
// 1920×1080, touch emulated): the layout has no overflow or overlap and only big targets, the page
// cannot be zoomed or left, gestures move the camera through real touch events, the keypad finds a
// project, the idle reset restores the home state and the attract loop stops at the first touch,
// and sensitive layers never reach the kiosk. Views use the base map and the projects layer only:
// the mesh is not the point and would cost minutes in SwiftShader.
import { mkdir } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import type { CameraPose } from '../../src/domain/schemas/index.ts';
import { cameraPose, waitForSettled, waitForTwin } from './twin.ts';

const PROJECT = 'NB-2015-0001';
const LIGHT = 'mode=kiosk&layers=base,projects';

interface Box { readonly name: string; readonly x: number; readonly y: number; readonly width: number; readonly height: number }

/** Boxes of the visible elements matching each selector (one entry per element). */
async function boxes(page: Page, selectors: Record<string, string>): Promise<Box[]> {
  return page.evaluate((sel) => Object.entries(sel).flatMap(([name, css]) => [...document.querySelectorAll(css)].flatMap((el, i) => {
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (r.width === 0 || r.height === 0 || style.visibility === 'hidden' || style.display === 'none') return [];
    return [{ name: `${name}[${i}]`, x: r.x, y: r.y, width: r.width, height: r.height }];
  })), selectors);
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Every region inside the viewport, no two overlapping, no page scrolling; every button at least 48×48. */
async function expectCleanLayout(page: Page, regions: Record<string, string>): Promise<Box[]> {
  const view = page.viewportSize() ?? { width: 0, height: 0 };
  const found = await boxes(page, regions);
  for (const b of found) {
    expect(b.x, `${b.name} left edge`).toBeGreaterThanOrEqual(0);
    expect(b.y, `${b.name} top edge`).toBeGreaterThanOrEqual(0);
    expect(b.x + b.width, `${b.name} right edge`).toBeLessThanOrEqual(view.width);
    expect(b.y + b.height, `${b.name} bottom edge`).toBeLessThanOrEqual(view.height);
  }
  for (let i = 0; i < found.length; i++) {
    for (let j = i + 1; j < found.length; j++) {
      const a = found[i]!, b = found[j]!;
      expect(overlaps(a, b), `${a.name} ${JSON.stringify(a)} overlaps ${b.name} ${JSON.stringify(b)}`).toBe(false);
    }
  }
  const scroll = await page.evaluate(() => ({ w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight, iw: innerWidth, ih: innerHeight }));
  expect(scroll.w).toBeLessThanOrEqual(scroll.iw);
  expect(scroll.h).toBeLessThanOrEqual(scroll.ih);
  // Panels scroll vertically if they must, never sideways.
  const sideways = await page.evaluate(() => [...document.querySelectorAll('.kiosk-panel')].filter((p) => p.scrollWidth > p.clientWidth + 1).length);
  expect(sideways).toBe(0);
  for (const b of await boxes(page, { button: '[data-testid="kiosk"] button' })) {
    expect(b.width, `${b.name} width`).toBeGreaterThanOrEqual(48);
    expect(b.height, `${b.name} height`).toBeGreaterThanOrEqual(48);
  }
  return found;
}

const REGIONS = {
  header: '[data-testid="kiosk-header"]',
  label: '[data-testid="synthetic-label"]',
  credits: '.cesium-viewer-bottom',
  entries: '[data-testid="kiosk-entries"]',
  panel: '.kiosk-panel',
  notices: '[data-testid="notices"]',
};

async function openKiosk(page: Page, query = LIGHT): Promise<void> {
  await page.goto(`/?${query}`);
  await waitForTwin(page);
  await expect(page.getByTestId('kiosk-entries')).toBeVisible();
}

async function waitForProjects(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => window.__twin?.planning().projects ?? 0), { timeout: 60_000 }).toBeGreaterThan(0);
}

async function typeCode(page: Page, digits: string): Promise<void> {
  // force: skip the wait for a stable element (animation frames are slow in SwiftShader); still real touches.
  await page.getByTestId('kiosk-key-clear').tap({ force: true });
  for (const d of digits) await page.getByTestId(`kiosk-key-${d}`).tap({ force: true });
  await page.getByTestId('kiosk-submit').tap({ force: true });
}

async function shot(page: Page, name: string): Promise<void> {
  await mkdir('test-results', { recursive: true });
  await page.screenshot({ path: `test-results/${name}.png` });
}

/** Serves the shipped config with the kiosk section changed (a shortened idle timeout, say). */
async function withKioskConfig(page: Page, kiosk: Record<string, unknown>): Promise<void> {
  await page.route((url) => url.pathname === '/config.json', async (route) => {
    const response = await route.fetch();
    const config = (await response.json()) as { kiosk?: Record<string, unknown> };
    await route.fulfill({ response, json: { ...config, kiosk: { ...config.kiosk, ...kiosk } } });
  });
}

function distance(a: CameraPose, b: CameraPose): number {
  return Math.hypot((a.lon - b.lon) * 96_000, (a.lat - b.lat) * 111_000, a.height - b.height);
}

async function homePose(page: Page): Promise<CameraPose> {
  return page.evaluate(() => window.__twin!.config()!.home);
}

test.describe('kiosk, portrait 1080×1920 touch screen', () => {
  test.use({ viewport: { width: 1080, height: 1920 }, hasTouch: true, isMobile: true, deviceScaleFactor: 1 });

  test('layout: big buttons, no overflow or overlap, one panel at a time; the page cannot zoom, select, or be left', async ({ page }) => {
    await openKiosk(page);
    await expect(page.getByTestId('kiosk-entries').getByRole('button')).toHaveText(['城市总览', '三江口', '前湾新区', '地下空间', '海底地形', '项目查询']);
    const closed = await expectCleanLayout(page, REGIONS);
    expect(closed.map((b) => b.name.replace(/\[\d+\]$/, ''))).toEqual(expect.arrayContaining(['header', 'label', 'entries']));
    // Entry buttons are far above the 48 px minimum: they are meant for strangers' fingers.
    for (const b of await boxes(page, { entry: '.kiosk-entry' })) expect(Math.min(b.width, b.height)).toBeGreaterThanOrEqual(100);
    await shot(page, 'kiosk-portrait');

    await page.getByTestId('kiosk-entry-search').tap();
    await expect(page.getByTestId('kiosk-keypad')).toBeVisible();
    await expect(page.getByTestId('kiosk-code')).toHaveText('NB-____-____');
    await expectCleanLayout(page, REGIONS);
    await shot(page, 'kiosk-portrait-keypad');

    // Page guards: no text selection, no browser gestures, no zoom, no context menu, no way out.
    const guards = await page.evaluate(() => {
      const body = getComputedStyle(document.body);
      const ctx = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
      document.querySelector('.kiosk-entry')?.dispatchEvent(ctx);
      const zoomWheel = new WheelEvent('wheel', { bubbles: true, cancelable: true, ctrlKey: true, deltaY: -100 });
      document.body.dispatchEvent(zoomWheel);
      const plainWheel = new WheelEvent('wheel', { bubbles: true, cancelable: true, deltaY: -100 });
      document.body.dispatchEvent(plainWheel);
      const zoomKey = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ctrlKey: true, key: '+' });
      document.body.dispatchEvent(zoomKey);
      const outside = [...document.querySelectorAll('a[href]')].filter((a) => getComputedStyle(a).pointerEvents !== 'none' && (a as HTMLAnchorElement).origin !== location.origin);
      return {
        userSelect: body.userSelect, touchAction: body.touchAction, overscroll: getComputedStyle(document.documentElement).overscrollBehaviorX,
        viewport: document.querySelector('meta[name="viewport"]')?.getAttribute('content') ?? '',
        contextMenu: ctx.defaultPrevented, ctrlWheel: zoomWheel.defaultPrevented, plainWheel: plainWheel.defaultPrevented, ctrlPlus: zoomKey.defaultPrevented,
        clickableOutsideLinks: outside.length,
      };
    });
    expect(guards).toEqual({
      userSelect: 'none', touchAction: 'none', overscroll: 'none', viewport: expect.stringContaining('user-scalable=no') as unknown as string,
      contextMenu: true, ctrlWheel: true, plainWheel: false, ctrlPlus: true, clickableOutsideLinks: 0,
    });
    // No planner panels: no layer list, no search box, no shortcuts.
    for (const id of ['layer-panel', 'search', 'underground-panel', 'filter-panel']) await expect(page.getByTestId(id)).toHaveCount(0);
  });

  test('the keypad explains each wrong code and finds a project; its card reads at arm\'s length', async ({ page }) => {
    await openKiosk(page);
    await waitForProjects(page);
    await page.getByTestId('kiosk-entry-search').tap();
    const answer = page.getByTestId('kiosk-answer');
    await typeCode(page, '2015');
    await expect(page.getByTestId('kiosk-code')).toHaveText('NB-2015-____');
    await expect(answer).toHaveText('还差 4 位数字：项目编号形如 NB-2015-0001');
    await typeCode(page, '19990001');
    await expect(answer).toHaveText(/年份段 1999 不对：应在 2000 到 20\d\d 之间/);
    await typeCode(page, '20150000');
    await expect(answer).toHaveText('序号段 0000 不存在：序号从 0001 开始');
    await typeCode(page, '20159999');
    await expect(answer).toHaveText('没有编号为 NB-2015-9999 的项目，请核对后重试');
    // Delete works one digit at a time.
    await page.getByTestId('kiosk-key-back').tap();
    await expect(page.getByTestId('kiosk-code')).toHaveText('NB-2015-999_');

    const before = await cameraPose(page);
    await typeCode(page, PROJECT.replace(/\D/g, ''));
    const card = page.getByTestId('kiosk-card');
    await expect(card).toBeVisible();
    await expect(page.getByTestId('kiosk-card-code')).toHaveText(PROJECT);
    await expect(page.getByTestId('kiosk-card-stage')).toHaveText('批 · 审批');
    expect(await page.evaluate(() => window.__twin?.planning().overlays.selection)).toContain(PROJECT);
    await expect.poll(async () => distance(await cameraPose(page), before), { timeout: 20_000 }).toBeGreaterThan(1000);
    // Big type: the project's name at 34 px, its facts at 26 px (CSS px on a 1080-wide screen).
    const sizes = await page.evaluate(() => ({
      name: parseFloat(getComputedStyle(document.querySelector('[data-testid="kiosk-card-name"]')!).fontSize),
      code: parseFloat(getComputedStyle(document.querySelector('[data-testid="kiosk-card-code"]')!).fontSize),
    }));
    expect(sizes.name).toBeGreaterThanOrEqual(32);
    expect(sizes.code).toBeGreaterThanOrEqual(24);
    await expectCleanLayout(page, REGIONS);
    await shot(page, 'kiosk-portrait-card');
    // Closing the card goes back to the keypad with the answer.
    await page.getByTestId('kiosk-card-close').tap();
    await expect(page.getByTestId('kiosk-answer')).toHaveText(`已找到 ${PROJECT}`);
  });

  test('one finger pans, two fingers zoom, tilt and turn, through touch events; rendering keeps up', async ({ page }) => {
    // Four gestures of seven frames each, at up to a second and a half a frame under SwiftShader.
    test.setTimeout(300_000);
    await openKiosk(page, 'mode=kiosk&layers=base&camera=121.56,29.87,8000,0,-60,0');
    const cdp = await page.context().newCDPSession(page);
    type Point = { x: number; y: number };
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', points: readonly Point[]) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map((p, id) => ({ x: p.x, y: p.y, id })) });
    // Waits for the page's next animation frame. Cesium reads the gesture once per frame; a software
    // frame at 1080×1920 can outlast a whole gesture sent 40 ms a step, and a press and release
    // inside one frame moved nothing (seen once in CI). A hand spans many frames, so each touch
    // event here waits for one.
    const nextFrame = (): Promise<void> => page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));
    /** Moves the fingers from `from` to `to` in steps, a frame apart, as a hand would. */
    const gesture = async (from: readonly Point[], to: readonly Point[], steps = 6): Promise<void> => {
      await touch('touchStart', from);
      await nextFrame();
      for (let i = 1; i <= steps; i++) {
        const f = i / steps;
        await touch('touchMove', from.map((p, k) => ({ x: p.x + ((to[k]?.x ?? p.x) - p.x) * f, y: p.y + ((to[k]?.y ?? p.y) - p.y) * f })));
        await nextFrame();
      }
      await touch('touchEnd', []);
      // Let inertia run out before measuring the next gesture.
      await settle();
    };
    const settle = async (): Promise<CameraPose> => {
      let prev = await cameraPose(page);
      for (;;) {
        await page.waitForTimeout(300);
        const next = await cameraPose(page);
        if (distance(prev, next) < 0.01 && Math.abs(prev.heading - next.heading) < 1e-3 && Math.abs(prev.pitch - next.pitch) < 1e-3) return next;
        prev = next;
      }
    };
    const frames = (): Promise<number> => page.evaluate(() => window.__twin!.frames());
    const c = { x: 540, y: 960 };

    // Gestures start on a quiet scene: the globe's tiles under the fingers drawn, so Cesium's pick of the
    // grabbed point reads a finished depth buffer.
    await waitForSettled(page);
    const start = await settle();
    const framesBefore = await frames();
    // One finger drags the map down the screen: the ground under it follows, so the camera goes north (heading 0).
    await gesture([{ x: c.x, y: c.y - 150 }], [{ x: c.x, y: c.y + 150 }]);
    const panned = await cameraPose(page);
    expect(panned.lat, `one-finger pan moves the camera north (from ${JSON.stringify(start)} to ${JSON.stringify(panned)})`).toBeGreaterThan(start.lat + 0.002);
    expect(Math.abs(panned.height - start.height)).toBeLessThan(200);
    const framesAfterPan = await frames();
    expect(framesAfterPan - framesBefore, 'frames rendered during the pan').toBeGreaterThanOrEqual(4);

    // Pinch out: the camera comes closer.
    await gesture([{ x: c.x - 60, y: c.y }, { x: c.x + 60, y: c.y }], [{ x: c.x - 300, y: c.y }, { x: c.x + 300, y: c.y }]);
    const zoomed = await cameraPose(page);
    expect(zoomed.height, 'pinch zooms in').toBeLessThan(panned.height * 0.8);
    expect(await frames() - framesAfterPan, 'frames rendered during the pinch').toBeGreaterThanOrEqual(4);

    // Two fingers slide up together: the view tilts.
    await gesture([{ x: c.x - 150, y: c.y + 200 }, { x: c.x + 150, y: c.y + 200 }], [{ x: c.x - 150, y: c.y - 100 }, { x: c.x + 150, y: c.y - 100 }]);
    const tilted = await cameraPose(page);
    expect(Math.abs(tilted.pitch - zoomed.pitch), 'two-finger slide tilts').toBeGreaterThan(3);

    // Two fingers twist a quarter turn: the view turns.
    await gesture([{ x: c.x - 200, y: c.y }, { x: c.x + 200, y: c.y }], [{ x: c.x, y: c.y - 200 }, { x: c.x, y: c.y + 200 }]);
    const turned = await cameraPose(page);
    const dh = Math.abs(((turned.heading - tilted.heading + 540) % 360) - 180);
    expect(dh, 'two-finger twist turns').toBeGreaterThan(10);
    // After the gestures the scene is idle again (requestRenderMode): nothing renders without a change.
    const idle = await frames();
    await page.waitForTimeout(1000);
    expect(await frames() - idle).toBeLessThanOrEqual(2);
  });

  test('the idle timeout returns everything home and starts the attract loop; the first touch stops it', async ({ page }) => {
    // A shortened timeout, still long enough for SwiftShader (a tap on a 1080×1920 software-rendered
    // page takes seconds); a long dwell so the loop rests at home while the test looks.
    await withKioskConfig(page, { idleSeconds: 20, attract: { stops: ['sanjiangkou', 'home'], dwellSeconds: 300, flightSeconds: 2 } });
    await openKiosk(page);
    await waitForProjects(page);
    const home = await homePose(page);
    const kiosk = page.getByTestId('kiosk');
    /** Everything the reset must restore, read in one go (each round trip costs time on this machine). */
    const state = () => page.evaluate(() => {
      const t = window.__twin!;
      const el = document.querySelector('[data-testid="kiosk"]') as HTMLElement;
      return {
        phase: el.dataset['phase'], panel: el.dataset['panel'], atHome: el.dataset['atHome'],
        layers: Object.fromEntries(Object.entries(t.layers()).map(([id, s]) => [id, s.show])),
        underground: t.ground().translucent, pits: t.ground().pits, selection: t.planning().overlays.selection ?? null,
        card: document.querySelector('[data-testid="kiosk-card"]') !== null,
        privateNote: document.querySelector('[data-testid="kiosk-private"]')?.textContent ?? null,
        watermark: document.querySelector('[data-testid="watermark"]') !== null,
        attract: document.querySelector('[data-testid="kiosk-attract"]')?.textContent ?? null,
      };
    });
    // Loading may have taken longer than the timeout (a touch then stops the loop, maybe mid-flight):
    // wake the kiosk with a touch on the title bar, then 城市总览 puts it home.
    await page.touchscreen.tap(200, 56);
    await page.getByTestId('kiosk-entry-home').tap({ force: true });
    await expect(kiosk).toHaveAttribute('data-at-home', 'true', { timeout: 10_000 });
    const atHome = await state();
    expect(atHome).toMatchObject({ phase: 'active', panel: 'none', underground: false, pits: 0, selection: null, card: false, watermark: false, attract: null });

    // A visitor goes underground: see-through ground, a pit, the note that pipelines are not public.
    await page.getByTestId('kiosk-entry-underground').tap({ force: true });
    const underground = await state();
    expect(underground).toMatchObject({
      panel: 'underground', atHome: 'false', underground: true, pits: 1, watermark: false,
      privateNote: '地下管线数据属于涉密信息，不在公共触摸屏上展示。', layers: atHome.layers,
    });
    expect(Object.keys(underground.layers)).not.toContain('pipelines');

    // ...and walks away: after the timeout everything is back home and the loop invites the next one.
    await expect(page.getByTestId('kiosk-attract')).toBeVisible({ timeout: 60_000 });
    await expect.poll(async () => distance(await cameraPose(page), home), { timeout: 15_000 }).toBeLessThan(5);
    await expect(kiosk).toHaveAttribute('data-at-home', 'true');
    expect(await state()).toEqual({ ...atHome, phase: 'attract', attract: '触摸屏幕开始探索单指拖动平移 · 双指缩放、旋转和俯仰' });
    await shot(page, 'kiosk-portrait-attract');

    // The first touch stops the loop; the buttons work again.
    await page.touchscreen.tap(540, 900);
    await expect(page.getByTestId('kiosk-attract')).toHaveCount(0);
    await expect(kiosk).toHaveAttribute('data-phase', 'active');

    // A second visitor: the seabed, then a project found on the keypad, and walks away again.
    await page.getByTestId('kiosk-entry-seabed').tap({ force: true });
    expect(await page.evaluate(() => [window.__twin!.layer('seabed')?.show, window.__twin!.layer('water')?.show, document.querySelector('[data-testid="kiosk-note-seabed"]') !== null])).toEqual([true, true, true]);
    await page.getByTestId('kiosk-entry-search').tap({ force: true });
    // Each entry starts from home: the seabed is off again.
    expect(await page.evaluate(() => [window.__twin!.layer('seabed')?.show, window.__twin!.layer('water')?.show])).toEqual([false, false]);
    await typeCode(page, PROJECT.replace(/\D/g, ''));
    await expect(page.getByTestId('kiosk-card')).toBeVisible();
    expect((await state()).selection).toContain(PROJECT);
    await expect(page.getByTestId('kiosk-attract')).toBeVisible({ timeout: 60_000 });
    await expect.poll(async () => distance(await cameraPose(page), home), { timeout: 15_000 }).toBeLessThan(5);
    await expect(kiosk).toHaveAttribute('data-at-home', 'true');
    expect(await state()).toEqual({ ...atHome, phase: 'attract', attract: '触摸屏幕开始探索单指拖动平移 · 双指缩放、旋转和俯仰' });
    // Reopening the keypad shows an empty code: the last visitor's search is gone.
    await page.touchscreen.tap(540, 900);
    await page.getByTestId('kiosk-entry-search').tap({ force: true });
    await expect(page.getByTestId('kiosk-code')).toHaveText('NB-____-____');
  });

  test('sensitive layers never reach the kiosk, whatever the URL asks', async ({ page }) => {
    const pipelineRequests: string[] = [];
    page.on('request', (r) => { if (r.url().includes('/tilesets/pipelines/')) pipelineRequests.push(r.url()); });
    await openKiosk(page, 'mode=kiosk&layers=base,pipelines');
    await expect(page.getByTestId('notice')).toContainText('?layers: no layer with id "pipelines"');
    expect(await page.evaluate(() => Object.keys(window.__twin!.layers()))).not.toContain('pipelines');
    await expect(page.getByTestId('watermark')).toHaveCount(0);
    // Going underground does not bring them back either.
    await page.getByTestId('kiosk-entry-underground').tap();
    await expect.poll(() => page.evaluate(() => window.__twin!.ground().translucent)).toBe(true);
    await page.waitForTimeout(1000);
    expect(await page.evaluate(() => Object.keys(window.__twin!.layers()))).not.toContain('pipelines');
    await expect(page.getByTestId('watermark')).toHaveCount(0);
    await expect(page.getByText('地下管线（CJJ 61）')).toHaveCount(0);
    expect(pipelineRequests).toEqual([]);
  });
});

test.describe('kiosk, landscape 1920×1080 touch screen', () => {
  test.use({ viewport: { width: 1920, height: 1080 }, hasTouch: true, isMobile: true, deviceScaleFactor: 1 });

  test('layout: one row of entries, the panel on the right, nothing overlapping; English complete', async ({ page }) => {
    await openKiosk(page);
    await waitForProjects(page);
    const closed = await expectCleanLayout(page, REGIONS);
    const entries = await boxes(page, { entry: '.kiosk-entry' });
    expect(new Set(entries.map((b) => Math.round(b.y))).size, 'entries in one row').toBe(1);
    expect(closed.find((b) => b.name.startsWith('entries'))?.height).toBeLessThan(200);
    await shot(page, 'kiosk-landscape');
    await page.getByTestId('kiosk-entry-search').tap();
    await typeCode(page, PROJECT.replace(/\D/g, ''));
    await expect(page.getByTestId('kiosk-card')).toBeVisible();
    const open = await expectCleanLayout(page, REGIONS);
    const panel = open.find((b) => b.name.startsWith('panel'));
    expect(panel && panel.x, 'the panel sits on the right').toBeGreaterThan(1920 / 2);
    await page.getByTestId('lang-switch').tap();
    await expect(page.getByTestId('kiosk-entries').getByRole('button')).toHaveText(['City overview', 'Sanjiangkou', 'Qianwan New Area', 'Underground', 'Seabed', 'Find a project']);
    await expect(page.getByTestId('kiosk-card-stage')).toHaveText('批 · Approval');
    await expectCleanLayout(page, REGIONS);
    await shot(page, 'kiosk-landscape-card-en');
  });

  test('the attract loop flies between its stops until someone touches the screen', async ({ page }) => {
    await withKioskConfig(page, { idleSeconds: 12, attract: { stops: ['sanjiangkou', 'home'], dwellSeconds: 5, flightSeconds: 1 } });
    await openKiosk(page);
    const sanjiangkou = await page.evaluate(() => window.__twin!.config()!.bookmarks.find((b) => b.id === 'sanjiangkou')!);
    await expect(page.getByTestId('kiosk-attract')).toBeVisible({ timeout: 40_000 });
    // Home, a dwell, then the first stop. Each rests 5 s: under SwiftShader a frame can take 2–4 s
    // while tiles stream, and a rest shorter than a frame may pass between two looks.
    await expect.poll(async () => distance(await cameraPose(page), sanjiangkou), { timeout: 40_000, intervals: [250] }).toBeLessThan(5);
    await shot(page, 'kiosk-landscape-attract');
    // A touch stops the loop where it is: without it the flight home would start within the 5 s
    // dwell (and show within a frame); with it the camera stays put (the 8 s looked at are shorter
    // than the 12 s idle timeout that would send it home).
    await page.touchscreen.tap(960, 540);
    await expect(page.getByTestId('kiosk-attract')).toHaveCount(0);
    await expect(page.getByTestId('kiosk')).toHaveAttribute('data-phase', 'active');
    const stopped = await cameraPose(page);
    await page.waitForTimeout(8000);
    expect(distance(await cameraPose(page), stopped)).toBeLessThan(1);
  });
});
