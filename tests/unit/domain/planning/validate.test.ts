// Planning GeoJSON validators: every error path, the message that names it, and skipped counts.
import { describe, expect, it } from 'vitest';
import {
  validateControlLines, validateParcels, validateProjects, formatPlanningIssue, type PlanningIssue,
} from '../../../../src/domain/planning/index.ts';

const square: [number, number][][] = [[[121.5, 29.8], [121.51, 29.8], [121.51, 29.81], [121.5, 29.81], [121.5, 29.8]]];
const poly = (coordinates: unknown = square): unknown => ({ type: 'Polygon', coordinates });
const feat = (properties: unknown, geometry: unknown = poly()): unknown => ({ type: 'Feature', geometry, properties });
const fc = (...features: unknown[]): unknown => ({ type: 'FeatureCollection', features });
const text = (issues: readonly PlanningIssue[]): string[] => issues.map(formatPlanningIssue);

const line = { lineType: 'blueLine', name: '余姚江蓝线' };
const parcel = { parcelId: 'p1', landUseCode: '0701', far: 2.5, density: 25, greenRatio: 35, heightLimit: 100, unitCode: '330203001001GB00001F00010001', districtCode: '330203' };
const project = { projectCode: 'NB-2020-0001', name: '海曙区住宅1号地块项目', stage: 'supply', stageDates: { plan: '2020-01-02', approve: '2020-05-01', supply: '2021-01-01' }, parcelIds: ['p1'] };

describe('collection shape', () => {
  it.each([
    [null, 'expected a GeoJSON FeatureCollection, found null'],
    [[], 'expected a GeoJSON FeatureCollection, found array'],
    [{ type: 'FeatureCollection' }, 'features: expected an array of features, found undefined'],
  ])('%j → %s', (raw, message) => {
    const r = validateControlLines(raw);
    expect(text(r.issues)).toEqual([message]);
    expect(r.valid).toEqual([]);
    expect(r.skipped).toBe(0);
  });

  it('reports a wrong collection type but still reads the features', () => {
    const r = validateControlLines({ type: 'Collection', features: [feat(line)] });
    expect(text(r.issues)).toEqual(['type: expected "FeatureCollection", found "Collection"']);
    expect(r.valid).toHaveLength(1);
  });
});

describe('geometry and feature errors (control lines)', () => {
  it.each([
    ['not an object', 5, 'features[1]: expected a Feature object, found number'],
    ['wrong type', { type: 'Feat', geometry: poly(), properties: line }, 'features[1].type: expected "Feature", found "Feat"'],
    ['no geometry', feat(line, null), 'features[1].geometry: expected a geometry object, found null'],
    ['point', feat(line, { type: 'Point', coordinates: [121, 29] }), 'features[1].geometry.type: expected one of Polygon, MultiPolygon, LineString, MultiLineString, found "Point"'],
    ['ring not closed', feat(line, poly([[[121.5, 29.8], [121.51, 29.8], [121.51, 29.81], [121.5, 29.81]]])), 'features[1].geometry.coordinates[0]: polygon ring 0 is not closed (first and last positions differ)'],
    ['open ring', feat(line, poly([[[121.5, 29.8], [121.51, 29.8], [121.51, 29.81], [121.5, 29.81], [121.5, 29.805]]])), 'features[1].geometry.coordinates[0]: polygon ring 0 is not closed (first and last positions differ)'],
    ['short ring', feat(line, poly([[[121.5, 29.8], [121.51, 29.8], [121.5, 29.8]]])), 'features[1].geometry.coordinates[0]: polygon ring 0 has 3 positions, expected at least 4'],
    ['no rings', feat(line, poly([])), 'features[1].geometry.coordinates: expected an array of rings, found an empty array'],
    ['ring not array', feat(line, poly([7])), 'features[1].geometry.coordinates[0]: polygon ring 0: expected an array of positions, found number'],
    ['bad position', feat(line, poly([[[121.5, 29.8], ['a', 1], [121.51, 29.81], [121.5, 29.8]]])), 'features[1].geometry.coordinates[0][1]: expected a position [lon, lat], found ["a",1]'],
    ['projected', feat(line, poly([[[360290, 3306469], [360300, 3306469], [360300, 3306479], [360290, 3306469]]])), 'features[1].geometry.coordinates[0][0]: [360290, 3306469] is not WGS84 longitude/latitude (projected coordinates? convert to lon/lat)'],
    ['empty multipolygon', feat(line, { type: 'MultiPolygon', coordinates: [] }), 'features[1].geometry.coordinates: expected an array of polygons'],
    ['short line', feat(line, { type: 'LineString', coordinates: [[121, 29]] }), 'features[1].geometry.coordinates: a line needs at least 2 positions'],
    ['empty multiline', feat(line, { type: 'MultiLineString', coordinates: [] }), 'features[1].geometry.coordinates: expected an array of lines'],
    ['no properties', { type: 'Feature', geometry: poly(), properties: null }, 'features[1].properties: expected an object, found null'],
    ['bad line type', feat({ lineType: 'foo' }), 'features[1].properties.lineType: expected one of ecologyRedLine, basicFarmland, urbanBoundary, roadRedLine, greenLine, blueLine, purpleLine, yellowLine, found "foo"'],
    ['missing line type', feat({}), 'features[1].properties.lineType: is required'],
    ['numeric name', feat({ lineType: 'greenLine', name: 3 }), 'features[1].properties.name: expected a non-empty string, found number'],
  ])('%s', (_, bad, message) => {
    const r = validateControlLines(fc(feat(line), bad, feat(line)));
    expect(text(r.issues)).toEqual([message]);
    expect(r.issues[0]!.index).toBe(1);
    expect(r.valid).toHaveLength(2);
    expect(r.skipped).toBe(1);
  });

  it('accepts lines and multipolygons', () => {
    const r = validateControlLines(fc(
      feat(line, { type: 'LineString', coordinates: [[121, 29], [121.1, 29.1]] }),
      feat(line, { type: 'MultiPolygon', coordinates: [square, square] }),
      feat(line, { type: 'MultiLineString', coordinates: [[[121, 29], [121.1, 29.1]]] }),
    ));
    expect(r.issues).toEqual([]);
    expect(r.valid).toHaveLength(3);
  });
});

describe('validateParcels', () => {
  it('passes a good parcel', () => {
    expect(validateParcels(fc(feat(parcel)))).toMatchObject({ issues: [], skipped: 0 });
  });

  it.each([
    ['no id', { ...parcel, parcelId: undefined }, 'features[0].properties.parcelId: is required'],
    ['bad land-use pattern', { ...parcel, landUseCode: '7A' }, 'features[0].properties.landUseCode: expected a 用地用海 code of 2 or 4 digits (e.g. 07 or 0701), found "7A"'],
    ['unknown first level', { ...parcel, landUseCode: '2501' }, 'features[0].properties.landUseCode: unknown first-level 用地用海 class "25" (expected 01–24)'],
    ['far not a number', { ...parcel, far: '2' }, 'features[0].properties.far: expected a number (容积率), found string'],
    ['density out of range', { ...parcel, density: 120 }, 'features[0].properties.density: 建筑密度 120 out of range 0–100 %'],
    ['green ratio negative', { ...parcel, greenRatio: -1 }, 'features[0].properties.greenRatio: 绿地率 -1 out of range 0–100 %'],
    ['height limit', { ...parcel, heightLimit: 2000 }, 'features[0].properties.heightLimit: 建筑限高 2000 out of range 0–1000 m'],
    ['unit code segment', { ...parcel, unitCode: '330203001001GQ00001F00010001' }, 'features[0].properties.unitCode: invalid 不动产单元代码 "330203001001GQ00001F00010001": right type \'Q\' at position 14: expected one of A, B, S, X, C, D, E, F, H, G, W, Y'],
    ['unit code length', { ...parcel, unitCode: '330203' }, 'features[0].properties.unitCode: invalid 不动产单元代码 "330203":'],
    ['district', { ...parcel, districtCode: '110101' }, 'features[0].properties.districtCode: expected a Ningbo district code'],
    ['polygon only', undefined, 'features[0].geometry.type: expected one of Polygon, MultiPolygon, found "LineString"'],
  ])('%s', (_, props, message) => {
    const f = props === undefined ? feat(parcel, { type: 'LineString', coordinates: [[121, 29], [121.1, 29.1]] }) : feat(props);
    const r = validateParcels(fc(f, feat(parcel)));
    expect(r.issues).toHaveLength(1);
    expect(formatPlanningIssue(r.issues[0]!).startsWith(message)).toBe(true);
    expect(r.skipped).toBe(1);
    expect(r.valid).toHaveLength(1);
  });

  it('collects several issues of one feature and skips it once', () => {
    const r = validateParcels(fc(feat({ ...parcel, far: -1, density: 101 }), feat(parcel), feat({})));
    expect(text(r.issues)).toEqual([
      'features[0].properties.far: 容积率 -1 out of range 0–30',
      'features[0].properties.density: 建筑密度 101 out of range 0–100 %',
      'features[2].properties.parcelId: is required',
      'features[2].properties.landUseCode: is required',
    ]);
    expect(r.skipped).toBe(2);
    expect(r.valid).toHaveLength(1);
  });
});

describe('validateProjects', () => {
  it('passes a good project', () => {
    expect(validateProjects(fc(feat(project)))).toMatchObject({ issues: [], skipped: 0 });
  });

  it.each([
    ['no code', { ...project, projectCode: '' }, 'features[0].properties.projectCode: expected a non-empty string, found an empty string'],
    ['no name', { ...project, name: undefined }, 'features[0].properties.name: is required'],
    ['bad stage', { ...project, stage: 'build' }, 'features[0].properties.stage: expected one of plan, approve, supply, use, register, supervise, found "build"'],
    ['parcel ids', { ...project, parcelIds: [1] }, 'features[0].properties.parcelIds: expected an array of strings'],
    ['no dates', { ...project, stageDates: undefined }, 'features[0].properties.stageDates: expected an object {stage: "YYYY-MM-DD"}, found undefined'],
    ['unknown stage date', { ...project, stageDates: { ...project.stageDates, build: '2021-01-01' } }, 'features[0].properties.stageDates.build: unknown stage (expected one of plan, approve, supply, use, register, supervise)'],
    ['bad date', { ...project, stageDates: { ...project.stageDates, plan: '2020/01/02' } }, 'features[0].properties.stageDates.plan: expected a date YYYY-MM-DD, found "2020/01/02"'],
    ['missing date', { ...project, stageDates: { plan: '2020-01-02', supply: '2021-01-01' } }, 'features[0].properties.stageDates.approve: missing: stage "supply" was reached, so "approve" must have a date'],
    ['decreasing', { ...project, stageDates: { plan: '2020-01-02', approve: '2019-05-01', supply: '2021-01-01' } }, 'features[0].properties.stageDates.approve: 2019-05-01 is before plan (2020-01-02): stage dates must not decrease'],
    ['date beyond stage', { ...project, stageDates: { ...project.stageDates, use: '2022-01-01' } }, 'features[0].properties.stageDates.use: has a date but the project\'s stage is "supply"'],
    ['district', { ...project, districtCode: '330204' }, 'features[0].properties.districtCode: expected a Ningbo district code'],
  ])('%s', (_, props, message) => {
    const r = validateProjects(fc(feat(props), feat(project)));
    expect(r.issues).toHaveLength(1);
    expect(formatPlanningIssue(r.issues[0]!).startsWith(message)).toBe(true);
    expect(r.skipped).toBe(1);
    expect(r.valid).toHaveLength(1);
  });
});
