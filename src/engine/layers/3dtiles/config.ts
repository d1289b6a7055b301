// 3D Tiles layer options (a subset of Cesium3DTileset's, named as Cesium names them so the
// streaming reference applies directly: reference/streaming.md).
import { FieldChecker, isObject, describeType, joinPath, type Issue, type JsonObject, type LayerConfig, type LayerKindSchema } from '../../../domain/schemas/index.ts';
import type { TileStyleJson } from '../../../domain/styling/index.ts';
import { TILESET_LIVE_OPTIONS } from '../../../domain/streaming/tilesetOptions.ts';

export type ColorBlendModeName = 'highlight' | 'replace' | 'mix';

export interface Tiles3dLayerConfig extends LayerConfig {
  readonly url: string;
  /** Refinement threshold in CSS pixels (Cesium's default 16). */
  readonly maximumScreenSpaceError: number;
  readonly cacheBytes?: number;
  readonly maximumCacheOverflowBytes?: number;
  readonly dynamicScreenSpaceError?: boolean;
  readonly foveatedScreenSpaceError?: boolean;
  readonly skipLevelOfDetail?: boolean;
  /** Skip-LOD only: load the tiles that meet the SSE and nothing between them and the base. */
  readonly immediatelyLoadDesiredLevelOfDetail?: boolean;
  /** Skip-LOD only: the SSE of the coarse base that fills gaps while finer tiles load (Cesium 1024). */
  readonly baseScreenSpaceError?: number;
  /** Skip-LOD only: how many times finer a tile must be than its loaded ancestor to be worth loading (16). */
  readonly skipScreenSpaceErrorFactor?: number;
  /** Skip-LOD only: the fewest levels skipped at once (1). */
  readonly skipLevels?: number;
  /** Skip-LOD only: load all four siblings of a needed tile (false). */
  readonly loadSiblings?: boolean;
  readonly cullRequestsWhileMoving?: boolean;
  readonly progressiveResolutionHeightFraction?: number;
  /** A 3D Tiles style (show / color expressions on feature properties). */
  readonly style?: TileStyleJson;
  /** How style colours meet the model's own: multiply (highlight), replace or mix. */
  readonly colorBlendMode: ColorBlendModeName;
  /** This mesh is the ground surface: underground mode makes it translucent. */
  readonly ground: boolean;
  /** Alpha the ground gets in underground mode (set by the app, not by configs; 1 = opaque). */
  readonly groundTranslucency?: number;
  /** [west, south, east, north] degrees where the globe is hidden while this layer shows: a
   *  seabed or underground model below the ellipsoid would otherwise sit under the globe's skin. */
  readonly globeCutout?: readonly [number, number, number, number];
  /** A legend the layer row shows: the seabed's depth ramp. */
  readonly legend?: 'depthRamp';
}

export const tiles3dDefaults = { maximumScreenSpaceError: 16, colorBlendMode: 'highlight', ground: false } as const;

/** Options that Cesium3DTileset lets us change on a live tileset. */
export const tiles3dLiveOptions = TILESET_LIVE_OPTIONS;

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
  c.boolean('immediatelyLoadDesiredLevelOfDetail');
  c.number('baseScreenSpaceError', { min: 1, max: 1e6 });
  c.number('skipScreenSpaceErrorFactor', { min: 1, max: 1024 });
  c.number('skipLevels', { min: 0, max: 16, integer: true });
  c.boolean('loadSiblings');
  c.boolean('cullRequestsWhileMoving');
  c.number('progressiveResolutionHeightFraction', { min: 0, max: 0.5 });
  c.oneOf('colorBlendMode', ['highlight', 'replace', 'mix']);
  c.boolean('ground');
  c.oneOf('legend', ['depthRamp']);
  c.number('groundTranslucency', { min: 0, max: 1 });
  checkStyle(issues, raw['style'], joinPath(path, 'style'));
  checkCutout(issues, raw['globeCutout'], joinPath(path, 'globeCutout'));
  return issues;
}

function checkStyle(issues: Issue[], style: unknown, path: string): void {
  if (style === undefined) return;
  if (!isObject(style)) { issues.push({ path, message: `expected an object, found ${describeType(style)}` }); return; }
  const c = new FieldChecker(issues, style, path);
  c.string('show');
  c.unknownKeys(['show', 'color']);
  const color = style['color'];
  if (color === undefined || typeof color === 'string') return;
  const conditions = isObject(color) ? color['conditions'] : undefined;
  const ok = Array.isArray(conditions) && conditions.every((x) => Array.isArray(x) && x.length === 2 && x.every((e) => typeof e === 'string'));
  if (!ok) issues.push({ path: joinPath(path, 'color'), message: 'expected an expression string or { "conditions": [["condition", "color"], …] }' });
}

function checkCutout(issues: Issue[], v: unknown, path: string): void {
  if (v === undefined) return;
  const ok = Array.isArray(v) && v.length === 4 && v.every((n) => typeof n === 'number' && Number.isFinite(n));
  const [w, s, e, n] = ok ? (v as number[]) : [];
  if (!ok || w! < -180 || e! > 180 || s! < -90 || n! > 90 || w! >= e! || s! >= n!) {
    issues.push({ path, message: 'expected [west, south, east, north] in degrees with west < east and south < north' });
  }
}

export const tiles3dSchema: LayerKindSchema = {
  optionKeys: ['url', ...tiles3dLiveOptions, 'style', 'colorBlendMode', 'ground', 'groundTranslucency', 'globeCutout', 'legend'],
  defaults: tiles3dDefaults,
  validate,
};
