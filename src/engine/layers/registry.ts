// Every layer kind the viewer knows. Adding a kind: one folder under engine/layers and one line here.
import type { LayerKindSchema } from '../../domain/schemas/index.ts';
import type { AnyLayerKind } from './types.ts';
import tiles3d from './3dtiles/index.ts';
import imagery from './imagery/index.ts';
import geojson from './geojson/index.ts';
import pipelines from './pipelines/index.ts';
import water from './water/index.ts';

export const layerKinds: Readonly<Record<string, AnyLayerKind>> = Object.fromEntries(
  [tiles3d, imagery, geojson, pipelines, water].map((k) => [k.kind, k]),
);

export const layerKindSchemas: Readonly<Record<string, LayerKindSchema>> = Object.fromEntries(
  Object.values(layerKinds).map((k) => [k.kind, k.schema]),
);
