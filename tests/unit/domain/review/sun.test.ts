// Sun position against published values: Meeus' worked examples, almanac equation-of-time
// extremes, solar-term times from the Chinese almanac, and the noon altitude from plain geometry.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SUNLIGHT_RULE, STANDARD_WINDOWS, equationOfTimeMinutes, solarCoordinates, solarTermDate, solarTermInstant,
  sunPosition, sunSamples, trueSolarTime, utcForTrueSolarTime, validateSunlightRule, type SunlightRule,
} from '../../../../src/domain/review/sun.ts';
import { formatIssue } from '../../../../src/domain/schemas/issues.ts';

const NINGBO = { lon: 121.55, lat: 29.87 };
const RAD = Math.PI / 180;
const MIN = 60_000;
/** Julian date → Unix ms. */
const jdToMs = (jd: number): number => (jd - 2_440_587.5) * 86_400_000;
/** Beijing wall-clock time (UTC+8) → Unix ms. */
const beijing = (y: number, mo: number, d: number, h: number, mi: number): number => Date.UTC(y, mo - 1, d, h - 8, mi);

describe('solar coordinates', () => {
  it('matches Meeus, Astronomical Algorithms, example 25.a (1992 Oct 13.0 TD)', () => {
    const c = solarCoordinates(jdToMs(2_448_908.5));
    expect(c.apparentLongitude).toBeCloseTo(199.90895, 4);
    expect(c.declination).toBeCloseTo(-7.78507, 4);
  });

  it('matches Meeus example 28.b for the equation of time (+13m42.7s on the same date)', () => {
    expect(equationOfTimeMinutes(jdToMs(2_448_908.5))).toBeCloseTo(13 + 42.7 / 60, 1);
  });

  it.each([
    // Almanac values; sign: apparent − mean solar time (sundial ahead of the clock is positive).
    ['early November maximum', Date.UTC(2025, 10, 3, 12), 16.4],
    ['mid-February minimum', Date.UTC(2025, 1, 11, 12), -14.2],
    ['zero near 15 April', Date.UTC(2025, 3, 15, 12), 0],
    ['zero near 1 September', Date.UTC(2025, 8, 1, 12), 0],
  ])('equation of time, %s', (_name, utc, minutes) => {
    expect(Math.abs(equationOfTimeMinutes(utc) - minutes)).toBeLessThan(0.3);
  });
});

describe('true solar time', () => {
  it('adds 4 min per degree of longitude and the equation of time to UT', () => {
    // 04:00 UT on 3 Nov at 121.55°E: mean solar 04:00 + 486.2 min = 12:06.2, plus EoT +16.4 min.
    const tst = trueSolarTime(Date.UTC(2025, 10, 3, 4, 0), NINGBO.lon);
    expect(Math.abs(tst - (720 + 6.2 + 16.4))).toBeLessThan(0.3);
  });

  it('wraps into one day', () => {
    const tst = trueSolarTime(Date.UTC(2025, 10, 3, 20, 0), NINGBO.lon); // 04:00 Beijing → ~04:22 true solar
    expect(tst).toBeGreaterThanOrEqual(0);
    expect(Math.abs(tst - (240 + 6.2 + 16.4))).toBeLessThan(0.3);
  });

  it('inverts: utcForTrueSolarTime then trueSolarTime returns the minutes (to < 1 s)', () => {
    for (const [date, minutes] of [[{ year: 2026, month: 1, day: 20 }, 485], [{ year: 2025, month: 11, day: 3 }, 900.5], [{ year: 2025, month: 2, day: 11 }, 12]] as const) {
      const utc = utcForTrueSolarTime(date, minutes, NINGBO.lon);
      expect(Math.abs(trueSolarTime(utc, NINGBO.lon) - minutes)).toBeLessThan(1 / 60);
    }
  });

  it('puts true noon at Ningbo on 冬至 2025 at about 11:52 Beijing time (12:00 − 6.2 min longitude − ~1.8 min EoT)', () => {
    const utc = utcForTrueSolarTime({ year: 2025, month: 12, day: 21 }, 720, NINGBO.lon);
    expect(Math.abs(utc - beijing(2025, 12, 21, 11, 52))).toBeLessThan(1 * MIN);
  });
});

describe('sun position', () => {
  it('stands due south at 90° − φ + δ at true noon on the winter solstice (36.69° at 29.87°N, ε = 23.436°)', () => {
    const utc = utcForTrueSolarTime({ year: 2025, month: 12, day: 21 }, 720, NINGBO.lon);
    const s = sunPosition(utc, NINGBO.lon, NINGBO.lat);
    expect(s.elevation).toBeCloseTo(90 - 29.87 - 23.436, 1);
    expect(Math.abs(s.elevation - (90 - 29.87 - 23.436))).toBeLessThan(0.02);
    expect(s.azimuth).toBeCloseTo(180, 6);
    const [e, n, u] = s.direction;
    expect(e).toBeCloseTo(0, 6);
    expect(n).toBeCloseTo(-Math.cos(s.elevation * RAD), 9);
    expect(u).toBeCloseTo(Math.sin(s.elevation * RAD), 9);
  });

  it('agrees with the spherical-triangle altitude at 08:05 on 大寒 (δ = asin(sin ε · sin 300°))', () => {
    const [s] = sunSamples(DEFAULT_SUNLIGHT_RULE, 2026, NINGBO.lon, NINGBO.lat);
    const dec = Math.asin(Math.sin(23.436 * RAD) * Math.sin(300 * RAD));
    const H = (485 / 4 - 180) * RAD;
    const phi = NINGBO.lat * RAD;
    const alt = Math.asin(Math.sin(phi) * Math.sin(dec) + Math.cos(phi) * Math.cos(dec) * Math.cos(H)) / RAD;
    expect(Math.abs(s!.elevation - alt)).toBeLessThan(0.05); // δ drifts ~0.02° in the 1.5 h from the term
  });

  it('is symmetric about true noon and morning sun is in the south-east', () => {
    const date = { year: 2025, month: 12, day: 21 };
    const am = sunPosition(utcForTrueSolarTime(date, 600, NINGBO.lon), NINGBO.lon, NINGBO.lat);
    const pm = sunPosition(utcForTrueSolarTime(date, 840, NINGBO.lon), NINGBO.lon, NINGBO.lat);
    expect(Math.abs(am.elevation - pm.elevation)).toBeLessThan(0.01);
    expect(Math.abs(am.azimuth + pm.azimuth - 360)).toBeLessThan(0.02);
    expect(am.azimuth).toBeGreaterThan(90);
    expect(am.azimuth).toBeLessThan(180);
  });

  it('gives a unit direction matching azimuth and elevation', () => {
    const s = sunPosition(Date.UTC(2026, 5, 1, 1, 0), NINGBO.lon, NINGBO.lat);
    const [e, n, u] = s.direction;
    expect(Math.hypot(e, n, u)).toBeCloseTo(1, 12);
    expect(Math.atan2(e, n) / RAD).toBeCloseTo(s.azimuth > 180 ? s.azimuth - 360 : s.azimuth, 9);
  });

  it('lifts a low sun by refraction only when asked (about 0.5° at the horizon)', () => {
    // Find a moment near sunrise by bisection on the geometric elevation.
    let lo = Date.UTC(2026, 0, 19, 21, 0), hi = Date.UTC(2026, 0, 20, 1, 0);
    while (hi - lo > 1000) {
      const mid = (lo + hi) / 2;
      if (sunPosition(mid, NINGBO.lon, NINGBO.lat).elevation < 0) lo = mid; else hi = mid;
    }
    const refracted = sunPosition(hi, NINGBO.lon, NINGBO.lat, { refraction: true });
    expect(refracted.elevation).toBeGreaterThan(0.4);
    expect(refracted.elevation).toBeLessThan(0.6);
  });
});

describe('solar terms (Beijing time)', () => {
  it.each([
    // [year, term, published Beijing time of the term]
    [2025, 'dongzhi', [2025, 12, 21, 23, 3]],
    [2026, 'dahan', [2026, 1, 20, 9, 45]],
    [2026, 'dongzhi', [2026, 12, 22, 4, 50]],
    [2023, 'dongzhi', [2023, 12, 22, 11, 27]],
    [2024, 'dongzhi', [2024, 12, 21, 17, 21]],
    [2025, 'dahan', [2025, 1, 20, 4, 0]], // 19 January in UTC: the date must be taken in Beijing time
  ] as const)('%i %s', (year, term, [y, mo, d, h, mi]) => {
    // Low-precision series: ~0.01° ≈ 15 min in time; observed errors are up to ~7 min early.
    expect(Math.abs(solarTermInstant(year, term) - beijing(y, mo, d, h, mi))).toBeLessThan(15 * MIN);
    expect(solarTermDate(year, term)).toEqual({ year: y, month: mo, day: d });
  });
});

describe('the rule', () => {
  it('has the GB 50180-2018 windows and the Ningbo default', () => {
    expect(STANDARD_WINDOWS.dahan).toEqual({ startMin: 8 * 60, endMin: 16 * 60 });
    expect(STANDARD_WINDOWS.dongzhi).toEqual({ startMin: 9 * 60, endMin: 15 * 60 });
    expect(DEFAULT_SUNLIGHT_RULE).toEqual({ day: 'dahan', minHours: 2, windowStartMin: 480, windowEndMin: 960, stepMinutes: 10 });
  });

  const text = (raw: unknown): string[] => validateSunlightRule(raw, 'review.sunlight').map(formatIssue);
  it.each([
    [{}, []],
    [{ day: 'dongzhi', minHours: 1 }, []],
    [{ day: 'xiazhi' }, ['review.sunlight.day: expected one of "dahan", "dongzhi", found "xiazhi"']],
    [{ minHours: '2' }, ['review.sunlight.minHours: expected a number, found string']],
    [{ minHours: 9 }, ['review.sunlight.minHours: 9 h cannot fit in a 8 h window']],
    [{ windowStartMin: 900, windowEndMin: 600 }, ['review.sunlight.windowEndMin: must be after windowStartMin (900), found 600']],
    [{ stepMinutes: 0 }, ['review.sunlight.stepMinutes: expected a number in 0.1..60, found 0']],
    [{ day: 'dongzhi', windowStartMin: 540, windowEndMin: 560, stepMinutes: 30 }, [
      'review.sunlight.stepMinutes: must not exceed the window length (20 min), found 30',
      'review.sunlight.minHours: 2 h cannot fit in a 0.33 h window', // the default 2 h still applies
    ]],
    [{ minhours: 2 }, ['review.sunlight.minhours: unknown property']],
    [[], ['review.sunlight: expected an object, found array']],
  ])('%j', (raw, expected) => {
    expect(text(raw)).toEqual(expected);
  });
});

describe('samples', () => {
  it('samples the 大寒 window at the centres of 10-minute intervals (08:05 … 15:55)', () => {
    const s = sunSamples(DEFAULT_SUNLIGHT_RULE, 2026, NINGBO.lon, NINGBO.lat);
    expect(s.length).toBe(48);
    expect(s[0]!.trueSolarMin).toBe(485);
    expect(s[47]!.trueSolarMin).toBe(955);
    expect(s.reduce((a, x) => a + x.minutes, 0)).toBe(480);
    for (const x of s) {
      expect(Math.abs(trueSolarTime(x.utcMs, NINGBO.lon) - x.trueSolarMin)).toBeLessThan(1 / 60);
      expect(x.elevation).toBeGreaterThan(0);
    }
    // On the term's Beijing date, 20 January 2026, when the almanac's EoT is −10.9 min: 08:05 true
    // solar = 08:15.9 local mean = 08:09.7 Beijing (6.2 min of longitude east of 120°E).
    expect(Math.abs(s[0]!.utcMs - (beijing(2026, 1, 20, 8, 9) + 0.7 * MIN))).toBeLessThan(0.5 * MIN);
  });

  it('ends an uneven window with a shorter interval at its own centre', () => {
    const rule: SunlightRule = { day: 'dongzhi', minHours: 1, windowStartMin: 540, windowEndMin: 905, stepMinutes: 10 };
    const s = sunSamples(rule, 2025, NINGBO.lon, NINGBO.lat);
    expect(s.length).toBe(37);
    expect(s[36]).toMatchObject({ trueSolarMin: 902.5, minutes: 5 });
  });
});
