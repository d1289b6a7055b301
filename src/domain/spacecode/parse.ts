// One entry point for a search box: what kind of space code a string is, or why it is none.
import { beidouDimension, decodeBeidou2D, decodeBeidou3D } from './beidou.ts';
import type { BeidouCell } from './cell.ts';
import type { SpaceCodeIssue } from './issues.ts';
import { UNIT_CODE_LENGTH, parseUnitCode, type RealEstateUnitCode } from './unitCode.ts';

export type SpaceCodeKind = 'beidou2d' | 'beidou3d' | 'unitCode';

export const SPACE_CODE_KIND_NAMES: Readonly<Record<SpaceCodeKind, string>> = {
  beidou2d: 'BeiDou 2D grid code (北斗二维网格位置码)',
  beidou3d: 'BeiDou 3D grid code (北斗三维网格位置码)',
  unitCode: '不动产单元代码 (real-estate unit code)',
};

export type ParsedSpaceCode =
  | { readonly kind: 'beidou2d' | 'beidou3d'; readonly code: string; readonly cell: BeidouCell }
  | { readonly kind: 'unitCode'; readonly code: string; readonly unit: RealEstateUnitCode }
  | {
    readonly kind: 'invalid';
    readonly input: string;
    /** The kind the input most resembles, when it resembles one. */
    readonly likely: SpaceCodeKind | null;
    /** One line for the user: what is wrong, naming the segment. */
    readonly reason: string;
    readonly issues: readonly SpaceCodeIssue[];
  };

/**
 * Classifies and decodes a user's string. Surrounding whitespace is ignored and letters are
 * upper-cased (codes are written in capitals). A string starting with N or S is read as a BeiDou
 * code, a 28-character string starting with a digit as a 不动产单元代码.
 */
export function parseSpaceCode(input: string): ParsedSpaceCode {
  const code = input.trim().toUpperCase();
  const invalid = (likely: SpaceCodeKind | null, issues: readonly SpaceCodeIssue[]): ParsedSpaceCode => ({
    kind: 'invalid', input, likely, issues,
    reason: likely ? `not a valid ${SPACE_CODE_KIND_NAMES[likely]}: ${issues.map((i) => i.message).join('; ')}` : issues[0]!.message,
  });
  if (code === '') return invalid(null, [{ segment: 'input', position: 0, message: 'empty input: expected a BeiDou grid code or a 不动产单元代码' }]);
  if (/^[NS]/.test(code)) {
    const dimension = beidouDimension(code);
    const r = dimension === 2 ? decodeBeidou2D(code) : decodeBeidou3D(code);
    const kind = dimension === 2 ? 'beidou2d' : 'beidou3d';
    return r.ok ? { kind, code, cell: r.cell } : invalid(kind, r.issues);
  }
  if (/^\d/.test(code)) {
    const r = parseUnitCode(code);
    return r.ok ? { kind: 'unitCode', code, unit: r.unit } : invalid('unitCode', r.issues);
  }
  return invalid(null, [{
    segment: 'input', position: 1,
    message: `'${code.slice(0, 12)}${code.length > 12 ? '…' : ''}' is not a space code: a BeiDou grid code starts with N (2D: 4–20 characters, 3D: 7–32), a 不动产单元代码 is ${UNIT_CODE_LENGTH} characters starting with the 6-digit admin code`,
  }]);
}
