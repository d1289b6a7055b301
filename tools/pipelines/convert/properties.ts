// The property table every tile carries (EXT_structural_metadata class `pipeFeature`): one row
// per pipe, well or fitting, which the viewer reads with `feature.getProperty(name)` on pick.

export type FeatureType = 'pipe' | 'well' | 'fitting';

export interface FeatureProperties {
  /** Unique in the tileset: `JS0012-JS0013` for a pipe, the 点号 for a well or fitting. */
  featureId: string;
  featureType: FeatureType;
  class: string;
  className: string;
  subtype: string;
  /** `DN300` or `2000×1500`; empty for wells and fittings. */
  size: string;
  diameterMm: number;
  widthMm: number;
  heightMm: number;
  material: string;
  burial: string;
  owner: string;
  year: number;
  status: number;
  startDepth: number;
  endDepth: number;
  startPoint: string;
  endPoint: string;
  groundHeight: number;
}

export type PropertyColumnType = 'STRING' | 'UINT8' | 'UINT16' | 'FLOAT32';

/** Column order and types: the schema and the binary columns are both written from this. */
export const PROPERTY_COLUMNS: readonly { name: keyof FeatureProperties; type: PropertyColumnType; description: string }[] = [
  { name: 'featureId', type: 'STRING', description: 'Pipe 起点-终点 or the 点号 of a well/fitting; unique in the tileset' },
  { name: 'featureType', type: 'STRING', description: 'pipe | well | fitting' },
  { name: 'class', type: 'STRING', description: 'CJJ 61 class code (JS, PS, RQ, RL, DL, TX, GY, QT)' },
  { name: 'className', type: 'STRING', description: 'CJJ 61 class name (给水, 排水, …)' },
  { name: 'subtype', type: 'STRING', description: 'Sub-type as surveyed (配水, 雨水, …); 附属物 for wells and fittings' },
  { name: 'size', type: 'STRING', description: '规格: DN300 (round) or 2000×1500 (box, mm)' },
  { name: 'diameterMm', type: 'UINT16', description: 'Round pipe diameter, mm; 0 for boxes; modelled diameter for wells' },
  { name: 'widthMm', type: 'UINT16', description: 'Section width, mm' },
  { name: 'heightMm', type: 'UINT16', description: 'Section height, mm' },
  { name: 'material', type: 'STRING', description: 'Material code (QM, PE, T, …)' },
  { name: 'burial', type: 'STRING', description: 'Burial code (ZM, GK, ZH, …)' },
  { name: 'owner', type: 'STRING', description: '权属单位' },
  { name: 'year', type: 'UINT16', description: '建设年代' },
  { name: 'status', type: 'UINT8', description: '状态: 0 在用, 1 废弃, 2 空管, 3 其他' },
  { name: 'startDepth', type: 'FLOAT32', description: '起点埋深, m (wells: 0)' },
  { name: 'endDepth', type: 'FLOAT32', description: '终点埋深, m (wells: 井深)' },
  { name: 'startPoint', type: 'STRING', description: '起始点号' },
  { name: 'endPoint', type: 'STRING', description: '终止点号' },
  { name: 'groundHeight', type: 'FLOAT32', description: 'Ground height at the start point, 1985 datum, m' },
];

export const PROPERTY_CLASS = 'pipeFeature';
export const SCHEMA_ID = 'ningbo_pipelines';

/** `DN300` or `2000×1500`, as the 规格 column writes it. */
export const sizeLabel = (s: { kind: 'round'; diameterMm: number } | { kind: 'box'; widthMm: number; heightMm: number }): string =>
  (s.kind === 'round' ? `DN${s.diameterMm}` : `${s.widthMm}×${s.heightMm}`);
