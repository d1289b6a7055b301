import { describe, expect, it } from 'vitest';
import { DEPTH_RAMP, rampColour } from '../../../../src/domain/seabed/ramp.ts';

describe('seabed depth ramp', () => {
  it('lists stops from the waterline down, strictly increasing, with byte colours', () => {
    expect(DEPTH_RAMP[0]!.depth).toBe(0);
    for (let i = 1; i < DEPTH_RAMP.length; i++) expect(DEPTH_RAMP[i]!.depth).toBeGreaterThan(DEPTH_RAMP[i - 1]!.depth);
    for (const s of DEPTH_RAMP) for (const c of s.rgb) expect(Number.isInteger(c) && c >= 0 && c <= 255).toBe(true);
    expect(DEPTH_RAMP[DEPTH_RAMP.length - 1]!.depth).toBeGreaterThanOrEqual(60);
  });

  it('returns the stop colours at the stops', () => {
    for (const s of DEPTH_RAMP) expect(rampColour(s.depth)).toEqual(s.rgb);
  });

  it('interpolates linearly between stops', () => {
    const a = DEPTH_RAMP[3]!, b = DEPTH_RAMP[4]!; // 10 m and 20 m
    const mid = rampColour((a.depth + b.depth) / 2);
    mid.forEach((c, k) => expect(c).toBeCloseTo((a.rgb[k]! + b.rgb[k]!) / 2, 9));
  });

  it('clamps above the datum, below the last stop and for NaN', () => {
    expect(rampColour(-3)).toEqual(DEPTH_RAMP[0]!.rgb);
    expect(rampColour(Number.NaN)).toEqual(DEPTH_RAMP[0]!.rgb);
    expect(rampColour(500)).toEqual(DEPTH_RAMP[DEPTH_RAMP.length - 1]!.rgb);
  });

  it('gets darker with depth past the shallows, so deeper reads deeper', () => {
    const lum = (d: number): number => { const [r, g, b] = rampColour(d); return 0.3 * r + 0.59 * g + 0.11 * b; };
    for (let d = 5; d < 70; d += 1) expect(lum(d + 1)).toBeLessThanOrEqual(lum(d) + 1e-9);
  });

  it('hands out copies, so a caller cannot repaint the legend', () => {
    const c = rampColour(0);
    c[0] = 0;
    expect(DEPTH_RAMP[0]!.rgb[0]).not.toBe(0);
  });
});
