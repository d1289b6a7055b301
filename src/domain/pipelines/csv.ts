// Survey tables as survey companies deliver them: CSV exported from Excel, in UTF-8 (often with a
// BOM) or, just as often, GBK from a Chinese-locale Excel. Pure: works on bytes and strings.

export type SurveyEncoding = 'utf-8' | 'gbk';

/**
 * Decode a survey file. UTF-8 is tried first with fatal decoding: GBK text is almost never valid
 * UTF-8, while the reverse guess (GBK first) would happily turn UTF-8 into mojibake.
 */
export function decodeSurveyText(bytes: Uint8Array): { text: string; encoding: SurveyEncoding } | { error: string } {
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding: 'utf-8' };
  } catch {
    // fall through to GBK
  }
  if (hasBom) return { error: 'starts with a UTF-8 byte-order mark but is not valid UTF-8' };
  try {
    return { text: new TextDecoder('gbk', { fatal: true }).decode(body), encoding: 'gbk' };
  } catch {
    return { error: 'is neither valid UTF-8 nor valid GBK text' };
  }
}

/** A CSV record with the 1-based line on which it starts (records may span lines inside quotes). */
export interface CsvRow {
  readonly line: number;
  readonly cells: string[];
}

/**
 * RFC 4180 records: quoted fields, "" inside quotes, CRLF or LF, an optional trailing newline.
 * Fully empty lines (and lines of only commas, which Excel writes for blank rows) are skipped,
 * but line numbers keep counting so messages point at the right line in an editor.
 */
export function parseCsvRows(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endRow = (): void => {
    cells.push(cell);
    if (cells.some((c) => c.trim() !== '')) rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') { cell += '"'; i++; } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell.trim() === '') { cell = ''; quoted = true; }
    else if (ch === ',') { cells.push(cell); cell = ''; }
    else if (ch === '\r' && text[i + 1] === '\n') { /* the \n ends the row */ }
    else if (ch === '\n' || ch === '\r') { endRow(); line++; rowLine = line; }
    else cell += ch;
  }
  if (cell !== '' || cells.length > 0) endRow();
  return rows;
}

/** The cells of every non-empty record (see parseCsvRows for line numbers). */
export function parseCsv(text: string): string[][] {
  return parseCsvRows(text).map((r) => r.cells);
}
