import { describe, expect, it } from 'vitest';
import { isDisplayMode, layersForMode, resolveDisplayMode } from '../../../src/domain/modes/displayMode.ts';
import { validateViewerConfig } from '../../../src/domain/schemas/index.ts';

describe('display modes', () => {
  it('the URL wins over the config, planner when neither names one', () => {
    expect(resolveDisplayMode('kiosk', 'screen')).toBe('kiosk');
    expect(resolveDisplayMode(undefined, 'screen')).toBe('screen');
    expect(resolveDisplayMode(undefined, undefined)).toBe('planner');
    expect(isDisplayMode('wall')).toBe(false);
  });

  it('kiosks never get sensitive layers; other modes keep every layer', () => {
    const layers = [{ id: 'reality', sensitive: false }, { id: 'pipelines', sensitive: true }, { id: 'base' }];
    expect(layersForMode('kiosk', layers).map((l) => l.id)).toEqual(['reality', 'base']);
    expect(layersForMode('planner', layers)).toHaveLength(3);
    expect(layersForMode('screen', layers)).toHaveLength(3);
  });

  it('a config names its mode; an unknown one is an error with its path', () => {
    const base = { version: 1, title: { zh: '宁波', en: 'Ningbo' }, home: { lon: 121.5, lat: 29.8, height: 1000 }, layers: [] };
    expect(validateViewerConfig({ ...base, mode: 'screen' }, {}).config?.mode).toBe('screen');
    expect(validateViewerConfig(base, {}).config?.mode).toBeUndefined();
    expect(validateViewerConfig({ ...base, mode: 'wall' }, {}).issues).toEqual([{ path: 'mode', message: 'expected one of "planner", "screen", "kiosk", found "wall"' }]);
  });
});
