// The 2D BeiDou grid (GB/T 39409-2020 §5–§6, standards.md §1), north-east hemisphere.
// Level 1 is the 1:1 000 000 sheet (6° × 4°); levels 2–10 split their parent into a lon × lat
// grid of columns and rows counted from the south-west corner. All sizes are exact grid units.
import { HEMISPHERE_UNCONFIRMED, POLAR_UNSUPPORTED, SpaceCodeError, at, type SpaceCodeIssue } from './issues.ts';
import { UNITS_PER_ARCSECOND as S, UNITS_PER_DEGREE as D } from './units.ts';

export const MIN_LEVEL = 1;
export const MAX_LEVEL = 10;

/** How a level writes its digits: lon+lat digits, or one Z-order digit (levels 3 and 6). */
export type DigitForm = 'sheet' | 'pair' | 'z-order';

export interface GridLevel {
  readonly level: number;
  /** Cell size in grid units (1/2048″). */
  readonly lonUnits: number;
  readonly latUnits: number;
  /** Columns × rows the parent is split into (level 1: sheets). */
  readonly cols: number;
  readonly rows: number;
  readonly form: DigitForm;
  /** Characters this level adds to the 2D code. */
  readonly chars: number;
}

const M = 60 * S; // one arc-minute
export const GRID_LEVELS: readonly GridLevel[] = [
  { level: 1, lonUnits: 6 * D, latUnits: 4 * D, cols: 60, rows: 22, form: 'sheet', chars: 3 },
  { level: 2, lonUnits: 30 * M, latUnits: 30 * M, cols: 12, rows: 8, form: 'pair', chars: 2 },
  { level: 3, lonUnits: 15 * M, latUnits: 10 * M, cols: 2, rows: 3, form: 'z-order', chars: 1 },
  { level: 4, lonUnits: M, latUnits: M, cols: 15, rows: 10, form: 'pair', chars: 2 },
  { level: 5, lonUnits: 4 * S, latUnits: 4 * S, cols: 15, rows: 15, form: 'pair', chars: 2 },
  { level: 6, lonUnits: 2 * S, latUnits: 2 * S, cols: 2, rows: 2, form: 'z-order', chars: 1 },
  { level: 7, lonUnits: S / 4, latUnits: S / 4, cols: 8, rows: 8, form: 'pair', chars: 2 },
  { level: 8, lonUnits: S / 32, latUnits: S / 32, cols: 8, rows: 8, form: 'pair', chars: 2 },
  { level: 9, lonUnits: S / 256, latUnits: S / 256, cols: 8, rows: 8, form: 'pair', chars: 2 },
  { level: 10, lonUnits: 1, latUnits: 1, cols: 8, rows: 8, form: 'pair', chars: 2 },
];

/** 2D code length by level (index 0 = the hemisphere letter alone). */
export const CODE2D_LENGTHS: readonly number[] = GRID_LEVELS.reduce<number[]>((acc, l) => [...acc, acc[acc.length - 1]! + l.chars], [1]);

export function gridLevel(level: number): GridLevel {
  const l = GRID_LEVELS[level - 1];
  if (!l || !Number.isInteger(level)) throw new SpaceCodeError(`level ${level}: expected an integer ${MIN_LEVEL}–${MAX_LEVEL}`);
  return l;
}

/** Level-1 longitude code of the first east sheet (0°–6°E); 01–30 are the west. */
export const FIRST_EAST_SHEET = 31;
/** Latitude letters A–V cover 0°–88°; beyond is polar. */
export const MAX_LAT_UNITS = 88 * D;
export const MAX_LON_UNITS = 180 * D;

const DIGITS = '0123456789ABCDEF';
export const digitChar = (i: number): string => DIGITS[i]!;
export const digitValue = (c: string): number => (c.length === 1 ? DIGITS.indexOf(c) : -1);
const range = (n: number): string => `0–${digitChar(n - 1)}`;

/** The south-west corner of a 2D cell and its level, in grid units. */
export interface Cell2DUnits {
  readonly level: number;
  readonly west: number;
  readonly south: number;
}

/** Rejects what the NE-hemisphere codec cannot encode, with the reason. */
export function checkEncodable(lonUnits: number, latUnits: number): void {
  if (!Number.isSafeInteger(lonUnits) || !Number.isSafeInteger(latUnits)) throw new SpaceCodeError('expected integer grid units');
  if (lonUnits < 0) throw new SpaceCodeError(`longitude ${lonUnits / D}° is west of Greenwich: ${HEMISPHERE_UNCONFIRMED}`);
  if (latUnits < 0) throw new SpaceCodeError(`latitude ${latUnits / D}° is south of the equator: ${HEMISPHERE_UNCONFIRMED}`);
  if (lonUnits >= MAX_LON_UNITS) throw new SpaceCodeError(`longitude ${lonUnits / D}°: expected less than 180°E`);
  if (latUnits >= MAX_LAT_UNITS) throw new SpaceCodeError(`latitude ${latUnits / D}°: ${POLAR_UNSUPPORTED}`);
}

/** Encodes a point (grid units, NE hemisphere) as a 2D code at `level`. */
export function encode2DUnits(lonUnits: number, latUnits: number, level: number): string {
  gridLevel(level);
  checkEncodable(lonUnits, latUnits);
  let code = 'N';
  let lonRest = lonUnits;
  let latRest = latUnits;
  for (const l of GRID_LEVELS.slice(0, level)) {
    const col = Math.floor(lonRest / l.lonUnits);
    const row = Math.floor(latRest / l.latUnits);
    lonRest -= col * l.lonUnits;
    latRest -= row * l.latUnits;
    if (l.form === 'sheet') code += String(col + FIRST_EAST_SHEET).padStart(2, '0') + String.fromCharCode(65 + row);
    else if (l.form === 'z-order') code += digitChar(row * 2 + col);
    else code += digitChar(col) + digitChar(row);
  }
  return code;
}

/**
 * Reads one level's characters of a 2D code. `position` is the 1-based position of its first
 * character in the whole code (2D or 3D), so issues point at the right place.
 */
export function readLevel2D(level: number, chars: string, position: number, issues: SpaceCodeIssue[]): { col: number; row: number } | null {
  const l = gridLevel(level);
  const seg = `level ${level}`;
  const bad = (message: string, offset = 0): null => { issues.push({ segment: seg, position: position + offset, message }); return null; };
  if (l.form === 'sheet') {
    const lonText = chars.slice(0, 2);
    const letter = chars.slice(2, 3);
    let ok = true;
    if (!/^\d\d$/.test(lonText)) { bad(`${seg} longitude code ${at(lonText, position)}: expected two digits 31–60`); ok = false; }
    else {
      const n = Number(lonText);
      if (n >= 1 && n <= 30) { bad(`${seg} longitude code ${at(lonText, position)}: sheets 01–30 are west of Greenwich; ${HEMISPHERE_UNCONFIRMED}`); ok = false; }
      else if (n < 1 || n > 60) { bad(`${seg} longitude code ${at(lonText, position)}: expected 31–60 (01–60 are the 6° sheets)`); ok = false; }
    }
    const row = letter.length === 1 ? letter.charCodeAt(0) - 65 : -1;
    if (!/^[A-Z]$/.test(letter)) { bad(`${seg} latitude letter ${at(letter, position + 2)}: expected a letter A–V`, 2); ok = false; }
    else if (row >= l.rows) { bad(`${seg} latitude letter ${at(letter, position + 2)}: expected A–V; ${POLAR_UNSUPPORTED}`, 2); ok = false; }
    return ok ? { col: Number(lonText) - FIRST_EAST_SHEET, row } : null;
  }
  if (l.form === 'z-order') {
    const z = digitValue(chars);
    if (z < 0 || z >= l.cols * l.rows) return bad(`${seg} digit ${at(chars, position)}: expected ${range(l.cols * l.rows)}`);
    return { col: z % 2, row: Math.floor(z / 2) };
  }
  const col = digitValue(chars.slice(0, 1));
  const row = digitValue(chars.slice(1, 2));
  let ok = true;
  if (col < 0 || col >= l.cols) { bad(`${seg} longitude digit ${at(chars.slice(0, 1), position)}: expected ${range(l.cols)}`); ok = false; }
  if (row < 0 || row >= l.rows) { bad(`${seg} latitude digit ${at(chars.slice(1, 2), position + 1)}: expected ${range(l.rows)}`, 1); ok = false; }
  return ok ? { col, row } : null;
}

/** Checks the hemisphere letter (position 1). */
export function readHemisphere(c: string, issues: SpaceCodeIssue[]): boolean {
  if (c === 'N') return true;
  const message = c === 'S'
    ? `hemisphere 'S' at position 1: southern-hemisphere codes are not supported; ${HEMISPHERE_UNCONFIRMED}`
    : `hemisphere ${at(c, 1)}: expected 'N' (north; 'S' is not supported)`;
  issues.push({ segment: 'hemisphere', position: 1, message });
  return false;
}

/** Adds a level's column/row to a running south-west corner. */
export function descend(cell: Cell2DUnits, colRow: { col: number; row: number }): Cell2DUnits {
  const l = gridLevel(cell.level + 1);
  return { level: l.level, west: cell.west + colRow.col * l.lonUnits, south: cell.south + colRow.row * l.latUnits };
}

export const ROOT_CELL: Cell2DUnits = { level: 0, west: 0, south: 0 };
