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
  // Fields are cut with indexOf and slice rather than built a character at a time: survey
  // tables run to tens of thousands of rows and per-character strings keep the GC busy.
  const rows: CsvRow[] = [];
  const n = text.length;
  let line = 1;
  let cells: string[] = [];
  let rowLine = 1;
  let i = 0;
  const countLines = (s: string): void => {
    for (let k = s.indexOf('\n'); k >= 0; k = s.indexOf('\n', k + 1)) line++;
  };
  while (i <= n) {
    let value = '';
    if (text.charCodeAt(i) === 34) {
      // Quoted field: "" is a quote; commas and line breaks are data.
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        const chunk = text.slice(j, q < 0 ? n : q);
        countLines(chunk);
        value += chunk;
        if (q < 0) { j = n; break; }
        if (text.charCodeAt(q + 1) === 34) { value += '"'; j = q + 2; continue; }
        j = q + 1;
        break;
      }
      i = j;
    }
    // Unquoted text (or stray text after a closing quote, kept as Excel does) up to the delimiter.
    let k = i;
    while (k < n) {
      const c = text.charCodeAt(k);
      if (c === 44 || c === 10 || c === 13) break;
      k++;
    }
    value += text.slice(i, k);
    cells.push(value);
    const c = k < n ? text.charCodeAt(k) : -1;
    if (c === 44) { i = k + 1; continue; }
    // End of record: a line break (CRLF, LF or CR) or the end of the text.
    if (cells.length > 1 || cells[0] !== '') {
      if (cells.some((x) => x.trim() !== '')) rows.push({ line: rowLine, cells });
    }
    cells = [];
    if (c < 0) break;
    i = c === 13 && text.charCodeAt(k + 1) === 10 ? k + 2 : k + 1;
    line++;
    rowLine = line;
    if (i === n) break;
  }
  return rows;
}

/** The cells of every non-empty record (see parseCsvRows for line numbers). */
export function parseCsv(text: string): string[][] {
  return parseCsvRows(text).map((r) => r.cells);
}
