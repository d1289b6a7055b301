import { describe, expect, it } from 'vitest';
import {
  cgcs2000ZoneFor, DEFAULT_GEOID_OFFSET_METERS, ellipsoidalToHeight1985, fromCgcs2000Grid, GRS80, height1985ToEllipsoidal, toCgcs2000Grid,
} from '../../../src/domain/geodesy/index.ts';

/**
 * An independent check for the CM 120°E zone: the classic Gauss–Krüger power series in l
 * (《大地测量学基础》), with the meridian arc integrated numerically. Good to well under 1 cm at
 * 1.5° from the central meridian, and shares no code with the Krüger n-series under test.
 */
function classicGaussKruger(lonDeg: number, latDeg: number, cmDeg: number): { easting: number; northing: number } {
  const { a, f } = GRS80;
  const e2 = f * (2 - f);
  const ep2 = e2 / (1 - e2);
  const B = (latDeg * Math.PI) / 180;
  const l = ((lonDeg - cmDeg) * Math.PI) / 180;
  // Meridian arc X0 = ∫ M dφ, Simpson's rule with 2000 intervals.
  const M = (phi: number) => (a * (1 - e2)) / Math.pow(1 - e2 * Math.sin(phi) ** 2, 1.5);
  const n = 2000;
  let sum = M(0) + M(B);
  for (let i = 1; i < n; i++) sum += (i % 2 ? 4 : 2) * M((B * i) / n);
  const X0 = (sum * B) / (3 * n);
  const N = a / Math.sqrt(1 - e2 * Math.sin(B) ** 2);
  const t = Math.tan(B);
  const c = Math.cos(B);
  const eta2 = ep2 * c * c;
  const northing = X0 + (N / 2) * t * c ** 2 * l ** 2
    + (N / 24) * t * (5 - t ** 2 + 9 * eta2 + 4 * eta2 ** 2) * c ** 4 * l ** 4
    + (N / 720) * t * (61 - 58 * t ** 2 + t ** 4) * c ** 6 * l ** 6;
  const easting = 500000 + N * c * l + (N / 6) * (1 - t ** 2 + eta2) * c ** 3 * l ** 3
    + (N / 120) * (5 - 18 * t ** 2 + t ** 4 + 14 * eta2 - 58 * eta2 * t ** 2) * c ** 5 * l ** 5;
  return { easting, northing };
}

describe('CGCS2000 Gauss–Krüger', () => {
  it('Tianyi Square (121.554E, 29.869N) → EPSG:4550 E 360 290.43, N 3 306 469.98 (standards.md §6), to 1 cm', () => {
    const g = toCgcs2000Grid({ lon: 121.554, lat: 29.869 });
    expect(g.zone).toEqual({ zone: 41, centralMeridian: 123, epsg: 4550 });
    expect(Math.abs(g.easting - 360290.43)).toBeLessThan(0.01);
    expect(Math.abs(g.northing - 3306469.98)).toBeLessThan(0.01);
  });

  it.each([
    [121.25, 30.3, 120, 4549], // 前湾新区
    [121.4, 29.9, 120, 4549], // west of 121°30′
    [121.0, 30.0, 120, 4549],
    [121.71, 29.955, 123, 4550], // 镇海
    [121.79, 29.94, 123, 4550], // 北仑
  ])('(%f, %f) falls in the CM %i°E zone (EPSG:%i) and agrees with the classic series to 1 cm', (lon, lat, cm, epsg) => {
    const g = toCgcs2000Grid({ lon, lat });
    expect(g.zone.centralMeridian).toBe(cm);
    expect(g.zone.epsg).toBe(epsg);
    const ref = classicGaussKruger(lon, lat, cm);
    expect(Math.abs(g.easting - ref.easting)).toBeLessThan(0.01);
    expect(Math.abs(g.northing - ref.northing)).toBeLessThan(0.01);
  });

  it('the classic series itself reproduces the Tianyi Square vector (so it is a fair referee)', () => {
    const ref = classicGaussKruger(121.554, 29.869, 123);
    expect(Math.abs(ref.easting - 360290.43)).toBeLessThan(0.01);
    expect(Math.abs(ref.northing - 3306469.98)).toBeLessThan(0.01);
  });

  it('splits zones at 121°30′E: west → CM 120°E, on or east of it → CM 123°E', () => {
    expect(cgcs2000ZoneFor(121.4999).centralMeridian).toBe(120);
    expect(cgcs2000ZoneFor(121.5).centralMeridian).toBe(123);
    expect(cgcs2000ZoneFor(121.5001).centralMeridian).toBe(123);
    expect(cgcs2000ZoneFor(118.4).epsg).toBe(4548);
  });

  it('a forced central meridian projects into that zone (survey data delivered in a neighbouring zone)', () => {
    const g = toCgcs2000Grid({ lon: 121.554, lat: 29.869 }, 120);
    expect(g.zone.epsg).toBe(4549);
    const ref = classicGaussKruger(121.554, 29.869, 120);
    expect(Math.abs(g.easting - ref.easting)).toBeLessThan(0.01);
  });

  it.each([[121.554, 29.869], [121.25, 30.3], [121.79, 29.76], [121.36, 30.06]])('round-trips (%f, %f) to 1e-9°', (lon, lat) => {
    const g = toCgcs2000Grid({ lon, lat });
    const back = fromCgcs2000Grid(g.zone.centralMeridian, g.easting, g.northing);
    expect(Math.abs(back.lon - lon)).toBeLessThan(1e-9);
    expect(Math.abs(back.lat - lat)).toBeLessThan(1e-9);
  });
});

describe('1985 heights and the geoid offset', () => {
  it('H = h − N and back, with N a parameter', () => {
    const geoid = { offsetMeters: 12.4 };
    expect(ellipsoidalToHeight1985(112.4, geoid)).toBeCloseTo(100, 9);
    expect(height1985ToEllipsoidal(100, geoid)).toBeCloseTo(112.4, 9);
    expect(ellipsoidalToHeight1985(20, { offsetMeters: 11.1 })).toBeCloseTo(8.9, 9);
  });

  it('defaults to EGM96 at Tianyi Square, +12.4 m', () => {
    expect(DEFAULT_GEOID_OFFSET_METERS).toBe(12.4);
  });
});
