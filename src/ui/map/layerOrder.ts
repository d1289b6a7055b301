// Where a layer stands among the enabled layers of its kind, in config order: a kind stacks its
// layers by it (imagery draws the later one on top). The main map and the side-by-side view's
// second scene count it the same way.
import type { LayerConfig } from '../../domain/schemas/index.ts';

export function orderWithinKind(layers: readonly Pick<LayerConfig, 'id' | 'kind'>[]): Record<string, number> {
  const counts: Record<string, number> = {};
  return Object.fromEntries(layers.map((l) => [l.id, (counts[l.kind] = (counts[l.kind] ?? -1) + 1)]));
}
