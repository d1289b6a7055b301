import { describe, expect, it } from 'vitest';
import { checkKeypadCode, formatKeypadCode, pressKey, type KeypadKey } from '../../../../src/domain/kiosk/keypad.ts';
import { searchPlanning, buildPlanningIndex } from '../../../../src/domain/planning/index.ts';

const type = (keys: readonly KeypadKey[], from = ''): string => keys.reduce(pressKey, from);

describe('kiosk keypad', () => {
  it('appends up to eight digits; back removes one, clear all', () => {
    expect(type(['2', '0', '1', '5'])).toBe('2015');
    expect(type(['1', '2', '3', '4', '5', '6', '7', '8', '9'])).toBe('12345678');
    expect(type(['back'], '2015')).toBe('201');
    expect(type(['back'], '')).toBe('');
    expect(type(['clear'], '2015000')).toBe('');
  });

  it('always shows the code shape, untyped digits as _', () => {
    expect(formatKeypadCode('')).toBe('NB-____-____');
    expect(formatKeypadCode('20150')).toBe('NB-2015-0___');
    expect(formatKeypadCode('20150001')).toBe('NB-2015-0001');
  });

  it('names what is wrong: missing digits, the year segment, the 0000 sequence', () => {
    expect(checkKeypadCode('20150', 2026)).toEqual({ ok: false, problem: 'incomplete', missing: 3 });
    expect(checkKeypadCode('', 2026)).toEqual({ ok: false, problem: 'incomplete', missing: 8 });
    expect(checkKeypadCode('19990001', 2026)).toEqual({ ok: false, problem: 'year', year: 1999, first: 2000, latest: 2026 });
    expect(checkKeypadCode('20300001', 2026)).toEqual({ ok: false, problem: 'year', year: 2030, first: 2000, latest: 2026 });
    expect(checkKeypadCode('20150000', 2026)).toEqual({ ok: false, problem: 'sequence' });
    expect(checkKeypadCode('20150001', 2026)).toEqual({ ok: true, code: 'NB-2015-0001' });
  });

  it('a checked code is a project code the planner search recognises by shape', () => {
    const check = checkKeypadCode('20249999', 2026);
    if (!check.ok) throw new Error('expected a valid code');
    // Valid shape, not in (empty) data: the search says "no match", not "invalid".
    expect(searchPlanning(check.code, buildPlanningIndex([], [])).kind).toBe('noMatch');
  });
});
