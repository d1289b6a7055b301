// 不动产单元代码 (GB/T 37346): parse, segment-by-segment validation, format, Ningbo district.
import { describe, expect, it } from 'vitest';
import { NINGBO_DISTRICTS, formatUnitCode, ningboDistrictOf, parseUnitCode } from '../../../../src/domain/spacecode/index.ts';

describe('parseUnitCode', () => {
  it('reads the standard\'s illustration 440106001001GB00001F00010001 (outside Ningbo, flagged)', () => {
    const r = parseUnitCode('440106001001GB00001F00010001');
    if (!r.ok) throw new Error(r.issues[0]!.message);
    expect(r.unit).toMatchObject({
      adminCode: '440106', cadastralDistrict: '001', cadastralSubdistrict: '001', ownership: 'G', rightType: 'B',
      parcelSequence: '00001', fixtureType: 'F', fixtureUnit: '00010001', building: '0001', unit: '0001', district: null,
    });
    expect(r.unit.warnings).toEqual(['admin code 440106 is not a Ningbo district']);
  });

  it.each(NINGBO_DISTRICTS.map((d) => [d.code, d.name] as const))('%s → %s', (code, name) => {
    const r = parseUnitCode(`${code}003012JC00101W00000000`);
    expect(r.ok && r.unit.district?.name).toBe(name);
    expect(r.ok && r.unit.warnings).toEqual([]);
  });

  it.each([
    ['330204', '330212', '鄞州区', '江东区'],
    ['330283', '330213', '奉化区', '奉化市'],
  ])('legacy %s is accepted, mapped to %s %s, with a warning naming %s', (legacy, now, name, old) => {
    const r = parseUnitCode(`${legacy}001002GX00012F00030102`);
    if (!r.ok) throw new Error('should parse');
    expect(r.unit.district).toMatchObject({ code: now, name });
    expect(r.unit.warnings[0]).toBe(`admin code ${legacy} is the legacy ${old} (abolished 2016), mapped to ${now} ${name}`);
  });

  it('flags the city code 330200 (not county-level) and odd fixture numbers, without rejecting', () => {
    expect(ningboDistrictOf('330200')).toEqual({ district: null, warning: 'admin code 330200 is 宁波市 itself, not a county-level district' });
    const w = parseUnitCode('330203001001GB00001W00010001');
    expect(w.ok && w.unit.warnings).toEqual(['fixture type W (no fixture) usually has fixture unit number 00000000, found 00010001']);
    const f = parseUnitCode('330203001001GB00001F00000000');
    expect(f.ok && f.unit.warnings[0]).toMatch(/fixture type F with fixture unit number 00000000/);
  });

  it.each([
    ['3302A3001001GB00001F00010001', 'admin code', 1, "admin code '3302A3' at positions 1–6: expected a 6-digit GB/T 2260 county-level code"],
    ['990203001001GB00001F00010001', 'admin code', 1, "admin code '990203' at positions 1–6: expected a GB/T 2260 code (province part 11–82)"],
    ['33020300A001GB00001F00010001', '地籍区 cadastral district', 7, "地籍区 cadastral district '00A' at positions 7–9: expected 3 digits"],
    ['3302030010O1GB00001F00010001', '地籍子区 cadastral sub-district', 10, "地籍子区 cadastral sub-district '0O1' at positions 10–12: expected 3 digits"],
    ['330203001001XB00001F00010001', 'ownership', 13, "ownership 'X' at position 13: expected one of G, J, Z"],
    ['330203001001GQ00001F00010001', 'right type', 14, "right type 'Q' at position 14: expected one of A, B, S, X, C, D, E, F, H, G, W, Y"],
    ['330203001001GB00000F00010001', 'parcel sequence', 15, "parcel sequence '00000' at positions 15–19: expected 00001–99999"],
    ['330203001001GB00001Z00010001', 'fixture type', 20, "fixture type 'Z' at position 20: expected one of F, L, Q, W"],
    ['330203001001GB00001F0001000A', 'fixture unit number', 21, "fixture unit number '0001000A' at positions 21–28: expected 8 digits"],
  ])('%s → %s at %i', (code, segment, position, message) => {
    const r = parseUnitCode(code);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues).toEqual([{ segment, position, message }]);
  });

  it('a wrong length is reported with whatever segments are also wrong', () => {
    const r = parseUnitCode('330203001001GB00001F0001');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues[0]!.message).toBe('length: a 不动产单元代码 has 28 characters (6+3+3+2+5+1+8), found 24');
      expect(r.issues[1]!.message).toBe("fixture unit number is missing or short at positions 21–28: found '0001'");
    }
  });
});

describe('formatUnitCode', () => {
  it('pads numeric fields and round-trips through parse', () => {
    const r = formatUnitCode({ adminCode: 330212, cadastralDistrict: 5, cadastralSubdistrict: 17, ownership: 'G', rightType: 'X', parcelSequence: 123, fixtureType: 'F', building: 12, unit: 304 });
    expect(r.ok && r.unit.code).toBe('330212005017GX00123F00120304');
    expect(r.ok && r.unit.district?.name).toBe('鄞州区');
  });

  it('uses 00000000 for W without a fixture number', () => {
    const r = formatUnitCode({ adminCode: '330206', cadastralDistrict: '001', cadastralSubdistrict: '002', ownership: 'J', rightType: 'D', parcelSequence: 9, fixtureType: 'W' });
    expect(r.ok && r.unit.code).toBe('330206001002JD00009W00000000');
  });

  it('names the field that does not fit', () => {
    const r = formatUnitCode({ adminCode: '330206', cadastralDistrict: 1234, cadastralSubdistrict: '002', ownership: 'GG', rightType: 'D', parcelSequence: 9, fixtureType: 'W' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.message)).toEqual([
      "地籍区 cadastral district '1234': expected 3 characters",
      "ownership 'GG': expected 1 character",
    ]);
  });
});
