// The height dimension of the BeiDou 3D code (GB/T 39409-2020 App. C, standards.md §1).
// Layer n = floor((θ0/θ) · log_{1+θ0}((H + r0)/r0)), θ0 = π/180, θ = 1/2048″, so one layer is the
// height step that subtends 1/2048″ (≈ 1.5 cm at the surface). n is written sign-and-magnitude
// (as the public reference implementation does; two's complement is UNCONFIRMED), the 31
// magnitude bits split level by level like the 2D grid.
import { SpaceCodeError, at, type SpaceCodeIssue } from './issues.ts';
import { UNITS_PER_DEGREE } from './units.ts';

/** θ0/θ: layers per unit of log_{1+θ0}. */
export const LAYERS_PER_DEGREE_STEP = UNITS_PER_DEGREE; // 7 372 800
/** r0: the earth radius of the height code, metres (standards.md §1). */
export const HEIGHT_R0 = 6378137;
const LN_1_PLUS_THETA0 = Math.log1p(Math.PI / 180);
/** Largest layer magnitude: 31 bits. */
export const MAX_LAYER_MAGNITUDE = 2 ** 31 - 1;

export interface HeightLevel {
  readonly level: number;
  /** Magnitude bits this level holds and the shift of its lowest bit. */
  readonly bits: number;
  readonly shift: number;
  /** Characters and how they are written. */
  readonly chars: number;
  readonly radix: 10 | 2 | 8 | 16;
}

const BITS = [6, 3, 1, 4, 4, 1, 3, 3, 3, 3];
export const HEIGHT_LEVELS: readonly HeightLevel[] = BITS.map((bits, i) => {
  const shift = 31 - BITS.slice(0, i + 1).reduce((a, b) => a + b, 0);
  const radix = i === 0 ? 10 : bits === 1 ? 2 : bits === 3 ? 8 : 16;
  return { level: i + 1, bits, shift, chars: i === 0 ? 2 : 1, radix };
});

/** Layers a level-L height cell spans: 2^shift (level 10: 1 layer). */
export const layerSpan = (level: number): number => 2 ** HEIGHT_LEVELS[level - 1]!.shift;

/** Height (m, ellipsoidal) of the bottom of layer n: r0·((1+θ0)^(n/7 372 800) − 1). */
export function layerBottom(n: number): number {
  return HEIGHT_R0 * Math.expm1((n / LAYERS_PER_DEGREE_STEP) * LN_1_PLUS_THETA0);
}

/**
 * The layer holding height h. The formula is evaluated in floating point, then nudged so that
 * layerBottom(n) ≤ h < layerBottom(n + 1) holds exactly as the decoder computes the bounds: the
 * decoded cell always contains the height it was encoded from.
 */
export function heightToLayer(h: number): number {
  if (!Number.isFinite(h)) throw new SpaceCodeError(`height ${h}: expected a finite number of metres`);
  if (h <= -HEIGHT_R0) throw new SpaceCodeError(`height ${h} m: expected above −${HEIGHT_R0} m (the centre of the earth)`);
  let n = Math.floor((Math.log1p(h / HEIGHT_R0) / LN_1_PLUS_THETA0) * LAYERS_PER_DEGREE_STEP);
  while (h < layerBottom(n)) n--;
  while (h >= layerBottom(n + 1)) n++;
  if (Math.abs(n) > MAX_LAYER_MAGNITUDE) throw new SpaceCodeError(`height ${h} m: layer ${n} does not fit the 31-bit height code`);
  return n;
}

/** The height code of layer n at `level`: sign digit, then each level's digits (a0, a1a2, a3…). */
export function encodeHeight(n: number, level: number): string[] {
  const mag = Math.abs(n);
  const parts = [n < 0 ? '1' : '0'];
  for (const l of HEIGHT_LEVELS.slice(0, level)) {
    const v = Math.floor(mag / 2 ** l.shift) % 2 ** l.bits;
    parts.push(v.toString(l.radix).toUpperCase().padStart(l.chars, '0'));
  }
  return parts;
}

/** Reads the sign digit a0. */
export function readSign(c: string, position: number, issues: SpaceCodeIssue[]): 1 | -1 | null {
  if (c === '0') return 1;
  if (c === '1') return -1;
  issues.push({ segment: 'height sign', position, message: `height sign ${at(c, position)}: expected 0 (at or above the ellipsoid) or 1 (below)` });
  return null;
}

/** Reads one level's height digits; returns the magnitude bits they contribute. */
export function readHeightLevel(level: number, chars: string, position: number, issues: SpaceCodeIssue[]): number | null {
  const l = HEIGHT_LEVELS[level - 1]!;
  const max = 2 ** l.bits - 1;
  const valid = l.radix === 10 ? /^\d\d$/.test(chars) : chars.length === 1 && /^[0-9A-F]$/.test(chars);
  const v = valid ? parseInt(chars, l.radix) : NaN;
  if (!Number.isInteger(v) || v > max) {
    const expected = l.radix === 10 ? '00–63' : `0–${max.toString(l.radix).toUpperCase()}`;
    issues.push({ segment: `height level ${level}`, position, message: `height level ${level} ${l.chars > 1 ? 'digits' : 'digit'} ${at(chars, position)}: expected ${expected}` });
    return null;
  }
  return v * 2 ** l.shift;
}

/** A decoded height cell: the layers it holds and their heights (m, ellipsoidal). */
export interface HeightCell {
  /** Layers minLayer…maxLayer inclusive. */
  readonly minLayer: number;
  readonly maxLayer: number;
  /** Bottom of minLayer and top of maxLayer, metres. */
  readonly bottom: number;
  readonly top: number;
}

/**
 * The layers of a level-L height cell with the given sign and magnitude prefix. Sign-and-magnitude
 * means a below-ground cell holds n = −(m…m+span−1), and there is no layer −0 (n = −1 is the first
 * below the ellipsoid), so a below-ground cell's top is layerBottom(−max(m,1) + 1).
 */
export function heightCell(sign: 1 | -1, magnitudePrefix: number, level: number): HeightCell {
  const span = layerSpan(level);
  const lo = magnitudePrefix;
  const hi = magnitudePrefix + span - 1;
  const minLayer = sign > 0 ? lo : -hi;
  const maxLayer = sign > 0 ? hi : -Math.max(lo, 1);
  return { minLayer, maxLayer, bottom: layerBottom(minLayer), top: layerBottom(maxLayer + 1) };
}
