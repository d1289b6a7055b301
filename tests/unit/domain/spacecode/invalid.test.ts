// Invalid codes and points: every message names the segment and the position, and says why.
import { describe, expect, it } from 'vitest';
import {
  SpaceCodeError, decodeBeidou, decodeBeidou2D, decodeBeidou3D, encode2DUnits, encodeBeidou2D, encodeBeidou3D,
} from '../../../../src/domain/spacecode/index.ts';

const firstIssue = (code: string, decode = decodeBeidou) => {
  const r = decode(code);
  if (r.ok) throw new Error(`${code} should be invalid`);
  return r.issues[0]!;
};

describe('2D codes: each segment', () => {
  it.each([
    ['N50J47739', 'level 3', 7, "level 3 digit '7' at position 7: expected 0–5"],
    ['N50JC7', 'level 2', 5, "level 2 longitude digit 'C' at position 5: expected 0–B"],
    ['N50J48', 'level 2', 6, "level 2 latitude digit '8' at position 6: expected 0–7"],
    ['N50J475F9', 'level 4', 8, "level 4 longitude digit 'F' at position 8: expected 0–E"],
    ['N50J4753A', 'level 4', 9, "level 4 latitude digit 'A' at position 9: expected 0–9"],
    ['N50J47539F8', 'level 5', 10, "level 5 longitude digit 'F' at position 10: expected 0–E"],
    ['N50J47539BF', 'level 5', 11, "level 5 latitude digit 'F' at position 11: expected 0–E"],
    ['N50J47539B84', 'level 6', 12, "level 6 digit '4' at position 12: expected 0–3"],
    ['N50J47539B8285', 'level 7', 13, "level 7 longitude digit '8' at position 13: expected 0–7"],
    ['N50J47539B8255', 'ok', 0, ''],
    ['N50J47539B825539', 'level 8', 16, "level 8 latitude digit '9' at position 16: expected 0–7"],
    ['N50J47539B82553461A0', 'level 10', 19, "level 10 longitude digit 'A' at position 19: expected 0–7"],
    ['N50J47539B825534x1', 'level 9', 17, "level 9 longitude digit 'x' at position 17: expected 0–7"],
    ['N61J', 'level 1', 2, "level 1 longitude code '61' at positions 2–3: expected 31–60"],
    ['N00J', 'level 1', 2, "level 1 longitude code '00' at positions 2–3: expected 31–60"],
    ['N5AJ', 'level 1', 2, "level 1 longitude code '5A' at positions 2–3: expected two digits 31–60"],
    ['N50W', 'level 1', 4, "level 1 latitude letter 'W' at position 4: expected A–V; polar cells"],
    ['N50J4', 'level 2', 5, 'level 2 is incomplete: expected 2 characters at positions 5–6, found 1'],
    ['N50J47539B82553461520', 'length', 21, "extra character '0' at position 21: a 2D code has at most 20 characters"],
    ['X50J', 'hemisphere', 1, "hemisphere 'X' at position 1: expected 'N'"],
  ])('%s → %s at position %i', (code, segment, position, message) => {
    if (segment === 'ok') { expect(decodeBeidou(code).ok).toBe(true); return; }
    const issue = firstIssue(code);
    expect(issue.segment).toBe(segment);
    expect(issue.position).toBe(position);
    expect(issue.message).toContain(message);
  });

  it('other hemispheres are refused as unconfirmed, not guessed', () => {
    expect(firstIssue('S50J').message).toMatch(/^hemisphere 'S' at position 1: southern-hemisphere codes are not supported; .*unconfirmed/);
    expect(firstIssue('N20J').message).toMatch(/^level 1 longitude code '20' at positions 2–3: sheets 01–30 are west of Greenwich; .*unconfirmed/);
  });

  it('collects every wrong segment, not only the first', () => {
    const r = decodeBeidou2D('N50JZ7Z');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.segment)).toEqual(['level 2', 'level 3']);
  });

  it('an empty code says what a code looks like', () => {
    expect(firstIssue('').message).toMatch(/^empty code: a 2D code has 4, 6, 7, 9, 11, 12, 14, 16, 18 or 20 characters/);
  });
});

describe('3D codes: each segment, positions in the 3D string', () => {
  it.each([
    ['N250J00', 'height sign', 2, "height sign '2' at position 2: expected 0 (at or above the ellipsoid) or 1 (below)"],
    ['N050J64', 'height level 1', 6, "height level 1 digits '64' at positions 6–7: expected 00–63"],
    ['N050J0047800', 'height level 2', 10, "height level 2 digit '8' at position 10: expected 0–7"],
    ['N050J004705200', 'height level 3', 12, "height level 3 digit '2' at position 12: expected 0–1"],
    ['N050J0047050390', 'ok', 0, ''],
    ['N050J004705039G', 'height level 4', 15, "height level 4 digit 'G' at position 15: expected 0–F"],
    ['N050J004706', 'level 3', 11, "level 3 digit '6' at position 11: expected 0–5"],
    ['N050J00C7', 'level 2', 8, "level 2 longitude digit 'C' at position 8: expected 0–B"],
    ['N050J004', 'level 2', 8, 'level 2 is incomplete'],
    ['N050J0047', 'height level 2', 10, 'height level 2 is incomplete: expected 1 character at position 10, found 0'],
    ['N036J0093000780B3010010520430140', 'ok', 0, ''],
    ['N036J0093000780B30100105204301408', 'length', 33, "extra character '8' at position 33: a 3D code has at most 32 characters"],
    ['N136J0093000780B3010010520430140', 'height sign', 2, 'layer −0, which is never produced'],
  ])('%s → %s at position %i', (code, segment, position, message) => {
    if (segment === 'ok') { expect(decodeBeidou3D(code).ok).toBe(true); return; }
    const issue = firstIssue(code, decodeBeidou3D);
    expect(issue.segment).toBe(segment);
    expect(issue.position).toBe(position);
    expect(issue.message).toContain(message);
  });

  it('tells 2D from 3D by position 4 even at lengths both can have (7, 12, 18, 20)', () => {
    const a = decodeBeidou('N50J475');
    const b = decodeBeidou('N050J00');
    expect(a.ok && a.cell.dimension).toBe(2);
    expect(b.ok && b.cell.dimension).toBe(3);
  });
});

describe('points the codec refuses', () => {
  it.each([
    [{ lon: -121.5, lat: 29.9 }, /west of Greenwich: .*unconfirmed/],
    [{ lon: 121.5, lat: -29.9 }, /south of the equator: .*unconfirmed/],
    [{ lon: 121.5, lat: 88 }, /polar cells/],
    [{ lon: 121.5, lat: 89.5 }, /polar cells/],
    [{ lon: 180, lat: 10 }, /less than 180°E/],
    [{ lon: Number.NaN, lat: 10 }, /finite/],
  ])('%o', (p, message) => {
    expect(() => encodeBeidou2D(p, 5)).toThrow(message);
  });

  it('throws SpaceCodeError for bad levels and unencodable heights', () => {
    expect(() => encodeBeidou2D({ lon: 121, lat: 29 }, 11)).toThrow(SpaceCodeError);
    expect(() => encodeBeidou2D({ lon: 121, lat: 29 }, 0)).toThrow(/level 0: expected an integer 1–10/);
    expect(() => encode2DUnits(1.5, 2, 3)).toThrow(/integer grid units/);
    expect(() => encodeBeidou3D({ lon: 121, lat: 29, height: -7e6 }, 5)).toThrow(/centre of the earth/);
    expect(() => encodeBeidou3D({ lon: 121, lat: 29, height: Number.POSITIVE_INFINITY }, 5)).toThrow(/finite/);
  });
});
