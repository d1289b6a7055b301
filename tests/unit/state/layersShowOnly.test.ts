import { describe, expect, it } from 'vitest';
import { useLayers } from '../../../src/state/layers.ts';
import type { LayerConfig } from '../../../src/domain/schemas/index.ts';

const layer = (id: string, show: boolean): LayerConfig => ({ id, kind: 'imagery', name: { zh: id, en: id }, show, opacity: 1, synthetic: true, enabled: true, sensitive: false });

describe('layers store: showOnly', () => {
  it('shows exactly the named layers in one update and keeps unchanged layers as they were', () => {
    useLayers.getState().load([layer('a', true), layer('b', false), layer('c', true)]);
    const before = useLayers.getState().layers;
    let updates = 0;
    const off = useLayers.subscribe(() => void updates++);
    useLayers.getState().showOnly(['b', 'c', 'unknown']);
    off();
    const after = useLayers.getState().layers;
    expect(after.map((l) => [l.id, l.show])).toEqual([['a', false], ['b', true], ['c', true]]);
    expect(updates).toBe(1);
    expect(after[2]).toBe(before[2]);
  });
});
