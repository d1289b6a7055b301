import { describe, expect, it } from 'vitest';
import { createRaster, type HeightRaster } from '../../../../src/domain/review/raster.ts';
import type { Reviewed } from '../../../../src/domain/review/sight.ts';
import { VIEW, viewshed, type Viewshed } from '../../../../src/domain/review/viewshed.ts';

const ORIGIN = { lon: 121.55, lat: 29.87, height: 0 };

/** 61×61 cells of 1 m, centres at integer x/y 0…60, flat at z = 0; the observer stands at (30, 30). */
function flat(size = 61): HeightRaster {
  return createRaster(ORIGIN, 0, 0, 1, size, size, 0);
}
const set = (r: HeightRaster, i: number, j: number, z: number): void => { r.heights[j * r.cols + i] = z; };
const at = (v: Viewshed, r: HeightRaster, i: number, j: number): number => v.cells[j * r.cols + i]!;
function ok(res: Reviewed<Viewshed>): Viewshed {
  if (!res.ok) throw new Error(`refused: ${JSON.stringify(res.problem)}`);
  return res;
}
/** Cell centres (integer offsets) within `radius` of the observer's centre: the geometric disc count. */
function discCells(radius: number): number {
  let c = 0;
  for (let a = -radius; a <= radius; a++) for (let b = -radius; b <= radius; b++) if (a * a + b * b <= radius * radius) c++;
  return c;
}

describe('viewshed', () => {
  it('sees every cell of the disc on flat ground, and nothing outside the radius', () => {
    const r = flat();
    const v = ok(viewshed(r, { at: [30, 30], above: 1.7 }, { radius: 10 }));
    expect(v.counts).toEqual({ visible: discCells(10), hidden: 0, unknown: 0, noData: 0 });
    expect(v.visibleAreaM2).toBe(discCells(10));
    expect(at(v, r, 40, 30)).toBe(VIEW.visible);
    expect(at(v, r, 38, 38)).toBe(VIEW.none); // 11.3 m away
    expect(v.beyondRaster).toBe(false);
    expect(v.observer).toEqual([30, 30, 1.7]);
  });

  it('reports area in square metres for coarser cells', () => {
    const r = createRaster(ORIGIN, 0, 0, 2, 31, 31, 0); // observer cell (15, 15) at x = y = 30
    const v = ok(viewshed(r, { at: [30, 30], above: 1.7 }, { radius: 20 }));
    expect(v.counts.visible).toBe(discCells(10));
    expect(v.visibleAreaM2).toBe(discCells(10) * 4);
  });

  it('hides the ground behind a tall block and sees round its sides', () => {
    const r = flat();
    for (let j = 25; j <= 35; j++) set(r, 35, j, 20); // x 34.5…35.5, y 24.5…35.5
    const v = ok(viewshed(r, { at: [30, 30], above: 2 }, { radius: 28 }));
    expect(at(v, r, 33, 30)).toBe(VIEW.visible); // in front
    expect(at(v, r, 35, 30)).toBe(VIEW.visible); // the block's top, whose near edge rises above the eye
    for (const i of [36, 40, 45, 55]) expect(at(v, r, i, 30)).toBe(VIEW.hidden); // straight behind
    expect(at(v, r, 45, 40)).toBe(VIEW.hidden); // bearing 56°, inside the block's shadow (±51° off east)
    expect(at(v, r, 40, 52)).toBe(VIEW.visible); // bearing 24°: past the block's north end
    expect(at(v, r, 20, 30)).toBe(VIEW.visible); // behind the observer
    expect(v.counts.hidden).toBeGreaterThan(100);
  });

  it('sees a raised target over a wall exactly when it clears the wall top', () => {
    // Wall 4 m high 5 m east; eye at z 2: slope 0.4, so at 15 m a point must stand ≥ 8 m high.
    const r = flat();
    for (let j = 0; j < 61; j++) set(r, 35, j, 4);
    const seen = (targetHeight: number) => at(ok(viewshed(r, { at: [30, 30], z: 2 }, { radius: 20, targetHeight })), r, 45, 30);
    expect(seen(0)).toBe(VIEW.hidden);
    expect(seen(7.5)).toBe(VIEW.hidden);
    expect(seen(8.5)).toBe(VIEW.visible);
  });

  it('sees down into a bowl all round', () => {
    const r = flat();
    for (let j = 0; j < 61; j++) for (let i = 0; i < 61; i++) set(r, i, j, 0.02 * ((i - 30) ** 2 + (j - 30) ** 2));
    const v = ok(viewshed(r, { at: [30, 30], above: 1.7 }, { radius: 25 }));
    expect(v.counts.hidden).toBe(0);
    expect(v.counts.visible).toBe(discCells(25));
  });

  it('loses the far side of a dome beyond the horizon distance', () => {
    // z = 50 − 0.02 d², eye 1.7 m above the top: slope to the ground −0.02 d − 1.7/d peaks at
    // d = √85 ≈ 9.2 m; ground farther out falls below that ray.
    const r = flat();
    for (let j = 0; j < 61; j++) for (let i = 0; i < 61; i++) set(r, i, j, 50 - 0.02 * ((i - 30) ** 2 + (j - 30) ** 2));
    const v = ok(viewshed(r, { at: [30, 30], above: 1.7 }, { radius: 25 }));
    for (const [di, dj] of [[1, 0], [0, 1], [-1, 0], [0, -1]] as const) {
      for (let d = 1; d <= 9; d++) expect(at(v, r, 30 + di * d, 30 + dj * d)).toBe(VIEW.visible);
      for (let d = 10; d <= 25; d++) expect(at(v, r, 30 + di * d, 30 + dj * d)).toBe(VIEW.hidden);
    }
    const horizon = Math.PI * 85;
    expect(v.counts.visible).toBeGreaterThan(horizon * 0.85);
    expect(v.counts.visible).toBeLessThan(horizon * 1.2);
  });

  it('keeps to the field of view, headed by compass bearing', () => {
    const r = flat();
    const v = ok(viewshed(r, { at: [30, 30], above: 1.7 }, { radius: 20, headingDeg: 90, fovDeg: 90 }));
    expect(at(v, r, 40, 30)).toBe(VIEW.visible); // east
    expect(at(v, r, 38, 36)).toBe(VIEW.visible); // bearing 53°
    expect(at(v, r, 36, 38)).toBe(VIEW.none); // bearing 37°
    expect(at(v, r, 20, 30)).toBe(VIEW.none); // west
    expect(at(v, r, 30, 40)).toBe(VIEW.none); // north
    const north = ok(viewshed(r, { at: [30, 30], above: 1.7 }, { radius: 20, headingDeg: 350, fovDeg: 40 }));
    expect(at(north, r, 30, 45)).toBe(VIEW.visible);
    expect(at(north, r, 25, 45)).toBe(VIEW.visible); // bearing 342°
    expect(at(north, r, 36, 45)).toBe(VIEW.none); // bearing 22°
  });

  it('marks cells behind a gap unknown and the gap itself as no data, unless a wall already hides them', () => {
    const r = flat();
    set(r, 33, 30, Number.NaN);
    const v = ok(viewshed(r, { at: [30, 30], above: 1.7 }, { radius: 20 }));
    expect(at(v, r, 33, 30)).toBe(VIEW.none);
    expect(v.counts.noData).toBe(1);
    expect(at(v, r, 40, 30)).toBe(VIEW.unknown);
    expect(at(v, r, 30, 40)).toBe(VIEW.visible);
    expect(v.counts.unknown).toBeGreaterThan(0);
    for (let j = 0; j < 61; j++) set(r, 32, j, 30);
    const walled = ok(viewshed(r, { at: [30, 30], above: 1.7 }, { radius: 20 }));
    expect(at(walled, r, 40, 30)).toBe(VIEW.hidden);
  });

  it('says when the disc reaches past the loaded raster', () => {
    const v = ok(viewshed(flat(), { at: [5, 30], above: 1.7 }, { radius: 10 }));
    expect(v.beyondRaster).toBe(true);
    expect(v.counts.visible).toBeLessThan(discCells(10));
  });

  it('refuses an observer off the raster or on a gap, and nonsense options', () => {
    const r = flat();
    set(r, 30, 30, Number.NaN);
    const off = viewshed(r, { at: [-5, 30], above: 1.7 }, { radius: 10 });
    expect(!off.ok && off.problem.kind).toBe('outside');
    const gap = viewshed(r, { at: [30, 30], above: 1.7 }, { radius: 10 });
    expect(!gap.ok && gap.problem.kind).toBe('noData');
    expect(viewshed(r, { at: [10, 10], above: 1.7 }, { radius: 0 }).ok).toBe(false);
    expect(viewshed(r, { at: [10, 10], above: 1.7 }, { radius: 10, fovDeg: 0 }).ok).toBe(false);
  });
});
