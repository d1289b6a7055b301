// Planning GeoJSON layer options: the file, which planning schema validates and classes it, and the
// live display props (per-class toggles, the feature filter the app's panels set, fill opacity).
import { FieldChecker, type Issue, type JsonObject, type LayerConfig, type LayerKindSchema } from '../../../domain/schemas/index.ts';
import { PLANNING_SCHEMAS, type PlanningSchema } from '../../../domain/planning/index.ts';

export interface GeojsonLayerConfig extends LayerConfig {
  readonly url: string;
  readonly schema: PlanningSchema;
  /** Classes (line type, stage, land-use class) switched off in the legend. */
  readonly hiddenClasses: readonly string[];
  /** Ids of the features the app's filters let through; null shows all. */
  readonly visibleFeatures: readonly string[] | null;
  /** Fill alpha before the layer's opacity applies (0..1). */
  readonly fillOpacity: number;
  /** Outline width in CSS pixels. */
  readonly outlineWidth: number;
  /**
   * Set at run time by a live feed (never in the config file): a newer FeatureCollection than the
   * file, and its revision, which rebuilds the layer from it without a page reload.
   */
  readonly liveRevision?: number;
  readonly liveData?: unknown;
}

export const geojsonDefaults = { hiddenClasses: [], visibleFeatures: null, fillOpacity: 0.4, outlineWidth: 2 } as const;

function validate(raw: JsonObject, path: string): Issue[] {
  const issues: Issue[] = [];
  const c = new FieldChecker(issues, raw, path);
  c.string('url', { required: true, nonEmpty: true });
  c.oneOf('schema', PLANNING_SCHEMAS, { required: true });
  c.stringArray('hiddenClasses');
  if (raw['visibleFeatures'] !== null) c.stringArray('visibleFeatures');
  c.number('fillOpacity', { min: 0, max: 1 });
  c.number('outlineWidth', { min: 0.5, max: 20 });
  return issues;
}

export const geojsonSchema: LayerKindSchema = {
  optionKeys: ['url', 'schema', 'hiddenClasses', 'visibleFeatures', 'fillOpacity', 'outlineWidth'],
  defaults: geojsonDefaults,
  validate,
};
