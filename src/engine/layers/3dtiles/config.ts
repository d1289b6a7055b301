// 3D Tiles layer options (a subset of Cesium3DTileset's, named as Cesium names them so the
// streaming reference applies directly: reference/streaming.md).
import { FieldChecker, type Issue, type JsonObject, type LayerConfig, type LayerKindSchema } from '../../../domain/schemas/index.ts';

export interface Tiles3dLayerConfig extends LayerConfig {
  readonly url: string;
  /** Refinement threshold in CSS pixels (Cesium's default 16). */
  readonly maximumScreenSpaceError: number;
  readonly cacheBytes?: number;
  readonly maximumCacheOverflowBytes?: number;
  readonly dynamicScreenSpaceError?: boolean;
  readonly foveatedScreenSpaceError?: boolean;
  readonly skipLevelOfDetail?: boolean;
  readonly cullRequestsWhileMoving?: boolean;
  readonly progressiveResolutionHeightFraction?: number;
}

export const tiles3dDefaults = { maximumScreenSpaceError: 16 } as const;

/** Options that Cesium3DTileset lets us change on a live tileset. */
export const tiles3dLiveOptions = [
  'maximumScreenSpaceError', 'cacheBytes', 'maximumCacheOverflowBytes', 'dynamicScreenSpaceError',
  'foveatedScreenSpaceError', 'skipLevelOfDetail', 'cullRequestsWhileMoving', 'progressiveResolutionHeightFraction',
] as const;

function validate(raw: JsonObject, path: string): Issue[] {
  const issues: Issue[] = [];
  const c = new FieldChecker(issues, raw, path);
  c.string('url', { required: true, nonEmpty: true });
  c.number('maximumScreenSpaceError', { min: 0.1, max: 1024 });
  c.number('cacheBytes', { min: 0, integer: true });
  c.number('maximumCacheOverflowBytes', { min: 0, integer: true });
  c.boolean('dynamicScreenSpaceError');
  c.boolean('foveatedScreenSpaceError');
  c.boolean('skipLevelOfDetail');
  c.boolean('cullRequestsWhileMoving');
  c.number('progressiveResolutionHeightFraction', { min: 0, max: 0.5 });
  return issues;
}

export const tiles3dSchema: LayerKindSchema = {
  optionKeys: ['url', ...tiles3dLiveOptions],
  defaults: tiles3dDefaults,
  validate,
};
