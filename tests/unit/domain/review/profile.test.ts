import { describe, expect, it } from 'vitest';
import { createRaster, type HeightRaster } from '../../../../src/domain/review/raster.ts';
import { sectionProfile, type SectionProfile } from '../../../../src/domain/review/profile.ts';
import type { Reviewed } from '../../../../src/domain/review/sight.ts';

const ORIGIN = { lon: 121.55, lat: 29.87, height: 0 };

/** 1 m cells with centres at integer x/y 0…40 and 0…10; terrain z = 5 + 0.1·x (cell centre). */
function terrain(): HeightRaster {
  const r = createRaster(ORIGIN, 0, 0, 1, 41, 11, 0);
  for (let j = 0; j < r.rows; j++) for (let i = 0; i < r.cols; i++) r.heights[j * r.cols + i] = 5 + 0.1 * i;
  return r;
}
/** The terrain plus an 18 m building over cells x 10…20. */
function withBuilding(): HeightRaster {
  const r = terrain();
  for (let j = 0; j < r.rows; j++) for (let i = 10; i <= 20; i++) r.heights[j * r.cols + i] = 5 + 0.1 * i + 18;
  return r;
}
function ok(res: Reviewed<SectionProfile>): SectionProfile {
  if (!res.ok) throw new Error(`refused: ${JSON.stringify(res.problem)}`);
  return res;
}

describe('sectionProfile', () => {
  it('samples every spacing metres and ends exactly at b', () => {
    const p = ok(sectionProfile(terrain(), [0, 5], [30, 5], 4));
    expect(p.length).toBe(30);
    expect(p.samples.map((s) => s.distance)).toEqual([0, 4, 8, 12, 16, 20, 24, 28, 30]);
    expect(p.samples.at(-1)).toMatchObject({ x: 30, y: 5 });
    // The terrain is z = 5 + 0.1 x at cell centres; samples fall on centres here.
    for (const s of p.samples) expect(s.z).toBeCloseTo(5 + 0.1 * s.x, 5);
    expect(p.min).toEqual({ z: 5, distance: 0 });
    expect(p.max.distance).toBe(30);
    expect(p.max.z).toBeCloseTo(8, 5);
    expect(p.gaps).toBe(0);
  });

  it('follows a diagonal line with distance along it', () => {
    const p = ok(sectionProfile(terrain(), [0, 0], [8, 6], 5));
    expect(p.length).toBe(10);
    expect(p.samples.map((s) => [s.distance, s.x, s.y])).toEqual([[0, 0, 0], [5, 4, 3], [10, 8, 6]]);
  });

  it('tells the building from the ground when given a bare-ground raster', () => {
    const p = ok(sectionProfile(withBuilding(), [0, 5], [40, 5], 1, { ground: terrain() }));
    for (const s of p.samples) {
      const onIt = s.x >= 10 && s.x <= 20;
      expect(s.onStructure).toBe(onIt);
      expect(s.ground).toBeCloseTo(5 + 0.1 * s.x, 5);
      expect(s.z! - s.ground!).toBeCloseTo(onIt ? 18 : 0, 4);
    }
    expect(p.max.z).toBeCloseTo(5 + 2 + 18, 4); // the roof's high end at x 20
    expect(p.max.distance).toBe(20);
  });

  it('leaves samples over a data gap null, never zero, and keeps them out of min/max', () => {
    const r = terrain();
    for (let j = 0; j < r.rows; j++) for (let i = 0; i <= 4; i++) r.heights[j * r.cols + i] = Number.NaN;
    const p = ok(sectionProfile(r, [0, 5], [10, 5], 1));
    expect(p.samples.slice(0, 5).every((s) => s.z === null)).toBe(true);
    expect(p.samples[5]!.z).toBeCloseTo(5.5, 5);
    expect(p.gaps).toBe(5);
    expect(p.min.z).toBeCloseTo(5.5, 5);
    // Past the raster's edge is no data too.
    const past = ok(sectionProfile(terrain(), [30, 5], [50, 5], 1));
    expect(past.samples.filter((s) => s.z === null).length).toBe(10); // x 41…50
  });

  it('marks a structure unknown where the ground raster has no data', () => {
    const g = terrain();
    g.heights[5 * g.cols + 15] = Number.NaN;
    const p = ok(sectionProfile(withBuilding(), [0, 5], [40, 5], 1, { ground: g }));
    expect(p.samples[15]).toMatchObject({ ground: null, onStructure: null });
    expect(p.samples[14]!.onStructure).toBe(true);
  });

  it('refuses a line over no data at all, a point line, a bad spacing and a ground raster in another frame', () => {
    const empty = createRaster(ORIGIN, 0, 0, 1, 10, 10);
    const none = sectionProfile(empty, [0, 0], [9, 9], 1);
    expect(!none.ok && none.problem.kind).toBe('noData');
    expect(sectionProfile(terrain(), [3, 3], [3, 3], 1).ok).toBe(false);
    expect(sectionProfile(terrain(), [0, 0], [10, 0], 0).ok).toBe(false);
    expect(sectionProfile(terrain(), [0, 0], [10, 0], 1e-5).ok).toBe(false);
    const elsewhere = createRaster({ ...ORIGIN, lon: 121.6 }, 0, 0, 1, 41, 11, 0);
    expect(sectionProfile(terrain(), [0, 0], [10, 0], 1, { ground: elsewhere }).ok).toBe(false);
  });
});
