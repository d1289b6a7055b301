// Ningbo's county-level administrative codes (GB/T 2260, 2023; standards.md §3). Legacy codes of
// the 2016 reorganisation are still found in older data: they are accepted, mapped to today's
// district, and flagged.
export interface NingboDistrict {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
}

export const NINGBO_CITY = { code: '330200', name: '宁波市', nameEn: 'Ningbo' } as const;

export const NINGBO_DISTRICTS: readonly NingboDistrict[] = [
  { code: '330203', name: '海曙区', nameEn: 'Haishu' },
  { code: '330205', name: '江北区', nameEn: 'Jiangbei' },
  { code: '330206', name: '北仑区', nameEn: 'Beilun' },
  { code: '330211', name: '镇海区', nameEn: 'Zhenhai' },
  { code: '330212', name: '鄞州区', nameEn: 'Yinzhou' },
  { code: '330213', name: '奉化区', nameEn: 'Fenghua' },
  { code: '330225', name: '象山县', nameEn: 'Xiangshan' },
  { code: '330226', name: '宁海县', nameEn: 'Ninghai' },
  { code: '330281', name: '余姚市', nameEn: 'Yuyao' },
  { code: '330282', name: '慈溪市', nameEn: 'Cixi' },
];

/** Legacy code → its name then and the current district that took it over (2016). */
export const LEGACY_NINGBO_CODES: Readonly<Record<string, { readonly name: string; readonly nowCode: string }>> = {
  '330204': { name: '江东区', nowCode: '330212' },
  '330283': { name: '奉化市', nowCode: '330213' },
};

export interface DistrictLookup {
  /** The current district, or null when the code is not a Ningbo county-level code. */
  readonly district: NingboDistrict | null;
  /** Set for legacy codes and for codes outside Ningbo's districts. */
  readonly warning?: string;
}

export function ningboDistrictOf(adminCode: string): DistrictLookup {
  const current = NINGBO_DISTRICTS.find((d) => d.code === adminCode);
  if (current) return { district: current };
  const legacy = LEGACY_NINGBO_CODES[adminCode];
  if (legacy) {
    const now = NINGBO_DISTRICTS.find((d) => d.code === legacy.nowCode)!;
    return { district: now, warning: `admin code ${adminCode} is the legacy ${legacy.name} (abolished 2016), mapped to ${now.code} ${now.name}` };
  }
  if (adminCode === NINGBO_CITY.code) return { district: null, warning: `admin code ${adminCode} is ${NINGBO_CITY.name} itself, not a county-level district` };
  return { district: null, warning: `admin code ${adminCode} is not a Ningbo district` };
}
