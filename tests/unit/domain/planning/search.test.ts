// The planning search box: every outcome kind and its precedence, on a small fixture, then a
// round trip over the real generated data when it is present.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodeBeidou2D } from '../../../../src/domain/spacecode/index.ts';
import {
  bboxOf, buildPlanningIndex, parcelRecord, projectRecord, searchPlanning, validateParcels, validateProjects,
  MAX_CELL_PARCELS, MAX_PROJECT_MATCHES, type ParcelRecord, type Position, type ProjectRecord, type SearchOutcome,
} from '../../../../src/domain/planning/index.ts';

const rect = (w: number, s: number, e: number, n: number): Position[] => [[w, s], [e, s], [e, n], [w, n], [w, s]];
const parcel = (parcelId: string, w: number, s: number, unitCode?: string): ParcelRecord => {
  const polygons = [[rect(w, s, w + 0.002, s + 0.002)]];
  return { parcelId, landUseCode: '0701', area: 40000, bbox: bboxOf(polygons), polygons, ...(unitCode ? { unitCode } : {}) };
};
const project = (projectCode: string, name: string, developer: string, parcelIds: string[], w: number, s: number): ProjectRecord => {
  const polygons = [[rect(w, s, w + 0.004, s + 0.002)]];
  return { projectCode, name, developer, stage: 'use', stageDates: {}, parcelIds, area: 80000, bbox: bboxOf(polygons), polygons };
};

const parcels = [
  parcel('p1', 121.540, 29.870, '330203001001GB00001F00010001'),
  parcel('p2', 121.542, 29.870, '330203001001GB00002F00010001'),
  parcel('p3', 121.600, 29.900),
];
const projects = [
  project('NB-2020-0002', '海曙区鼓楼商业2号地块项目', '鼓楼置业（虚构）', ['p1', 'p2'], 121.540, 29.870),
  project('NB-2020-0001', '江北区住宅1号地块项目', '海曙城投（虚构）', ['p1'], 121.540, 29.870),
  project('NB-2021-0007', '海曙区2024年安置房项目', '安居集团（虚构）', ['p3'], 121.600, 29.900),
];
const index = buildPlanningIndex(projects, parcels);

type Kind = SearchOutcome['kind'];
const codes = (xs: readonly { projectCode: string }[]): string[] => xs.map((p) => p.projectCode);

describe('searchPlanning: project codes and text', () => {
  it.each<[string, string, Kind, string[]]>([
    ['exact code', 'NB-2020-0001', 'project', ['NB-2020-0001']],
    ['exact code, lower case and spaces', '  nb-2020-0002 ', 'project', ['NB-2020-0002']],
    ['code shape, not in the data', 'NB-2020-0099', 'noMatch', []],
    ['code prefix searches codes', 'NB-2020', 'projects', ['NB-2020-0001', 'NB-2020-0002']],
    ['name prefix ranks before name contains and developer', '海曙', 'projects', ['NB-2020-0002', 'NB-2021-0007', 'NB-2020-0001']],
    ['name contains', '住宅', 'projects', ['NB-2020-0001']],
    ['developer only', '安居', 'projects', ['NB-2021-0007']],
    ['a name with digits still searches names', '海曙区2024', 'projects', ['NB-2021-0007']],
    ['nothing', '慈溪', 'noMatch', []],
  ])('%s: %s → %s', (_, query, kind, expected) => {
    const r = searchPlanning(query, index);
    expect(r.kind).toBe(kind);
    if (r.kind === 'project') expect(r.project.projectCode).toBe(expected[0]);
    if (r.kind === 'projects') { expect(codes(r.matches)).toEqual(expected); expect(r.more).toBe(0); }
  });

  it('caps text matches and counts the rest', () => {
    const many = Array.from({ length: 25 }, (_, i) => project(`NB-2022-${String(i + 1).padStart(4, '0')}`, `测试项目${i}`, 'x', [], 121.5, 29.8));
    const r = searchPlanning('测试', buildPlanningIndex(many, []));
    expect(r).toMatchObject({ kind: 'projects', more: 25 - MAX_PROJECT_MATCHES });
    if (r.kind === 'projects') expect(codes(r.matches)).toEqual(many.slice(0, MAX_PROJECT_MATCHES).map((p) => p.projectCode));
  });
});

describe('searchPlanning: space codes', () => {
  it.each<[string, string, RegExp]>([
    ['empty', '   ', /empty query/],
    ['bad BeiDou digit names its level and position', 'N51H332157926X', /level 7 latitude digit 'X' at position 14/],
    ['bad BeiDou level-1 letter', 'N51X3321579266', /level 1 latitude letter 'X' at position 4/],
    ['southern hemisphere', 'S51H3321579266', /hemisphere 'S' at position 1/],
    ['short unit code', '3302', /不动产单元代码.*found 4/],
    ['bad admin code', '990212423003JC00004F00010001', /admin code '990212' at positions 1–6/],
  ])('%s → invalid', (_, query, reason) => {
    const r = searchPlanning(query, index);
    expect(r.kind).toBe('invalid');
    if (r.kind === 'invalid') expect(r.reason).toMatch(reason);
  });

  it('finds a parcel by its unit code, with its projects', () => {
    const r = searchPlanning('330203001001gb00001f00010001', index);
    expect(r.kind).toBe('parcel');
    if (r.kind === 'parcel') { expect(r.parcel.parcelId).toBe('p1'); expect(codes(r.projects)).toEqual(['NB-2020-0002', 'NB-2020-0001']); }
  });

  it.each<[string, string, string | undefined]>([
    ['a Ningbo district', '330212423003JC00004F00010001', '鄞州区'],
    ['outside Ningbo', '330102001001GB00001F00010001', undefined],
  ])('reports a valid unit code not in the data: %s', (_, query, district) => {
    const r = searchPlanning(query, index);
    expect(r.kind).toBe('unitNotFound');
    if (r.kind === 'unitNotFound') { expect(r.unit.adminCode).toBe(query.slice(0, 6)); expect(r.district).toBe(district); }
  });

  it('finds the parcel under a fine BeiDou cell, and its projects', () => {
    const code = encodeBeidou2D({ lon: 121.5405, lat: 29.8705 }, 10);
    const r = searchPlanning(code.toLowerCase(), index);
    expect(r.kind).toBe('beidou');
    if (r.kind === 'beidou') {
      expect(r.code).toBe(code);
      expect(r.parcels.map((p) => p.parcelId)).toEqual(['p1']);
      expect(codes(r.projects)).toEqual(['NB-2020-0002', 'NB-2020-0001']);
    }
  });

  it('lists parcels of a coarse cell nearest its centre first, at most MAX_CELL_PARCELS', () => {
    const grid = Array.from({ length: 100 }, (_, i) => parcel(`g${i}`, 121.5 + (i % 10) * 0.002, 29.8 + Math.floor(i / 10) * 0.002));
    const r = searchPlanning(encodeBeidou2D({ lon: 121.51, lat: 29.81 }, 3), buildPlanningIndex([], grid));
    expect(r.kind).toBe('beidou');
    if (r.kind === 'beidou') {
      expect(r.parcels).toHaveLength(MAX_CELL_PARCELS);
      const d = (p: ParcelRecord): number => ((p.bbox[0] + p.bbox[2]) / 2 - r.cell.centre.lon) ** 2 + ((p.bbox[1] + p.bbox[3]) / 2 - r.cell.centre.lat) ** 2;
      for (let k = 1; k < r.parcels.length; k++) expect(d(r.parcels[k]!)).toBeGreaterThanOrEqual(d(r.parcels[k - 1]!));
    }
  });

  it('still answers a valid BeiDou cell over nothing, with empty lists', () => {
    const r = searchPlanning(encodeBeidou2D({ lon: 122.3, lat: 29.5 }, 8), index);
    expect(r).toMatchObject({ kind: 'beidou', parcels: [], projects: [] });
  });
});

describe('buildPlanningIndex', () => {
  it('looks up by code, id and place', () => {
    expect(index.parcelById('p2')?.unitCode).toBe('330203001001GB00002F00010001');
    expect(index.parcelByUnitCode(' 330203001001GB00002F00010001 ')?.parcelId).toBe('p2');
    expect(codes(index.projectsOfParcel('p3'))).toEqual(['NB-2021-0007']);
    expect(index.projectsOfParcel('nope')).toEqual([]);
    // the shared edge of p1 and p2 belongs to p2, the one to its east
    expect(index.parcelsAt(121.542, 29.871).map((p) => p.parcelId)).toEqual(['p2']);
    expect(index.parcelsIn([121.5, 29.8, 121.541, 29.9]).map((p) => p.parcelId)).toEqual(['p1']);
  });
});

const PROJECTS = 'tilesets/planning/projects.geojson';
const PARCELS = 'tilesets/planning/parcels.geojson';

describe('the generated Ningbo data', () => {
  it.skipIf(!existsSync(PROJECTS) || !existsSync(PARCELS))('validates, indexes and round-trips through search', () => {
    const vp = validateProjects(JSON.parse(readFileSync(PROJECTS, 'utf8')));
    const vq = validateParcels(JSON.parse(readFileSync(PARCELS, 'utf8')));
    expect(vp.issues).toEqual([]);
    expect(vq.issues).toEqual([]);
    const real = buildPlanningIndex(vp.valid.map(projectRecord), vq.valid.map(parcelRecord));
    expect(real.projects.length).toBeGreaterThan(0);
    expect(real.parcels.length).toBeGreaterThan(1000);

    const missing = real.projects.flatMap((p) => p.parcelIds.filter((id) => !real.parcelById(id)).map((id) => `${p.projectCode}: ${id}`));
    expect(missing).toEqual([]);
    for (const p of real.projects) expect(searchPlanning(p.projectCode, real)).toMatchObject({ kind: 'project', project: p });

    const step = Math.max(1, Math.floor(real.parcels.length / 500));
    for (let i = 0; i < real.parcels.length; i += step) {
      const p = real.parcels[i]!;
      const r = searchPlanning(p.unitCode ?? '', real);
      expect(r.kind, p.parcelId).toBe('parcel');
      if (r.kind === 'parcel') {
        expect(r.parcel).toBe(p);
        expect(codes(r.projects)).toEqual(codes(real.projectsOfParcel(p.parcelId)));
      }
      if (p.beidouCode) expect(searchPlanning(p.beidouCode, real)).toMatchObject({ kind: 'beidou', parcels: expect.arrayContaining([p]) as unknown });
    }
  });
});
