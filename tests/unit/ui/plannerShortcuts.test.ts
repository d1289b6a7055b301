import { describe, expect, it } from 'vitest';
import { PLANNER_SHORTCUTS, shortcutFor } from '../../../src/ui/modes/planner/shortcuts.ts';
import { dictionaries } from '../../../src/ui/i18n/index.ts';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('planner shortcuts', () => {
  it('map keys to actions, letters in either case', () => {
    expect(shortcutFor(key('P'), false)).toBe('export');
    expect(shortcutFor(key('p'), false)).toBe('export');
    expect(shortcutFor(key('?'), false)).toBe('help');
    expect(shortcutFor(key('Escape'), false)).toBe('close');
    expect(shortcutFor(key('x'), false)).toBeUndefined();
  });

  it('leave typing and browser chords alone, except Escape', () => {
    expect(shortcutFor(key('p'), true)).toBeUndefined();
    expect(shortcutFor(key('Escape'), true)).toBe('close');
    expect(shortcutFor(key('p', { ctrlKey: true }), false)).toBeUndefined();
  });

  it('do not take the map navigation keys, and every one has help text in both languages', () => {
    const navigation = ['w', 'a', 's', 'd', 'q', 'e', 'r', 'f', 'n', 'h', '+', '-', '=', '_'];
    for (const s of PLANNER_SHORTCUTS) {
      for (const k of s.keys) expect(navigation).not.toContain(k);
      expect(dictionaries.zh[s.help]).toBeTruthy();
      expect(dictionaries.en[s.help]).toBeTruthy();
    }
  });
});
