// What the legend of an exported image lists: each visible layer with the classes it draws in
// their map colours (planning classes, CJJ 61 pipe classes, the seabed depth ramp), minus the
// classes the user has switched off, so the picture and its legend always agree.
import { featureClasses, isLifecycleStageId, PLANNING_SCHEMAS, type PlanningSchema } from '../planning/index.ts';
import { PIPE_CLASSES } from '../pipelines/cjj61.ts';
import { DEPTH_RAMP } from '../seabed/ramp.ts';
import type { LayerConfig } from '../schemas/index.ts';

export type Rgb = readonly [number, number, number];

export interface LegendItem {
  readonly rgb: Rgb;
  readonly label: string;
  /** Drawn as a line (boundaries) rather than a filled box. */
  readonly line?: boolean;
}

export interface LegendSection {
  readonly layerId: string;
  readonly title: string;
  readonly items: readonly LegendItem[];
}

export interface LegendInput {
  readonly layers: readonly LayerConfig[];
  readonly lang: 'zh' | 'en';
  /** Stages the project filter shows (the projects layer's stage classes follow it). */
  readonly stages: readonly string[];
}

const isPlanningSchema = (v: unknown): v is PlanningSchema => typeof v === 'string' && (PLANNING_SCHEMAS as readonly string[]).includes(v);

function itemsOf(layer: LayerConfig, input: LegendInput): LegendItem[] {
  const hidden = new Set((layer['hiddenClasses'] as readonly string[] | undefined) ?? []);
  const schema = layer['schema'];
  if (layer.kind === 'geojson' && isPlanningSchema(schema)) {
    return featureClasses(schema)
      .filter((c) => !hidden.has(c.id) && (schema !== 'projects' || !isLifecycleStageId(c.id) || input.stages.includes(c.id)))
      .map((c) => ({ rgb: c.fill ?? c.stroke, label: c[input.lang], ...(c.fill ? {} : { line: true }) }));
  }
  if (layer.kind === 'pipelines') {
    return PIPE_CLASSES.filter((c) => !hidden.has(c.code)).map((c) => ({ rgb: c.rgb, label: `${c.code} ${c[input.lang]}` }));
  }
  if (layer['legend'] === 'depthRamp') {
    return DEPTH_RAMP.map((s) => ({ rgb: s.rgb, label: input.lang === 'zh' ? `水深 ${s.depth} m` : `${s.depth} m deep` }));
  }
  return [];
}

/** One section per visible layer that draws classes; layers without classes (mesh, base map) are named only. */
export function exportLegend(input: LegendInput): LegendSection[] {
  return input.layers
    .filter((l) => l.show && l.enabled !== false)
    .map((l) => ({ layerId: l.id, title: l.name[input.lang], items: itemsOf(l, input) }));
}
