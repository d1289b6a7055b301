// parseSpaceCode: what a search-box string is, or why it is none.
import { describe, expect, it } from 'vitest';
import { parseSpaceCode } from '../../../../src/domain/spacecode/index.ts';

describe('parseSpaceCode', () => {
  it.each([
    ['N50J47539B825534', 'beidou2d'],
    ['  n51h3343232111 ', 'beidou2d'],
    ['N036J0093000780B3010010520430140', 'beidou3d'],
    ['N050J00', 'beidou3d'],
    ['330203001001GB00001F00010001', 'unitCode'],
    ['330203001001gb00001f00010001', 'unitCode'],
  ])('%s is %s', (input, kind) => {
    const r = parseSpaceCode(input);
    expect(r.kind).toBe(kind);
  });

  it('gives the cell or the unit with the parsed kind', () => {
    const a = parseSpaceCode('N51H3343232111');
    expect(a.kind === 'beidou2d' && a.cell.level).toBe(7);
    const b = parseSpaceCode('330204001002GX00012F00030102');
    expect(b.kind === 'unitCode' && b.unit.district?.name).toBe('鄞州区');
  });

  it.each([
    ['N50J47739', 'beidou2d', "not a valid BeiDou 2D grid code (北斗二维网格位置码): level 3 digit '7' at position 7: expected 0–5"],
    ['N050J64', 'beidou3d', "not a valid BeiDou 3D grid code (北斗三维网格位置码): height level 1 digits '64' at positions 6–7: expected 00–63"],
    ['S50J', 'beidou2d', "hemisphere 'S' at position 1: southern-hemisphere codes are not supported"],
    ['330203001001GB00001F000100', 'unitCode', 'not a valid 不动产单元代码 (real-estate unit code): length: a 不动产单元代码 has 28 characters'],
    ['天一广场', null, "'天一广场' is not a space code: a BeiDou grid code starts with N"],
    ['   ', null, 'empty input'],
  ])('%s is invalid (likely %s) with the reason', (input, likely, reason) => {
    const r = parseSpaceCode(input);
    if (r.kind !== 'invalid') throw new Error('should be invalid');
    expect(r.likely).toBe(likely);
    expect(r.reason).toContain(reason);
    expect(r.issues.length).toBeGreaterThan(0);
  });
});
