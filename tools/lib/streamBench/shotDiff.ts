// "No visible quality loss": the share of pixels that differ between the shipped viewer's
// screenshot of a step and plain Cesium's (same renderer, same target SSE), judged as the render
// tests judge (pixelmatch, colour threshold 0.1). The shipped viewer's synthetic-data badge is
// part of its picture, so a step never reaches exactly 0.
import { existsSync, readFileSync } from 'node:fs';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

export const SHOT_THRESHOLD = 0.1;

/** Share (0–1) of pixels that differ, or undefined when a shot is missing or the sizes differ. */
export function shotDifference(fileA: string, fileB: string): number | undefined {
  if (!existsSync(fileA) || !existsSync(fileB)) return undefined;
  const a = PNG.sync.read(readFileSync(fileA));
  const b = PNG.sync.read(readFileSync(fileB));
  if (a.width !== b.width || a.height !== b.height) return undefined;
  const differing = pixelmatch(a.data, b.data, undefined, a.width, a.height, { threshold: SHOT_THRESHOLD });
  return differing / (a.width * a.height);
}
