// Project statistics: totals equal the sums over stages and over districts; the filter applies.
import { describe, expect, it } from 'vitest';
import {
  ALL_PROJECTS, LIFECYCLE_STAGE_IDS, projectStatistics, type ProjectFilter, type ProjectRecord, type ProjectStatistics, type LifecycleStageId,
} from '../../../../src/domain/planning/index.ts';

let n = 0;
const project = (stage: LifecycleStageId, area: number, districtCode?: string, districtName?: string, landUseCode?: string): ProjectRecord => ({
  projectCode: `NB-2020-${String(++n).padStart(4, '0')}`, name: 'p', stage, stageDates: {}, parcelIds: [], area, bbox: [0, 0, 0, 0], polygons: [],
  ...(districtCode === undefined ? {} : { districtCode }), ...(districtName === undefined ? {} : { districtName }), ...(landUseCode === undefined ? {} : { landUseCode }),
});

const projects = [
  project('plan', 100, '330203', '海曙区', '0701'),
  project('plan', 200, '330203', '海曙区', '0901'),
  project('use', 50, '330205', '江北区', '0701'),
  project('supervise', 25, '330205', '江北区', '1001'),
  project('use', 10, '330212', '鄞州区', '0701'),
  project('approve', 5),
];

const sum = (xs: readonly { count: number; area: number }[]): { count: number; area: number } =>
  xs.reduce((a, t) => ({ count: a.count + t.count, area: a.area + t.area }), { count: 0, area: 0 });

function expectConsistent(s: ProjectStatistics): void {
  expect(sum(LIFECYCLE_STAGE_IDS.map((id) => s.byStage[id]))).toEqual(s.total);
  expect(sum(s.byDistrict.map((d) => d.total))).toEqual(s.total);
  for (const d of s.byDistrict) expect(sum(LIFECYCLE_STAGE_IDS.map((id) => d.byStage[id]))).toEqual(d.total);
}

describe('projectStatistics', () => {
  it('counts everything under ALL_PROJECTS, sorted by count then code, no-district last here', () => {
    const s = projectStatistics(projects, ALL_PROJECTS);
    expect(s.total).toEqual({ count: 6, area: 390 });
    expect(s.byStage.plan).toEqual({ count: 2, area: 300 });
    expect(s.byStage.register).toEqual({ count: 0, area: 0 });
    expect(s.byDistrict.map((d) => [d.districtCode, d.districtName, d.total.count])).toEqual([
      ['330203', '海曙区', 2], ['330205', '江北区', 2], ['', '', 1], ['330212', '鄞州区', 1],
    ]);
    expectConsistent(s);
  });

  it.each<[string, ProjectFilter, { count: number; area: number }, string[]]>([
    ['stages', { ...ALL_PROJECTS, stages: ['use'] }, { count: 2, area: 60 }, ['330205', '330212']],
    ['districts', { ...ALL_PROJECTS, districts: ['330205'] }, { count: 2, area: 75 }, ['330205']],
    ['land use', { ...ALL_PROJECTS, landUse: ['07'] }, { count: 3, area: 160 }, ['330203', '330205', '330212']],
    ['everything hidden', { ...ALL_PROJECTS, stages: [] }, { count: 0, area: 0 }, []],
  ])('respects the filter: %s', (_, filter, total, districts) => {
    const s = projectStatistics(projects, filter);
    expect(s.total).toEqual(total);
    expect(s.byDistrict.map((d) => d.districtCode)).toEqual(districts);
    expectConsistent(s);
  });

  it('gives zero tallies for every stage on no projects', () => {
    const s = projectStatistics([], ALL_PROJECTS);
    expect(Object.keys(s.byStage)).toEqual([...LIFECYCLE_STAGE_IDS]);
    expect(s.byDistrict).toEqual([]);
  });
});
