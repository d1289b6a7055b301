// Loading design alternatives: a scheme package (JSON + glTF models) from this server or from
// files the planner picks or drops, or one model on its own. Every model is read and measured in
// the domain first (glbMesh, proposal, schemeIndicators), so a file that is not glTF, has no
// geometry or is absurdly large is refused with a message naming it, and the scene is unchanged;
// what can load, loads, and each problem is listed.
import { MeshoptDecoder } from 'meshoptimizer/decoder';
import type { Issue } from '../domain/schemas/index.ts';
import type { ParcelRecord } from '../domain/planning/index.ts';
import { parseGlbTriangles } from '../domain/review/glbMesh.ts';
import { measureProposal, modelToEnu, outlineAt, type MeasuredProposal } from '../domain/review/proposal.ts';
import { resolveSchemeParcel, schemeModelUrl, validateSchemePackage, type SchemeAlternative, type SchemePackage } from '../domain/review/scheme.ts';
import { compareWithParcel, modelIndicators, storeyHeightOf } from '../domain/review/schemeIndicators.ts';
import type { TwinController } from '../engine/viewer/controller.ts';
import { usePlanning } from '../state/planning.ts';
import { useSchemes, type PlacementState } from '../state/schemes.ts';
import { useView } from '../state/view.ts';

/** A proposal model larger than this is refused before it is parsed (a whole city, not a building). */
export const MAX_MODEL_BYTES = 64 * 1024 * 1024;

/** Where a model's bytes come from: this server (package URL) or the planner's own files. */
export type ModelSource = (model: string, path: string) => Promise<Uint8Array | Issue>;

const mb = (n: number): string => `${(n / 1048576).toFixed(1)} MB`;

export function serverModels(packageUrl: string): ModelSource {
  return async (model, path) => {
    const url = schemeModelUrl(packageUrl, model);
    // The viewer talks to its own server only: a package cannot make it fetch from elsewhere.
    if (new URL(url, location.href).origin !== location.origin) return { path, message: `${model}: only models on this server can be loaded` };
    try {
      const res = await fetch(url);
      if (!res.ok) return { path, message: `${model} could not be loaded (HTTP ${res.status})` };
      const size = Number(res.headers.get('content-length') ?? 0);
      if (size > MAX_MODEL_BYTES) return { path, message: `${model} is ${mb(size)}, more than the ${mb(MAX_MODEL_BYTES)} a proposal model may have` };
      return new Uint8Array(await res.arrayBuffer());
    } catch (e) {
      return { path, message: `${model} could not be loaded (${e instanceof Error ? e.message : String(e)})` };
    }
  };
}

export function fileModels(files: readonly File[]): ModelSource {
  return async (model, path) => {
    const name = model.split('/').pop() ?? model;
    const file = files.find((f) => f.name === name);
    if (!file) return { path, message: `${model} is not among the chosen files (choose the package JSON together with its models)` };
    if (file.size > MAX_MODEL_BYTES) return { path, message: `${model} is ${mb(file.size)}, more than the ${mb(MAX_MODEL_BYTES)} a proposal model may have` };
    return new Uint8Array(await file.arrayBuffer());
  };
}

/** Reads and measures a model; an Issue when it cannot stand in the scene. */
export async function readProposal(bytes: Uint8Array, scale: number, path: string, model: string): Promise<MeasuredProposal | Issue> {
  if (bytes.byteLength > MAX_MODEL_BYTES) return { path, message: `${model} is ${mb(bytes.byteLength)}, more than the ${mb(MAX_MODEL_BYTES)} a proposal model may have` };
  await MeshoptDecoder.ready;
  const parsed = parseGlbTriangles(bytes, { decoder: MeshoptDecoder, transform: modelToEnu(scale) });
  if (parsed.problems.length > 0) return { path, message: `${model}: ${parsed.problems.join('; ')}` };
  const measured = measureProposal(parsed.triangles);
  if (!('tooLarge' in measured)) parsedTriangles.set(measured, parsed.triangles);
  if ('tooLarge' in measured) return { path, message: `${model} spans ${measured.tooLarge.toFixed(0)} m: a proposal must be a building, not a georeferenced area (check its units and origin)` };
  return measured;
}

/** The ground a proposal stands on: the parcel's ground level (1985 datum + geoid), else the lowest mesh point under its outline. */
async function groundHeight(controller: TwinController, parcel: ParcelRecord | undefined, outline: readonly { lon: number; lat: number }[]): Promise<number | undefined> {
  if (parcel?.groundElevation !== undefined) return parcel.groundElevation + useView.getState().geoid.offsetMeters;
  const heights = (await controller.sampleGround(outline)).filter((h): h is number => h !== undefined);
  return heights.length ? Math.min(...heights) : undefined;
}

async function loadAlternative(controller: TwinController, alt: SchemeAlternative, index: number, models: ModelSource, parcel: ParcelRecord | undefined): Promise<void> {
  const path = `alternatives[${index}].model`;
  const generation = loadGeneration;
  const stale = (): boolean => generation !== loadGeneration;
  const fail = (issue: Issue): void => {
    if (stale()) return;
    useSchemes.getState().patch(alt.id, { status: 'failed' });
    useSchemes.getState().addIssues([issue]);
  };
  const bytes = await models(alt.model, path);
  if (!(bytes instanceof Uint8Array)) return fail(bytes);
  const measured = await readProposal(bytes, alt.placement.scale, path, alt.model);
  if ('path' in measured) return fail(measured);
  const origin = { lon: alt.placement.lon, lat: alt.placement.lat, height: 0 };
  const outline = outlineAt(measured.hull, origin, alt.placement.heading);
  const ground = alt.placement.height ?? await groundHeight(controller, parcel, outline);
  if (ground === undefined) return fail({ path: `alternatives[${index}].placement`, message: 'no ground found under the model: the mesh is not loaded there; give placement.height' });
  // A single model comes with nothing declared (floors 0): compare what it measures only.
  const declared = alt.declared.floors > 0 ? alt.declared : undefined;
  const indicators = modelIndicators(measured.raster, storeyHeightOf(declared), parcel?.area);
  // The model's base (its lowest point) stands on the ground.
  const placement: PlacementState = { ...alt.placement, height: ground - measured.minZ };
  if (stale()) return;
  try {
    await controller.schemes.add(alt.id, bytes, placement);
  } catch (e) {
    return fail({ path, message: `${alt.model}: Cesium could not draw it (${e instanceof Error ? e.message : String(e)})` });
  }
  if (stale()) return;
  measuredById.set(alt.id, { ...measured, triangles: parsedTriangles.get(measured) ?? new Float64Array(), glb: bytes });
  useSchemes.getState().patch(alt.id, {
    status: 'ready', placement, ground, indicators, rows: compareWithParcel(indicators, declared, parcel),
    outline: outlineAt(measured.hull, { ...origin, height: ground }, alt.placement.heading),
  });
}

/** Each ready alternative's measured model (and its triangles, ENU-oriented at its origin), kept to re-outline it when moved and to place it in analyses. */
const measuredById = new Map<string, MeasuredProposal & { readonly triangles: Float64Array; readonly glb: Uint8Array }>();

/** An alternative's model bytes as loaded (for the side-by-side view's second scene). */
export const alternativeGlb = (id: string): Uint8Array | undefined => measuredById.get(id)?.glb;
const parsedTriangles = new WeakMap<MeasuredProposal, Float64Array>();

/** The shown alternatives' triangles with their placements, for analyses that must see the proposals. */
export function placedProposals(ids: readonly string[]): { triangles: Float64Array; placement: PlacementState }[] {
  return ids.flatMap((id) => {
    const m = measuredById.get(id);
    const p = useSchemes.getState().alternatives.find((a) => a.id === id)?.placement;
    return m && p ? [{ triangles: m.triangles, placement: p }] : [];
  });
}

/** Counts loads: an alternative still loading when another package replaces it must not write into the new one. */
let loadGeneration = 0;

function clearScene(controller: TwinController): void {
  loadGeneration += 1;
  for (const a of useSchemes.getState().alternatives) controller.schemes.remove(a.id);
  measuredById.clear();
}

/** Loads a package's alternatives; resolves when every model has loaded or failed. */
export async function loadSchemePackage(controller: TwinController, raw: unknown, models: ModelSource): Promise<void> {
  const { package: pkg, issues, warnings } = validateSchemePackage(raw);
  clearScene(controller);
  if (!pkg) {
    useSchemes.getState().reset();
    useSchemes.getState().addIssues(issues);
    return;
  }
  await loadValidPackage(controller, pkg, warnings, models);
}

async function loadValidPackage(controller: TwinController, pkg: SchemePackage, warnings: readonly Issue[], models: ModelSource): Promise<void> {
  const resolved = resolveSchemeParcel(pkg, usePlanning.getState().parcels);
  const parcel = 'parcel' in resolved ? resolved.parcel : undefined;
  useSchemes.getState().begin(
    { name: pkg.name, synthetic: pkg.synthetic, parcelCode: pkg.parcel }, parcel,
    pkg.alternatives.map((a) => ({ id: a.id, name: a.name, status: 'loading', declared: a.declared })),
    'issue' in resolved ? [resolved.issue] : [], warnings,
  );
  await Promise.all(pkg.alternatives.map((a, i) => loadAlternative(controller, a, i, models, parcel)));
  useSchemes.getState().setLoading(false);
}

/** Loads one model on its own, standing at `at` (the view's centre) on the parcel there, if any. */
export async function loadSingleModel(controller: TwinController, file: File, at: { lon: number; lat: number }): Promise<void> {
  const parcel = usePlanning.getState().index.parcelsAt(at.lon, at.lat)[0];
  const pkg: SchemePackage = {
    version: 1, synthetic: false, name: { zh: file.name, en: file.name }, parcel: parcel?.parcelId ?? '',
    alternatives: [{ id: 'model', name: { zh: file.name, en: file.name }, model: file.name, placement: { lon: at.lon, lat: at.lat, heading: 0, scale: 1 }, declared: { floors: 0, gfa: 0 } }],
  };
  clearScene(controller);
  await loadValidPackage(controller, pkg, [], fileModels([file]));
}

/** Moves/turns an alternative: the scene, its outline and the site clearing follow. */
export function moveAlternative(controller: TwinController, id: string, next: PlacementState): void {
  const measured = measuredById.get(id);
  if (!measured) return;
  controller.schemes.place(id, next);
  useSchemes.getState().patch(id, { placement: next, outline: outlineAt(measured.hull, next, next.heading) });
}
