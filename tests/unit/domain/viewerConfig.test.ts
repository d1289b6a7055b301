import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssue, parseCameraParam, validateViewerConfig, type LayerKindSchema } from '../../../src/domain/schemas/index.ts';
import { tiles3dSchema } from '../../../src/engine/layers/3dtiles/config.ts';
import { imagerySchema } from '../../../src/engine/layers/imagery/config.ts';
import { geojsonSchema } from '../../../src/engine/layers/geojson/config.ts';
import { pipelinesSchema } from '../../../src/engine/layers/pipelines/config.ts';
import { waterSchema } from '../../../src/engine/layers/water/config.ts';

// The layer kinds' schemas come from their config.ts (no Cesium), as the registry wires them.
const kinds: Record<string, LayerKindSchema> = { '3dtiles': tiles3dSchema, imagery: imagerySchema, geojson: geojsonSchema, pipelines: pipelinesSchema, water: waterSchema };

const name = { zh: '图层', en: 'Layer' };
function baseConfig(): Record<string, unknown> {
  return {
    version: 1,
    title: { zh: '宁波', en: 'Ningbo' },
    home: { lon: 121.575, lat: 29.7, height: 38000, heading: 0, pitch: -60 },
    bookmarks: [{ id: 'sjk', name: { zh: '三江口', en: 'Sanjiangkou' }, lon: 121.556, lat: 29.8576, height: 1200, heading: 0, pitch: -35 }],
    layers: [
      { id: 'reality', kind: '3dtiles', name, url: '/tilesets/reality/tileset.json' },
      { id: 'base', kind: 'imagery', name, provider: 'naturalEarth' },
    ],
  };
}

function messages(raw: unknown): string[] {
  return validateViewerConfig(raw, kinds).issues.map(formatIssue);
}

function withLayer(layer: Record<string, unknown>): Record<string, unknown> {
  const c = baseConfig();
  return { ...c, layers: [...(c['layers'] as unknown[]), layer] };
}

describe('underground config (C2)', () => {
  it('marks layers sensitive (default false) and reads the watermark', () => {
    const raw = { ...withLayer({ id: 'pipes', kind: 'pipelines', name, url: '/p/tileset.json', sensitive: true }), watermark: { station: '指挥中心', user: '张工' } };
    const r = validateViewerConfig(raw, kinds);
    expect(r.issues.map(formatIssue)).toEqual([]);
    expect(r.config?.layers.find((l) => l.id === 'pipes')?.sensitive).toBe(true);
    expect(r.config?.layers.find((l) => l.id === 'reality')?.sensitive).toBe(false);
    expect(r.config?.watermark).toEqual({ station: '指挥中心', user: '张工' });
    expect(validateViewerConfig(baseConfig(), kinds).config?.watermark).toEqual({});
  });

  it('names bad watermark and sensitive values', () => {
    expect(messages({ ...baseConfig(), watermark: { station: 3, who: 'x' } })).toEqual([
      'watermark.station: expected a string, found number', 'watermark.who: unknown property',
    ]);
    expect(messages(withLayer({ id: 'p', kind: 'pipelines', name, url: '/p.json', sensitive: 'yes' }))).toEqual(['layers[2].sensitive: expected a boolean, found string']);
  });

  it('checks pipeline filters against the CJJ 61 classes', () => {
    expect(messages(withLayer({ id: 'p', kind: 'pipelines', name, url: '/p.json', hiddenClasses: ['JS', 'XX'], hiddenOwners: [1] }))).toEqual([
      'layers[2].hiddenClasses[1]: "XX" is not a CJJ 61 class code (JS, PS, RQ, RL, DL, TX, GY, QT)',
      'layers[2].hiddenOwners: expected an array of strings',
    ]);
    const r = validateViewerConfig(withLayer({ id: 'p', kind: 'pipelines', name, url: '/p.json' }), kinds);
    expect(r.config?.layers[2]).toMatchObject({ hiddenClasses: [], hiddenOwners: [], highlight: null, colorBlendMode: 'replace' });
  });

  it('checks 3D Tiles style, globe cut-out and legend options', () => {
    const m = messages(withLayer({ id: 's', kind: '3dtiles', name, url: '/s.json', globeCutout: [122, 30, 121, 31], legend: 'ramp', style: { color: 5 } }));
    expect(m.some((x) => x.startsWith('layers[2].legend:'))).toBe(true);
    expect(m).toContain('layers[2].style.color: expected an expression string or { "conditions": [["condition", "color"], …] }');
    expect(m).toContain('layers[2].globeCutout: expected [west, south, east, north] in degrees with west < east and south < north');
  });

  it('checks water layers (extent, level, colour)', () => {
    expect(messages(withLayer({ id: 'w', kind: 'water', name, extent: [121.7, 29.9, 121.9, 30.1], level: 1.5 }))).toEqual([]);
    expect(messages(withLayer({ id: 'w', kind: 'water', name, extent: [121.9, 29.9], level: 500, color: 'blue' }))).toEqual([
      'layers[2].extent: expected [west, south, east, north] in degrees with west < east and south < north',
      'layers[2].level: expected a number in -100..100, found 500',
      'layers[2].color: expected a colour like "#2a6f97"',
    ]);
  });
});

describe('viewer config validation', () => {
  it('accepts the shipped public/config.json with no issues', () => {
    const raw: unknown = JSON.parse(readFileSync(new URL('../../../public/config.json', import.meta.url), 'utf8'));
    const r = validateViewerConfig(raw, kinds);
    expect(r.issues.map(formatIssue)).toEqual([]);
    expect(r.config?.layers.map((l) => l.id)).toEqual(['reality', 'pipelines', 'seabed', 'water', 'projects', 'controlLines', 'parcels', 'base', 'tianditu']);
    expect(r.config?.layers.find((l) => l.id === 'parcels')?.show).toBe(false);
    expect(r.config?.bookmarks.map((b) => b.id)).toEqual(['sanjiangkou', 'dongbu', 'zhenhai', 'beilun', 'qianwan']);
    expect(r.config?.geoid.offsetMeters).toBe(12.4);
    const tianditu = r.config?.layers.find((l) => l.id === 'tianditu');
    expect(tianditu?.enabled).toBe(false);
    expect(String(tianditu?.['url'])).toContain('{token}');
  });

  it('applies defaults: show, opacity, synthetic, enabled, maximumScreenSpaceError, geoid N', () => {
    const r = validateViewerConfig(baseConfig(), kinds);
    expect(r.issues).toEqual([]);
    const reality = r.config?.layers[0];
    expect(reality).toMatchObject({ show: true, opacity: 1, synthetic: false, enabled: true, maximumScreenSpaceError: 16 });
    expect(r.config?.geoid).toEqual({ offsetMeters: 12.4 });
    expect(r.config?.home.roll).toBe(0);
  });

  it.each<[string, unknown, string[]]>([
    ['not an object', 42, ['config: expected an object, found number']],
    ['an array', [], ['config: expected an object, found array']],
    ['missing everything', {}, ['version: is required', 'title: is required', 'home: is required', 'layers: is required']],
    ['wrong version', { ...baseConfig(), version: 2 }, ['version: unsupported version 2; this viewer reads version 1']],
    ['version as string', { ...baseConfig(), version: '1' }, ['version: expected a number, found string']],
    ['title without en', { ...baseConfig(), title: { zh: '宁波' } }, ['title.en: is required']],
    ['title with empty zh', { ...baseConfig(), title: { zh: ' ', en: 'x' } }, ['title.zh: must not be empty']],
    ['title as string', { ...baseConfig(), title: 'Ningbo' }, ['title: expected an object {zh, en}, found string']],
    ['home latitude out of range', { ...baseConfig(), home: { lon: 121, lat: 95, height: 100 } }, ['home.lat: expected a number in -90..90, found 95']],
    ['home as array', { ...baseConfig(), home: [121, 30, 100] }, ['home: expected an object, found array']],
    ['home with typo', { ...baseConfig(), home: { lon: 121, lat: 30, height: 100, pich: -30 } }, ['home.pich: unknown property']],
    ['unknown top-level key', { ...baseConfig(), layer: [] }, ['layer: unknown property']],
    ['geoid missing offset', { ...baseConfig(), geoid: {} }, ['geoid.offsetMeters: is required']],
    ['geoid offset as string', { ...baseConfig(), geoid: { offsetMeters: '12.4' } }, ['geoid.offsetMeters: expected a number, found string']],
    ['bookmarks not an array', { ...baseConfig(), bookmarks: {} }, ['bookmarks: expected an array, found object']],
    ['bookmark null', { ...baseConfig(), bookmarks: [null] }, ['bookmarks[0]: expected an object, found null']],
    ['bookmark missing height and name', { ...baseConfig(), bookmarks: [{ id: 'a', lon: 1, lat: 2 }] }, ['bookmarks[0].name: is required', 'bookmarks[0].height: is required']],
    ['duplicate bookmark ids', { ...baseConfig(), bookmarks: [{ id: 'a', name, lon: 1, lat: 2, height: 3 }, { id: 'a', name, lon: 1, lat: 2, height: 3 }] }, ['bookmarks[1].id: duplicate bookmark id "a"']],
    ['layers not an array', { ...baseConfig(), layers: 'reality' }, ['layers: expected an array, found string']],
    ['layer url as number', withLayer({ id: 'x', kind: '3dtiles', name, url: 5 }), ['layers[2].url: expected a string, found number']],
    ['layer url missing', withLayer({ id: 'x', kind: '3dtiles', name }), ['layers[2].url: is required']],
    ['layer unknown kind', withLayer({ id: 'x', kind: 'gltf', name }), ['layers[2].kind: expected one of "3dtiles", "imagery", "geojson", "pipelines", "water", found "gltf"']],
    ['layer kind missing', withLayer({ id: 'x', name }), ['layers[2].kind: is required']],
    ['layer id with spaces', withLayer({ id: 'my layer', kind: 'imagery', name }), ['layers[2].id: "my layer" may contain only letters, digits, "-" and "_"']],
    ['duplicate layer id', withLayer({ id: 'base', kind: 'imagery', name }), ['layers[2].id: duplicate layer id "base"']],
    ['opacity above 1', withLayer({ id: 'x', kind: 'imagery', name, opacity: 1.5 }), ['layers[2].opacity: expected a number in 0..1, found 1.5']],
    ['show as string', withLayer({ id: 'x', kind: 'imagery', name, show: 'yes' }), ['layers[2].show: expected a boolean, found string']],
    ['layer option typo', withLayer({ id: 'x', kind: '3dtiles', name, url: 'a.json', maximumScreenSpaceErorr: 8 }), ['layers[2].maximumScreenSpaceErorr: unknown property']],
    ['SSE zero', withLayer({ id: 'x', kind: '3dtiles', name, url: 'a.json', maximumScreenSpaceError: 0 }), ['layers[2].maximumScreenSpaceError: expected a number in 0.1..1024, found 0']],
    ['cacheBytes fractional', withLayer({ id: 'x', kind: '3dtiles', name, url: 'a.json', cacheBytes: 1.5 }), ['layers[2].cacheBytes: expected an integer, found number']],
    ['imagery provider unknown', withLayer({ id: 'x', kind: 'imagery', name, provider: 'bing' }), ['layers[2].provider: expected one of "naturalEarth", "xyz", "tms", "wmts", found "bing"']],
    ['xyz without url', withLayer({ id: 'x', kind: 'imagery', name, provider: 'xyz' }), ['layers[2].url: is required']],
    ['wmts without layer and matrix set', withLayer({ id: 'x', kind: 'imagery', name, provider: 'wmts', url: '/wmts' }), ['layers[2].layer: is required', 'layers[2].tileMatrixSetID: is required']],
    ['enabled token placeholder without token', withLayer({ id: 'x', kind: 'imagery', name, provider: 'xyz', url: '/t/{z}/{x}/{y}?tk={token}' }), ['layers[2].token: the url has a {token} placeholder: set token, or set enabled to false']],
    ['subdomains with a number', withLayer({ id: 'x', kind: 'imagery', name, provider: 'xyz', url: '/t', subdomains: ['a', 1] }), ['layers[2].subdomains[1]: expected a string, found number']],
    ['bad rectangle', withLayer({ id: 'x', kind: 'imagery', name, provider: 'xyz', url: '/t', rectangle: [1, 2, 3] }), ['layers[2].rectangle: expected [west, south, east, north] in degrees']],
    ['layer is null', withLayer(null as unknown as Record<string, unknown>), ['layers[2]: expected an object, found null']],
  ])('%s', (_label, raw, expected) => {
    expect(messages(raw)).toEqual(expected);
  });

  it('collects every problem in one pass, not just the first', () => {
    const raw = { ...baseConfig(), version: 3, layers: [{ id: 'a', kind: '3dtiles', name, url: 1 }, { id: 'b', kind: 'imagery', name: 'B', opacity: -1 }] };
    expect(messages(raw)).toEqual([
      'version: unsupported version 3; this viewer reads version 1',
      'layers[0].url: expected a string, found number',
      'layers[1].name: expected an object {zh, en}, found string',
      'layers[1].opacity: expected a number in 0..1, found -1',
    ]);
  });

  it('a disabled layer with a {token} placeholder and no token is fine', () => {
    expect(messages(withLayer({ id: 'x', kind: 'imagery', name, provider: 'xyz', url: '/t?tk={token}', enabled: false }))).toEqual([]);
  });

  it('never throws, whatever the input', () => {
    for (const raw of [null, undefined, 'x', 1, true, [], { layers: [1, 'a', [], null] }, { home: null, title: null, bookmarks: [[]] }]) {
      expect(() => validateViewerConfig(raw, kinds)).not.toThrow();
    }
  });
});

describe('geojson (planning) layers', () => {
  const layer = (extra: Record<string, unknown>) => ({ id: 'p', kind: 'geojson', name, url: '/p.geojson', schema: 'projects', ...extra });
  it('accepts a planning layer and applies the defaults', () => {
    const r = validateViewerConfig(withLayer(layer({})), kinds);
    expect(r.issues).toEqual([]);
    expect(r.config?.layers[2]).toMatchObject({ hiddenClasses: [], visibleFeatures: null, fillOpacity: 0.4, outlineWidth: 2 });
  });
  it.each([
    [{ schema: 'roads' }, 'layers[2].schema: expected one of "controlLines", "parcels", "projects", found "roads"'],
    [{ schema: undefined }, 'layers[2].schema: is required'],
    [{ hiddenClasses: ['plan', 3] }, 'layers[2].hiddenClasses[1]: expected a string, found number'],
    [{ fillOpacity: 2 }, 'layers[2].fillOpacity: expected a number in 0..1, found 2'],
    [{ url: '' }, 'layers[2].url: must not be empty'],
  ])('%j → %s', (extra, message) => {
    expect(messages(withLayer(layer(extra)))).toEqual([message]);
  });
});

describe('?camera= parameter', () => {
  it('reads lon,lat,height,heading,pitch,roll', () => {
    expect(parseCameraParam('121.556,29.8576,1200,10,-35,0')).toEqual({ pose: { lon: 121.556, lat: 29.8576, height: 1200, heading: 10, pitch: -35, roll: 0 }, issues: [] });
  });
  it('defaults orientation to straight down', () => {
    expect(parseCameraParam('121,30,500').pose).toEqual({ lon: 121, lat: 30, height: 500, heading: 0, pitch: -90, roll: 0 });
  });
  it.each([
    ['121,30', 'camera: expected 3 to 6 comma-separated numbers (lon,lat,height[,heading,pitch,roll]), found 2'],
    ['121,abc,500', 'camera[1] (lat): expected a number, found "abc"'],
    ['121,30,500,0,-120', 'camera.pitch: expected a number in -90..90, found -120'],
  ])('%s → %s', (text, message) => {
    expect(parseCameraParam(text).issues.map(formatIssue)).toEqual([message]);
  });
});
