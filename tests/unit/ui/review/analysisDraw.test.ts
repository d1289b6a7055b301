import { describe, expect, it } from 'vitest';
import { FLOOD } from '../../../../src/domain/review/flood.ts';
import { localFrame } from '../../../../src/domain/review/frame.ts';
import { createRaster } from '../../../../src/domain/review/raster.ts';
import {
  circleXY, cropRaster, FLOOD_PALETTE, floodLevels, firstWetLevel, groundOf, maskRgba, noDataShare, parseLimit, problemMessage, rasterCovers, rasterRect, surfaceRange,
} from '../../../../src/ui/review/analysisDraw.ts';
import { analysisEn, analysisZh } from '../../../../src/ui/review/analysisI18n.ts';

const origin = { lon: 121.62, lat: 29.856, height: 0 };

describe('analysis drawing helpers', () => {
  it('colours a mask cell by cell, row 0 staying the south row, unlisted classes transparent', () => {
    const mask = Uint8Array.from([FLOOD.dry, FLOOD.flooded, FLOOD.noData, FLOOD.maybe]);
    const rgba = maskRgba(mask, FLOOD_PALETTE);
    expect(rgba.length).toBe(16);
    expect([...rgba.subarray(0, 4)]).toEqual([0, 0, 0, 0]);
    expect([...rgba.subarray(4, 8)]).toEqual([...FLOOD_PALETTE[FLOOD.flooded]!]);
    expect([...rgba.subarray(12, 16)]).toEqual([...FLOOD_PALETTE[FLOOD.maybe]!]);
  });

  it('gives the lon/lat rectangle of the cells, half a cell beyond the outer centres', () => {
    const r = createRaster(origin, -99.5, -49.5, 1, 200, 100, 3);
    const frame = localFrame(origin);
    const rect = rasterRect(r, frame);
    const sw = frame.fromGeodetic({ lon: rect.west, lat: rect.south, height: 0 });
    const ne = frame.fromGeodetic({ lon: rect.east, lat: rect.north, height: 0 });
    expect(sw[0]).toBeCloseTo(-100, 2); expect(sw[1]).toBeCloseTo(-50, 2);
    expect(ne[0]).toBeCloseTo(100, 2); expect(ne[1]).toBeCloseTo(50, 2);
    expect(rasterCovers(r, rect, frame)).toBe(true);
    expect(rasterCovers(r, { ...rect, east: rect.east + 0.0001 }, frame)).toBe(false);
  });

  it('crops the cells whose centres lie in a box, heights copied row by row', () => {
    const r = createRaster(origin, 0, 0, 1, 10, 8);
    r.heights.forEach((_, k) => { r.heights[k] = k; });
    const c = cropRaster(r, 2, 3, 4.5, 5)!;
    expect([c.cols, c.rows, c.x0, c.y0]).toEqual([3, 3, 2, 3]);
    expect([...c.heights]).toEqual([32, 33, 34, 42, 43, 44, 52, 53, 54]);
    expect(cropRaster(r, 20, 20, 30, 30)).toBeUndefined();
  });

  it('names what is missing and where, never a bare zero', () => {
    const frame = localFrame(origin);
    const m = problemMessage({ kind: 'noData', where: [0, 0], what: 'sight line crosses a cell without data' }, frame);
    expect(m).toEqual({ key: 'analysis.problem.noData', what: 'analysis.what.sightLine', params: { lon: '121.62000', lat: '29.85600' } });
    expect(problemMessage({ kind: 'outside', where: [0, 0], what: 'observer' }, frame).what).toBe('analysis.what.observer');
    expect(problemMessage({ kind: 'outside', where: [0, 0], what: 'targets[2]' }, frame).what).toBe('analysis.what.target');
    expect(problemMessage({ kind: 'invalid', what: 'radius' }, frame).key).toBe('analysis.problem.invalid');
    // Every key a message can carry exists in both languages.
    for (const key of ['analysis.problem.noData', 'analysis.problem.outside', 'analysis.problem.invalid', 'analysis.what.sightLine', 'analysis.what.observer', 'analysis.what.target', 'analysis.what.zone', 'analysis.what.profile', 'analysis.what.area']) {
      expect(key in analysisZh && key in analysisEn, key).toBe(true);
    }
  });

  it('steps flood levels from just below the lowest surface, 5 cm apart, at most 8 m up', () => {
    const levels = floodLevels(3.07, 160);
    expect(levels[0]).toBeCloseTo(2.55, 6);
    expect(levels[1]! - levels[0]!).toBeCloseTo(0.05, 6);
    expect(levels[levels.length - 1]).toBeGreaterThanOrEqual(11.07);
    expect(levels[levels.length - 1]).toBeLessThan(11.2);
    expect(floodLevels(3, 3.2).length).toBeGreaterThanOrEqual(2);
    expect(firstWetLevel([0, 0, 5, 9])).toBe(2);
    expect(firstWetLevel([0, 0, 0, 0])).toBe(2);
  });

  it('reads a limit as a number of metres and refuses anything else', () => {
    expect(parseLimit('24')).toBe(24);
    expect(parseLimit(' 24.5 m')).toBe(24.5);
    expect(parseLimit('100米')).toBe(100);
    expect(parseLimit('')).toBeUndefined();
    expect(parseLimit('abc')).toBeUndefined();
    expect(parseLimit('24x')).toBeUndefined();
    expect(parseLimit('1e400')).toBeUndefined();
  });

  it('takes a zone’s ground from the low end of its surface, ignoring gaps', () => {
    const hs = [...Array.from({ length: 96 }, () => 40), 3.2, 3, 3.1, 3.05, Number.NaN];
    expect(groundOf(hs)).toBeCloseTo(3.1, 6);
    expect(groundOf([Number.NaN])).toBeUndefined();
  });

  it('measures the surface range and share of gaps', () => {
    const r = createRaster(origin, 0, 0, 1, 2, 2, 5);
    r.heights[1] = Number.NaN; r.heights[2] = 9;
    expect(surfaceRange(r)).toEqual({ min: 5, max: 9 });
    expect(noDataShare(r)).toBe(0.25);
    expect(surfaceRange(createRaster(origin, 0, 0, 1, 2, 2))).toBeUndefined();
  });

  it('draws a circle or an arc by compass bearing', () => {
    const c = circleXY(0, 0, 100);
    expect(c[0]![0]).toBeCloseTo(0, 6); expect(c[0]![1]).toBeCloseTo(100, 6); // north first
    const arc = circleXY(0, 0, 10, 80, 100);
    expect(arc[0]![0]).toBeCloseTo(10 * Math.sin((80 * Math.PI) / 180), 6);
    expect(arc[arc.length - 1]![1]).toBeCloseTo(10 * Math.cos((100 * Math.PI) / 180), 6);
  });
});
