// CJJ 61-2017 dictionaries (standards.md §4): classes with their map colours, sub-types,
// materials, burial methods and status codes. One table drives the converter's colours, the
// viewer's legend and the parser's normalisation.
import type { PipeClassCode, DepthReference } from './types.ts';

export interface PipeClassInfo {
  readonly code: PipeClassCode;
  readonly zh: string;
  readonly en: string;
  /** Map colour, RGB 0–255 (Appendix F). */
  readonly rgb: readonly [number, number, number];
  readonly subtypes: readonly string[];
}

export const PIPE_CLASSES: readonly PipeClassInfo[] = [
  { code: 'JS', zh: '给水', en: 'Water supply', rgb: [0, 255, 255], subtypes: ['原水', '输水', '中水', '配水', '直饮水', '消防水', '绿化水', '循环水'] },
  { code: 'PS', zh: '排水', en: 'Drainage', rgb: [76, 57, 38], subtypes: ['雨水', '污水', '雨污合流'] },
  { code: 'RQ', zh: '燃气', en: 'Gas', rgb: [255, 0, 255], subtypes: ['煤气', '液化气', '天然气'] },
  { code: 'RL', zh: '热力', en: 'Heat', rgb: [255, 128, 0], subtypes: ['热水', '蒸汽'] },
  { code: 'DL', zh: '电力', en: 'Power', rgb: [255, 0, 0], subtypes: ['供电', '路灯', '交通信号', '电车', '广告'] },
  { code: 'TX', zh: '通信', en: 'Telecom', rgb: [0, 255, 0], subtypes: ['电话', '有线电视', '信息网络', '广播'] },
  { code: 'GY', zh: '工业', en: 'Industrial', rgb: [0, 0, 0], subtypes: ['氢气', '氧气', '乙炔', '石油', '排渣'] },
  // 综合管廊 (ZH) is black, 不明管线 (BM) purple; the class colour is the tunnel's.
  { code: 'QT', zh: '其他', en: 'Other', rgb: [0, 0, 0], subtypes: ['综合管廊', '不明管线'] },
];

/** Colour of 不明管线 (QT/BM). */
export const UNKNOWN_PIPE_RGB: readonly [number, number, number] = [102, 0, 204];

/** Drainage sub-type codes (雨水 YS, 污水 WS, 雨污合流 HS) and the QT sub-type codes. */
export const SUBTYPE_CODES: Readonly<Record<string, string>> = { YS: '雨水', WS: '污水', HS: '雨污合流', ZH: '综合管廊', BM: '不明管线' };

export const MATERIALS: Readonly<Record<string, string>> = {
  ZT: '铸铁', G: '钢', T: '混凝土', PE: '聚乙烯', PVC: '聚氯乙烯', BLG: '玻璃钢', QM: '球墨铸铁',
  ZS: '砖石', Z: '砖', S: '石', SM: '石棉', TC: '陶瓷', TZ: '铜', GX: '光纤',
};

export const BURIALS: Readonly<Record<string, string>> = {
  ZM: '直埋', GM: '管埋', GK: '管块', GG: '管沟', JK: '架空', DM: '地面', ZH: '综合管廊', DG: '顶管', SX: '水下',
};

export const STATUSES: Readonly<Record<0 | 1 | 2 | 3, string>> = { 0: '在用', 1: '废弃', 2: '空管', 3: '其他' };

export const pipeClassInfo = (code: PipeClassCode): PipeClassInfo => PIPE_CLASSES.find((c) => c.code === code)!;
export const isPipeClassCode = (s: string): s is PipeClassCode => PIPE_CLASSES.some((c) => c.code === s);

/** Colour of a pipe: its class colour, except 不明管线 which has its own. */
export function pipeRgb(cls: PipeClassCode, subtype: string): readonly [number, number, number] {
  return cls === 'QT' && (subtype === '不明管线' || subtype === 'BM') ? UNKNOWN_PIPE_RGB : pipeClassInfo(cls).rgb;
}

/** Gravity drainage is surveyed to the inner bottom (管内底); pressure pipes and boxes to the top. */
export const depthReference = (cls: PipeClassCode): DepthReference => (cls === 'PS' ? 'invert' : 'top');

/** Normalise a dictionary value given as a code or a Chinese name to its code; undefined if unknown. */
export function dictionaryCode(dict: Readonly<Record<string, string>>, value: string): string | undefined {
  const v = value.trim();
  if (v in dict) return v;
  const upper = v.toUpperCase();
  if (upper in dict) return upper;
  return Object.keys(dict).find((k) => dict[k] === v);
}
