// The one rounding step: degrees → grid units of 1/2048″ (floor of the exact product, snapped
// within 1e-6 unit of an integer).
import { describe, expect, it } from 'vitest';
import {
  SNAP_TOLERANCE_UNITS, UNITS_PER_DEGREE, decimalDegreesToUnits, degreesToUnits, dmsToUnits, unitsToDegrees,
} from '../../../../src/domain/spacecode/index.ts';
import { seededRandom } from './helpers.ts';

describe('degreesToUnits', () => {
  it('has 7 372 800 units per degree and fits 180° in a safe integer', () => {
    expect(UNITS_PER_DEGREE).toBe(7_372_800);
    expect(degreesToUnits(180)).toBe(1_327_104_000);
    expect(Number.isSafeInteger(degreesToUnits(180))).toBe(true);
  });

  it('puts the double nearest a decimal cell edge on the edge (29.9 is stored just below 29.9)', () => {
    // The double 29.9 is 29.899999999999998578…: its exact product is ~1e-8 unit below the edge.
    expect(degreesToUnits(29.9)).toBe(220_446_720);
    expect(decimalDegreesToUnits('29.9')).toBe(220_446_720);
    expect(degreesToUnits(121.5)).toBe(121.5 * 7_372_800);
    expect(degreesToUnits(30 + 1 / 60)).toBe(30 * 7_372_800 + 122_880); // 30°01′, a level-4 edge
  });

  it('round-trips every integer unit through a double degree value (seeded, 20 000 values)', () => {
    const rnd = seededRandom(7);
    for (let i = 0; i < 20_000; i++) {
      const u = Math.floor(rnd() * 180 * UNITS_PER_DEGREE);
      expect(degreesToUnits(unitsToDegrees(u))).toBe(u);
    }
  });

  it('floors values just below an edge (by more than the tolerance) into the lower unit', () => {
    const u = 896_193_024; // 121.55395833…°, a level-7 corner
    expect(degreesToUnits((u - 0.001) / UNITS_PER_DEGREE)).toBe(u - 1);
    expect(degreesToUnits((u + 0.999) / UNITS_PER_DEGREE)).toBe(u);
    expect(SNAP_TOLERANCE_UNITS).toBe(1e-6);
  });

  it('handles negative values as floor too (used only to reject them)', () => {
    expect(degreesToUnits(-0.5)).toBe(-3_686_400);
    expect(degreesToUnits(-1e-9)).toBe(-1);
    expect(decimalDegreesToUnits('-0.5')).toBe(-3_686_400);
    expect(decimalDegreesToUnits('-0.0000000001')).toBe(-1);
  });

  it('rejects non-finite input', () => {
    expect(() => degreesToUnits(Number.NaN)).toThrow(/finite/);
  });
});

describe('decimalDegreesToUnits and dmsToUnits are exact', () => {
  it.each([
    ['0', 0], ['121.554', 896_193_331], ['29.869', 220_218_163], ['+30', 221_184_000], ['30.', 221_184_000],
  ])('%s → %i', (text, units) => expect(decimalDegreesToUnits(text)).toBe(units));

  it('refuses text that is not a decimal number', () => {
    for (const t of ['', 'abc', '1e5', '12,5', '--1', '1.2.3']) expect(decimalDegreesToUnits(t)).toBeNull();
  });

  it('converts DMS with decimal seconds exactly', () => {
    expect(dmsToUnits(39, 59, '35.38')).toBe(39 * 7_372_800 + 59 * 122_880 + Math.floor(35.38 * 2048));
    expect(dmsToUnits(0, 0, '0.00048828125')).toBe(1); // exactly 1/2048″
    expect(dmsToUnits(0, 0, '0.00048828124')).toBe(1); // 2e-8 unit below: snapped
    expect(dmsToUnits(0, 0, '0.0004882')).toBe(0);
    expect(() => dmsToUnits(1, 60, '0')).toThrow(/minutes/);
  });
});
