// A decoded survey table with its columns found by name: survey companies reorder columns, add
// their own (备注, 图幅号…) and spell a few headers differently, so columns are looked up by name
// through a short alias list, never by position.
import { decodeSurveyText, parseCsvRows, type CsvRow } from './csv.ts';
import type { SurveyIssue } from './types.ts';

export interface SurveyFile { readonly name: string; readonly bytes: Uint8Array }

/** Canonical column name → accepted header spellings (the canonical one first). */
export type ColumnSpec<K extends string> = Readonly<Record<K, readonly string[]>>;

export interface SurveyTable<K extends string> {
  readonly file: string;
  /** Data rows (the header excluded), each with its 1-based line number. */
  readonly rows: readonly CsvRow[];
  /** Cell of a row by canonical column; '' where the row is short. */
  cell(row: CsvRow, column: K): string;
}

const normaliseHeader = (h: string): string => h.replace(/^\uFEFF/, '').replace(/\s+/g, '').toUpperCase();

/**
 * Decode and split a table. Returns the table, or the issue that makes it unreadable (bad
 * encoding, missing columns) together with the number of data rows it holds, which all count as
 * skipped.
 */
export function readSurveyTable<K extends string>(f: SurveyFile, columns: ColumnSpec<K>): SurveyTable<K> | { issue: SurveyIssue; rows: number } {
  const decoded = decodeSurveyText(f.bytes);
  if ('error' in decoded) {
    // Line breaks are ASCII in both encodings, so the row count survives a failed decode.
    const rows = new TextDecoder('utf-8').decode(f.bytes).split(/\r?\n|\r/).filter((l) => l.replace(/[,\s]/g, '') !== '').length;
    return { issue: { file: f.name, line: 0, code: 'badEncoding', message: `file ${decoded.error}` }, rows: Math.max(0, rows - 1) };
  }
  const all = parseCsvRows(decoded.text);
  const header = all[0];
  const rows = all.slice(1);
  const headers = (header?.cells ?? []).map(normaliseHeader);
  const index = {} as Record<K, number>;
  const missing: string[] = [];
  for (const key of Object.keys(columns) as K[]) {
    const names = columns[key];
    const i = headers.findIndex((h) => names.some((n) => normaliseHeader(n) === h));
    if (i < 0) missing.push(names[0] ?? key);
    index[key] = i;
  }
  if (missing.length > 0) {
    const found = header ? ` (found ${header.cells.map((c) => c.trim()).join(',')})` : ' (the file is empty)';
    return { issue: { file: f.name, line: header?.line ?? 0, code: 'badHeader', message: `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}${found}` }, rows: rows.length };
  }
  return { file: f.name, rows, cell: (row, column) => (row.cells[index[column]] ?? '').trim() };
}
