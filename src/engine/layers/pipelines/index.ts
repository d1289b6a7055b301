// The pipelines layer kind: a 3D Tiles pipe network coloured by CJJ 61 class, filtered by class
// and owner, with the picked pipe or well highlighted.
import { pipelineStyle } from '../../../domain/pipelines/index.ts';
import { tilesetKind } from '../3dtiles/tilesetKind.ts';
import { pipelinesSchema, type PipelinesLayerConfig } from './config.ts';

export default tilesetKind<PipelinesLayerConfig>({
  kind: 'pipelines',
  schema: pipelinesSchema,
  style: (cfg) => pipelineStyle(cfg),
});
