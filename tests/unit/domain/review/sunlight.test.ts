// Sunlight hours on the raster against an independent answer: the same sun, but an exact
// ray-versus-box intersection integrated at 10-second steps, with no raster involved.
import { describe, expect, it } from 'vitest';
import { createRaster, rayBlockedAt, type HeightRaster, type Vec3Like } from '../../../../src/domain/review/raster.ts';
import {
  DEFAULT_SUNLIGHT_RULE, STANDARD_WINDOWS, solarTermDate, sunPosition, sunSamples, utcForTrueSolarTime,
  type SunlightRule, type SunSample,
} from '../../../../src/domain/review/sun.ts';
import {
  NO_DATA_RGBA, VERDICT_FAIL, VERDICT_NO_DATA, VERDICT_PASS, facadePoints, groundPoints, requiredMarginMeters,
  sunlightColour, sunlightHours, sunlightLegend, sunlightVerdict,
} from '../../../../src/domain/review/sunlight.ts';

const ORIGIN = { lon: 121.55, lat: 29.87, height: 0 };
const YEAR = 2026;
const RAD = Math.PI / 180;
const DONGZHI_RULE: SunlightRule = { day: 'dongzhi', minHours: 1, windowStartMin: STANDARD_WINDOWS.dongzhi.startMin, windowEndMin: STANDARD_WINDOWS.dongzhi.endMin, stepMinutes: 10 };

/** The test building: 20 m east–west, 10 m north–south, 30 m high, on flat ground at z = 0. */
const BOX = { min: [-10, -5, 0], max: [10, 5, 30] } as const;
const SILL = 0.9;

/** 1 m cells centred on half-metres, so the box's faces lie on cell edges and its 20 × 10 cells are exact. */
function boxRaster(minY = -200, maxY = 200, half = 200): HeightRaster {
  const r = createRaster(ORIGIN, -half + 0.5, minY + 0.5, 1, 2 * half, maxY - minY, 0);
  for (let j = 0; j < r.rows; j++) {
    for (let i = 0; i < r.cols; i++) {
      const x = r.x0 + i, y = r.y0 + j;
      if (x > BOX.min[0] && x < BOX.max[0] && y > BOX.min[1] && y < BOX.max[1]) r.heights[j * r.cols + i] = BOX.max[2];
    }
  }
  return r;
}

/** Slab test: does the ray p + t·d, t > 0, meet the box? */
function rayHitsBox(p: Vec3Like, d: Vec3Like): boolean {
  let t0 = 0, t1 = Infinity;
  for (let a = 0; a < 3; a++) {
    const lo = BOX.min[a]!, hi = BOX.max[a]!, pa = p[a]!, da = d[a]!;
    if (da === 0) {
      if (pa < lo || pa > hi) return false;
      continue;
    }
    const ta = (lo - pa) / da, tb = (hi - pa) / da;
    t0 = Math.max(t0, Math.min(ta, tb));
    t1 = Math.min(t1, Math.max(ta, tb));
  }
  return t1 >= t0;
}

/** Exact-geometry hours: 10 s midpoint steps through the window, sun from sunPosition, box by slab test. */
function referenceHours(rule: SunlightRule, points: readonly Vec3Like[]): number[] {
  const date = solarTermDate(YEAR, rule.day);
  const dt = 1 / 6; // minutes
  const suns: (readonly [number, number, number])[] = [];
  for (let m = rule.windowStartMin + dt / 2; m < rule.windowEndMin; m += dt) {
    const s = sunPosition(utcForTrueSolarTime(date, m, ORIGIN.lon), ORIGIN.lon, ORIGIN.lat);
    if (s.elevation > 0) suns.push(s.direction);
  }
  return points.map((p) => suns.filter((d) => !rayHitsBox(p, d)).length * dt / 60);
}

describe('sunlight hours north of a box building (analytic check, GB 50180 window)', () => {
  const raster = boxRaster();
  const points: Vec3Like[] = [
    [0, 5.5, SILL], // right behind the north face: the sun never leaves the southern sky in winter → 0 h
    [0, 12, SILL], [0, 20, SILL], [0, 30, SILL], [0, 45, SILL],
    [8, 15, SILL], [-14, 25, SILL], [15, 8, SILL], [-25, 12, SILL], [3.3, 36.7, SILL],
    [0, 150, SILL], // 145 m from the box, beyond the 30 m box's longest shadow (30 / tan 13.5° ≈ 125 m) → whole window
    [0, -40, SILL], // south of the box: the sun is on the other side → whole window
  ];

  it.each([['大寒', DEFAULT_SUNLIGHT_RULE], ['冬至', DONGZHI_RULE]] as const)('%s: within 10 minutes of exact geometry', (_name, rule) => {
    const samples = sunSamples(rule, YEAR, ORIGIN.lon, ORIGIN.lat);
    const hours = sunlightHours(raster, points, samples);
    const expected = referenceHours(rule, points);
    const windowHours = (rule.windowEndMin - rule.windowStartMin) / 60;
    points.forEach((_p, k) => {
      expect(Math.abs(hours[k]! - expected[k]!), `point ${k}: ${hours[k]} h vs ${expected[k]} h`).toBeLessThanOrEqual(10 / 60);
    });
    // The cases decided by reasoning alone, exactly:
    expect(hours[0]).toBe(0);
    expect(hours[points.length - 2]).toBe(windowHours);
    expect(hours[points.length - 1]).toBe(windowHours);
    // And the reference agrees with the reasoning, so the comparison is not between two wrong answers.
    expect(expected[0]).toBe(0);
    expect(expected[points.length - 2]).toBeCloseTo(windowHours, 9);
    // Partly shaded points really are partly shaded, so the comparison above tests the shadow edge.
    expect(expected.filter((h) => h > 0.5 && h < windowHours - 0.5).length).toBeGreaterThanOrEqual(5);
  });
});

describe('no data is never sunshine', () => {
  const samples = sunSamples(DEFAULT_SUNLIGHT_RULE, YEAR, ORIGIN.lon, ORIGIN.lat);

  it('marks a point inside a building, off the raster or over a gap as NaN', () => {
    const r = boxRaster();
    r.heights[(50 + 200) * r.cols + 200] = Number.NaN; // the cell around (0.5, 50.5)
    const h = sunlightHours(r, [[0, 0, SILL], [0, 500, SILL], [0.5, 50.5, SILL], [0, 0, 31]], samples);
    expect(Number.isNaN(h[0]!)).toBe(true);
    expect(Number.isNaN(h[1]!)).toBe(true);
    expect(Number.isNaN(h[2]!)).toBe(true);
    expect(h[3]).toBe(8); // on the roof, above every surface
  });

  it('reads a gap the sun rays cross as unknown, and one behind the point (north, in winter) as irrelevant', () => {
    const r = boxRaster();
    const p: Vec3Like = [0.5, 100.5, SILL];
    const gap = (y: number): void => { for (let i = 0; i < r.cols; i++) r.heights[(y + 200) * r.cols + i] = Number.NaN; };
    gap(110); // an east–west strip 10 m north of the point
    expect(sunlightHours(r, [p], samples)[0]).toBe(8);
    gap(90); // and one 10 m south: every sun ray crosses it below the roofs
    expect(Number.isNaN(sunlightHours(r, [p], samples)[0]!)).toBe(true);
  });

  it('needs the raster to reach the required margin beyond the area', () => {
    const p: Vec3Like = [40, 12, SILL]; // morning rays run south-east past the box, afternoon ones into it
    const margin = requiredMarginMeters(BOX.max[2] - SILL, samples);
    // Lowest sample: 08:05 true solar, elevation ~14.5°, so ~112 m for 29.1 m.
    expect(margin).toBeGreaterThan(100);
    expect(margin).toBeLessThan(125);
    const short = boxRaster(Math.floor(12 - margin / 2), 200);
    expect(Number.isNaN(sunlightHours(short, [p], samples)[0]!)).toBe(true);
    const enough = boxRaster(Math.floor(12 - margin - 1), 200);
    expect(Number.isFinite(sunlightHours(enough, [p], samples)[0]!)).toBe(true);
    expect(sunlightHours(enough, [p], samples)[0]).toBe(sunlightHours(boxRaster(), [p], samples)[0]);
  });

  it('requiredMarginMeters: the shadow length at the lowest sun above the horizon', () => {
    const s = (elevation: number): SunSample => ({ utcMs: 0, trueSolarMin: 0, minutes: 10, elevation, direction: [0, -Math.cos(elevation * RAD), Math.sin(elevation * RAD)] });
    expect(requiredMarginMeters(30, [s(60), s(45)])).toBeCloseTo(30, 9);
    expect(requiredMarginMeters(30, [s(30), s(45), s(-3)])).toBeCloseTo(30 * Math.sqrt(3), 9);
    expect(requiredMarginMeters(30, [s(-1)])).toBe(0);
    expect(requiredMarginMeters(0, [s(30)])).toBe(0);
  });
});

describe('ray walk', () => {
  it('catches a ray that clips the corner of a cell, which half-cell stepping steps over', () => {
    const r = createRaster(ORIGIN, 0, 0, 1, 10, 10, 0);
    r.heights[0 * r.cols + 1] = 50; // pillar in cell (1, 0): x 0.5…1.5, y −0.5…0.5
    const el = 5 * RAD, h = Math.cos(el) * Math.SQRT1_2;
    const sample: SunSample = { utcMs: 0, trueSolarMin: 720, minutes: 60, elevation: 5, direction: [h, h, Math.sin(el)] };
    const p: Vec3Like = [0, -0.05, 0]; // ray crosses x = 0.5 at y = 0.45, inside the pillar's cell
    expect(rayBlockedAt(r, p, sample.direction)).toBeUndefined(); // why sunlight.ts walks its own rays
    expect(sunlightHours(r, [p], [sample], { ceiling: 50 })[0]).toBe(0);
  });
});

describe('facade points', () => {
  it('places one point per window, offset outwards to the right of the walking direction', () => {
    const pts = facadePoints({ from: [10, 5], to: [-10, 5], baseZ: 0, floors: 3, floorHeight: 3, spacing: 5, offset: 0.8 });
    expect(pts.length).toBe(12);
    expect(pts[0]).toEqual({ point: [7.5, 5.8, 0.9], normal: [0, 1], floor: 0, index: 0 });
    expect(pts[11]!.point[0]).toBeCloseTo(-7.5, 12);
    expect(pts[11]!.point[2]).toBeCloseTo(6.9, 12);
  });

  it('gets no sun on a north face in winter and the whole window on an open south face', () => {
    const r = createRaster(ORIGIN, -199.5, -199.5, 1, 400, 400, 0);
    const samples = sunSamples(DEFAULT_SUNLIGHT_RULE, YEAR, ORIGIN.lon, ORIGIN.lat);
    const north = facadePoints({ from: [5, 0], to: [-5, 0], baseZ: 0, floors: 1, floorHeight: 3, spacing: 10, offset: 0.8 });
    const south = facadePoints({ from: [-5, 0], to: [5, 0], baseZ: 0, floors: 1, floorHeight: 3, spacing: 10, offset: 0.8 });
    const pts = [north[0]!, south[0]!];
    const h = sunlightHours(r, pts.map((p) => p.point), samples, { normals: pts.map((p) => p.normal) });
    expect(Array.from(h)).toEqual([0, 8]);
  });
});

describe('ground points', () => {
  it('takes the cell centres inside the polygon, lifted by the sill, gaps kept as NaN', () => {
    const r = createRaster(ORIGIN, 0.5, 0.5, 1, 20, 20, 2);
    r.heights[3 * r.cols + 3] = Number.NaN; // cell centred (3.5, 3.5)
    const square = [[1, 1], [5, 1], [5, 5], [1, 5]] as const;
    const g = groundPoints(r, square, 1, SILL);
    expect(g.points.length).toBe(16); // centres 1.5 … 4.5 in both directions
    expect(g.points[0]).toEqual([1.5, 1.5, 2.9]);
    expect(g.xy.filter((_xy, k) => Number.isNaN(g.points[k]![2])).length).toBe(1);
    // A right triangle with legs of 10 on a 1 m grid: 45 centres strictly below the diagonal.
    expect(groundPoints(r, [[0, 0], [10, 0], [0, 10]], 1, 0).points.length).toBe(45);
  });
});

describe('verdict and colours', () => {
  const hours = new Float32Array([0, 1.5, 2, 2.0000001, 7, Number.NaN]);

  it('counts passing, failing and no-data points', () => {
    const v = sunlightVerdict(hours, DEFAULT_SUNLIGHT_RULE);
    expect(Array.from(v.verdict)).toEqual([VERDICT_FAIL, VERDICT_FAIL, VERDICT_PASS, VERDICT_PASS, VERDICT_PASS, VERDICT_NO_DATA]);
    expect(v.summary).toEqual({ count: 6, passing: 3, failing: 2, noData: 1, min: 0, max: 7 });
    expect(Number.isNaN(sunlightVerdict(new Float32Array([Number.NaN]), DEFAULT_SUNLIGHT_RULE).summary.min)).toBe(true);
  });

  it('breaks hue at the minimum: blue below, green to yellow at and above, grey for no data', () => {
    const c = (h: number): readonly number[] => sunlightColour(h, DEFAULT_SUNLIGHT_RULE);
    const blueish = (x: readonly number[]): boolean => x[2]! > x[0]! && x[2]! > x[1]!;
    expect(blueish(c(0))).toBe(true);
    expect(blueish(c(1.99))).toBe(true);
    expect(blueish(c(2))).toBe(false);
    expect(c(2)[1]).toBeGreaterThan(c(2)[2]!); // green
    expect(c(8)[0]).toBeGreaterThan(200); // yellow: red and green high
    expect(c(8)[1]).toBeGreaterThan(200);
    expect(c(12)).toEqual(c(8));
    expect(c(Number.NaN)).toEqual(NO_DATA_RGBA);
  });

  it('gives legend stops that match the colours', () => {
    const legend = sunlightLegend(DEFAULT_SUNLIGHT_RULE);
    expect(legend.map((s) => [s.hours, s.label, s.passes])).toEqual([[0, '0 h', false], [2, '< 2 h', false], [2, '≥ 2 h', true], [8, '8 h', true]]);
    expect(legend[0]!.rgba).toEqual(sunlightColour(0, DEFAULT_SUNLIGHT_RULE));
    expect(legend[2]!.rgba).toEqual(sunlightColour(2, DEFAULT_SUNLIGHT_RULE));
    expect(legend[3]!.rgba).toEqual(sunlightColour(8, DEFAULT_SUNLIGHT_RULE));
  });
});
