import { beforeEach, describe, expect, it } from 'vitest';
import type { Feature } from '../../../src/domain/planning/index.ts';
import { usePlanning } from '../../../src/state/planning.ts';
import { useSelection } from '../../../src/state/selection.ts';
import { onMapClick } from '../../../src/ui/map/mapClick.ts';

const square: Feature['geometry'] = { type: 'Polygon', coordinates: [[[121.55, 29.86], [121.551, 29.86], [121.551, 29.861], [121.55, 29.861], [121.55, 29.86]]] };
const point = { lon: 121.5505, lat: 29.8605, height: 20, source: 'mesh' as const };

describe('a click on the map', () => {
  beforeEach(() => {
    usePlanning.setState({ sources: {}, projects: [], parcels: [], selection: undefined });
    usePlanning.getState().setLayerData('projects', {
      schema: 'projects',
      features: [{ type: 'Feature', geometry: square, properties: { projectCode: 'NB-2020-0001', name: 'x', stage: 'plan', stageDates: { plan: '2020-01-01' } } }],
    });
    usePlanning.getState().setLayerData('parcels', {
      schema: 'parcels',
      features: [{ type: 'Feature', geometry: square, properties: { parcelId: 'P1', landUseCode: '0701' } }],
    });
  });

  it('on a project selects it and records the point for the space-code panel', () => {
    onMapClick(point, { layerId: 'projects', featureId: 'NB-2020-0001' });
    expect(usePlanning.getState().selection).toEqual({ kind: 'project', code: 'NB-2020-0001' });
    expect(useSelection.getState().clicked).toEqual(point);
  });
  it('on a parcel selects the parcel', () => {
    onMapClick(point, { layerId: 'parcels', featureId: 'P1' });
    expect(usePlanning.getState().selection).toEqual({ kind: 'parcel', id: 'P1' });
  });
  it('elsewhere closes the card but keeps the point (the panel names the parcel under it)', () => {
    onMapClick(point, { layerId: 'projects', featureId: 'NB-2020-0001' });
    onMapClick(point, undefined);
    expect(usePlanning.getState().selection).toBeUndefined();
    expect(usePlanning.getState().index.parcelsAt(point.lon, point.lat).map((p) => p.parcelId)).toEqual(['P1']);
  });
  it('off the earth clears the point', () => {
    onMapClick(undefined, undefined);
    expect(useSelection.getState().clicked).toBeUndefined();
  });
});
