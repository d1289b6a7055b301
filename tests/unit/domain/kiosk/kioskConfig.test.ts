import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KIOSK_DEFAULTS, validateKioskConfig, validateViewerConfig, type Issue } from '../../../../src/domain/schemas/index.ts';

function check(raw: unknown): { config: ReturnType<typeof validateKioskConfig>; issues: Issue[] } {
  const issues: Issue[] = [];
  return { config: validateKioskConfig(raw, issues), issues };
}

describe('kiosk config', () => {
  it('defaults: 90 s idle, the 三江口 and 前湾新区 buttons, an attract loop ending at home', () => {
    expect(check(undefined)).toEqual({ config: KIOSK_DEFAULTS, issues: [] });
    expect(KIOSK_DEFAULTS.idleSeconds).toBe(90);
    expect(check({}).config).toEqual(KIOSK_DEFAULTS);
  });

  it('takes what is given and keeps the defaults for the rest', () => {
    const { config, issues } = check({ idleSeconds: 3, attract: { dwellSeconds: 60 }, underground: { pit: null, opacity: 0.5 } });
    expect(issues).toEqual([]);
    expect(config.idleSeconds).toBe(3);
    expect(config.attract).toEqual({ ...KIOSK_DEFAULTS.attract, dwellSeconds: 60 });
    expect(config.underground).toEqual({ camera: KIOSK_DEFAULTS.underground.camera, opacity: 0.5 });
    expect(config.seabed).toEqual(KIOSK_DEFAULTS.seabed);
  });

  it('every problem is named by its path', () => {
    const { issues } = check({
      idleSeconds: 0, places: ['sanjiangkou', 3], attract: { stops: [], flightSeconds: 'slow', loop: true },
      underground: { camera: { lon: 200, lat: 29.8 }, pit: 'tianyi-square' }, seabed: [], idle: 90,
    });
    expect(issues).toEqual([
      { path: 'kiosk.idle', message: 'unknown property' },
      { path: 'kiosk.idleSeconds', message: 'expected a number in 1..3600, found 0' },
      { path: 'kiosk.places[1]', message: 'expected a string, found number' },
      { path: 'kiosk.attract.loop', message: 'unknown property' },
      { path: 'kiosk.attract.stops', message: 'must name at least one place' },
      { path: 'kiosk.attract.flightSeconds', message: 'expected a number, found string' },
      { path: 'kiosk.underground.pit', message: 'no preset pit "tianyi-square" (presets: zhongshan-crossing, zhongshan-pipe-trench, dongbu-crossing)' },
      { path: 'kiosk.underground.camera.lon', message: 'expected a number in -180..180, found 200' },
      { path: 'kiosk.underground.camera.height', message: 'is required' },
      { path: 'kiosk.seabed', message: 'expected an object, found array' },
    ]);
    expect(check('kiosk').issues).toEqual([{ path: 'kiosk', message: 'expected an object, found string' }]);
  });

  it('a bad kiosk section makes the viewer config invalid with the same paths', () => {
    const base = { version: 1, title: { zh: '宁波', en: 'Ningbo' }, home: { lon: 121.5, lat: 29.8, height: 1000 }, layers: [] };
    expect(validateViewerConfig({ ...base, kiosk: { idleSeconds: -5 } }, {}).issues).toEqual([{ path: 'kiosk.idleSeconds', message: 'expected a number in 1..3600, found -5' }]);
    expect(validateViewerConfig({ ...base, kiosk: { idleSeconds: 30 } }, {}).config?.kiosk.idleSeconds).toBe(30);
  });

  it('the shipped config has a valid kiosk section', () => {
    const raw = JSON.parse(readFileSync(new URL('../../../../public/config.json', import.meta.url), 'utf8')) as { kiosk: unknown };
    const { config, issues } = check(raw.kiosk);
    expect(issues).toEqual([]);
    expect(config.idleSeconds).toBe(90);
    expect(config.places).toEqual(['sanjiangkou', 'qianwan']);
  });
});
