import { describe, expect, it } from 'vitest';
import { resolveSchemeParcel, schemeModelUrl, validateSchemePackage } from '../../../../src/domain/review/scheme.ts';
import { formatIssue } from '../../../../src/domain/schemas/issues.ts';
import type { ParcelRecord } from '../../../../src/domain/planning/records.ts';

const alt = (id: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  id,
  name: { zh: `方案${id}`, en: `Scheme ${id}` },
  model: `${id}.glb`,
  placement: { lon: 121.62, lat: 29.86 },
  declared: { floors: 30, gfa: 36000 },
  ...extra,
});
const pkg = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  version: 1,
  name: { zh: '示例方案', en: 'Demo scheme' },
  parcel: '31_-9_0',
  alternatives: [alt('a'), alt('b')],
  ...extra,
});
const messages = (raw: unknown): string[] => validateSchemePackage(raw).issues.map(formatIssue);

describe('validateSchemePackage', () => {
  it('accepts a minimal package and applies the defaults', () => {
    const r = validateSchemePackage(pkg());
    expect(r.issues).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.package?.synthetic).toBe(false);
    expect(r.package?.alternatives[0]?.placement).toEqual({ lon: 121.62, lat: 29.86, heading: 0, scale: 1 });
    expect(r.package?.alternatives[1]?.declared).toEqual({ floors: 30, gfa: 36000 });
  });

  it('keeps the optional figures and normalises the heading to [0, 360)', () => {
    const r = validateSchemePackage(pkg({
      synthetic: true,
      alternatives: [
        alt('a', { placement: { lon: 121.62, lat: 29.86, height: 12.5, heading: -90, scale: 2 }, declared: { floors: 10, gfa: 5000, height: 33, storeyHeight: 3.3 } }),
        alt('b', { placement: { lon: 121.62, lat: 29.86, heading: 360 }, model: 'models/b.gltf?v=2' }),
      ],
    }));
    expect(r.issues).toEqual([]);
    const [a, b] = r.package!.alternatives;
    expect(a!.placement).toEqual({ lon: 121.62, lat: 29.86, height: 12.5, heading: 270, scale: 2 });
    expect(a!.declared).toEqual({ floors: 10, gfa: 5000, height: 33, storeyHeight: 3.3 });
    expect(b!.placement.heading).toBe(0);
    expect(r.package!.synthetic).toBe(true);
  });

  it('rejects what is not an object, naming the path it was given', () => {
    expect(validateSchemePackage([], 'schemes/x.json').issues.map(formatIssue)).toEqual(['schemes/x.json: expected a scheme package object, found array']);
    expect(validateSchemePackage(null).package).toBeUndefined();
  });

  it('collects every problem with its path, and returns no package', () => {
    const raw = pkg({
      version: 2,
      parcel: '',
      alternatives: [
        alt('a', { model: 'a.obj', placement: { lon: 190, lat: 29.86 } }),
        alt('a', { declared: { floors: 0, gfa: -5 } }),
        alt('c', { placement: undefined, name: { zh: '丙' } }),
      ],
    });
    const r = validateSchemePackage(raw);
    expect(r.package).toBeUndefined();
    expect(r.issues.map(formatIssue).sort()).toEqual([
      'alternatives[0].model: expected a glTF model (.glb or .gltf), found "a.obj"',
      'alternatives[0].placement.lon: expected a number in -180..180, found 190',
      'alternatives[1].declared.floors: expected a number > 0, found 0',
      'alternatives[1].declared.gfa: expected a number > 0, found -5',
      'alternatives[1].id: "a" is already the id of alternatives[0]',
      'alternatives[2].name.en: is required',
      'alternatives[2].placement: is required',
      'parcel: must not be empty',
      'version: expected 1, found 2',
    ].sort());
  });

  it('needs at least two alternatives', () => {
    expect(messages(pkg({ alternatives: [alt('a')] }))).toEqual(['alternatives: expected at least 2 alternatives to compare, found 1']);
    expect(messages(pkg({ alternatives: {} }))).toEqual(['alternatives: expected an array of alternatives, found object']);
    expect(messages(pkg({ alternatives: undefined }))).toEqual(['alternatives: is required']);
  });

  it('checks lat, positive numbers and whole floors', () => {
    expect(messages(pkg({ alternatives: [alt('a', { placement: { lon: 121, lat: -91 } }), alt('b', { placement: { lon: 121, lat: 29, scale: 0 }, declared: { floors: 2.5, gfa: 100, storeyHeight: 0 } })] })).sort()).toEqual([
      'alternatives[0].placement.lat: expected a number in -90..90, found -91',
      'alternatives[1].declared.floors: expected an integer, found number',
      'alternatives[1].declared.storeyHeight: expected a number > 0, found 0',
      'alternatives[1].placement.scale: expected a number > 0, found 0',
    ]);
    expect(messages(pkg({ alternatives: [alt('a', { placement: { lon: '121', lat: 29 } }), alt('b', { declared: undefined })] })).sort()).toEqual([
      'alternatives[0].placement.lon: expected a number, found string',
      'alternatives[1].declared: is required',
    ]);
  });

  it('warns about unknown keys without rejecting the package', () => {
    const r = validateSchemePackage(pkg({ author: 'x', alternatives: [alt('a', { colour: 'red', placement: { lon: 121, lat: 29, hieght: 3 } }), alt('b', { declared: { floors: 1, gfa: 1, far: 2 } })] }));
    expect(r.issues).toEqual([]);
    expect(r.package).toBeDefined();
    expect(r.warnings.map(formatIssue).sort()).toEqual([
      'alternatives[0].colour: unknown property (ignored)',
      'alternatives[0].placement.hieght: unknown property (ignored)',
      'alternatives[1].declared.far: unknown property (ignored)',
      'author: unknown property (ignored)',
    ]);
  });
});

const parcel = (parcelId: string, unitCode?: string): ParcelRecord => ({
  parcelId, landUseCode: '0701', area: 10000, bbox: [121, 29, 121.01, 29.01], polygons: [], ...(unitCode ? { unitCode } : {}),
});

describe('resolveSchemeParcel', () => {
  const parcels = [parcel('1_2_0', '330212517004GB00028F00010001'), parcel('12_3_5')];
  it('finds a parcel by id or by 不动产单元代码', () => {
    expect(resolveSchemeParcel({ parcel: '1_2_0' }, parcels)).toEqual({ parcel: parcels[0] });
    expect(resolveSchemeParcel({ parcel: '330212517004GB00028F00010001' }, parcels)).toEqual({ parcel: parcels[0] });
  });
  it('says which parcel is missing', () => {
    const r = resolveSchemeParcel({ parcel: '12_3_4' }, parcels);
    expect('issue' in r && formatIssue(r.issue)).toBe('parcel: 12_3_4 is not a parcel of the loaded planning data');
  });
});

describe('schemeModelUrl', () => {
  it('resolves a model beside the package and leaves absolute ones alone', () => {
    expect(schemeModelUrl('/tilesets/schemes/demo/package.json', 'tower.glb')).toBe('/tilesets/schemes/demo/tower.glb');
    expect(schemeModelUrl('/tilesets/schemes/demo/package.json?v=1', 'm/slab.glb')).toBe('/tilesets/schemes/demo/m/slab.glb');
    expect(schemeModelUrl('package.json', 'a.glb')).toBe('a.glb');
    expect(schemeModelUrl('/p/package.json', '/models/a.glb')).toBe('/models/a.glb');
    expect(schemeModelUrl('/p/package.json', 'https://intranet.example/a.glb')).toBe('https://intranet.example/a.glb');
  });
});
