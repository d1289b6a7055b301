// BeiDou grid location codes (GB/T 39409-2020): encode, decode with segment-by-segment issues,
// parent and child cells, for 2D codes and 3D codes (2D interleaved level by level with the
// height code: N|S a0 L1 a1a2 L2 a3 L3 a4 … L10 a11, standards.md §1).
import { buildCell, type BeidouCell } from './cell.ts';
import {
  CODE2D_LENGTHS, GRID_LEVELS, MAX_LEVEL, MIN_LEVEL, ROOT_CELL, descend, digitChar, encode2DUnits, gridLevel,
  readHemisphere, readLevel2D, type Cell2DUnits,
} from './grid2d.ts';
import { HEIGHT_LEVELS, encodeHeight, heightCell, heightToLayer, readHeightLevel, readSign } from './height.ts';
import { SpaceCodeError, at, type SpaceCodeIssue } from './issues.ts';
import { degreesToUnits } from './units.ts';

export interface LonLat { readonly lon: number; readonly lat: number }
export interface LonLatHeight extends LonLat { readonly height: number }

/** 3D code length by level (index 0: hemisphere + sign). */
export const CODE3D_LENGTHS: readonly number[] = GRID_LEVELS.reduce<number[]>(
  (acc, l, i) => [...acc, acc[acc.length - 1]! + l.chars + HEIGHT_LEVELS[i]!.chars], [2]);

export type DecodeResult = { readonly ok: true; readonly cell: BeidouCell } | { readonly ok: false; readonly issues: readonly SpaceCodeIssue[] };

const checkLevel = (level: number): void => { gridLevel(level); };

/** The 2D code of a point (degrees, NE hemisphere) at `level` (default 10). Throws SpaceCodeError. */
export function encodeBeidou2D(p: LonLat, level = MAX_LEVEL): string {
  checkLevel(level);
  return encode2DUnits(degreesToUnits(p.lon), degreesToUnits(p.lat), level);
}

/** The 3D code of a point (degrees, ellipsoidal height in metres) at `level` (default 10). */
export function encodeBeidou3D(p: LonLatHeight, level = MAX_LEVEL): string {
  return encode3DUnits(degreesToUnits(p.lon), degreesToUnits(p.lat), p.height, level);
}

/** 3D code from exact grid units and a height; use with decimalDegreesToUnits for exact input. */
export function encode3DUnits(lonUnits: number, latUnits: number, height: number, level: number): string {
  checkLevel(level);
  return interleave(encode2DUnits(lonUnits, latUnits, level), encodeHeight(heightToLayer(height), level));
}

/** Joins a 2D code and height parts [a0, L1 digits, L2 digit, …] level by level. */
function interleave(code2D: string, height: readonly string[]): string {
  let out = code2D.slice(0, 1) + height[0]!;
  for (let level = 1; level < height.length; level++) {
    out += code2D.slice(CODE2D_LENGTHS[level - 1], CODE2D_LENGTHS[level]) + height[level]!;
  }
  return out;
}

/**
 * Decodes a 2D or 3D code, telling them apart by position 4 (a latitude letter in a 2D code, a
 * longitude digit in a 3D code), else by length. Never throws; issues name the segment and position.
 */
export function decodeBeidou(code: string): DecodeResult {
  return walk(code, beidouDimension(code));
}

export function decodeBeidou2D(code: string): DecodeResult { return walk(code, 2); }
export function decodeBeidou3D(code: string): DecodeResult { return walk(code, 3); }

/** Which dimension a BeiDou-looking code most plausibly is. */
export function beidouDimension(code: string): 2 | 3 {
  // Position 4 is decisive: a 2D code has its level-1 latitude letter there, a 3D code a digit.
  const fourth = code.charAt(3);
  if (/^[A-Z]$/i.test(fourth)) return 2;
  if (/^\d$/.test(fourth)) return 3;
  const in2 = CODE2D_LENGTHS.indexOf(code.length) > 0;
  const in3 = CODE3D_LENGTHS.indexOf(code.length) > 0;
  return in3 && !in2 ? 3 : code.length > 20 ? 3 : 2;
}

function walk(code: string, dimension: 2 | 3): DecodeResult {
  const issues: SpaceCodeIssue[] = [];
  const lengths = dimension === 2 ? CODE2D_LENGTHS : CODE3D_LENGTHS;
  const name = `a ${dimension}D code`;
  const validLengths = `${lengths.slice(1, -1).join(', ')} or ${lengths[lengths.length - 1]} characters for levels 1–10`;
  if (code.length === 0) return { ok: false, issues: [{ segment: 'length', position: 0, message: `empty code: ${name} has ${validLengths}` }] };
  readHemisphere(code.charAt(0), issues);
  let pos = 1; // 0-based index of the next character
  let sign: 1 | -1 | null = 1;
  if (dimension === 3) {
    if (code.length < 2) return incomplete(issues, 'height sign', 2, 1, 0, name, validLengths);
    sign = readSign(code.charAt(1), 2, issues);
    pos = 2;
  }
  let cell: Cell2DUnits | null = ROOT_CELL;
  let magnitude = 0;
  let code2D = code.charAt(0);
  let levels = 0;
  for (let level = MIN_LEVEL; level <= MAX_LEVEL && (pos < code.length || level === MIN_LEVEL); level++) {
    const l = GRID_LEVELS[level - 1]!;
    if (code.length - pos < l.chars) return incomplete(issues, `level ${level}`, pos + 1, l.chars, code.length - pos, name, validLengths);
    const chars = code.slice(pos, pos + l.chars);
    const colRow = readLevel2D(level, chars, pos + 1, issues);
    cell = cell && colRow ? descend(cell, colRow) : null;
    code2D += chars;
    pos += l.chars;
    if (dimension === 3) {
      const h = HEIGHT_LEVELS[level - 1]!;
      if (code.length - pos < h.chars) return incomplete(issues, `height level ${level}`, pos + 1, h.chars, code.length - pos, name, validLengths);
      const bits = readHeightLevel(level, code.slice(pos, pos + h.chars), pos + 1, issues);
      magnitude = bits === null ? NaN : magnitude + bits;
      pos += h.chars;
    }
    levels = level;
  }
  if (pos < code.length) {
    issues.push({ segment: 'length', position: pos + 1, message: `extra ${code.length - pos > 1 ? 'characters' : 'character'} ${at(code.slice(pos), pos + 1)}: ${name} has at most ${lengths[lengths.length - 1]} characters` });
  }
  if (issues.length > 0 || !cell || levels === 0) return { ok: false, issues };
  if (dimension === 2) return { ok: true, cell: buildCell(code, code2D, cell) };
  if (sign === null || Number.isNaN(magnitude)) return { ok: false, issues };
  const height = heightCell(sign, magnitude, cell.level);
  if (height.minLayer > height.maxLayer) {
    return { ok: false, issues: [{ segment: 'height sign', position: 2, message: `height sign '1' at position 2 with magnitude 0 at level 10 is layer −0, which is never produced (layer −1 is the first below the ellipsoid)` }] };
  }
  return { ok: true, cell: buildCell(code, code2D, cell, height) };
}

function incomplete(issues: SpaceCodeIssue[], segment: string, position: number, want: number, found: number, name: string, validLengths: string): DecodeResult {
  const where = want > 1 ? `positions ${position}–${position + want - 1}` : `position ${position}`;
  issues.push({ segment, position, message: `${segment} is incomplete: expected ${want} character${want > 1 ? 's' : ''} at ${where}, found ${found} (${name} has ${validLengths})` });
  return { ok: false, issues };
}

function decodeOrThrow(code: string): BeidouCell {
  const r = decodeBeidou(code);
  if (!r.ok) throw new SpaceCodeError(r.issues.map((i) => i.message).join('; '));
  return r.cell;
}

/** The code of the cell's ancestor at `level` (default: the parent). Throws on an invalid code. */
export function parentCode(code: string, level?: number): string {
  const cell = decodeOrThrow(code);
  const target = level ?? cell.level - 1;
  if (!Number.isInteger(target) || target < MIN_LEVEL || target > cell.level) {
    throw new SpaceCodeError(`level ${target}: a level-${cell.level} cell has ancestors at levels ${MIN_LEVEL}–${cell.level}`);
  }
  return code.slice(0, (cell.dimension === 2 ? CODE2D_LENGTHS : CODE3D_LENGTHS)[target]);
}

/** The codes of the cell's children one level down, west to east then south to north; [] at level 10. */
export function childCodes(code: string): string[] {
  const cell = decodeOrThrow(code);
  if (cell.level === MAX_LEVEL) return [];
  const l = GRID_LEVELS[cell.level]!;
  const parts: string[] = [];
  for (let row = 0; row < l.rows; row++) {
    for (let col = 0; col < l.cols; col++) parts.push(l.form === 'z-order' ? digitChar(row * 2 + col) : digitChar(col) + digitChar(row));
  }
  if (cell.dimension === 2) return parts.map((p) => code + p);
  const h = HEIGHT_LEVELS[cell.level]!;
  const out: string[] = [];
  for (const p of parts) {
    for (let v = 0; v < 2 ** h.bits; v++) {
      const child = code + p + v.toString(h.radix).toUpperCase().padStart(h.chars, '0');
      // A below-ground cell whose magnitude is all zeros would be layer −0: never produced.
      if (decodeBeidou3D(child).ok) out.push(child);
    }
  }
  return out;
}

/** Both codes for a point: the 2D code, and the 3D code when a height is given. */
export function encodeBeidou(p: LonLat & { readonly height?: number }, level = MAX_LEVEL): { code2D: string; code3D?: string } {
  const code2D = encodeBeidou2D(p, level);
  if (p.height === undefined) return { code2D };
  return { code2D, code3D: encodeBeidou3D({ lon: p.lon, lat: p.lat, height: p.height }, level) };
}
