import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { shotDifference } from '../../../../tools/lib/streamBench/shotDiff.ts';

function png(dir: string, name: string, w: number, h: number, paint: (x: number, y: number) => [number, number, number]): string {
  const img = new PNG({ width: w, height: h });
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const [r, g, b] = paint(x, y);
    img.data.set([r, g, b, 255], (y * w + x) * 4);
  }
  const file = join(dir, name);
  writeFileSync(file, PNG.sync.write(img));
  return file;
}

describe('shot difference', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shots-'));
  const grey = png(dir, 'grey.png', 10, 10, () => [120, 120, 120]);

  it('counts the share of pixels that differ beyond the colour threshold', () => {
    // Three pixels turned red, and one changed by a shade the threshold forgives.
    const marked = png(dir, 'marked.png', 10, 10, (x, y) => (y === 0 && x < 3 ? [255, 0, 0] : y === 5 && x === 5 ? [122, 120, 120] : [120, 120, 120]));
    expect(shotDifference(grey, marked)).toBeCloseTo(0.03, 5);
    expect(shotDifference(grey, grey)).toBe(0);
  });

  it('gives no figure for a missing shot or shots of different sizes', () => {
    expect(shotDifference(grey, join(dir, 'none.png'))).toBeUndefined();
    expect(shotDifference(grey, png(dir, 'small.png', 5, 5, () => [120, 120, 120]))).toBeUndefined();
  });
});
