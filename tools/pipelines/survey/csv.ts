// The tables as files: CSV with CRLF line ends as Excel writes them, UTF-8 with a BOM (so Excel
// opens it as UTF-8) or GBK as a Chinese-locale Excel does. Every row carries 备注 合成数据 so a
// copied file can never pass for a real survey.
import iconv from 'iconv-lite';
import { STATUSES } from '../../../src/domain/pipelines/index.ts';
import { SYNTHETIC_LABEL, type SurveyTables } from './generate.ts';

export const POINT_FILE = '管点.csv';
export const LINE_FILE = '管线.csv';
export const POINT_HEADER = ['点号', 'X', 'Y', '地面高程', '特征', '附属物', '井深', '备注'];
export const LINE_HEADER = ['起始点号', '终止点号', '管线类别', '子类', '起点埋深', '终点埋深', '规格', '材质', '埋设方式', '权属单位', '建设年代', '状态', '备注'];

const cell = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const table = (header: readonly string[], rows: readonly (readonly string[])[]): string =>
  [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';

export function surveyCsvText(tables: Pick<SurveyTables, 'points' | 'pipes'>): { points: string; lines: string } {
  const points = table(POINT_HEADER, tables.points.map((p) => [
    p.id, p.x.toFixed(3), p.y.toFixed(3), p.ground.toFixed(2), p.feature, p.appurtenance, p.wellDepth === undefined ? '' : p.wellDepth.toFixed(2), SYNTHETIC_LABEL,
  ]));
  const lines = table(LINE_HEADER, tables.pipes.map((p) => [
    p.from, p.to, p.cls, p.subtype, p.startDepth.toFixed(2), p.endDepth.toFixed(2), p.spec, p.material, p.burial, p.owner, String(p.year), STATUSES[p.status], SYNTHETIC_LABEL,
  ]));
  return { points, lines };
}

export function surveyCsvBytes(tables: Pick<SurveyTables, 'points' | 'pipes'>, encoding: 'utf-8' | 'gbk'): { points: Uint8Array; lines: Uint8Array } {
  const text = surveyCsvText(tables);
  const encode = (s: string): Uint8Array => {
    if (encoding === 'gbk') return new Uint8Array(iconv.encode(s, 'gbk'));
    const body = new TextEncoder().encode(s);
    const out = new Uint8Array(body.length + 3);
    out.set([0xef, 0xbb, 0xbf]);
    out.set(body, 3);
    return out;
  };
  return { points: encode(text.points), lines: encode(text.lines) };
}
