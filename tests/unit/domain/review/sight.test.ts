import { describe, expect, it } from 'vitest';
import { createRaster, type HeightRaster } from '../../../../src/domain/review/raster.ts';
import { lineOfSight, lineOfSightMany, type Reviewed, type SightLine } from '../../../../src/domain/review/sight.ts';

const ORIGIN = { lon: 121.55, lat: 29.87, height: 0 };

/** 1 m cells, centres at integer x/y from 0, flat ground at z = 0. */
function flat(cols = 50, rows = 21): HeightRaster {
  return createRaster(ORIGIN, 0, 0, 1, cols, rows, 0);
}
function set(r: HeightRaster, i: number, j: number, z: number): void {
  r.heights[j * r.cols + i] = z;
}
/** A north–south wall one cell thick in column i (spanning x i−0.5 … i+0.5). */
function wall(r: HeightRaster, i: number, z: number): void {
  for (let j = 0; j < r.rows; j++) set(r, i, j, z);
}
function ok(res: Reviewed<SightLine>): SightLine {
  if (!res.ok) throw new Error(`refused: ${JSON.stringify(res.problem)}`);
  return res;
}

describe('lineOfSight', () => {
  it('sees across flat ground, one visible segment from eye to target', () => {
    const s = ok(lineOfSight(flat(), { at: [5, 10], above: 1.7 }, { at: [45, 10], above: 0 }));
    expect(s.visible).toBe(true);
    expect(s.blockedAt).toBeUndefined();
    expect(s.from).toEqual([5, 10, 1.7]);
    expect(s.to).toEqual([45, 10, 0]);
    expect(s.segments).toEqual([{ from: [5, 10, 1.7], to: [45, 10, 0], state: 'visible' }]);
  });

  it('is blocked by a wall, at the wall face, and the line beyond it is hidden', () => {
    const r = flat();
    wall(r, 20, 10);
    const s = ok(lineOfSight(r, { at: [5, 10], above: 2 }, { at: [40, 10], above: 0 }));
    expect(s.visible).toBe(false);
    // The wall's west face is at x = 19.5, 14.5 m from the observer; the line is at 2 − 2·14.5/35 there.
    expect(s.blockedAt!.distance).toBeCloseTo(14.5, 9);
    expect(s.blockedAt!.point[0]).toBeCloseTo(19.5, 9);
    expect(s.blockedAt!.point[2]).toBeCloseTo(2 - (2 * 14.5) / 35, 9);
    expect(s.blockedAt!.surface).toBe(10);
    expect(s.segments.map((g) => g.state)).toEqual(['visible', 'hidden']);
    expect(s.segments[0]!.to).toEqual(s.blockedAt!.point);
    expect(s.segments[1]!.to).toEqual([40, 10, 0]);
  });

  it('sees over a wall exactly when the line clears its top edge', () => {
    // Wall 4 m high over x 19.5…20.5; eye at z 2 at x 0; a rising line clears it iff
    // 2 + (zt − 2)·19.5/40 ≥ 4, i.e. target z ≥ 6.1026 m.
    const r = flat();
    wall(r, 20, 4);
    const at = (above: number) => ok(lineOfSight(r, { at: [0, 10], z: 2 }, { at: [40, 10], above })).visible;
    expect(at(6.2)).toBe(true);
    expect(at(6.0)).toBe(false);
    // And a low wall never blocks a high eye.
    const low = flat();
    wall(low, 20, 1);
    expect(ok(lineOfSight(low, { at: [5, 10], above: 10 }, { at: [40, 10], above: 0 })).visible).toBe(true);
  });

  it('counts a tower whose corner the line only clips, and not one the line just misses', () => {
    const r = flat(30, 30);
    set(r, 10, 10, 50); // occupies x 9.5…10.5, y 9.5…10.5
    // y = x + 0.9 enters the cell at (9.5, 10.4) and leaves at (9.6, 10.5).
    expect(ok(lineOfSight(r, { at: [0, 0.9], above: 2 }, { at: [20, 20.9], above: 2 })).visible).toBe(false);
    // y = x + 1.05 passes (9.5, 10.55): outside the cell.
    expect(ok(lineOfSight(r, { at: [0, 1.05], above: 2 }, { at: [20, 21.05], above: 2 })).visible).toBe(true);
  });

  it('refuses when a gap in the data lies on the line before any known obstacle', () => {
    const r = flat();
    set(r, 15, 10, Number.NaN);
    const res = lineOfSight(r, { at: [5, 10], above: 2 }, { at: [40, 10], above: 0 });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.problem.kind).toBe('noData');
      if (res.problem.kind === 'noData') expect(res.problem.where[0]).toBeCloseTo(14.5, 9);
    }
  });

  it('still answers hidden when the gap lies beyond a known wall', () => {
    const r = flat();
    wall(r, 20, 10);
    set(r, 30, 10, Number.NaN);
    const s = ok(lineOfSight(r, { at: [5, 10], above: 2 }, { at: [40, 10], above: 0 }));
    expect(s.visible).toBe(false);
  });

  it('refuses an observer off the raster or on a gap, but takes an absolute z over a gap', () => {
    const r = flat();
    set(r, 5, 10, Number.NaN);
    const off = lineOfSight(r, { at: [-3, 10], above: 2 }, { at: [40, 10], above: 0 });
    expect(off.ok === false && off.problem.kind).toBe('outside');
    const gap = lineOfSight(r, { at: [5, 10], above: 2 }, { at: [40, 10], above: 0 });
    expect(gap.ok === false && gap.problem.kind).toBe('noData');
    expect(ok(lineOfSight(r, { at: [5, 10], z: 30 }, { at: [40, 10], above: 0 })).visible).toBe(true);
    const tOff = lineOfSight(r, { at: [5, 12], above: 2 }, { at: [40, 99], above: 0 });
    expect(tOff.ok === false && tOff.problem.what).toBe('target');
  });

  it('colours the ground: visible up to and onto the wall, hidden behind it', () => {
    const r = flat();
    wall(r, 20, 10);
    const s = ok(lineOfSight(r, { at: [0, 10], above: 2 }, { at: [40, 10], above: 0 }));
    expect(s.ground.map((g) => g.state)).toEqual(['visible', 'hidden']);
    // The wall's top surface (x 19.5…20.5) is seen; the ground from x 20.5 on is in its shadow.
    expect(Math.abs(s.ground[0]!.end - 20.5)).toBeLessThanOrEqual(0.5);
    expect(s.ground[1]!.end).toBeCloseTo(40, 9);
  });

  it('marks the ground past a gap unknown, never visible', () => {
    const r = flat();
    set(r, 10, 10, Number.NaN);
    const s = ok(lineOfSight(r, { at: [0, 10], above: 2 }, { at: [9, 10], above: 0 })); // target short of the gap
    expect(s.ground.map((g) => g.state)).toEqual(['visible']);
    const r2 = flat();
    set(r2, 10, 10, Number.NaN);
    for (let i = 25; i < r2.cols; i++) set(r2, i, 10, 30); // a tall block after the gap, seen or not: unknown
    const far = lineOfSight(r2, { at: [0, 10], z: 100 }, { at: [40, 10], above: 0 });
    // The gap sits on the sight line before anything known blocks it: no verdict for the target.
    expect(far.ok).toBe(false);
  });

  it('hides the ground behind a hill crest but sees its near slope', () => {
    // A ridge: z rises 1 m per metre from x 10 to x 20, then falls back to 0 at x 30.
    const r = flat();
    for (let i = 10; i <= 30; i++) wall(r, i, 10 - Math.abs(i - 20));
    const s = ok(lineOfSight(r, { at: [0, 10], above: 2 }, { at: [45, 10], above: 0 }));
    expect(s.visible).toBe(false);
    expect(s.ground.map((g) => g.state)).toEqual(['visible', 'hidden']);
    expect(Math.abs(s.ground[0]!.end - 20)).toBeLessThanOrEqual(0.75);
  });
});

describe('lineOfSightMany', () => {
  it('answers each target from one observer, in order', () => {
    const r = flat();
    wall(r, 20, 10);
    const res = lineOfSightMany(r, { at: [5, 10], above: 2 }, [
      { at: [15, 10], above: 0 },
      { at: [40, 10], above: 0 },
      { at: [40, 10], above: 40 },
    ]);
    expect(res.map((s) => s.ok && s.visible)).toEqual([true, false, true]);
  });

  it('refuses every target when the observer cannot be placed', () => {
    const res = lineOfSightMany(flat(), { at: [500, 10], above: 2 }, [{ at: [15, 10], above: 0 }, { at: [16, 10], above: 0 }]);
    expect(res.every((s) => !s.ok && s.problem.kind === 'outside')).toBe(true);
  });
});
