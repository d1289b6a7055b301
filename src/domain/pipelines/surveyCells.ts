// Cell-level readers for the survey tables: each returns a value or the reason it cannot, so the
// table parser can report the cell by name and line. Spellings follow what survey companies and
// Excel actually write (DN300, 300, Φ300; 2000×1500, 2000X1500, 2000*1500; codes or names).
import type { PipeClassCode, PipeSection } from './types.ts';
import { PIPE_CLASSES, STATUSES, SUBTYPE_CODES } from './cjj61.ts';

export type Cell<T> = { readonly value: T } | { readonly error: string };

/** Largest plausible sizes: the biggest round pipes in Chinese cities are DN4000 trunk sewers;
 *  box culverts and utility tunnels stay within 12 m a side. */
export const MAX_ROUND_MM = 4000;
export const MAX_BOX_SIDE_MM = 12000;
/** Deeper than this is a typo (e.g. centimetres entered as metres), not a buried pipe. */
export const MAX_DEPTH_M = 60;
export const EARLIEST_YEAR = 1900;

const show = (s: string): string => JSON.stringify(s);

export function numberCell(name: string, raw: string): Cell<number> {
  const s = raw.trim();
  if (s === '') return { error: `${name} is empty` };
  const n = Number(s);
  return Number.isFinite(n) ? { value: n } : { error: `${name} ${show(s)} is not a number` };
}

export function depthCell(name: string, raw: string): Cell<number> {
  const n = numberCell(name, raw);
  if ('error' in n) return n;
  if (n.value < 0) return { error: `${name} ${n.value} is negative` };
  if (n.value > MAX_DEPTH_M) return { error: `${name} ${n.value} m is deeper than ${MAX_DEPTH_M} m` };
  return n;
}

const ROUND = /^(?:DN|D|Φ|φ|Ø|ø)?\s*(\d+(?:\.\d+)?)\s*(?:mm)?$/i;
const BOX = /^(\d+(?:\.\d+)?)\s*[×xX*＊]\s*(\d+(?:\.\d+)?)\s*(?:mm)?$/;

/** 规格: round pipes by diameter, boxes (管块, 管沟, 管廊) by width × height, all in millimetres. */
export function sectionCell(raw: string): Cell<PipeSection> {
  const s = raw.trim();
  const round = ROUND.exec(s);
  if (round) {
    const d = Number(round[1]);
    if (d <= 0 || d > MAX_ROUND_MM) return { error: `规格 ${show(s)}: diameter ${d} mm is outside 0–${MAX_ROUND_MM} mm` };
    return { value: { kind: 'round', diameterMm: d } };
  }
  const box = BOX.exec(s);
  if (box) {
    const w = Number(box[1]);
    const h = Number(box[2]);
    if (w <= 0 || h <= 0 || w > MAX_BOX_SIDE_MM || h > MAX_BOX_SIDE_MM) return { error: `规格 ${show(s)}: box sides must be within 0–${MAX_BOX_SIDE_MM} mm` };
    return { value: { kind: 'box', widthMm: w, heightMm: h } };
  }
  return { error: s === '' ? '规格 is empty' : `规格 ${show(s)} is neither a diameter (DN300) nor width×height (2000×1500)` };
}

/** 管线类别 as a code (JS) or a name (给水). */
export function classCell(raw: string): Cell<PipeClassCode> {
  const s = raw.trim();
  const c = PIPE_CLASSES.find((p) => p.code === s.toUpperCase() || p.zh === s);
  return c ? { value: c.code } : { error: `管线类别 ${show(s)} is not a CJJ 61 class (${PIPE_CLASSES.map((p) => p.code).join('/')})` };
}

/** 子类: codes such as YS/WS/ZH become their names so that one spelling reaches the viewer. */
export function subtypeCell(raw: string): string {
  const s = raw.trim();
  return SUBTYPE_CODES[s.toUpperCase()] ?? s;
}

export function statusCell(raw: string): Cell<0 | 1 | 2 | 3> {
  const s = raw.trim();
  for (const code of [0, 1, 2, 3] as const) {
    if (s === String(code) || s === STATUSES[code]) return { value: code };
  }
  return { error: `状态 ${show(s)} is not 0–3 or 在用/废弃/空管/其他` };
}

/** 建设年代: a year, also written 2005年 or as a date (2005-06, 2005.6). */
export function yearCell(raw: string, currentYear: number): Cell<number> {
  const s = raw.trim();
  const m = /^(\d{4})(?:年|[-./]\d{1,2}(?:[-./]\d{1,2})?)?$/.exec(s);
  if (!m) return { error: s === '' ? '建设年代 is empty' : `建设年代 ${show(s)} is not a year` };
  const y = Number(m[1]);
  if (y < EARLIEST_YEAR || y > currentYear) return { error: `建设年代 ${y} is outside ${EARLIEST_YEAR}–${currentYear}` };
  return { value: y };
}
