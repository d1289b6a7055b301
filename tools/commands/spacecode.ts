// `npm run spacecode -- encode <lon> <lat> [height] [--level N]` and `decode <code>`: BeiDou grid
// codes (GB/T 39409) and 不动产单元代码 (GB/T 37346) from the command line. Exit 0 on success,
// 1 when the point or code is invalid (the reason names the segment), 2 on a usage error.
import { type CommandIo, optionsOrExit } from '../lib/io.ts';
import {
  SpaceCodeError, decimalDegreesToUnits, encode2DUnits, encode3DUnits, parseSpaceCode, SPACE_CODE_KIND_NAMES,
  UNIT_CODE_SEGMENTS, OWNERSHIP, RIGHT_TYPES, FIXTURE_TYPES, MAX_LEVEL, decodeBeidou,
  type BeidouCell, type RealEstateUnitCode,
} from '../../src/domain/spacecode/index.ts';

export const USAGE = `usage: npm run spacecode -- <encode|decode> … [--json]
  encode <lon> <lat> [height] [--level N]
      BeiDou 2D grid code of a point (decimal degrees, east and north), and the 3D code when an
      ellipsoidal height in metres is given (negative below the ellipsoid). Level 1–10, default 10.
      Only the north-east hemisphere is supported (the other hemispheres' rules are unconfirmed).
  decode <code>
      The cell of a BeiDou 2D or 3D code (bounds, centre, size, level, height range), or the
      fields and Ningbo district of a 28-character 不动产单元代码.
  --json   print JSON (also on failure, with the issues)
  --help   this text
examples:
  npm run spacecode -- encode 121.554 29.869 50 --level 7
  npm run spacecode -- decode N051H003304032032010116
  npm run spacecode -- decode 330203001001GB00001F00010001
`;

interface Options { command: 'encode' | 'decode' | null; positional: string[]; level: number; json: boolean; help: boolean }

function parseArgs(args: string[]): Options | { errors: string[] } {
  const o: Options = { command: null, positional: [], level: MAX_LEVEL, json: false, help: false };
  const errors: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--help' || a === '-h') o.help = true;
    else if (a === '--json') o.json = true;
    else if (a === '--level' || a.startsWith('--level=')) {
      const v = a === '--level' ? args[++i] : a.slice('--level='.length);
      const n = Number(v);
      if (v === undefined || !/^\d+$/.test(v) || n < 1 || n > MAX_LEVEL) errors.push(`--level: expected an integer 1–${MAX_LEVEL}, found ${v === undefined ? 'nothing' : JSON.stringify(v)}`);
      else o.level = n;
    } else if (a.startsWith('--') || (a.startsWith('-') && !/^-\d|^-\.\d/.test(a))) errors.push(`${a}: unknown option`);
    else if (o.command === null && !o.help) {
      if (a === 'encode' || a === 'decode') o.command = a;
      else errors.push(`${a}: unknown subcommand (expected encode or decode)`);
    } else o.positional.push(a);
  }
  if (errors.length === 0 && !o.help) {
    if (o.command === null) errors.push('expected a subcommand: encode or decode');
    else if (o.command === 'encode' && (o.positional.length < 2 || o.positional.length > 3)) errors.push(`encode: expected <lon> <lat> [height], found ${o.positional.length} value${o.positional.length === 1 ? '' : 's'}`);
    else if (o.command === 'decode' && o.positional.length !== 1) errors.push(`decode: expected one code, found ${o.positional.length}`);
  }
  return errors.length > 0 ? { errors } : o;
}

export async function run(args: string[], io: CommandIo): Promise<number> {
  const parsed = optionsOrExit('spacecode', parseArgs(args), USAGE, io);
  if (typeof parsed === 'number') return parsed;
  return parsed.command === 'encode' ? encode(parsed, io) : decode(parsed.positional[0]!, parsed.json, io);
}

function fail(io: CommandIo, json: boolean, reason: string, extra: Record<string, unknown> = {}): number {
  if (json) io.out(`${JSON.stringify({ ok: false, reason, ...extra })}\n`);
  else io.err(`spacecode: ${reason}\n`);
  return 1;
}

function encode(o: Options, io: CommandIo): number {
  const [lonText, latText, heightText] = o.positional as [string, string, string?];
  // Decimal degrees are read exactly from the text, so a point typed on a cell edge is on it.
  const lonUnits = decimalDegreesToUnits(lonText);
  const latUnits = decimalDegreesToUnits(latText);
  if (lonUnits === null) return fail(io, o.json, `longitude "${lonText}": expected decimal degrees, e.g. 121.554`);
  if (latUnits === null) return fail(io, o.json, `latitude "${latText}": expected decimal degrees, e.g. 29.869`);
  const height = heightText === undefined ? undefined : Number(heightText);
  if (height !== undefined && (heightText!.trim() === '' || !Number.isFinite(height))) return fail(io, o.json, `height "${heightText}": expected metres (ellipsoidal), e.g. 50 or -12.5`);
  let code2D: string;
  let code3D: string | undefined;
  try {
    code2D = encode2DUnits(lonUnits, latUnits, o.level);
    if (height !== undefined) code3D = encode3DUnits(lonUnits, latUnits, height, o.level);
  } catch (e) {
    if (e instanceof SpaceCodeError) return fail(io, o.json, e.message);
    throw e;
  }
  const cell = mustDecode(code3D ?? code2D);
  if (o.json) {
    io.out(`${JSON.stringify({ ok: true, lon: Number(lonText), lat: Number(latText), ...(height !== undefined ? { height } : {}), level: o.level, code2D, ...(code3D ? { code3D } : {}), cell: cellJson(cell) })}\n`);
    return 0;
  }
  const lines = [
    ['point', `${lonText}°E ${latText}°N${height !== undefined ? `, ${height} m ellipsoidal` : ''}`],
    ['level', `${o.level} (cell ≈ ${metres(cell.sizeMetres.eastWest)} × ${metres(cell.sizeMetres.northSouth)}${cell.sizeMetres.vertical !== undefined ? ` × ${metres(cell.sizeMetres.vertical)}` : ''})`],
    ['2D code', code2D],
    ...(code3D ? [['3D code', code3D]] : []),
  ];
  io.out(table(lines));
  return 0;
}

function decode(input: string, json: boolean, io: CommandIo): number {
  const p = parseSpaceCode(input);
  if (p.kind === 'invalid') {
    if (json) return fail(io, true, p.reason, { likely: p.likely, issues: p.issues });
    io.err(`spacecode: "${input}" is ${p.likely ? `not a valid ${SPACE_CODE_KIND_NAMES[p.likely]}` : 'not a space code'}\n`);
    for (const i of p.issues) io.err(`  ${i.message}\n`);
    return 1;
  }
  if (p.kind === 'unitCode') {
    if (json) io.out(`${JSON.stringify({ ok: true, kind: p.kind, code: p.code, unit: p.unit })}\n`);
    else io.out(unitText(p.unit));
    return 0;
  }
  if (json) io.out(`${JSON.stringify({ ok: true, kind: p.kind, code: p.code, cell: cellJson(p.cell) })}\n`);
  else io.out(cellText(p.kind, p.cell));
  return 0;
}

function mustDecode(code: string): BeidouCell {
  const r = decodeBeidou(code);
  if (!r.ok) throw new Error(`internal: encoded ${code} does not decode: ${r.issues.map((i) => i.message).join('; ')}`);
  return r.cell;
}

function cellJson(c: BeidouCell): Record<string, unknown> {
  return {
    dimension: c.dimension, level: c.level, code: c.code, code2D: c.code2D,
    bounds: { west: c.west, south: c.south, east: c.east, north: c.north },
    centre: c.centre, sizeMetres: c.sizeMetres, units: c.units,
    ...(c.height ? { height: c.height } : {}),
  };
}

const deg = (v: number): string => v.toFixed(9);
function metres(v: number): string {
  return v >= 1000 ? `${(v / 1000).toFixed(2)} km` : v >= 1 ? `${v.toFixed(2)} m` : `${(v * 100).toFixed(2)} cm`;
}

function cellText(kind: 'beidou2d' | 'beidou3d', c: BeidouCell): string {
  const rows: string[][] = [
    ['kind', SPACE_CODE_KIND_NAMES[kind]],
    ['code', c.code],
    ...(c.dimension === 3 ? [['2D part', c.code2D]] : []),
    ['level', String(c.level)],
    ['longitude', `${deg(c.west)}°E – ${deg(c.east)}°E`],
    ['latitude', `${deg(c.south)}°N – ${deg(c.north)}°N`],
  ];
  if (c.height) rows.push(['height', `${c.height.bottom.toFixed(3)} m – ${c.height.top.toFixed(3)} m ellipsoidal (layers ${c.height.minLayer}…${c.height.maxLayer})`]);
  rows.push(['centre', `${deg(c.centre.lon)}°E ${deg(c.centre.lat)}°N${c.centre.height !== undefined ? ` ${c.centre.height.toFixed(3)} m` : ''}`]);
  const s = c.sizeMetres;
  rows.push(['size', `${metres(s.eastWest)} E–W × ${metres(s.northSouth)} N–S${s.vertical !== undefined ? ` × ${metres(s.vertical)} vertical` : ''}`]);
  return table(rows);
}

function unitText(u: RealEstateUnitCode): string {
  const names: Record<string, Record<string, string>> = { ownership: OWNERSHIP, rightType: RIGHT_TYPES, fixtureType: FIXTURE_TYPES };
  const rows: string[][] = [['kind', SPACE_CODE_KIND_NAMES.unitCode], ['code', u.code]];
  for (const s of UNIT_CODE_SEGMENTS) {
    const v = u[s.field];
    let text = `${v}${names[s.field] ? ` ${names[s.field]![v]}` : ''}`;
    if (s.field === 'adminCode') text += u.district ? ` → ${u.district.name} (${u.district.nameEn})` : '';
    if (s.field === 'fixtureUnit') text += ` (building ${u.building}, unit ${u.unit}; the 4+4 split is unconfirmed)`;
    rows.push([`${s.name} [${s.length > 1 ? `${s.start}–${s.start + s.length - 1}` : s.start}]`, text]);
  }
  rows.push(['district', u.district ? `${u.district.code} ${u.district.name} (${u.district.nameEn})` : 'not in Ningbo']);
  for (const w of u.warnings) rows.push(['warning', w]);
  return table(rows);
}

/** Two aligned columns; CJK characters take two terminal columns. */
function table(rows: readonly (readonly string[])[]): string {
  const cols = (t: string): number => [...t].reduce((n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
  const width = Math.max(...rows.map((r) => cols(r[0]!)));
  return rows.map((r) => `${r[0]!}${' '.repeat(width - cols(r[0]!))}  ${r[1]}\n`).join('');
}
