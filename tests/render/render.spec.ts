// Screenshot comparison against reference images (after MapLibre/deck.gl render tests).
// A missing reference fails with a hint; UPDATE_REFERENCES=1 writes it. Actual and diff images go
// to tests/render/__actual__/ for a look.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { pixelStats, waitForSettled, waitForTwin } from '../e2e/twin.ts';
import { caseUrl, renderCases } from './cases.ts';

const referenceDir = new URL('./__reference__/', import.meta.url);
const actualDir = new URL('./__actual__/', import.meta.url);
const update = process.env['UPDATE_REFERENCES'] === '1';

for (const c of renderCases) {
  test(`render: ${c.name}`, async ({ page }) => {
    test.setTimeout(300_000);
    await page.setViewportSize({ width: c.width, height: c.height });
    await page.goto(caseUrl(c));
    await waitForTwin(page);
    await waitForSettled(page, 240_000);
    if (c.hide?.length) await page.addStyleTag({ content: `${c.hide.join(', ')} { visibility: hidden !important; }` });
    const actual = await page.screenshot({ animations: 'disabled' });
    mkdirSync(actualDir, { recursive: true });
    writeFileSync(new URL(`${c.name}.png`, actualDir), actual);

    // A black, blank or single-colour frame is never a valid picture of the city.
    const stats = pixelStats(actual);
    expect(stats.nonUniform, 'the frame is (almost) one colour').toBeGreaterThan(0.3);
    expect(stats.distinctColours, 'the frame has too few colours to show the city').toBeGreaterThan(200);

    const referenceFile = new URL(`${c.name}.png`, referenceDir);
    if (update) {
      mkdirSync(referenceDir, { recursive: true });
      writeFileSync(referenceFile, actual);
      return;
    }
    if (!existsSync(referenceFile)) {
      throw new Error(`No reference image tests/render/__reference__/${c.name}.png. Look at tests/render/__actual__/${c.name}.png; if it is right, run with UPDATE_REFERENCES=1 to make it the reference.`);
    }
    const ref = PNG.sync.read(readFileSync(referenceFile));
    const img = PNG.sync.read(actual);
    expect([img.width, img.height], 'image size').toEqual([ref.width, ref.height]);
    const diff = new PNG({ width: ref.width, height: ref.height });
    const differing = pixelmatch(ref.data, img.data, diff.data, ref.width, ref.height, { threshold: c.threshold });
    writeFileSync(new URL(`${c.name}-diff.png`, actualDir), PNG.sync.write(diff));
    const share = differing / (ref.width * ref.height);
    expect(share, `${differing} pixels differ (see tests/render/__actual__/${c.name}-diff.png)`).toBeLessThanOrEqual(c.maxDiffShare);
  });
}
