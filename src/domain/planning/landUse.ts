// 用地用海分类 (国土空间调查、规划、用途管制用地用海分类指南), standards.md §5. First level 01–24
// and the second-level classes the synthetic data uses. `confirmed: false` marks names not checked
// against the primary text (UNCONFIRMED): keep corrections here, in one place.
export interface LandUseClass {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly level: 1 | 2;
  readonly confirmed: boolean;
}

const l1 = (code: string, zh: string, en: string, confirmed = true): LandUseClass => ({ code, zh, en, level: 1, confirmed });
const l2 = (code: string, zh: string, en: string, confirmed = false): LandUseClass => ({ code, zh, en, level: 2, confirmed });

export const LAND_USE_CLASSES: readonly LandUseClass[] = [
  l1('01', '耕地', 'Cropland'), l1('02', '园地', 'Orchard'), l1('03', '林地', 'Forest'), l1('04', '草地', 'Grassland'),
  l1('05', '湿地', 'Wetland'), l1('06', '农业设施建设用地', 'Agricultural facilities'), l1('07', '居住用地', 'Residential'),
  l1('08', '公共管理与公共服务用地', 'Public administration and services'), l1('09', '商业服务业用地', 'Commercial and business services'),
  l1('10', '工矿用地', 'Industrial and mining', false), l1('11', '仓储用地', 'Warehousing'), l1('12', '交通运输用地', 'Transport', false),
  l1('13', '公用设施用地', 'Public utilities', false), l1('14', '绿地与开敞空间用地', 'Green and open space'), l1('15', '特殊用地', 'Special use'),
  l1('16', '留白用地', 'Reserved (留白)'), l1('17', '陆地水域', 'Inland water', false), l1('18', '渔业用海', 'Fishery sea use'),
  l1('19', '工矿通信用海', 'Industrial and communication sea use'), l1('20', '交通运输用海', 'Transport sea use'),
  l1('21', '游憩用海', 'Recreational sea use'), l1('22', '特殊用海', 'Special sea use'), l1('23', '其他土地', 'Other land', false),
  l1('24', '其他海域', 'Other sea area'),
  l2('0701', '城镇住宅用地', 'Urban housing', true), l2('0703', '农村宅基地', 'Rural homesteads'),
  l2('0804', '教育用地', 'Education'),
  l2('0901', '商业用地', 'Commercial', true), l2('0902', '商务金融用地', 'Business and finance'),
  l2('1001', '工业用地', 'Industrial', true), l2('1101', '物流仓储用地', 'Logistics and warehousing'),
  l2('1207', '城镇村道路用地', 'Urban and village roads', true), l2('1208', '交通场站用地', 'Transport depots'),
  l2('1301', '供水用地', 'Water supply'), l2('1303', '供电用地', 'Power supply'),
  l2('1401', '公园绿地', 'Parks', true),
];

const BY_CODE = new Map(LAND_USE_CLASSES.map((c) => [c.code, c]));

export function landUseClass(code: string): LandUseClass | undefined {
  return BY_CODE.get(code);
}

/** The first-level class a (first- or second-level) code belongs to. */
export function landUseFirstLevel(code: string): LandUseClass | undefined {
  return BY_CODE.get(code.slice(0, 2));
}

/** Accepts any listed code, and unlisted second-level codes under a known first level (data may be finer than our table). */
export function checkLandUseCode(code: string): string | null {
  if (!/^\d{2}(\d{2})?$/.test(code)) return `expected a 用地用海 code of 2 or 4 digits (e.g. 07 or 0701), found "${code}"`;
  if (!landUseFirstLevel(code)) return `unknown first-level 用地用海 class "${code.slice(0, 2)}" (expected 01–24)`;
  return null;
}
