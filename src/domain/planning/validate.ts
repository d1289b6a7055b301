// Validators for user-supplied planning GeoJSON: they collect issues that name the feature and the
// field, skip invalid features (counted), and pass the rest. Never throw.
import { parseUnitCode } from '../spacecode/unitCode.ts';
import { NINGBO_DISTRICTS } from '../spacecode/districts.ts';
import { CONTROL_LINE_TYPES } from './controlLines.ts';
import { checkLandUseCode } from './landUse.ts';
import { INDICATOR_TYPES } from './indicators.ts';
import { LIFECYCLE_STAGE_IDS, stageOrder, isLifecycleStageId } from './stages.ts';
import { geometryProblems, type Feature, type PlanningGeometry, type PlanningIssue } from './geojson.ts';

export interface ValidationResult {
  valid: Feature[];
  issues: PlanningIssue[];
  skipped: number;
}

const describe = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
const POLYGONS: PlanningGeometry['type'][] = ['Polygon', 'MultiPolygon'];

/** Checks one feature's properties; returns `[field, message]` pairs. */
type PropertyCheck = (p: Record<string, unknown>) => [string, string][];

function validateCollection(raw: unknown, geometryTypes: readonly PlanningGeometry['type'][], check: PropertyCheck): ValidationResult {
  const issues: PlanningIssue[] = [];
  const valid: Feature[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { valid, skipped: 0, issues: [{ index: -1, path: '', message: `expected a GeoJSON FeatureCollection, found ${describe(raw)}` }] };
  }
  const fc = raw as { type?: unknown; features?: unknown };
  if (fc.type !== 'FeatureCollection') issues.push({ index: -1, path: 'type', message: `expected "FeatureCollection", found ${typeof fc.type === 'string' ? `"${fc.type}"` : describe(fc.type)}` });
  if (!Array.isArray(fc.features)) {
    issues.push({ index: -1, path: 'features', message: `expected an array of features, found ${describe(fc.features)}` });
    return { valid, issues, skipped: 0 };
  }
  let skipped = 0;
  fc.features.forEach((f: unknown, index) => {
    const base = `features[${index}]`;
    const before = issues.length;
    const add = (path: string, message: string): void => { issues.push({ index, path, message }); };
    if (typeof f !== 'object' || f === null || Array.isArray(f)) add(base, `expected a Feature object, found ${describe(f)}`);
    else {
      const feat = f as { type?: unknown; geometry?: unknown; properties?: unknown };
      if (feat.type !== 'Feature') add(`${base}.type`, `expected "Feature", found ${typeof feat.type === 'string' ? `"${feat.type}"` : describe(feat.type)}`);
      for (const problem of geometryProblems(feat.geometry, `${base}.geometry`, geometryTypes)) {
        const cut = problem.indexOf(': ');
        add(problem.slice(0, cut), problem.slice(cut + 2));
      }
      if (typeof feat.properties !== 'object' || feat.properties === null || Array.isArray(feat.properties)) add(`${base}.properties`, `expected an object, found ${describe(feat.properties)}`);
      else for (const [field, message] of check(feat.properties as Record<string, unknown>)) add(`${base}.properties.${field}`, message);
    }
    if (issues.length > before) skipped++;
    else valid.push(f as Feature);
  });
  return { valid, issues, skipped };
}

const str = (p: Record<string, unknown>, key: string, out: [string, string][], required = true): string | undefined => {
  const v = p[key];
  if (v === undefined) { if (required) out.push([key, 'is required']); return undefined; }
  if (typeof v !== 'string' || v.trim() === '') { out.push([key, `expected a non-empty string, found ${typeof v === 'string' ? 'an empty string' : describe(v)}`]); return undefined; }
  return v;
};

const oneOf = (p: Record<string, unknown>, key: string, allowed: readonly string[], out: [string, string][]): void => {
  const v = str(p, key, out);
  if (v !== undefined && !allowed.includes(v)) out.push([key, `expected one of ${allowed.join(', ')}, found "${v}"`]);
};

function checkDistrict(p: Record<string, unknown>, out: [string, string][]): void {
  const v = str(p, 'districtCode', out, false);
  if (v !== undefined && !NINGBO_DISTRICTS.some((d) => d.code === v)) out.push(['districtCode', `expected a Ningbo district code (${NINGBO_DISTRICTS.map((d) => d.code).join(', ')}), found "${v}"`]);
}

export function validateControlLines(raw: unknown): ValidationResult {
  return validateCollection(raw, [...POLYGONS, 'LineString', 'MultiLineString'], (p) => {
    const out: [string, string][] = [];
    oneOf(p, 'lineType', CONTROL_LINE_TYPES, out);
    str(p, 'name', out, false);
    return out;
  });
}

export function validateParcels(raw: unknown): ValidationResult {
  return validateCollection(raw, POLYGONS, (p) => {
    const out: [string, string][] = [];
    str(p, 'parcelId', out);
    const code = str(p, 'landUseCode', out);
    if (code !== undefined) { const why = checkLandUseCode(code); if (why) out.push(['landUseCode', why]); }
    for (const ind of INDICATOR_TYPES) {
      const v = p[ind.id];
      if (v === undefined) continue;
      if (typeof v !== 'number' || !Number.isFinite(v)) out.push([ind.id, `expected a number (${ind.zh}), found ${describe(v)}`]);
      else if (v < ind.min || v > ind.max) out.push([ind.id, `${ind.zh} ${v} out of range ${ind.min}–${ind.max}${ind.unit ? ` ${ind.unit}` : ''}`]);
    }
    const unit = str(p, 'unitCode', out, false);
    if (unit !== undefined) {
      const r = parseUnitCode(unit);
      if (!r.ok) out.push(['unitCode', `invalid 不动产单元代码 "${unit}": ${r.issues.map((i) => i.message).join('; ')}`]);
    }
    checkDistrict(p, out);
    return out;
  });
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function validateProjects(raw: unknown): ValidationResult {
  return validateCollection(raw, POLYGONS, (p) => {
    const out: [string, string][] = [];
    str(p, 'projectCode', out);
    str(p, 'name', out);
    oneOf(p, 'stage', LIFECYCLE_STAGE_IDS, out);
    checkDistrict(p, out);
    const ids = p.parcelIds;
    if (ids !== undefined && (!Array.isArray(ids) || ids.some((x) => typeof x !== 'string'))) out.push(['parcelIds', 'expected an array of strings']);
    const dates = p.stageDates;
    if (typeof dates !== 'object' || dates === null || Array.isArray(dates)) { out.push(['stageDates', `expected an object {stage: "YYYY-MM-DD"}, found ${describe(dates)}`]); return out; }
    let prev: [string, string] | null = null;
    for (const [k, v] of Object.entries(dates)) {
      if (!isLifecycleStageId(k)) { out.push([`stageDates.${k}`, `unknown stage (expected one of ${LIFECYCLE_STAGE_IDS.join(', ')})`]); continue; }
      if (typeof v !== 'string' || !ISO_DATE.test(v) || Number.isNaN(Date.parse(v))) out.push([`stageDates.${k}`, `expected a date YYYY-MM-DD, found ${typeof v === 'string' ? `"${v}"` : describe(v)}`]);
    }
    if (out.length > 0 || !isLifecycleStageId(p.stage)) return out;
    const reached = p.stage;
    const map = dates as Record<string, string>;
    for (const id of LIFECYCLE_STAGE_IDS) {
      const d = map[id];
      if (stageOrder(id) <= stageOrder(reached)) {
        if (d === undefined) { out.push([`stageDates.${id}`, `missing: stage "${reached}" was reached, so "${id}" must have a date`]); continue; }
        if (prev && d < prev[1]) out.push([`stageDates.${id}`, `${d} is before ${prev[0]} (${prev[1]}): stage dates must not decrease`]);
        prev = [id, d];
      } else if (d !== undefined) out.push([`stageDates.${id}`, `has a date but the project's stage is "${reached}"`]);
    }
    return out;
  });
}
