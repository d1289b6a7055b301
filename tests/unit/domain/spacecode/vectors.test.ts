// Every vector of standards.md §1 (GB/T 39409-2020's own examples), through the exact DMS path and
// through plain double degrees.
import { describe, expect, it } from 'vitest';
import {
  decodeBeidou, decodeBeidou3D, dmsToUnits, encode2DUnits, encode3DUnits, encodeBeidou2D, encodeBeidou3D,
} from '../../../../src/domain/spacecode/index.ts';

const dms = (d: number, m: number, s: string): { units: number; degrees: number } =>
  ({ units: dmsToUnits(d, m, s), degrees: d + m / 60 + Number(s) / 3600 });

describe('BeiDou 2D: the standard\'s vectors', () => {
  const lon = dms(116, 18, '45.37');
  const lat = dms(39, 59, '35.38');
  const expected = ['N50J', 'N50J47', 'N50J475', 'N50J47539', 'N50J47539B8', 'N50J47539B82', 'N50J47539B8255', 'N50J47539B825534'];
  it.each(expected.map((code, i) => [i + 1, code] as const))('39°59′35.38″N 116°18′45.37″E at level %i is %s', (level, code) => {
    expect(encode2DUnits(lon.units, lat.units, level)).toBe(code);
    expect(encodeBeidou2D({ lon: lon.degrees, lat: lat.degrees }, level)).toBe(code);
    const r = decodeBeidou(code);
    expect(r.ok && r.cell.level).toBe(level);
  });

  it.each([
    ['116', '19', '14.3184', '39', '59', '56.1444', 'N50J475493E'],
    ['116', '19', '5.9808', '39', '59', '59.7012', 'N50J475491E'],
    ['116', '19', '9.3540', '39', '59', '56.5260', 'N50J475492E'],
  ])('%s°%s′%s″E %s°%s′%s″N at level 5 is %s', (lod, lom, los, lad, lam, las, code) => {
    const lo = dms(Number(lod), Number(lom), los);
    const la = dms(Number(lad), Number(lam), las);
    expect(encode2DUnits(lo.units, la.units, 5)).toBe(code);
    expect(encodeBeidou2D({ lon: lo.degrees, lat: la.degrees }, 5)).toBe(code);
  });
});

describe('BeiDou 3D: Table 1 interleave pair', () => {
  const code2D = 'N36J93078B3101524314';
  const code3D = 'N036J0093000780B3010010520430140';

  it('decodes the 3D code to the 2D code, at height layer 0', () => {
    const r = decodeBeidou3D(code3D);
    if (!r.ok) throw new Error(r.issues[0]!.message);
    expect(r.cell.dimension).toBe(3);
    expect(r.cell.code2D).toBe(code2D);
    expect(r.cell.level).toBe(10);
    expect(r.cell.height).toMatchObject({ minLayer: 0, maxLayer: 0, bottom: 0 });
    expect(r.cell.height!.top).toBeCloseTo(0.01497, 4);
  });

  it('decodes both to the same ground cell', () => {
    const a = decodeBeidou(code2D);
    const b = decodeBeidou(code3D);
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(a.cell.units).toEqual(b.cell.units);
  });

  it('encodes the 2D cell at height 0 (and anything in its first layer) back to the 3D code', () => {
    const r = decodeBeidou(code2D);
    if (!r.ok) throw new Error('2D code should decode');
    const { west, south } = r.cell.units;
    expect(encode2DUnits(west, south, 10)).toBe(code2D);
    expect(encode3DUnits(west, south, 0, 10)).toBe(code3D);
    expect(encode3DUnits(west, south, 0.01, 10)).toBe(code3D);
    expect(encodeBeidou3D({ lon: r.cell.centre.lon, lat: r.cell.centre.lat, height: 0.005 }, 10)).toBe(code3D);
  });

  it('truncates level by level: each 3D prefix of the standard lengths decodes to the matching 2D prefix', () => {
    const lengths3D = [7, 10, 12, 15, 18, 20, 23, 26, 29, 32];
    const lengths2D = [4, 6, 7, 9, 11, 12, 14, 16, 18, 20];
    lengths3D.forEach((n, i) => {
      const r = decodeBeidou3D(code3D.slice(0, n));
      expect(r.ok && r.cell.code2D).toBe(code2D.slice(0, lengths2D[i]));
      expect(r.ok && r.cell.level).toBe(i + 1);
    });
  });
});
