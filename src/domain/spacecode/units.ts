// Exact angle arithmetic for BeiDou grid codes. Every angle is an integer count of grid units of
// 1/2048″ (the level-10 cell), so cell edges are exact and digits never drift with floating point.
// 180° = 1 327 104 000 units, well inside Number.MAX_SAFE_INTEGER; no BigInt is needed except to
// convert a double exactly.

/** Grid units per arc-second (level 10 is 1/2048″). */
export const UNITS_PER_ARCSECOND = 2048;
/** Grid units per degree: 3600 × 2048 = 7 372 800 (equal to θ0/θ of the height code). */
export const UNITS_PER_DEGREE = 3600 * UNITS_PER_ARCSECOND;

/**
 * A product closer than this (in units, ≈ 4.9e-10″ ≈ 1.5e-11 m) to an integer counts as that
 * integer. It is ~10× the representation error of a double degree value near 180°
 * (½ ulp(180) × 7 372 800 ≈ 1.05e-7 units), so the double nearest a decimal cell edge such as
 * 29.9° (stored as 29.899999999999998578…) lands on the edge, and no real position moves.
 */
export const SNAP_TOLERANCE_UNITS = 1e-6;
const SNAP_DENOMINATOR = 1_000_000n; // 1 / SNAP_TOLERANCE_UNITS

/**
 * Degrees (a double) → grid units: the floor of the exact product degrees × 7 372 800, computed
 * exactly from the double's bits with BigInt; a product within SNAP_TOLERANCE_UNITS of an integer
 * is snapped to it first. This is the only rounding step in the codec.
 */
export function degreesToUnits(degrees: number): number {
  if (!Number.isFinite(degrees)) throw new RangeError(`expected a finite angle, found ${degrees}`);
  if (degrees === 0) return 0;
  const { mantissa, exponent } = decomposeDouble(Math.abs(degrees));
  // |degrees| = mantissa × 2^exponent, exactly.
  const num = mantissa * BigInt(UNITS_PER_DEGREE) * (exponent > 0 ? 1n << BigInt(exponent) : 1n);
  const den = exponent < 0 ? 1n << BigInt(-exponent) : 1n;
  return Number(degrees < 0 ? -floorSnapped(num, den, true) : floorSnapped(num, den, false));
}

/**
 * A decimal string (e.g. "29.9", "-0.5", "121.554") → grid units with no floating point at all:
 * the floor of the exact decimal value × 7 372 800, snapped like degreesToUnits.
 */
export function decimalDegreesToUnits(text: string): number | null {
  const m = /^([+-]?)(\d+)(?:\.(\d*))?$/.exec(text.trim());
  if (!m) return null;
  const frac = m[3] ?? '';
  const num = BigInt(`${m[2]}${frac}`) * BigInt(UNITS_PER_DEGREE);
  const den = 10n ** BigInt(frac.length);
  const negative = m[1] === '-' && num !== 0n;
  const mag = floorSnapped(num, den, negative);
  return Number(negative ? -mag : mag);
}

/**
 * Degrees, minutes and (decimal) seconds → grid units, exactly. Used for the standard's vectors,
 * which are written as 39°59′35.38″.
 */
export function dmsToUnits(degrees: number, minutes: number, seconds: string | number): number {
  if (!Number.isInteger(degrees) || !Number.isInteger(minutes) || degrees < 0 || minutes < 0 || minutes >= 60) {
    throw new RangeError(`expected whole non-negative degrees and minutes 0–59, found ${degrees}° ${minutes}′`);
  }
  const secText = typeof seconds === 'number' ? String(seconds) : seconds;
  const m = /^(\d+)(?:\.(\d*))?$/.exec(secText.trim());
  if (!m) throw new RangeError(`expected non-negative decimal seconds, found "${secText}"`);
  const frac = m[2] ?? '';
  const secNum = BigInt(`${m[1]}${frac}`) * BigInt(UNITS_PER_ARCSECOND);
  const secUnits = floorSnapped(secNum, 10n ** BigInt(frac.length), false);
  return degrees * UNITS_PER_DEGREE + minutes * 60 * UNITS_PER_ARCSECOND + Number(secUnits);
}

export function unitsToDegrees(units: number): number {
  return units / UNITS_PER_DEGREE;
}

/** floor(num/den) for num, den > 0, with the snap rule; `negative` means the value is −num/den. */
function floorSnapped(num: bigint, den: bigint, negative: boolean): bigint {
  const q = num / den;
  const r = num % den;
  if (r === 0n) return q;
  const nearUpper = (den - r) * SNAP_DENOMINATOR <= den;
  const nearLower = r * SNAP_DENOMINATOR <= den;
  // For a negative value −(q + r/den): floor is −(q+1) unless snapped onto −q.
  if (negative) return nearLower ? q : q + 1n;
  return nearUpper ? q + 1n : q;
}

function decomposeDouble(x: number): { mantissa: bigint; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  const frac = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased === 0) return { mantissa: frac, exponent: -1074 };
  return { mantissa: frac | (1n << 52n), exponent: biased - 1075 };
}
