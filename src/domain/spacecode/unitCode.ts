// 不动产单元代码, the real-estate unit code of GB/T 37346-2019: 28 characters laid out
// 6+3+3+2+5+1+8 (standards.md §2, from secondary sources: the primary text was not read).
import { ningboDistrictOf, type NingboDistrict } from './districts.ts';
import { at, type SpaceCodeIssue } from './issues.ts';

export const UNIT_CODE_LENGTH = 28;

export const OWNERSHIP = { G: '国家土地所有权 state', J: '集体土地所有权 collective', Z: '土地所有权未确定 undetermined' } as const;
export const RIGHT_TYPES = {
  A: '集体土地所有权 collective ownership',
  B: '建设用地使用权(地表) construction-land use right, surface',
  S: '建设用地使用权(地上) construction-land use right, above ground',
  X: '建设用地使用权(地下) construction-land use right, underground',
  C: '宅基地使用权 homestead',
  D: '土地承包经营权 contracted farmland',
  E: '林地使用权 forest',
  F: '草原使用权 grassland',
  H: '海域使用权 sea area (宗海)',
  G: '无居民海岛使用权 uninhabited island',
  W: '使用权未确定 undetermined',
  Y: '其他 other',
} as const;
export const FIXTURE_TYPES = { F: '房屋等建筑物、构筑物 building/structure', L: '森林、林木 forest', Q: '其他 other', W: '无定着物 none' } as const;

export type Ownership = keyof typeof OWNERSHIP;
export type RightType = keyof typeof RIGHT_TYPES;
export type FixtureType = keyof typeof FIXTURE_TYPES;

/** The fields of a unit code, as written (digit fields keep their leading zeros). */
export interface UnitCodeFields {
  readonly adminCode: string;
  readonly cadastralDistrict: string;
  readonly cadastralSubdistrict: string;
  readonly ownership: Ownership;
  readonly rightType: RightType;
  readonly parcelSequence: string;
  readonly fixtureType: FixtureType;
  readonly fixtureUnit: string;
}

export interface RealEstateUnitCode extends UnitCodeFields {
  readonly code: string;
  /** The fixture unit number split 4 + 4 (building, unit): a common practice, UNCONFIRMED. */
  readonly building: string;
  readonly unit: string;
  /** The Ningbo district of the admin code (legacy codes mapped), or null outside Ningbo. */
  readonly district: NingboDistrict | null;
  readonly warnings: readonly string[];
}

export type UnitCodeResult = { readonly ok: true; readonly unit: RealEstateUnitCode } | { readonly ok: false; readonly issues: readonly SpaceCodeIssue[] };

interface Segment {
  readonly field: keyof UnitCodeFields;
  readonly name: string;
  readonly start: number; // 1-based
  readonly length: number;
  readonly check: (v: string) => string | null; // the expectation when v is wrong
}

const digits = (n: number) => (v: string): string | null => (new RegExp(`^\\d{${n}}$`).test(v) ? null : `expected ${n} digits`);
const oneOf = (table: Record<string, string>) => (v: string): string | null =>
  v in table ? null : `expected one of ${Object.keys(table).join(', ')}`;

export const UNIT_CODE_SEGMENTS: readonly Segment[] = [
  { field: 'adminCode', name: 'admin code', start: 1, length: 6, check: (v) => {
    if (!/^\d{6}$/.test(v)) return 'expected a 6-digit GB/T 2260 county-level code';
    const province = Number(v.slice(0, 2));
    return province < 11 || province > 82 ? 'expected a GB/T 2260 code (province part 11–82)' : null;
  } },
  { field: 'cadastralDistrict', name: '地籍区 cadastral district', start: 7, length: 3, check: digits(3) },
  { field: 'cadastralSubdistrict', name: '地籍子区 cadastral sub-district', start: 10, length: 3, check: digits(3) },
  { field: 'ownership', name: 'ownership', start: 13, length: 1, check: oneOf(OWNERSHIP) },
  { field: 'rightType', name: 'right type', start: 14, length: 1, check: oneOf(RIGHT_TYPES) },
  { field: 'parcelSequence', name: 'parcel sequence', start: 15, length: 5, check: (v) => (/^\d{5}$/.test(v) && v !== '00000' ? null : 'expected 00001–99999') },
  { field: 'fixtureType', name: 'fixture type', start: 20, length: 1, check: oneOf(FIXTURE_TYPES) },
  { field: 'fixtureUnit', name: 'fixture unit number', start: 21, length: 8, check: digits(8) },
];

/** Parses and validates a unit code segment by segment. Never throws. */
export function parseUnitCode(code: string): UnitCodeResult {
  const issues: SpaceCodeIssue[] = [];
  if (code.length !== UNIT_CODE_LENGTH) {
    issues.push({ segment: 'length', position: 0, message: `length: a 不动产单元代码 has ${UNIT_CODE_LENGTH} characters (6+3+3+2+5+1+8), found ${code.length}` });
  }
  const fields: Record<string, string> = {};
  for (const s of UNIT_CODE_SEGMENTS) {
    const v = code.slice(s.start - 1, s.start - 1 + s.length);
    if (v.length < s.length) {
      issues.push({ segment: s.name, position: s.start, message: `${s.name} is missing or short at positions ${s.start}–${s.start + s.length - 1}: found '${v}'` });
      continue;
    }
    const expected = s.check(v);
    if (expected) issues.push({ segment: s.name, position: s.start, message: `${s.name} ${at(v, s.start)}: ${expected}` });
    fields[s.field] = v;
  }
  if (issues.length > 0) return { ok: false, issues };
  const f = fields as unknown as UnitCodeFields;
  const warnings: string[] = [];
  const lookup = ningboDistrictOf(f.adminCode);
  if (lookup.warning) warnings.push(lookup.warning);
  if (f.fixtureType === 'W' && f.fixtureUnit !== '00000000') warnings.push(`fixture type W (no fixture) usually has fixture unit number 00000000, found ${f.fixtureUnit}`);
  if (f.fixtureType !== 'W' && f.fixtureUnit === '00000000') warnings.push(`fixture type ${f.fixtureType} with fixture unit number 00000000: expected a building/unit number`);
  return {
    ok: true,
    unit: { ...f, code, building: f.fixtureUnit.slice(0, 4), unit: f.fixtureUnit.slice(4), district: lookup.district, warnings },
  };
}

/** Input to formatUnitCode: digit fields may be numbers (zero-padded); fixtureUnit may be given as building + unit. */
export interface UnitCodeInput {
  readonly adminCode: string | number;
  readonly cadastralDistrict: string | number;
  readonly cadastralSubdistrict: string | number;
  readonly ownership: string;
  readonly rightType: string;
  readonly parcelSequence: string | number;
  readonly fixtureType: string;
  readonly fixtureUnit?: string | number;
  readonly building?: string | number;
  readonly unit?: string | number;
}

/** Builds a unit code from its fields, validated the same way as parseUnitCode (issues name the field). */
export function formatUnitCode(input: UnitCodeInput): UnitCodeResult {
  const pad = (v: string | number | undefined, n: number): string =>
    v === undefined ? '' : typeof v === 'number' && Number.isInteger(v) && v >= 0 ? String(v).padStart(n, '0') : String(v);
  const fixtureUnit = input.fixtureUnit !== undefined
    ? pad(input.fixtureUnit, 8)
    : input.fixtureType === 'W' && input.building === undefined && input.unit === undefined ? '00000000' : pad(input.building ?? 0, 4) + pad(input.unit ?? 0, 4);
  const parts = [
    pad(input.adminCode, 6), pad(input.cadastralDistrict, 3), pad(input.cadastralSubdistrict, 3), input.ownership, input.rightType,
    pad(input.parcelSequence, 5), input.fixtureType, fixtureUnit,
  ];
  const issues: SpaceCodeIssue[] = [];
  UNIT_CODE_SEGMENTS.forEach((s, i) => {
    const v = parts[i]!;
    if (v.length !== s.length) issues.push({ segment: s.name, position: s.start, message: `${s.name} '${v}': expected ${s.length} character${s.length > 1 ? 's' : ''}` });
  });
  if (issues.length > 0) return { ok: false, issues };
  return parseUnitCode(parts.join(''));
}
