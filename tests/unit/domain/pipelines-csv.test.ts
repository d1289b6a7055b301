import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeSurveyText, parseCsv, parseCsvRows } from '../../../src/domain/pipelines/index.ts';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('parseCsv', () => {
  it('reads quoted fields, "" escapes, commas and newlines inside quotes', () => {
    expect(parseCsv('a,"b,c","say ""hi""",d\n"multi\nline",x,,\n')).toEqual([
      ['a', 'b,c', 'say "hi"', 'd'],
      ['multi\nline', 'x', '', ''],
    ]);
  });
  it('accepts CRLF, LF, a missing trailing newline and skips empty lines with the right line numbers', () => {
    const rows = parseCsvRows('h1,h2\r\n\r\na,1\r\n,,\r\n"q\r\nq",2\r\nlast,3');
    expect(rows).toEqual([
      { line: 1, cells: ['h1', 'h2'] },
      { line: 3, cells: ['a', '1'] },
      { line: 5, cells: ['q\r\nq', '2'] },
      { line: 7, cells: ['last', '3'] },
    ]);
  });
  it('accepts old Mac CR line ends, text after a closing quote and an unterminated quote', () => {
    expect(parseCsvRows('a,b\rc,d\r')).toEqual([{ line: 1, cells: ['a', 'b'] }, { line: 2, cells: ['c', 'd'] }]);
    expect(parseCsv('"x"y,z\n')).toEqual([['xy', 'z']]);
    expect(parseCsv('"open,x\ny')).toEqual([['open,x\ny']]);
    expect(parseCsv('')).toEqual([]);
  });
  it('keeps an empty last cell and a lone quoted empty cell', () => {
    expect(parseCsv('a,\n"",b\n')).toEqual([['a', ''], ['', 'b']]);
  });
});

describe('decodeSurveyText', () => {
  const table = '点号,X,Y,地面高程,特征,附属物,井深\nJS0001,3306469.98,360290.43,3.2,三通,阀门,\n';
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeSurveyText(utf8(table))).toEqual({ text: table, encoding: 'utf-8' });
    expect(decodeSurveyText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(table)]))).toEqual({ text: table, encoding: 'utf-8' });
  });
  it('reads the same table GBK-encoded identically', () => {
    const gbk = new Uint8Array(iconv.encode(table, 'gbk'));
    expect(decodeSurveyText(gbk)).toEqual({ text: table, encoding: 'gbk' });
  });
  it('refuses bytes that are neither', () => {
    const r = decodeSurveyText(new Uint8Array([0x41, 0x81, 0x20, 0xff, 0xfe]));
    expect('error' in r).toBe(true);
  });
});
