import { describe, expect, it } from 'vitest';
import { zh } from '../../../src/ui/i18n/zh.ts';
import { en } from '../../../src/ui/i18n/en.ts';
import { translate } from '../../../src/ui/i18n/index.ts';

describe('i18n dictionaries', () => {
  it('zh and en have exactly the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  it('no message is empty, and both languages use the same {placeholders}', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) {
      expect(zh[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
      expect(placeholders(en[key]), key).toEqual(placeholders(zh[key]));
    }
  });

  it('labels the data as synthetic in both languages', () => {
    expect(translate('zh', 'app.synthetic')).toBe('合成数据');
    expect(translate('en', 'app.synthetic')).toBe('Synthetic data');
  });

  it('fills placeholders', () => {
    expect(translate('en', 'layers.failedTiles', { n: 3 })).toBe('Failed tiles: 3');
    expect(translate('zh', 'readout.gk', { epsg: 4550, cm: 123 })).toContain('EPSG:4550');
  });
});
