import { beforeEach, describe, expect, it } from 'vitest';
import { useGround, DEFAULT_GROUND_OPACITY } from '../../../src/state/ground.ts';
import { useLayers } from '../../../src/state/layers.ts';
import { usePipes } from '../../../src/state/pipes.ts';
import type { LayerConfig } from '../../../src/domain/schemas/index.ts';

const ring = [{ lon: 121.6, lat: 29.87 }, { lon: 121.6001, lat: 29.87 }, { lon: 121.6001, lat: 29.8701 }];
const pipes = { id: 'pipes', kind: 'pipelines', name: { zh: 'p', en: 'p' }, show: true, opacity: 1, synthetic: true, enabled: true, sensitive: true, url: '/p/tileset.json', hiddenClasses: [], hiddenOwners: [], highlight: null } as LayerConfig;

describe('ground store', () => {
  beforeEach(() => {
    useGround.setState({ underground: false, opacity: DEFAULT_GROUND_OPACITY, pits: [], drawing: false });
    useLayers.getState().load([pipes]);
  });

  it('clamps the ground opacity and the pit depth', () => {
    useGround.getState().setOpacity(3);
    expect(useGround.getState().opacity).toBe(1);
    useGround.getState().setPitDepth(-2);
    expect(useGround.getState().pitDepth).toBe(0.5);
  });

  it('adds pits with their own ids and removes them one by one or all', () => {
    const a = useGround.getState().addPit({ ring, depth: 5 });
    const b = useGround.getState().addPit({ ring, depth: 3, preset: 'x' });
    expect(a).not.toBe(b);
    useGround.getState().removePit(a);
    expect(useGround.getState().pits.map((p) => p.id)).toEqual([b]);
    useGround.getState().clearPits();
    expect(useGround.getState().pits).toEqual([]);
  });

  it('a picked pipe is highlighted on its layer and the highlight goes with the card', () => {
    usePipes.getState().pick({ layerId: 'pipes', properties: { featureId: 'JS1-JS2', class: 'JS' } });
    expect(useLayers.getState().layers[0]?.['highlight']).toBe('JS1-JS2');
    usePipes.getState().pick(undefined);
    expect(useLayers.getState().layers[0]?.['highlight']).toBeNull();
  });
});
