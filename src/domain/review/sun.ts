// Where the sun stands, in the terms the residential sunlight standard (GB 50180-2018) counts in:
// local TRUE solar time on the standard days 大寒 and 冬至. The low-precision solar coordinates of
// Meeus, Astronomical Algorithms ch. 25 (the NOAA solar calculator uses the same series): about
// 0.01° in position and a few seconds in the equation of time for 1950–2050, i.e. ~2 s of shadow
// timing, far below the 10-minute step the analysis samples at.
//
// Time is taken as UT throughout; the series strictly wants dynamical time (TT = UT + ~69 s in the
// 2020s), which moves the sun by 0.0008° and a solar term by ~17 s — not worth a ΔT table.
import { FieldChecker, isObject, type Issue, type JsonObject } from '../schemas/issues.ts';

const RAD = Math.PI / 180;
const MS_PER_DAY = 86_400_000;
const MS_PER_MIN = 60_000;
/** Julian date of the Unix epoch. */
const JD_UNIX = 2_440_587.5;

const wrap360 = (deg: number): number => ((deg % 360) + 360) % 360;
/** An angle difference folded into (−180, 180]. */
const wrap180 = (deg: number): number => {
  const w = wrap360(deg);
  return w > 180 ? w - 360 : w;
};
const wrapDay = (min: number): number => ((min % 1440) + 1440) % 1440;

export interface SolarCoordinates {
  /** Apparent ecliptic longitude of the sun, degrees in [0, 360) (what the solar terms are defined by). */
  readonly apparentLongitude: number;
  /** Apparent declination, degrees. */
  readonly declination: number;
  /**
   * Equation of time in minutes, apparent minus mean solar time: positive when the true sun is
   * ahead of the clock (≈ +16.4 min early November), negative when behind (≈ −14.2 min mid-February).
   */
  readonly equationOfTime: number;
}

/** The sun's apparent coordinates at an instant (Meeus ch. 25, low precision; ch. 28 for the equation of time). */
export function solarCoordinates(utcMs: number): SolarCoordinates {
  const T = (utcMs / MS_PER_DAY + JD_UNIX - 2_451_545) / 36_525; // Julian centuries from J2000.0
  const L0 = wrap360(280.46646 + T * (36_000.76983 + T * 0.0003032)); // geometric mean longitude
  const M = (357.52911 + T * (35_999.05029 - T * 0.0001537)) * RAD; // mean anomaly
  const e = 0.016708634 - T * (0.000042037 + T * 0.0000001267); // orbit eccentricity
  const C = Math.sin(M) * (1.914602 - T * (0.004817 + T * 0.000014))
    + Math.sin(2 * M) * (0.019993 - T * 0.000101)
    + Math.sin(3 * M) * 0.000289; // equation of centre
  const omega = (125.04 - 1934.136 * T) * RAD; // longitude of the Moon's node: nutation and aberration
  const lambda = L0 + C - 0.00569 - 0.00478 * Math.sin(omega);
  const eps0 = 23 + (26 + (21.448 - T * (46.815 + T * (0.00059 - T * 0.001813))) / 60) / 60;
  const eps = (eps0 + 0.00256 * Math.cos(omega)) * RAD; // apparent obliquity
  const declination = Math.asin(Math.sin(eps) * Math.sin(lambda * RAD)) / RAD;
  // Equation of time (Meeus 28.3, Smart's series), with the mean obliquity as Meeus does.
  const y = Math.tan((eps0 * RAD) / 2) ** 2;
  const l2 = 2 * L0 * RAD;
  const eot = y * Math.sin(l2) - 2 * e * Math.sin(M) + 4 * e * y * Math.sin(M) * Math.cos(l2)
    - 0.5 * y * y * Math.sin(2 * l2) - 1.25 * e * e * Math.sin(2 * M);
  return { apparentLongitude: wrap360(lambda), declination, equationOfTime: (4 * eot) / RAD };
}

/** Equation of time in minutes (apparent − mean solar time; see `SolarCoordinates.equationOfTime`). */
export function equationOfTimeMinutes(utcMs: number): number {
  return solarCoordinates(utcMs).equationOfTime;
}

/** Local true (apparent) solar time at a longitude: minutes after true-solar midnight, in [0, 1440). */
export function trueSolarTime(utcMs: number, lonDeg: number): number {
  return wrapDay(utcMs / MS_PER_MIN + 4 * lonDeg + equationOfTimeMinutes(utcMs));
}

/** A calendar date (month 1–12). */
export interface CalendarDate { readonly year: number; readonly month: number; readonly day: number }

/**
 * The instant at which local true solar time at `lonDeg` reads `minutes` on `date` (the date as
 * read at that longitude). Fixed-point iteration on the equation of time, which changes by < 0.5 s
 * per hour, so three rounds settle far below a millisecond.
 */
export function utcForTrueSolarTime(date: CalendarDate, minutes: number, lonDeg: number): number {
  const mean = Date.UTC(date.year, date.month - 1, date.day) + (minutes - 4 * lonDeg) * MS_PER_MIN;
  let utc = mean;
  for (let k = 0; k < 4; k++) utc = mean - equationOfTimeMinutes(utc) * MS_PER_MIN;
  return utc;
}

export interface SunPosition {
  /** Degrees clockwise from north, [0, 360). */
  readonly azimuth: number;
  /** Degrees above the horizon; geometric unless `refraction` was asked for. */
  readonly elevation: number;
  /** Unit ENU vector [east, north, up] pointing to the sun. */
  readonly direction: readonly [number, number, number];
}

/**
 * The sun as seen from a place. Elevation is geometric by default: the building-sunlight
 * calculation standard (GB/T 50947-2014) computes the altitude from declination and hour angle
 * with no refraction, and every 日照 program a review is compared with does the same. Refraction
 * (Sæmundsson, standard atmosphere) lifts a low sun by ~0.2° at 4° elevation — available for
 * comparing with a photograph, not for a verdict. Parallax (0.002°) is ignored.
 */
export function sunPosition(utcMs: number, lonDeg: number, latDeg: number, opts: { refraction?: boolean } = {}): SunPosition {
  const { declination } = solarCoordinates(utcMs);
  const H = (trueSolarTime(utcMs, lonDeg) / 4 - 180) * RAD; // hour angle, negative in the morning
  const phi = latDeg * RAD, d = declination * RAD;
  // The sun's unit vector in the local horizon frame, straight from the hour-angle/declination one.
  let east = -Math.cos(d) * Math.sin(H);
  let north = Math.cos(phi) * Math.sin(d) - Math.sin(phi) * Math.cos(d) * Math.cos(H);
  let up = Math.sin(phi) * Math.sin(d) + Math.cos(phi) * Math.cos(d) * Math.cos(H);
  let elevation = Math.asin(Math.max(-1, Math.min(1, up))) / RAD;
  const azimuth = wrap360(Math.atan2(east, north) / RAD);
  if (opts.refraction && elevation > -1) {
    elevation += 1.02 / Math.tan((elevation + 10.3 / (elevation + 5.11)) * RAD) / 60;
    const horiz = Math.cos(elevation * RAD), a = azimuth * RAD;
    east = horiz * Math.sin(a);
    north = horiz * Math.cos(a);
    up = Math.sin(elevation * RAD);
  }
  return { azimuth, elevation, direction: [east, north, up] };
}

// ---- Standard days -------------------------------------------------------------------------

export type StandardDay = 'dahan' | 'dongzhi';

/** Apparent solar longitude that defines each term, and a UTC search window around its date. */
const TERMS: Record<StandardDay, { longitude: number; month: number; fromDay: number; toDay: number }> = {
  dahan: { longitude: 300, month: 1, fromDay: 17, toDay: 23 }, // 大寒, ≈ 20 January
  dongzhi: { longitude: 270, month: 12, fromDay: 19, toDay: 25 }, // 冬至, ≈ 21–22 December
};

/** The instant (UTC ms) the sun's apparent longitude reaches the term's value in `year`; bisection to 1 s. */
export function solarTermInstant(year: number, term: StandardDay): number {
  const t = TERMS[term];
  let lo = Date.UTC(year, t.month - 1, t.fromDay), hi = Date.UTC(year, t.month - 1, t.toDay);
  // The sun advances ~1°/day, so the wrapped difference is monotonic across the 6-day bracket.
  while (hi - lo > 1000) {
    const mid = (lo + hi) / 2;
    if (wrap180(solarCoordinates(mid).apparentLongitude - t.longitude) < 0) lo = mid;
    else hi = mid;
  }
  return Math.round((lo + hi) / 2);
}

/** Beijing time, the clock the Chinese almanac dates the solar terms by. */
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** The calendar date (Beijing time, UTC+8) of the term in `year`: 大寒 in January, 冬至 in December. */
export function solarTermDate(year: number, term: StandardDay): CalendarDate {
  const d = new Date(solarTermInstant(year, term) + BEIJING_OFFSET_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

// ---- The rule ------------------------------------------------------------------------------

/** GB 50180-2018 effective sunlight windows, minutes after local true-solar midnight. */
export const STANDARD_WINDOWS: Readonly<Record<StandardDay, { readonly startMin: number; readonly endMin: number }>> = {
  dahan: { startMin: 480, endMin: 960 }, // 08:00–16:00
  dongzhi: { startMin: 540, endMin: 900 }, // 09:00–15:00
};

export interface SunlightRule {
  readonly day: StandardDay;
  /** Hours of sun a point needs within the window to pass. */
  readonly minHours: number;
  /** Window in minutes of local true solar time. */
  readonly windowStartMin: number;
  readonly windowEndMin: number;
  /** Sampling step in minutes; each sample stands for the interval centred on it. */
  readonly stepMinutes: number;
}

/**
 * Ningbo (climate zone III, large city): ≥ 2 h on 大寒日. The table value is UNCONFIRMED against
 * the printed standard and local rules (some cities require 3 h), hence configurable.
 */
export const DEFAULT_SUNLIGHT_RULE: SunlightRule = {
  day: 'dahan', minHours: 2, windowStartMin: STANDARD_WINDOWS.dahan.startMin, windowEndMin: STANDARD_WINDOWS.dahan.endMin, stepMinutes: 10,
};

const RULE_KEYS = ['day', 'minHours', 'windowStartMin', 'windowEndMin', 'stepMinutes'] as const;

/** Checks a rule as written in a config; every field is optional (defaults: the day's standard window, 2 h, 10 min). */
export function validateSunlightRule(raw: unknown, path: string): Issue[] {
  const issues: Issue[] = [];
  if (!isObject(raw)) {
    issues.push({ path, message: `expected an object, found ${raw === null ? 'null' : Array.isArray(raw) ? 'array' : typeof raw}` });
    return issues;
  }
  const c = new FieldChecker(issues, raw, path);
  c.unknownKeys(RULE_KEYS);
  c.oneOf('day', ['dahan', 'dongzhi']);
  const minOk = c.number('minHours', { min: 0, max: 24 });
  const startOk = c.number('windowStartMin', { min: 0, max: 1440 });
  const endOk = c.number('windowEndMin', { min: 0, max: 1440 });
  const stepOk = c.number('stepMinutes', { min: 0.1, max: 60 });
  if (startOk && endOk && stepOk) {
    const r = resolveSunlightRule(raw);
    const at = (k: string): string => (path ? `${path}.${k}` : k);
    if (r.windowEndMin <= r.windowStartMin) {
      issues.push({ path: at('windowEndMin'), message: `must be after windowStartMin (${r.windowStartMin}), found ${r.windowEndMin}` });
    } else if (r.stepMinutes > r.windowEndMin - r.windowStartMin) {
      issues.push({ path: at('stepMinutes'), message: `must not exceed the window length (${r.windowEndMin - r.windowStartMin} min), found ${r.stepMinutes}` });
    }
    if (minOk && r.windowEndMin > r.windowStartMin && r.minHours * 60 > r.windowEndMin - r.windowStartMin) {
      const window = Number(((r.windowEndMin - r.windowStartMin) / 60).toFixed(2));
      issues.push({ path: at('minHours'), message: `${r.minHours} h cannot fit in a ${window} h window` });
    }
  }
  return issues;
}

/** The rule a (validated) config object means: missing fields from the day's standard window and the Ningbo default. */
export function resolveSunlightRule(raw: JsonObject): SunlightRule {
  const num = (k: string): number | undefined => (typeof raw[k] === 'number' ? (raw[k] as number) : undefined);
  const day: StandardDay = raw.day === 'dongzhi' ? 'dongzhi' : 'dahan';
  return {
    day,
    minHours: num('minHours') ?? DEFAULT_SUNLIGHT_RULE.minHours,
    windowStartMin: num('windowStartMin') ?? STANDARD_WINDOWS[day].startMin,
    windowEndMin: num('windowEndMin') ?? STANDARD_WINDOWS[day].endMin,
    stepMinutes: num('stepMinutes') ?? DEFAULT_SUNLIGHT_RULE.stepMinutes,
  };
}

export interface SunSample {
  readonly utcMs: number;
  /** Local true solar time of the sample, minutes after midnight. */
  readonly trueSolarMin: number;
  /** Minutes of the window this sample stands for (the step; less for a last, partial interval). */
  readonly minutes: number;
  /** Unit ENU vector to the sun. */
  readonly direction: readonly [number, number, number];
  readonly elevation: number;
}

/**
 * The sun through the rule's window on its standard day of `year`, by the midpoint rule: the
 * window is cut into step-long intervals and each is sampled at its centre (08:05, 08:15, … for
 * 10-minute steps), so a point's hours are Σ lit minutes / 60 and an interval of unbroken sun
 * counts exactly its length. A shadow edge is then off by at most half a step. A window that is
 * not a whole number of steps ends with a shorter interval, sampled at its own centre.
 */
export function sunSamples(rule: SunlightRule, year: number, lonDeg: number, latDeg: number): SunSample[] {
  const date = solarTermDate(year, rule.day);
  const out: SunSample[] = [];
  // Index the intervals rather than accumulate `start += step`, so 0.1-minute steps do not drift.
  for (let k = 0; rule.windowStartMin + k * rule.stepMinutes < rule.windowEndMin - 1e-9; k++) {
    const start = rule.windowStartMin + k * rule.stepMinutes;
    const minutes = Math.min(rule.stepMinutes, rule.windowEndMin - start);
    const trueSolarMin = start + minutes / 2;
    const utcMs = utcForTrueSolarTime(date, trueSolarMin, lonDeg);
    const { direction, elevation } = sunPosition(utcMs, lonDeg, latDeg);
    out.push({ utcMs, trueSolarMin, minutes, direction, elevation });
  }
  return out;
}
