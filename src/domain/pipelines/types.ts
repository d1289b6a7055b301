// Underground pipeline survey data (CJJ 61-2017, standards.md §4): the model that the survey-table
// parser produces, the synthetic generator writes and the 3D Tiles converter reads. Pure data.

/** CJJ 61 first-level classes (Appendix B). */
export type PipeClassCode = 'JS' | 'PS' | 'RQ' | 'RL' | 'DL' | 'TX' | 'GY' | 'QT';

/** Cross-section from the 规格 column: `DN300`/`300` (mm) is round, `2000×1500` (mm, width × height) a box. */
export type PipeSection =
  | { readonly kind: 'round'; readonly diameterMm: number }
  | { readonly kind: 'box'; readonly widthMm: number; readonly heightMm: number };

/** 3° Gauss–Krüger zone by central meridian (EPSG:4549/4528 = 120, EPSG:4550/4529 = 123). */
export type GkZone = 120 | 123;

/** One row of the point table (管点). Survey X is the northing and Y the easting, as in Chinese survey practice. */
export interface SurveyPoint {
  readonly id: string;
  /** Line number in the source file (1-based, header = 1), for messages. */
  readonly line: number;
  readonly northing: number;
  readonly easting: number;
  readonly zone: GkZone;
  readonly lon: number;
  readonly lat: number;
  /** 地面高程, 1985 national height datum, metres. */
  readonly groundHeight: number;
  /** 特征 (e.g. 三通, 转折点, 变径, 预留口) — may be empty. */
  readonly feature: string;
  /** 附属物 (e.g. 检查井, 阀门井, 阀门, 消防栓, 雨水篦, 人孔) — may be empty. */
  readonly appurtenance: string;
  /** 井深 (m) for wells, else undefined. */
  readonly wellDepth?: number;
}

/** 埋深 reference: drainage (PS) is surveyed to the pipe's inner bottom (管内底), everything else to its top (管顶). */
export type DepthReference = 'invert' | 'top';

/** One row of the line table (管线). */
export interface SurveyPipe {
  readonly line: number;
  readonly from: string;
  readonly to: string;
  readonly cls: PipeClassCode;
  /** Sub-type as surveyed (e.g. 配水, 雨水, 污水, 天然气, 供电, 信息网络, 热水, 综合管廊). */
  readonly subtype: string;
  /** 起点埋深 / 终点埋深, metres below ground (see DepthReference). */
  readonly startDepth: number;
  readonly endDepth: number;
  readonly section: PipeSection;
  /** Material code (QM, PE, T, …) normalised from a code or a name. */
  readonly material: string;
  /** Burial code (ZM, GK, ZH, …) normalised from a code or a name. */
  readonly burial: string;
  /** 权属单位 */
  readonly owner: string;
  /** 建设年代 (year). */
  readonly year: number;
  /** 状态: 0 在用, 1 废弃, 2 空管, 3 其他. */
  readonly status: 0 | 1 | 2 | 3;
}

/** A problem with one row or with the files as a whole; `line` 0 means the whole file. */
export interface SurveyIssue {
  readonly file: string;
  readonly line: number;
  readonly code: 'unknownPoint' | 'missingDepth' | 'badDiameter' | 'duplicatePoint' | 'mixedZones' | 'badValue' | 'badHeader' | 'badEncoding';
  readonly message: string;
}

/** The parsed, validated network: only rows that passed, plus what was skipped and why. */
export interface SurveyNetwork {
  readonly points: readonly SurveyPoint[];
  readonly pipes: readonly SurveyPipe[];
  readonly zone: GkZone;
  readonly issues: readonly SurveyIssue[];
  /** Rows skipped per table (a row with several problems counts once). */
  readonly skipped: { readonly points: number; readonly pipes: number };
}
