// A scheme package (方案比选): two or more design alternatives for one parcel, each a glTF model with
// a placement and the figures its designer declares, so the viewer can show them side by side and
// check each against the parcel's planning limits. The package is a JSON file; models are named
// relative to the package's own URL, so a package folder can be copied or served anywhere.
//
// Model axes: glTF y-up in metres, origin at the centre of the footprint at its base; at heading 0
// +x points east and −z north (the 3D Tiles y-up convention, glbMesh.ts's Y_UP_TO_Z_UP). Heading
// turns the model clockwise seen from above, in degrees from north.
import { FieldChecker, describeType, isObject, joinPath, type Issue, type JsonObject } from '../schemas/issues.ts';
import type { LocalizedText } from '../schemas/viewerConfig.ts';
import type { ParcelRecord } from '../planning/records.ts';

export const SCHEME_PACKAGE_VERSION = 1;

export interface SchemePlacement {
  /** Degrees (WGS84 / CGCS2000; the two differ by centimetres). */
  readonly lon: number;
  readonly lat: number;
  /** Metres above the ellipsoid for the model's base; absent: stand on the ground the viewer finds. */
  readonly height?: number;
  /** Degrees clockwise from north, normalised to [0, 360). */
  readonly heading: number;
  readonly scale: number;
}

/** What the designer states; compared with what the model itself measures (schemeIndicators.ts). */
export interface DeclaredFigures {
  /** Storeys of the tallest part above ground. */
  readonly floors: number;
  /** Gross floor area above ground, m² (计容建筑面积). */
  readonly gfa: number;
  /** m above the base. */
  readonly height?: number;
  /** m; how the model's GFA is estimated from its heights. */
  readonly storeyHeight?: number;
}

export interface SchemeAlternative {
  readonly id: string;
  readonly name: LocalizedText;
  readonly description?: LocalizedText;
  /** As written in the package: relative to the package URL, or absolute. */
  readonly model: string;
  readonly placement: SchemePlacement;
  readonly declared: DeclaredFigures;
}

export interface SchemePackage {
  readonly version: 1;
  /** Labelled synthetic in the UI, as every generated dataset is. */
  readonly synthetic: boolean;
  readonly name: LocalizedText;
  readonly description?: LocalizedText;
  /** parcelId or 不动产单元代码 (unitCode) of the parcel the scheme is for. */
  readonly parcel: string;
  readonly alternatives: readonly SchemeAlternative[];
}

export interface SchemeValidation {
  /** Present only when there are no issues; defaults applied. */
  readonly package?: SchemePackage;
  /** Errors: the package cannot be used as it is. */
  readonly issues: Issue[];
  /** Worth telling the author (unknown keys, likely typos) but the package is still used. */
  readonly warnings: Issue[];
}

const PACKAGE_KEYS = ['version', 'synthetic', 'name', 'description', 'parcel', 'alternatives'] as const;
const ALTERNATIVE_KEYS = ['id', 'name', 'description', 'model', 'placement', 'declared'] as const;
const PLACEMENT_KEYS = ['lon', 'lat', 'height', 'heading', 'scale'] as const;
const DECLARED_KEYS = ['floors', 'gfa', 'height', 'storeyHeight'] as const;
/** glTF in either container; a query or fragment after the name is allowed (signed URLs). */
const MODEL_RE = /\.(glb|gltf)$/i;

/** Warns about keys outside `known`: a typo like `hieght` must not silently fall back to a default. */
function unknownKeys(obj: JsonObject, path: string, known: readonly string[], warnings: Issue[]): void {
  for (const key of Object.keys(obj)) {
    if (!known.includes(key)) warnings.push({ path: joinPath(path, key), message: 'unknown property (ignored)' });
  }
}

const text = (v: unknown): LocalizedText | undefined => (isObject(v) ? { zh: String(v.zh), en: String(v.en) } : undefined);

/** A number > 0 (floors: a whole number ≥ 1). */
function positive(c: FieldChecker, key: string, required: boolean, integer = false): boolean {
  const ok = c.number(key, { required, integer });
  const v = c.obj[key];
  if (ok && typeof v === 'number' && !(v > 0)) {
    c.issues.push({ path: joinPath(c.path, key), message: `expected a number > 0, found ${v}` });
    return false;
  }
  return ok;
}

function validatePlacement(raw: unknown, path: string, issues: Issue[], warnings: Issue[]): SchemePlacement | undefined {
  if (!isObject(raw)) {
    issues.push({ path, message: raw === undefined ? 'is required' : `expected an object {lon, lat, height?, heading?, scale?}, found ${describeType(raw)}` });
    return undefined;
  }
  const c = new FieldChecker(issues, raw, path);
  const ok = [
    c.number('lon', { required: true, min: -180, max: 180 }),
    c.number('lat', { required: true, min: -90, max: 90 }),
    // Ellipsoidal heights below −500 m or above 9 km are no place to stand a building.
    c.number('height', { min: -500, max: 9000 }),
    c.number('heading', { min: -360, max: 360 }),
    positive(c, 'scale', false),
  ].every(Boolean);
  unknownKeys(raw, path, PLACEMENT_KEYS, warnings);
  if (!ok) return undefined;
  const heading = ((((raw.heading as number | undefined) ?? 0) % 360) + 360) % 360;
  const p: SchemePlacement = { lon: raw.lon as number, lat: raw.lat as number, heading, scale: (raw.scale as number | undefined) ?? 1 };
  return typeof raw.height === 'number' ? { ...p, height: raw.height } : p;
}

function validateDeclared(raw: unknown, path: string, issues: Issue[], warnings: Issue[]): DeclaredFigures | undefined {
  if (!isObject(raw)) {
    issues.push({ path, message: raw === undefined ? 'is required' : `expected an object {floors, gfa, height?, storeyHeight?}, found ${describeType(raw)}` });
    return undefined;
  }
  const c = new FieldChecker(issues, raw, path);
  const ok = [positive(c, 'floors', true, true), positive(c, 'gfa', true), positive(c, 'height', false), positive(c, 'storeyHeight', false)].every(Boolean);
  unknownKeys(raw, path, DECLARED_KEYS, warnings);
  if (!ok) return undefined;
  const d: { floors: number; gfa: number; height?: number; storeyHeight?: number } = { floors: raw.floors as number, gfa: raw.gfa as number };
  if (typeof raw.height === 'number') d.height = raw.height;
  if (typeof raw.storeyHeight === 'number') d.storeyHeight = raw.storeyHeight;
  return d;
}

function validateAlternative(raw: unknown, path: string, issues: Issue[], warnings: Issue[]): SchemeAlternative | undefined {
  if (!isObject(raw)) {
    issues.push({ path, message: `expected an alternative object, found ${describeType(raw)}` });
    return undefined;
  }
  const before = issues.length;
  const c = new FieldChecker(issues, raw, path);
  c.string('id', { required: true, nonEmpty: true });
  c.localizedText('name', { required: true });
  c.localizedText('description');
  if (c.string('model', { required: true, nonEmpty: true })) {
    const model = raw.model as string;
    const bare = model.split(/[?#]/)[0] ?? '';
    if (model.trim() !== '' && !MODEL_RE.test(bare)) issues.push({ path: joinPath(path, 'model'), message: `expected a glTF model (.glb or .gltf), found "${model}"` });
  }
  const placement = validatePlacement(raw.placement, joinPath(path, 'placement'), issues, warnings);
  const declared = validateDeclared(raw.declared, joinPath(path, 'declared'), issues, warnings);
  unknownKeys(raw, path, ALTERNATIVE_KEYS, warnings);
  if (issues.length > before || !placement || !declared) return undefined;
  const description = text(raw.description);
  const alt: SchemeAlternative = { id: raw.id as string, name: text(raw.name)!, model: raw.model as string, placement, declared };
  return description ? { ...alt, description } : alt;
}

/**
 * Checks a parsed scheme package. Collects every problem with its path (`alternatives[1].model:
 * expected a glTF model …`) and never throws; the typed package comes back only when there is no
 * issue. `path` prefixes every issue (e.g. the URL the package came from).
 */
export function validateSchemePackage(raw: unknown, path = ''): SchemeValidation {
  const issues: Issue[] = [];
  const warnings: Issue[] = [];
  if (!isObject(raw)) {
    issues.push({ path, message: `expected a scheme package object, found ${describeType(raw)}` });
    return { issues, warnings };
  }
  const c = new FieldChecker(issues, raw, path);
  if (raw.version === undefined) issues.push({ path: joinPath(path, 'version'), message: 'is required' });
  else if (raw.version !== SCHEME_PACKAGE_VERSION) issues.push({ path: joinPath(path, 'version'), message: `expected ${SCHEME_PACKAGE_VERSION}, found ${JSON.stringify(raw.version) ?? describeType(raw.version)}` });
  c.boolean('synthetic');
  c.localizedText('name', { required: true });
  c.localizedText('description');
  c.string('parcel', { required: true, nonEmpty: true });
  const altPath = joinPath(path, 'alternatives');
  const alternatives: SchemeAlternative[] = [];
  if (raw.alternatives === undefined) issues.push({ path: altPath, message: 'is required' });
  else if (!Array.isArray(raw.alternatives)) issues.push({ path: altPath, message: `expected an array of alternatives, found ${describeType(raw.alternatives)}` });
  else {
    // A comparison needs something to compare.
    if (raw.alternatives.length < 2) issues.push({ path: altPath, message: `expected at least 2 alternatives to compare, found ${raw.alternatives.length}` });
    const firstIndex = new Map<string, number>();
    raw.alternatives.forEach((a: unknown, i) => {
      const p = joinPath(altPath, i);
      const alt = validateAlternative(a, p, issues, warnings);
      if (alt) alternatives.push(alt);
      const id = isObject(a) && typeof a.id === 'string' ? a.id : undefined;
      if (id === undefined) return;
      const first = firstIndex.get(id);
      if (first === undefined) firstIndex.set(id, i);
      else issues.push({ path: joinPath(p, 'id'), message: `"${id}" is already the id of alternatives[${first}]` });
    });
  }
  unknownKeys(raw, path, PACKAGE_KEYS, warnings);
  if (issues.length > 0) return { issues, warnings };
  const description = text(raw.description);
  const pkg: SchemePackage = {
    version: 1,
    synthetic: raw.synthetic === true,
    name: text(raw.name)!,
    parcel: raw.parcel as string,
    alternatives,
  };
  return { package: description ? { ...pkg, description } : pkg, issues, warnings };
}

/**
 * The parcel a package is for, found by parcelId or by 不动产单元代码. When it is not in the loaded
 * planning data the issue says so; the viewer still shows the models, only without limits.
 */
export function resolveSchemeParcel(pkg: Pick<SchemePackage, 'parcel'>, parcels: readonly ParcelRecord[]): { parcel: ParcelRecord } | { issue: Issue } {
  const key = pkg.parcel.trim();
  const parcel = parcels.find((p) => p.parcelId === key) ?? parcels.find((p) => p.unitCode === key);
  return parcel ? { parcel } : { issue: { path: 'parcel', message: `${key} is not a parcel of the loaded planning data` } };
}

/** The model's URL: an absolute `model` (scheme or leading /) as it is, else beside the package file. */
export function schemeModelUrl(packageUrl: string, model: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(model) || model.startsWith('/')) return model;
  const base = packageUrl.split(/[?#]/)[0] ?? '';
  return base.slice(0, base.lastIndexOf('/') + 1) + model;
}
