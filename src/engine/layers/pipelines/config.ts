// Pipelines layer options: a 3D Tiles pipeline network (tools' `pipelines` converter output) with
// class and owner filters and a highlighted feature, all applied as a style (no reload).
import { FieldChecker, type Issue, type JsonObject, type LayerKindSchema } from '../../../domain/schemas/index.ts';
import { isPipeClassCode } from '../../../domain/pipelines/index.ts';
import { tiles3dDefaults, tiles3dSchema, type Tiles3dLayerConfig } from '../3dtiles/config.ts';

export interface PipelinesLayerConfig extends Tiles3dLayerConfig {
  readonly hiddenClasses: readonly string[];
  readonly hiddenOwners: readonly string[];
  readonly highlight: string | null;
  /** The converter's summary (classes, owners, lengths), for the legend; default next to the tileset. */
  readonly manifest?: string;
}

function validate(raw: JsonObject, path: string): Issue[] {
  const issues = tiles3dSchema.validate(raw, path);
  const c = new FieldChecker(issues, raw, path);
  c.string('manifest', { nonEmpty: true });
  for (const key of ['hiddenClasses', 'hiddenOwners'] as const) {
    const v = raw[key];
    if (v === undefined) continue;
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) issues.push({ path: `${path}.${key}`, message: 'expected an array of strings' });
    else if (key === 'hiddenClasses') {
      v.forEach((x: string, i) => { if (!isPipeClassCode(x)) issues.push({ path: `${path}.${key}[${i}]`, message: `"${x}" is not a CJJ 61 class code (JS, PS, RQ, RL, DL, TX, GY, QT)` }); });
    }
  }
  return issues;
}

export const pipelinesSchema: LayerKindSchema = {
  optionKeys: [...tiles3dSchema.optionKeys, 'hiddenClasses', 'hiddenOwners', 'highlight', 'manifest'],
  defaults: { ...tiles3dDefaults, colorBlendMode: 'replace', hiddenClasses: [], hiddenOwners: [], highlight: null },
  validate,
};

/** Where the converter's summary lies: the config's, or pipelines.json beside the tileset. */
export function manifestUrl(cfg: PipelinesLayerConfig): string {
  return cfg.manifest ?? cfg.url.replace(/[^/]*$/, 'pipelines.json');
}
