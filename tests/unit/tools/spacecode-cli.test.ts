// The spacecode command driven against memory IO.
import { describe, expect, it } from 'vitest';
import { run } from '../../../tools/commands/spacecode.ts';
import { memoryIo } from '../../../tools/lib/io.ts';

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo();
  const code = await run(args, io);
  return { code, out: io.stdout.join(''), err: io.stderr.join('') };
}

describe('spacecode encode', () => {
  it('prints the 2D and 3D codes of Tianyi Square at 50 m, level 7', async () => {
    const r = await cli('encode', '121.554', '29.869', '50', '--level', '7');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain('2D code  N51H3343232111\n');
    expect(r.out).toContain('3D code  N051H003304032032010116\n');
    expect(r.out).toMatch(/level {4}7 \(cell ≈ 6\.71 m × 7\.70 m × 7\.66 m\)/);
  });

  it('defaults to level 10 and prints no 3D code without a height', async () => {
    const r = await cli('encode', '121.554', '29.869');
    expect(r.code).toBe(0);
    expect(r.out).toContain('2D code  N51H3343232111446633\n');
    expect(r.out).not.toContain('3D code');
  });

  it('--json, with a negative height read as a value, not an option', async () => {
    const r = await cli('encode', '121.554', '29.869', '-50', '--level=7', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { ok: boolean; code2D: string; code3D: string; height: number; cell: { height: { bottom: number; top: number } } };
    expect(j).toMatchObject({ ok: true, code2D: 'N51H3343232111', code3D: 'N151H003304032032010116', height: -50 });
    expect(j.cell.height.bottom <= -50 && -50 < j.cell.height.top).toBe(true);
  });

  it('reads typed degrees exactly: 121.5 29.9 is on a cell corner and goes north-east', async () => {
    const r = await cli('encode', '121.5', '29.9', '--json');
    const j = JSON.parse(r.out) as { cell: { units: { west: number; south: number } } };
    expect(j.cell.units).toMatchObject({ west: 121.5 * 7_372_800, south: 299 * 737_280 });
  });

  it.each([
    [['encode', '121.5', '-29.9'], /south of the equator: .*unconfirmed/],
    [['encode', '-121.5', '29.9'], /west of Greenwich/],
    [['encode', '121.5', '89'], /polar cells/],
    [['encode', 'east', '29.9'], /longitude "east": expected decimal degrees/],
    [['encode', '121.5', '29.9', 'high'], /height "high": expected metres/],
  ])('%j fails with exit 1 and the reason', async (args, reason) => {
    const r = await cli(...args);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(reason);
  });
});

describe('spacecode decode', () => {
  it('a 3D code: level, bounds, height range, centre, size', async () => {
    const r = await cli('decode', 'N051H003304032032010116');
    expect(r.code).toBe(0);
    expect(r.out).toContain('2D part    N51H3343232111\n');
    expect(r.out).toContain('level      7\n');
    expect(r.out).toContain('longitude  121.553958333°E – 121.554027778°E\n');
    expect(r.out).toContain('latitude   29.868958333°N – 29.869027778°N\n');
    expect(r.out).toMatch(/height {5}45\.983 m – 53\.647 m ellipsoidal \(layers 3072…3583\)/);
    expect(r.out).toContain('size       6.71 m E–W × 7.70 m N–S × 7.66 m vertical\n');
  });

  it('a 2D code as JSON', async () => {
    const r = await cli('decode', 'N50J475493E', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { kind: string; cell: { level: number; bounds: { west: number; south: number; east: number; north: number } } };
    expect(j.kind).toBe('beidou2d');
    expect(j.cell.level).toBe(5);
    expect(j.cell.bounds.west).toBeCloseTo(116 + 19 / 60 + 12 / 3600, 12);
    expect(j.cell.bounds.east - j.cell.bounds.west).toBeCloseTo(4 / 3600, 12);
  });

  it('a 不动产单元代码: fields, district, and the legacy warning', async () => {
    const r = await cli('decode', '330204001002GX00012F00030102');
    expect(r.code).toBe(0);
    expect(r.out).toContain('right type [14]');
    expect(r.out).toContain('X 建设用地使用权(地下) construction-land use right, underground');
    expect(r.out).toContain('330212 鄞州区 (Yinzhou)');
    expect(r.out).toMatch(/\nwarning +admin code 330204 is the legacy/);
    expect(r.out).toContain('legacy 江东区 (abolished 2016), mapped to 330212 鄞州区');
  });

  it('an invalid code exits 1 naming the segment; --json puts the issues on stdout', async () => {
    const r = await cli('decode', 'N50J47739');
    expect(r.code).toBe(1);
    expect(r.err).toContain("level 3 digit '7' at position 7: expected 0–5");
    const j = await cli('decode', '330203001001GQ00001F00010001', '--json');
    expect(j.code).toBe(1);
    const body = JSON.parse(j.out) as { ok: boolean; likely: string; issues: { segment: string; position: number }[] };
    expect(body).toMatchObject({ ok: false, likely: 'unitCode', issues: [{ segment: 'right type', position: 14 }] });
  });
});

describe('spacecode usage', () => {
  it('--help prints the usage and exits 0', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('usage: npm run spacecode -- <encode|decode>');
  });

  it.each([
    [[], 'expected a subcommand: encode or decode'],
    [['frobnicate'], 'frobnicate: unknown subcommand'],
    [['encode', '121'], 'encode: expected <lon> <lat> [height], found 1 value'],
    [['decode'], 'decode: expected one code, found 0'],
    [['encode', '121', '29', '--level', '11'], '--level: expected an integer 1–10, found "11"'],
    [['decode', 'N51H', '--bogus'], '--bogus: unknown option'],
  ])('%j exits 2 with the problem and the usage', async (args, message) => {
    const r = await cli(...args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`spacecode: ${message}`);
    expect(r.err).toContain('usage:');
  });
});
