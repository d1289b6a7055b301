// Shared helpers for browser tests: reading window.__twin, waiting for the mesh, judging pixels.
import { expect, type Page } from '@playwright/test';
import { PNG } from 'pngjs';
import type { TwinTestApi, LayerTestStatus } from '../../src/ui/map/testApi.ts';
import type { CameraPose } from '../../src/domain/schemas/index.ts';

export type { LayerTestStatus };

/** Debian chromium + SwiftShader decodes and draws on the CPU: mesh views take a while. */
export const MESH_TIMEOUT_MS = 150_000;

export async function waitForTwin(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__twin !== undefined, null, { timeout: 60_000 });
}

export function layerStatus(page: Page, id: string): Promise<LayerTestStatus | undefined> {
  return page.evaluate((layerId) => (window.__twin as TwinTestApi | undefined)?.layer(layerId), id);
}

export function cameraPose(page: Page): Promise<CameraPose> {
  return page.evaluate(() => (window.__twin as TwinTestApi).camera());
}

/** Waits until the layer has tiles selected for rendering (the mesh is on screen). */
export async function waitForMesh(page: Page, id = 'reality', minTiles = 1): Promise<void> {
  await expect
    .poll(async () => (await layerStatus(page, id))?.selectedTiles ?? 0, { timeout: MESH_TIMEOUT_MS, intervals: [500, 1000, 2000] })
    .toBeGreaterThanOrEqual(minTiles);
}

export async function waitForSettled(page: Page, timeout = MESH_TIMEOUT_MS): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset['tilesSettled'] === 'true', null, { timeout, polling: 500 });
}

export interface PixelStats {
  /** Share of pixels whose colour differs noticeably from the most common colour. */
  readonly nonUniform: number;
  /** Distinct colours after quantising to 4 bits per channel. */
  readonly distinctColours: number;
  readonly meanLuminance: number;
  /** Share of near-black pixels (luminance below 32): the empty starry sky, no globe drawn. */
  readonly darkShare: number;
}

export function pixelStats(png: Buffer): PixelStats {
  const img = PNG.sync.read(png);
  const counts = new Map<number, number>();
  let lum = 0, dark = 0;
  const n = img.width * img.height;
  for (let i = 0; i < n; i++) {
    const r = img.data[i * 4] ?? 0, g = img.data[i * 4 + 1] ?? 0, b = img.data[i * 4 + 2] ?? 0;
    const key = ((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    const l = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    lum += l;
    if (l < 32) dark++;
  }
  const mode = Math.max(...counts.values());
  return { nonUniform: 1 - mode / n, distinctColours: counts.size, meanLuminance: lum / n, darkShare: dark / n };
}

/** Share of pixels that differ by more than `threshold` (0..255, any channel) between two images. */
export function changedShare(a: Buffer, b: Buffer, threshold = 24): number {
  const x = PNG.sync.read(a), y = PNG.sync.read(b);
  if (x.width !== y.width || x.height !== y.height) return 1;
  let changed = 0;
  const n = x.width * x.height;
  for (let i = 0; i < n * 4; i += 4) {
    for (let c = 0; c < 3; c++) {
      if (Math.abs((x.data[i + c] ?? 0) - (y.data[i + c] ?? 0)) > threshold) {
        changed++;
        break;
      }
    }
  }
  return changed / n;
}

/** The map canvas alone (no panels), as the user sees it. */
export function canvasShot(page: Page): Promise<Buffer> {
  return page.locator('.cesium-widget canvas').first().screenshot();
}

/**
 * Waits until the middle of the screen shows the globe rather than the empty starry sky, and fails if
 * it never does. The first frames come before the globe's first tiles, and under SwiftShader a 4K
 * frame takes seconds: a screenshot right after the panels appear can show only stars (measured at
 * 3840×2160: frame 3 had mean luminance 14, the globe from frame 8 on about 115). The middle fifth
 * of the screen is judged because the panels, dark themselves, cover up to half a wall's width.
 */
export async function waitForDrawnScene(page: Page, timeout = 120_000): Promise<void> {
  const v = page.viewportSize();
  if (!v) throw new Error('waitForDrawnScene needs a fixed viewport');
  const clip = { x: v.width * 0.4, y: v.height * 0.4, width: v.width * 0.2, height: v.height * 0.2 };
  await expect
    .poll(async () => pixelStats(await page.screenshot({ clip })).darkShare, {
      timeout, intervals: [2000, 4000],
      message: 'the middle of the screen still shows only the dark sky: the globe was never drawn',
    })
    .toBeLessThan(0.5);
}
