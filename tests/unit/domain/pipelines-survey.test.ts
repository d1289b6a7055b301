import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { formatSurveyIssue, parseSurveyTables, type SurveyFile, type SurveyNetwork } from '../../../src/domain/pipelines/index.ts';
import { toCgcs2000Grid } from '../../../src/domain/geodesy/index.ts';

const POINT_HEADER = '点号,X,Y,地面高程,特征,附属物,井深';
const LINE_HEADER = '起始点号,终止点号,管线类别,子类,起点埋深,终点埋深,规格,材质,埋设方式,权属单位,建设年代,状态';
const file = (name: string, lines: string[]): SurveyFile => ({ name, bytes: new TextEncoder().encode(`${lines.join('\r\n')}\r\n`) });

/** A point row at lon/lat projected into a zone, optionally with the 40/41 prefix on Y. */
function pointRow(id: string, lon: number, lat: number, zone: 120 | 123 = 123, prefix = false, extra = ',,,'): string {
  const g = toCgcs2000Grid({ lon, lat }, zone);
  const y = g.easting + (prefix ? (zone === 120 ? 40 : 41) * 1e6 : 0);
  return `${id},${g.northing.toFixed(3)},${y.toFixed(3)},3.20${extra}`;
}

const parse = (points: string[], lines: string[], zone?: 120 | 123): SurveyNetwork =>
  parseSurveyTables(file('管点.csv', [POINT_HEADER, ...points]), file('管线.csv', [LINE_HEADER, ...lines]), { currentYear: 2026, ...(zone ? { zone } : {}) });

const GOOD_POINTS = [pointRow('JS0001', 121.554, 29.869), pointRow('JS0002', 121.555, 29.869), pointRow('YS0001', 121.554, 29.870, 123, false, ',,检查井,2.1'), pointRow('YS0002', 121.555, 29.870, 123, false, ',,检查井,2.3')];
const GOOD_LINE = 'JS0001,JS0002,JS,配水,1.2,1.3,DN300,QM,直埋,宁波市自来水有限公司,2010,在用';

describe('parseSurveyTables', () => {
  it('reads a clean table and normalises codes and names', () => {
    const n = parse(GOOD_POINTS, [GOOD_LINE, 'YS0001,YS0002,PS,YS,2.0,2.2,"800",混凝土,ZM,宁波市排水有限公司,1998年,0', 'JS0002,YS0002,DL,供电,0.7,0.7,1200×800,PVC,管块,国网宁波供电公司,2015-06,2']);
    expect(n.issues).toEqual([]);
    expect(n.zone).toBe(123);
    expect(n.points).toHaveLength(4);
    expect(n.points[2]).toMatchObject({ id: 'YS0001', appurtenance: '检查井', wellDepth: 2.1, line: 4 });
    expect(n.points[0]!.wellDepth).toBeUndefined();
    expect(n.pipes.map((p) => [p.cls, p.subtype, p.material, p.burial, p.year, p.status])).toEqual([
      ['JS', '配水', 'QM', 'ZM', 2010, 0], ['PS', '雨水', 'T', 'ZM', 1998, 0], ['DL', '供电', 'PVC', 'GK', 2015, 2],
    ]);
    expect(n.pipes[0]!.section).toEqual({ kind: 'round', diameterMm: 300 });
    expect(n.pipes[2]!.section).toEqual({ kind: 'box', widthMm: 1200, heightMm: 800 });
    expect(n.skipped).toEqual({ points: 0, pipes: 0 });
  });

  it('round-trips Tianyi Square through EPSG:4550 within 1 cm', () => {
    const n = parse(['TY0001,3306469.98,360290.43,3.1,,,'], []);
    const p = n.points[0]!;
    expect(p.zone).toBe(123);
    const back = toCgcs2000Grid({ lon: p.lon, lat: p.lat }, 123);
    expect(Math.abs(back.easting - 360290.43)).toBeLessThan(0.01);
    expect(Math.abs(back.northing - 3306469.98)).toBeLessThan(0.01);
    // and the reference itself: the square is where standards.md §6 says
    expect(Math.abs(p.lon - 121.554) * 96_500).toBeLessThan(0.01);
    expect(Math.abs(p.lat - 29.869) * 110_850).toBeLessThan(0.01);
  });

  it('accepts header aliases, reordered and extra columns', () => {
    const g = toCgcs2000Grid({ lon: 121.554, lat: 29.869 }, 123);
    const n = parseSurveyTables(
      file('p.csv', ['备注,Y坐标,X坐标,点号,地面高程,特征,附属物,井深', `x,${g.easting},${g.northing},A1,3,,,`, `y,${g.easting + 30},${g.northing},A2,3,,,`]),
      file('l.csv', ['起始点号,终止点号,管线类别,子类,起点埋深,终点埋深,管径,材质,埋设方式,权属单位,建设年代,状态,图幅号', 'A1,A2,RQ,天然气,1,1,200,PE,ZM,燃气,2001,0,H51']),
    );
    expect(n.issues).toEqual([]);
    expect(n.pipes).toHaveLength(1);
  });

  it('reports a missing column once, naming it', () => {
    const n = parseSurveyTables(file('管点.csv', ['点号,X,地面高程,特征,附属物,井深', 'A,1,2,,,']), file('管线.csv', [LINE_HEADER, GOOD_LINE]));
    expect(n.issues[0]).toMatchObject({ file: '管点.csv', line: 1, code: 'badHeader' });
    expect(n.issues[0]!.message).toContain('Y');
    expect(n.issues).toHaveLength(2); // and one line saying the pipes could not be placed
    expect(n.skipped).toEqual({ points: 1, pipes: 1 });
  });

  it('reports one badEncoding issue for undecodable bytes, and keeps the good table', () => {
    const bad: SurveyFile = { name: '管线.csv', bytes: new Uint8Array([...new TextEncoder().encode('a,b\n'), 0x81, 0x20, 0xff, 0x0a]) };
    const n = parseSurveyTables(file('管点.csv', [POINT_HEADER, ...GOOD_POINTS]), bad);
    expect(n.issues).toEqual([expect.objectContaining({ file: '管线.csv', line: 0, code: 'badEncoding' })]);
    expect(n.points).toHaveLength(4);
    expect(n.skipped).toEqual({ points: 0, pipes: 1 });
  });

  it('decodes a GBK table to the same network', () => {
    const lines = [GOOD_LINE, 'YS0001,YS0002,PS,污水,2.0,2.2,DN400,PVC,直埋,宁波市排水有限公司,2005,在用'];
    const utf = parse(GOOD_POINTS, lines);
    const gbk = (name: string, rows: string[]): SurveyFile => ({ name, bytes: new Uint8Array(iconv.encode(rows.join('\r\n'), 'gbk')) });
    const g = parseSurveyTables(gbk('管点.csv', [POINT_HEADER, ...GOOD_POINTS]), gbk('管线.csv', [LINE_HEADER, ...lines]), { currentYear: 2026 });
    expect(g).toEqual(utf);
  });
});

describe('bad rows: each is reported with its code, file and line, and the rest converts', () => {
  const cases: [string, string[], string[], { file: string; line: number; code: string; text?: string }][] = [
    ['duplicate 点号', [...GOOD_POINTS, pointRow('JS0001', 121.556, 29.869)], [GOOD_LINE], { file: '管点.csv', line: 6, code: 'duplicatePoint', text: 'line 2' }],
    ['non-numeric X', [...GOOD_POINTS, 'JS0009,abc,360290,3,,,'], [GOOD_LINE], { file: '管点.csv', line: 6, code: 'badValue', text: 'X "abc"' }],
    ['missing 高程', [...GOOD_POINTS, pointRow('JS0009', 121.556, 29.869).replace(',3.20,', ',,')], [GOOD_LINE], { file: '管点.csv', line: 6, code: 'badValue', text: '地面高程' }],
    ['unknown end point', GOOD_POINTS, [GOOD_LINE, 'JS0001,JS0999,JS,配水,1,1,DN100,PE,ZM,x,2000,0'], { file: '管线.csv', line: 3, code: 'unknownPoint', text: '终止点号 "JS0999" is not in the point table' }],
    ['unknown class', GOOD_POINTS, [GOOD_LINE, 'JS0001,JS0002,XX,配水,1,1,DN100,PE,ZM,x,2000,0'], { file: '管线.csv', line: 3, code: 'badValue', text: '管线类别' }],
    ['unknown material', GOOD_POINTS, [GOOD_LINE, 'JS0001,JS0002,JS,配水,1,1,DN100,木头,ZM,x,2000,0'], { file: '管线.csv', line: 3, code: 'badValue', text: '材质' }],
    ['unknown burial', GOOD_POINTS, [GOOD_LINE, 'JS0001,JS0002,JS,配水,1,1,DN100,PE,埋了,x,2000,0'], { file: '管线.csv', line: 3, code: 'badValue', text: '埋设方式' }],
    ['unknown status', GOOD_POINTS, [GOOD_LINE, 'JS0001,JS0002,JS,配水,1,1,DN100,PE,ZM,x,2000,7'], { file: '管线.csv', line: 3, code: 'badValue', text: '状态' }],
    ['missing depth', GOOD_POINTS, [GOOD_LINE, 'JS0001,JS0002,JS,配水,,1,DN100,PE,ZM,x,2000,0'], { file: '管线.csv', line: 3, code: 'missingDepth', text: '起点埋深' }],
    ['negative depth', GOOD_POINTS, [GOOD_LINE, 'JS0001,JS0002,JS,配水,1,-0.5,DN100,PE,ZM,x,2000,0'], { file: '管线.csv', line: 3, code: 'badValue', text: 'negative' }],
    ['depth over 60 m', GOOD_POINTS, [GOOD_LINE, 'JS0001,JS0002,JS,配水,120,1,DN100,PE,ZM,x,2000,0'], { file: '管线.csv', line: 3, code: 'badValue', text: '60 m' }],
    ['zero diameter', GOOD_POINTS, [GOOD_LINE, 'JS0001,JS0002,JS,配水,1,1,DN0,PE,ZM,x,2000,0'], { file: '管线.csv', line: 3, code: 'badDiameter' }],
    ['round over 4000', GOOD_POINTS, [GOOD_LINE, 'JS0001,JS0002,JS,配水,1,1,4500,PE,ZM,x,2000,0'], { file: '管线.csv', line: 3, code: 'badDiameter' }],
    ['box over 12000', GOOD_POINTS, [GOOD_LINE, 'JS0001,JS0002,DL,供电,1,1,13000X900,PVC,GK,x,2000,0'], { file: '管线.csv', line: 3, code: 'badDiameter' }],
    ['unparsable 规格', GOOD_POINTS, [GOOD_LINE, 'JS0001,JS0002,JS,配水,1,1,大,PE,ZM,x,2000,0'], { file: '管线.csv', line: 3, code: 'badDiameter' }],
    ['start = end', GOOD_POINTS, [GOOD_LINE, 'JS0001,JS0001,JS,配水,1,1,DN100,PE,ZM,x,2000,0'], { file: '管线.csv', line: 3, code: 'badValue', text: 'same point' }],
    ['year too early', GOOD_POINTS, [GOOD_LINE, 'JS0001,JS0002,JS,配水,1,1,DN100,PE,ZM,x,1850,0'], { file: '管线.csv', line: 3, code: 'badValue', text: '1900–2026' }],
    ['year in the future', GOOD_POINTS, [GOOD_LINE, 'JS0001,JS0002,JS,配水,1,1,DN100,PE,ZM,x,2031,0'], { file: '管线.csv', line: 3, code: 'badValue', text: '建设年代' }],
  ];
  it.each(cases)('%s', (_name, points, lines, expected) => {
    const n = parse(points, lines);
    expect(n.issues).toHaveLength(1);
    const issue = n.issues[0]!;
    expect(issue).toMatchObject({ file: expected.file, line: expected.line, code: expected.code });
    if (expected.text) expect(issue.message).toContain(expected.text);
    expect(formatSurveyIssue(issue)).toBe(`${expected.file}:${expected.line}: ${issue.message}`);
    expect(n.points).toHaveLength(4);
    expect(n.pipes).toHaveLength(1);
    expect(n.skipped).toEqual(expected.file === '管点.csv' ? { points: 1, pipes: 0 } : { points: 0, pipes: 1 });
  });

  it('a line using a skipped point says which row was skipped', () => {
    const n = parse([...GOOD_POINTS, 'JS0009,abc,360290,3,,,'], ['JS0001,JS0009,JS,配水,1,1,DN100,PE,ZM,x,2000,0']);
    expect(n.issues.map(formatSurveyIssue)).toEqual([
      '管点.csv:6: X "abc" is not a number',
      '管线.csv:2: 终止点号 "JS0009" was skipped (管点.csv:6)',
    ]);
  });
});

describe('zones', () => {
  const west = [pointRow('W1', 121.25, 30.30, 120), pointRow('W2', 121.251, 30.30, 120)];
  const east = [pointRow('E1', 121.62, 29.87, 123), pointRow('E2', 121.621, 29.87, 123)];
  it('detects CM 123°E for the city core and CM 120°E for 前湾', () => {
    expect(parse(east, []).zone).toBe(123);
    const w = parse(west, []);
    expect(w.zone).toBe(120);
    expect(w.points[0]!.lon).toBeCloseTo(121.25, 7);
    expect(w.points[0]!.lat).toBeCloseTo(30.30, 7);
  });
  it('reads the 40/41 prefix as certain', () => {
    const w = parse([pointRow('W1', 121.25, 30.30, 120, true)], []);
    expect(w.zone).toBe(120);
    expect(w.points[0]!.easting).toBeLessThan(1e6);
    expect(w.points[0]!.lon).toBeCloseTo(121.25, 7);
    expect(parse([pointRow('E1', 121.62, 29.87, 123, true)], []).zone).toBe(123);
  });
  it('skips points outside the table majority zone as mixedZones', () => {
    const n = parse([...east, pointRow('E3', 121.622, 29.87), pointRow('W1', 121.25, 30.30, 120, true)], []);
    expect(n.zone).toBe(123);
    expect(n.issues).toEqual([expect.objectContaining({ code: 'mixedZones', line: 5 })]);
    expect(n.points.map((p) => p.id)).toEqual(['E1', 'E2', 'E3']);
  });
  it('a zone option overrides detection', () => {
    // CM 123 coordinates read as CM 120 land 3° west, which the option allows.
    const n = parse(east, [], 120);
    expect(n.zone).toBe(120);
    expect(n.points[0]!.lon).toBeCloseTo(118.62, 1);
  });
  it('reports coordinates that fit no Ningbo zone', () => {
    const n = parse([...east, 'X1,1000,2000,3,,,'], []);
    expect(n.issues).toEqual([expect.objectContaining({ code: 'badValue', line: 4 })]);
  });
});
