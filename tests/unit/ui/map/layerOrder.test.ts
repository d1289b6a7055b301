import { describe, expect, it } from 'vitest';
import { orderWithinKind } from '../../../../src/ui/map/layerOrder.ts';

describe('orderWithinKind', () => {
  it('counts each kind separately, in config order', () => {
    const layers = [
      { id: 'base', kind: 'imagery' }, { id: 'reality', kind: '3dtiles' }, { id: 'labels', kind: 'imagery' },
      { id: 'parcels', kind: 'geojson' }, { id: 'pipes', kind: '3dtiles' }, { id: 'lines', kind: 'geojson' },
    ];
    expect(orderWithinKind(layers)).toEqual({ base: 0, reality: 0, labels: 1, parcels: 0, pipes: 1, lines: 1 });
  });

  it('is empty for no layers', () => {
    expect(orderWithinKind([])).toEqual({});
  });
});
