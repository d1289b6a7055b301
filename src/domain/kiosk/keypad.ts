// The kiosk's on-screen keypad for project codes. Ningbo project codes read NB-YYYY-NNNN (year of
// registration, then a four-digit sequence; see tilesets/planning/projects.geojson and
// searchPlanning's PROJECT_CODE), so the keypad fixes "NB-" and the dashes and takes the eight
// digits: no letters to hunt for on a touch screen, and every wrong code is named by its segment.

export type KeypadKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | 'back' | 'clear';

export const KEYPAD_KEYS: readonly KeypadKey[] = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'back'];
export const PROJECT_CODE_PREFIX = 'NB';
export const YEAR_DIGITS = 4;
export const SEQUENCE_DIGITS = 4;
export const CODE_DIGITS = YEAR_DIGITS + SEQUENCE_DIGITS;
/** A code's year segment may name no year before the bureau's digital records began. */
export const FIRST_CODE_YEAR = 2000;

/** The digits typed so far after a key: digits append up to eight, back removes one, clear all. */
export function pressKey(digits: string, key: KeypadKey): string {
  if (key === 'back') return digits.slice(0, -1);
  if (key === 'clear') return '';
  return digits.length >= CODE_DIGITS ? digits : digits + key;
}

/** The code as shown while typing: untyped digits are "_" so the shape NB-____-____ is always visible. */
export function formatKeypadCode(digits: string): string {
  const padded = digits.slice(0, CODE_DIGITS).padEnd(CODE_DIGITS, '_');
  return `${PROJECT_CODE_PREFIX}-${padded.slice(0, YEAR_DIGITS)}-${padded.slice(YEAR_DIGITS)}`;
}

export type KeypadCheck =
  | { readonly ok: true; readonly code: string }
  /** Fewer than eight digits: how many are still missing. */
  | { readonly ok: false; readonly problem: 'incomplete'; readonly missing: number }
  /** The year segment is outside FIRST_CODE_YEAR..latestYear. */
  | { readonly ok: false; readonly problem: 'year'; readonly year: number; readonly first: number; readonly latest: number }
  /** The sequence segment 0000 is never issued. */
  | { readonly ok: false; readonly problem: 'sequence' };

/** Checks the typed digits as a project code; `latestYear` is the current year (no code from the future). */
export function checkKeypadCode(digits: string, latestYear: number): KeypadCheck {
  if (!/^\d*$/.test(digits) || digits.length < CODE_DIGITS) return { ok: false, problem: 'incomplete', missing: CODE_DIGITS - Math.min(digits.replace(/\D/g, '').length, CODE_DIGITS) };
  const year = Number(digits.slice(0, YEAR_DIGITS));
  if (year < FIRST_CODE_YEAR || year > latestYear) return { ok: false, problem: 'year', year, first: FIRST_CODE_YEAR, latest: latestYear };
  if (Number(digits.slice(YEAR_DIGITS, CODE_DIGITS)) === 0) return { ok: false, problem: 'sequence' };
  return { ok: true, code: formatKeypadCode(digits) };
}
