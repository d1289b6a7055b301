// The project filter: each dimension, their combinations, and projects missing a dimension.
import { describe, expect, it } from 'vitest';
import {
  ALL_PROJECTS, isFilterActive, matchesProjectFilter, type ProjectFilter, type ProjectRecord,
} from '../../../../src/domain/planning/index.ts';

const project = (over: Partial<ProjectRecord>): ProjectRecord => ({
  projectCode: 'NB-2020-0001', name: 'p', stage: 'use', stageDates: {}, parcelIds: [], area: 100, bbox: [0, 0, 0, 0], polygons: [], ...over,
});
const full = project({ districtCode: '330203', landUseCode: '0701' });
const bare = project({});
const f = (over: Partial<ProjectFilter>): ProjectFilter => ({ ...ALL_PROJECTS, ...over });

describe('matchesProjectFilter', () => {
  it.each<[string, ProjectRecord, ProjectFilter, boolean]>([
    ['all shows a full project', full, ALL_PROJECTS, true],
    ['all shows a project without district or land use', bare, ALL_PROJECTS, true],
    ['stage shown', full, f({ stages: ['use', 'plan'] }), true],
    ['stage hidden', full, f({ stages: ['plan'] }), false],
    ['no stages', full, f({ stages: [] }), false],
    ['district shown', full, f({ districts: ['330203', '330205'] }), true],
    ['district hidden', full, f({ districts: ['330205'] }), false],
    ['empty district list hides all', full, f({ districts: [] }), false],
    ['no district when districts are chosen', bare, f({ districts: ['330203'] }), false],
    ['first-level 07 covers 0701', full, f({ landUse: ['07'] }), true],
    ['first-level 09 does not', full, f({ landUse: ['09', '10'] }), false],
    ['no land use when classes are chosen', bare, f({ landUse: ['07'] }), false],
    ['a first-level code on the project', project({ landUseCode: '14' }), f({ landUse: ['14'] }), true],
    ['all three match', full, { stages: ['use'], districts: ['330203'], landUse: ['07'] }, true],
    ['two match, stage does not', full, { stages: ['plan'], districts: ['330203'], landUse: ['07'] }, false],
    ['two match, land use does not', full, { stages: ['use'], districts: ['330203'], landUse: ['08'] }, false],
    ['bare project passes a stage-only filter', bare, f({ stages: ['use'] }), true],
  ])('%s', (_, p, filter, expected) => { expect(matchesProjectFilter(p, filter)).toBe(expected); });
});

describe('isFilterActive', () => {
  it.each<[string, ProjectFilter, boolean]>([
    ['all', ALL_PROJECTS, false],
    ['all stages in another order', f({ stages: ['supervise', 'register', 'use', 'supply', 'approve', 'plan'] }), false],
    ['a stage left out', f({ stages: ['plan', 'approve', 'supply', 'use', 'register'] }), true],
    ['districts given', f({ districts: ['330203'] }), true],
    ['empty district list', f({ districts: [] }), true],
    ['land use given', f({ landUse: ['07'] }), true],
  ])('%s', (_, filter, expected) => { expect(isFilterActive(filter)).toBe(expected); });
});
