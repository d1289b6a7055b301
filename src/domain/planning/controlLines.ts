// Control lines: 三区三线 and 城市五线 (standards.md §5). No national display colours exist; the
// defaults follow one municipal platform's practice and are configurable per deployment.
export const CONTROL_LINE_TYPES = [
  'ecologyRedLine', 'basicFarmland', 'urbanBoundary', 'roadRedLine', 'greenLine', 'blueLine', 'purpleLine', 'yellowLine',
] as const;
export type ControlLineType = (typeof CONTROL_LINE_TYPES)[number];

export type Rgb = readonly [number, number, number];

export interface ControlLineStyle {
  /** Outline colour. */
  readonly stroke: Rgb;
  /** Fill colour, or null for outline only. */
  readonly fill: Rgb | null;
}

export interface ControlLineTypeInfo {
  readonly id: ControlLineType;
  readonly group: 'threeZonesThreeLines' | 'fiveLines';
  readonly zh: string;
  readonly en: string;
  readonly style: ControlLineStyle;
}

export const CONTROL_LINE_INFO: readonly ControlLineTypeInfo[] = [
  { id: 'ecologyRedLine', group: 'threeZonesThreeLines', zh: '生态保护红线', en: 'Ecological protection red line', style: { stroke: [38, 115, 0], fill: [38, 115, 0] } },
  { id: 'basicFarmland', group: 'threeZonesThreeLines', zh: '永久基本农田', en: 'Permanent basic farmland', style: { stroke: [255, 0, 0], fill: [255, 192, 203] } },
  { id: 'urbanBoundary', group: 'threeZonesThreeLines', zh: '城镇开发边界', en: 'Urban development boundary', style: { stroke: [206, 83, 83], fill: [255, 190, 190] } },
  { id: 'roadRedLine', group: 'fiveLines', zh: '道路红线', en: 'Road boundary (red line)', style: { stroke: [230, 0, 0], fill: null } },
  { id: 'greenLine', group: 'fiveLines', zh: '绿线', en: 'Green line (green space)', style: { stroke: [0, 153, 0], fill: null } },
  { id: 'blueLine', group: 'fiveLines', zh: '蓝线', en: 'Blue line (surface water)', style: { stroke: [0, 112, 255], fill: null } },
  { id: 'purpleLine', group: 'fiveLines', zh: '紫线', en: 'Purple line (historic conservation)', style: { stroke: [153, 0, 204], fill: [153, 0, 204] } },
  { id: 'yellowLine', group: 'fiveLines', zh: '黄线', en: 'Yellow line (infrastructure)', style: { stroke: [255, 127, 0], fill: null } },
];

export function controlLineInfo(id: ControlLineType): ControlLineTypeInfo {
  return CONTROL_LINE_INFO.find((c) => c.id === id)!;
}

/** Default styles with per-type overrides (a deployment's own colours). */
export function controlLineStyles(overrides: Partial<Record<ControlLineType, Partial<ControlLineStyle>>> = {}): Record<ControlLineType, ControlLineStyle> {
  const out = {} as Record<ControlLineType, ControlLineStyle>;
  for (const c of CONTROL_LINE_INFO) out[c.id] = { ...c.style, ...overrides[c.id] };
  return out;
}
