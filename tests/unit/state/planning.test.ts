import { beforeEach, describe, expect, it } from 'vitest';
import type { Feature } from '../../../src/domain/planning/index.ts';
import type { LayerConfig } from '../../../src/domain/schemas/index.ts';
import { useLayers } from '../../../src/state/layers.ts';
import { selectedProject, usePlanning } from '../../../src/state/planning.ts';

const square = (lon: number, lat: number): Feature['geometry'] => ({
  type: 'Polygon', coordinates: [[[lon, lat], [lon + 0.001, lat], [lon + 0.001, lat + 0.001], [lon, lat + 0.001], [lon, lat]]],
});
const project = (code: string, stage: string, districtCode: string): Feature => ({
  type: 'Feature', geometry: square(121.55, 29.86),
  properties: { projectCode: code, name: `项目${code}`, stage, districtCode, landUseCode: '0701', stageDates: { plan: '2020-01-01' }, parcelIds: [], area: 1000 },
});
const layer = { id: 'p', kind: 'geojson', name: { zh: 'p', en: 'p' }, show: true, opacity: 1, synthetic: true, enabled: true, sensitive: false, url: '/p.geojson', schema: 'projects', visibleFeatures: null } as LayerConfig;
const visible = (): unknown => useLayers.getState().layers.find((l) => l.id === 'p')?.['visibleFeatures'];

describe('planning store', () => {
  beforeEach(() => {
    useLayers.getState().load([layer]);
    usePlanning.setState({ sources: {}, projects: [], parcels: [] });
    usePlanning.getState().resetFilter();
    usePlanning.getState().setLayerData('p', {
      schema: 'projects',
      features: [project('A', 'plan', '330203'), project('B', 'use', '330203'), project('C', 'use', '330212')],
    });
  });

  it('indexes the data a layer publishes, and forgets it when the layer goes', () => {
    expect(usePlanning.getState().projects.map((p) => p.projectCode)).toEqual(['A', 'B', 'C']);
    expect(usePlanning.getState().index.projectByCode('b')?.stage).toBe('use');
    usePlanning.getState().setLayerData('p', undefined);
    expect(usePlanning.getState().projects).toEqual([]);
  });

  it('a filter reaches the projects layer as the ids it may show; reset shows all again', () => {
    expect(visible()).toBeNull();
    usePlanning.getState().setFilter({ stages: ['plan', 'approve', 'supply', 'register', 'supervise'] });
    expect(visible()).toEqual(['A']);
    usePlanning.getState().setFilter({ stages: ['use'], districts: ['330212'] });
    expect(visible()).toEqual(['C']);
    usePlanning.getState().resetFilter();
    expect(visible()).toBeNull();
  });

  it('search selects nothing by itself; the selected project resolves through the index', () => {
    const outcome = usePlanning.getState().runSearch(' c ');
    expect(outcome.kind).toBe('project');
    expect(usePlanning.getState().search?.query).toBe(' c ');
    usePlanning.getState().select({ kind: 'project', code: 'C' });
    expect(selectedProject(usePlanning.getState())?.districtCode).toBe('330212');
  });
});
