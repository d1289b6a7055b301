import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { run, MANIFEST_FILE } from '../../../tools/commands/pipelines.ts';
import { memoryIo } from '../../../tools/lib/io.ts';
import { checkTileset, nodeReader } from '../../../tools/lib/tilecheck/index.ts';
import { toCgcs2000Grid } from '../../../src/domain/geodesy/index.ts';

const POINT_HEADER = '点号,X,Y,地面高程,特征,附属物,井深';
const LINE_HEADER = '起始点号,终止点号,管线类别,子类,起点埋深,终点埋深,规格,材质,埋设方式,权属单位,建设年代,状态';

function pointRow(id: string, lon: number, lat: number, extra = ',,'): string {
  const g = toCgcs2000Grid({ lon, lat }, 123);
  return `${id},${g.northing.toFixed(3)},${g.easting.toFixed(3)},3.20,${extra}`;
}

const POINTS = [
  pointRow('JS0001', 121.554, 29.869), pointRow('JS0002', 121.5545, 29.869), pointRow('JS0003', 121.555, 29.8692),
  pointRow('YS0001', 121.554, 29.870, ',检查井,2.1'), pointRow('YS0002', 121.555, 29.870, ',检查井,2.3'),
  pointRow('JS0004', 121.5545, 29.8694, ',消防栓,'),
];
const LINES = [
  'JS0001,JS0002,JS,配水,1.2,1.3,DN300,QM,直埋,宁波市自来水有限公司,2010,在用',
  'JS0002,JS0003,JS,配水,1.3,1.2,DN300,QM,直埋,宁波市自来水有限公司,2010,在用',
  'JS0002,JS0004,JS,消防水,1.0,1.0,DN100,QM,直埋,宁波市自来水有限公司,2012,0',
  'YS0001,YS0002,PS,YS,2.0,2.2,1000,混凝土,ZM,宁波市排水有限公司,1998,0',
];
const BAD_LINES = [
  'JS0003,JS0999,JS,配水,1.2,1.3,DN300,QM,直埋,宁波市自来水有限公司,2010,在用', // unknown end point
  'JS0001,JS0003,JS,配水,,1.3,DN300,QM,直埋,宁波市自来水有限公司,2010,在用', // missing depth
];

const tmp = mkdtempSync(path.join(tmpdir(), 'pipelines-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function tables(name: string, lines: string[], encoding: 'utf-8' | 'gbk' = 'utf-8'): { points: string; lines: string } {
  const dir = path.join(tmp, name);
  mkdirSync(dir, { recursive: true });
  const write = (file: string, rows: string[]): string => {
    const text = `${rows.join('\r\n')}\r\n`;
    writeFileSync(path.join(dir, file), encoding === 'gbk' ? iconv.encode(text, 'gbk') : text);
    return path.join(dir, file);
  };
  return { points: write('管点.csv', [POINT_HEADER, ...POINTS]), lines: write('管线.csv', [LINE_HEADER, ...lines]) };
}

describe('pipelines command', () => {
  it('converts survey tables, writes a manifest, and the tileset checker accepts the output', async () => {
    const t = tables('clean', LINES, 'gbk');
    const out = path.join(tmp, 'clean-out');
    const io = memoryIo();
    const code = await run(['--points', t.points, '--lines', t.lines, '--out', out, '--synthetic', '--geoid', '11.1'], io);
    expect(io.stderr.join('')).not.toMatch(/管线\.csv:\d+/);
    expect(code).toBe(0);
    expect(io.stdout.join('')).toMatch(/pipes\/s/);
    const manifest = JSON.parse(readFileSync(path.join(out, MANIFEST_FILE), 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({ synthetic: true, geoidOffsetMeters: 11.1, pipes: { JS: 3, PS: 1 }, wells: { PS: 2 }, fittings: 1, mains: 1, skipped: { points: 0, pipes: 0 } });
    expect(readdirSync(path.dirname(out)).filter((n) => n.includes('.tmp-') || n.includes('.old-'))).toEqual([]);
    const report = await checkTileset(path.join(out, 'tileset.json'), nodeReader, { sample: 4 });
    expect(report.problems).toEqual([]);
    expect(report.contentsRead).toBe(2); // mains.glb (the DN1000 drain) + one detail tile
  });

  it('lists bad rows with file:line, counts them per kind, and converts the rest', async () => {
    const t = tables('bad', [...LINES, ...BAD_LINES]);
    const out = path.join(tmp, 'bad-out');
    const io = memoryIo();
    expect(await run(['--points', t.points, '--lines', t.lines, '--out', out], io)).toBe(0);
    const err = io.stderr.join('');
    expect(err).toMatch(/管线\.csv:6: /);
    expect(err).toMatch(/管线\.csv:7: /);
    expect(err).toMatch(/skipped 0 point rows and 2 pipe rows; issues by kind: .*unknownPoint 1/);
    expect(err).toMatch(/missingDepth 1/);
    const manifest = JSON.parse(readFileSync(path.join(out, MANIFEST_FILE), 'utf8')) as { pipes: Record<string, number>; skipped: { pipes: number; byIssue: Record<string, number> } };
    expect(manifest.pipes).toEqual({ JS: 3, PS: 1 });
    expect(manifest.skipped).toMatchObject({ pipes: 2, byIssue: { unknownPoint: 1, missingDepth: 1 } });
  });

  it('prints at most 50 issues and counts the rest', async () => {
    const many = Array.from({ length: 60 }, (_, i) => `JS0001,X${i},JS,配水,1.2,1.3,DN300,QM,直埋,宁波市自来水有限公司,2010,在用`);
    const t = tables('many', [...LINES, ...many]);
    const io = memoryIo();
    expect(await run(['--points', t.points, '--lines', t.lines, '--out', path.join(tmp, 'many-out')], io)).toBe(0);
    const err = io.stderr.join('');
    expect(err.match(/^管线\.csv:\d+: /gm)).toHaveLength(50);
    expect(err).toMatch(/管线\.csv:55: /);
    expect(err).not.toMatch(/管线\.csv:56: /);
    expect(err).toMatch(/… and 10 more/);
    expect(err).toMatch(/skipped 0 point rows and 60 pipe rows; issues by kind: unknownPoint 60/);
  });

  it('--strict makes any issue fatal and writes nothing', async () => {
    const t = tables('strict', [...LINES, ...BAD_LINES]);
    const out = path.join(tmp, 'strict-out');
    const io = memoryIo();
    expect(await run(['--points', t.points, '--lines', t.lines, '--out', out, '--strict'], io)).toBe(1);
    expect(io.stderr.join('')).toMatch(/--strict: 2 issues/);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses to overwrite without --force and replaces with it', async () => {
    const t = tables('force', LINES);
    const out = path.join(tmp, 'force-out');
    expect(await run(['--points', t.points, '--lines', t.lines, '--out', out], memoryIo())).toBe(0);
    const io = memoryIo();
    expect(await run(['--points', t.points, '--lines', t.lines, '--out', out], io)).toBe(1);
    expect(io.stderr.join('')).toMatch(/--force/);
    const json = memoryIo();
    expect(await run(['--points', t.points, '--lines', t.lines, '--out', out, '--force', '--json', '--geoid', '13.5'], json)).toBe(0);
    expect(JSON.parse(json.stdout.join(''))).toMatchObject({ ok: true, geoidOffsetMeters: 13.5, issues: 0 });
    expect(JSON.parse(readFileSync(path.join(out, MANIFEST_FILE), 'utf8'))).toMatchObject({ geoidOffsetMeters: 13.5 });
  });

  it('never replaces a folder that holds something else', async () => {
    const t = tables('other', LINES);
    const out = path.join(tmp, 'other-out');
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, 'notes.txt'), 'keep me');
    const io = memoryIo();
    expect(await run(['--points', t.points, '--lines', t.lines, '--out', out, '--force'], io)).toBe(1);
    expect(readFileSync(path.join(out, 'notes.txt'), 'utf8')).toBe('keep me');
  });

  it('rejects bad options with exit 2', async () => {
    for (const args of [[], ['--points', 'a', '--lines', 'b'], ['--points', 'a', '--lines', 'b', '--out', 'c', '--zone', '121'], ['--points', 'a', '--lines', 'b', '--out', 'c', '--geoid', 'x'], ['--bogus']]) {
      const io = memoryIo();
      expect(await run(args, io)).toBe(2);
      expect(io.stderr.join('')).toMatch(/usage/);
    }
    const help = memoryIo();
    expect(await run(['--help'], help)).toBe(0);
    expect(help.stdout.join('')).toMatch(/--geoid N/);
  });

  it('fails cleanly on unreadable files', async () => {
    const io = memoryIo();
    expect(await run(['--points', path.join(tmp, 'nope.csv'), '--lines', path.join(tmp, 'nope2.csv'), '--out', path.join(tmp, 'nope-out')], io)).toBe(1);
    expect(io.stderr.join('')).toMatch(/cannot read/);
  });
});
