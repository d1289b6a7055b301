// The plain 3D Tiles layer kind: one tileset, styled by the config's `style` and opacity.
import { tilesetKind } from './tilesetKind.ts';
import { tiles3dSchema, type Tiles3dLayerConfig } from './config.ts';

export default tilesetKind<Tiles3dLayerConfig>({ kind: '3dtiles', schema: tiles3dSchema });
