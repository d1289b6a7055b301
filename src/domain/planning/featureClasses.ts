// How planning GeoJSON is classed for display: each schema names the property that picks a feature's
// class, and each class its colours and legend names. The legend, the per-class toggles and the
// map all read this one table, so they cannot disagree.
import { CONTROL_LINE_INFO, type Rgb } from './controlLines.ts';
import { LAND_USE_CLASSES, landUseFirstLevel } from './landUse.ts';
import { LIFECYCLE_STAGES } from './stages.ts';
import { validateControlLines, validateParcels, validateProjects, type ValidationResult } from './validate.ts';

export const PLANNING_SCHEMAS = ['controlLines', 'parcels', 'projects'] as const;
export type PlanningSchema = (typeof PLANNING_SCHEMAS)[number];

export interface FeatureClass {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
  /** Fill colour, or null for an outline only (the 五线 are boundaries, not areas). */
  readonly fill: Rgb | null;
  readonly stroke: Rgb;
}

/**
 * Lifecycle stage colours: a sequential-looking but distinguishable set (blue → green), chosen so
 * 规 (only planned) reads cool and 管 (done, supervised) reads settled. Not a national convention.
 */
const STAGE_COLOURS: Readonly<Record<string, Rgb>> = {
  plan: [66, 133, 244], approve: [171, 71, 188], supply: [255, 152, 0], use: [229, 57, 53], register: [67, 160, 71], supervise: [0, 150, 136],
};

/**
 * First-level 用地用海 colours after the guide's recommended palette (居住 yellow, 商业 red, 工矿
 * brown, 绿地 green…); values approximate the printed table and are display defaults only.
 */
const LAND_USE_COLOURS: Readonly<Record<string, Rgb>> = {
  '01': [245, 248, 220], '02': [191, 233, 170], '03': [104, 177, 103], '04': [205, 245, 122], '05': [101, 205, 170],
  '06': [216, 215, 159], '07': [255, 255, 45], '08': [255, 0, 255], '09': [255, 0, 0], '10': [187, 150, 116],
  '11': [135, 97, 211], '12': [180, 180, 180], '13': [0, 99, 128], '14': [0, 255, 0], '15': [133, 145, 101],
  '16': [255, 255, 255], '17': [77, 165, 255], '18': [178, 230, 255], '19': [140, 200, 230], '20': [150, 180, 220],
  '21': [170, 230, 230], '22': [120, 150, 190], '23': [200, 200, 200], '24': [210, 240, 255],
};

const darker = (c: Rgb): Rgb => [Math.round(c[0] * 0.7), Math.round(c[1] * 0.7), Math.round(c[2] * 0.7)];

const CLASSES: Readonly<Record<PlanningSchema, readonly FeatureClass[]>> = {
  controlLines: CONTROL_LINE_INFO.map((c) => ({ id: c.id, zh: c.zh, en: c.en, fill: c.style.fill, stroke: c.style.stroke })),
  projects: LIFECYCLE_STAGES.map((s) => {
    const c = STAGE_COLOURS[s.id] ?? [128, 128, 128];
    return { id: s.id, zh: `${s.short} · ${s.zh}`, en: s.en, fill: c, stroke: darker(c) };
  }),
  parcels: LAND_USE_CLASSES.filter((l) => l.level === 1).map((l) => {
    const c = LAND_USE_COLOURS[l.code] ?? [128, 128, 128];
    return { id: l.code, zh: `${l.code} ${l.zh}`, en: `${l.code} ${l.en}`, fill: c, stroke: darker(c) };
  }),
};

export function featureClasses(schema: PlanningSchema): readonly FeatureClass[] {
  return CLASSES[schema];
}

/** The class of a (validated) feature's properties under a schema. */
export function featureClassOf(schema: PlanningSchema, properties: Readonly<Record<string, unknown>>): string {
  if (schema === 'controlLines') return String(properties['lineType']);
  if (schema === 'projects') return String(properties['stage']);
  return landUseFirstLevel(String(properties['landUseCode']))?.code ?? '';
}

export function featureClass(schema: PlanningSchema, id: string): FeatureClass | undefined {
  return CLASSES[schema].find((c) => c.id === id);
}

/** The validator for a schema's user-supplied GeoJSON. */
export function validatePlanningCollection(schema: PlanningSchema, raw: unknown): ValidationResult {
  if (schema === 'controlLines') return validateControlLines(raw);
  if (schema === 'parcels') return validateParcels(raw);
  return validateProjects(raw);
}

/** The feature's identifier in the data: the schema's key property, else the GeoJSON id, else its index. */
export function featureIdOf(schema: PlanningSchema, feature: { readonly id?: string | number; readonly properties: Readonly<Record<string, unknown>> }, index: number): string {
  const key = schema === 'projects' ? feature.properties['projectCode'] : schema === 'parcels' ? feature.properties['parcelId'] : undefined;
  if (typeof key === 'string') return key;
  return feature.id !== undefined ? String(feature.id) : `#${index}`;
}
