// Saved viewpoints: a planner's own named views (camera and visible layers), kept in the browser
// and exchanged as a JSON file. Import validates every entry: bad ones are named by index and
// skipped, the rest are taken, and the count of skipped entries is reported.
import { checkCameraPose, resolveCameraPose, CAMERA_POSE_KEYS, type CameraPose } from '../schemas/cameraPose.ts';
import { describeType, FieldChecker, isObject, joinPath, type Issue } from '../schemas/issues.ts';

export const VIEWPOINTS_FORMAT = 'ningbo-twin-viewpoints';

export interface Viewpoint {
  readonly id: string;
  readonly name: string;
  readonly camera: CameraPose;
  /** Layer ids visible when it was saved; flying there shows them again. */
  readonly layers: readonly string[];
  /** ISO 8601. */
  readonly savedAt: string;
}

export interface ViewpointFile {
  readonly format: typeof VIEWPOINTS_FORMAT;
  readonly version: 1;
  readonly viewpoints: readonly Viewpoint[];
}

export const MAX_VIEWPOINT_NAME = 60;

export function viewpointFile(viewpoints: readonly Viewpoint[]): ViewpointFile {
  return { format: VIEWPOINTS_FORMAT, version: 1, viewpoints };
}

export interface ViewpointImport {
  readonly viewpoints: readonly Viewpoint[];
  readonly skipped: number;
  readonly issues: readonly Issue[];
}

function readViewpoint(raw: unknown, path: string, issues: Issue[]): Viewpoint | undefined {
  if (!isObject(raw)) {
    issues.push({ path, message: `expected an object, found ${describeType(raw)}` });
    return undefined;
  }
  const before = issues.length;
  const c = new FieldChecker(issues, raw, path);
  c.string('id', { required: true, nonEmpty: true });
  c.string('name', { required: true, nonEmpty: true });
  c.string('savedAt');
  const camera = raw['camera'];
  if (!isObject(camera)) issues.push({ path: joinPath(path, 'camera'), message: camera === undefined ? 'is required' : `expected an object, found ${describeType(camera)}` });
  else {
    const cc = new FieldChecker(issues, camera, joinPath(path, 'camera'));
    checkCameraPose(cc);
    cc.unknownKeys(CAMERA_POSE_KEYS);
  }
  const layers = raw['layers'];
  if (layers !== undefined && !(Array.isArray(layers) && layers.every((l) => typeof l === 'string'))) {
    issues.push({ path: joinPath(path, 'layers'), message: 'expected an array of layer ids' });
  }
  if (issues.length > before) return undefined;
  const name = (raw['name'] as string).trim().slice(0, MAX_VIEWPOINT_NAME);
  return {
    id: raw['id'] as string,
    name,
    camera: resolveCameraPose(camera as Record<string, unknown>),
    layers: (layers as string[] | undefined) ?? [],
    savedAt: typeof raw['savedAt'] === 'string' ? raw['savedAt'] : '',
  };
}

/** Reads a viewpoint file (the text of it); a file that is not one at all gives no viewpoints and says why. */
export function parseViewpointFile(text: string, fileName = 'viewpoints.json'): ViewpointImport {
  let raw: unknown;
  try {
    raw = JSON.parse(text) as unknown;
  } catch (e) {
    return { viewpoints: [], skipped: 0, issues: [{ path: fileName, message: `not valid JSON (${e instanceof Error ? e.message : String(e)})` }] };
  }
  if (!isObject(raw) || raw['format'] !== VIEWPOINTS_FORMAT) {
    return { viewpoints: [], skipped: 0, issues: [{ path: fileName, message: `not a viewpoint file (expected "format": "${VIEWPOINTS_FORMAT}")` }] };
  }
  if (raw['version'] !== 1) return { viewpoints: [], skipped: 0, issues: [{ path: `${fileName}: version`, message: `unsupported version ${String(raw['version'])}; this viewer reads version 1` }] };
  const list = raw['viewpoints'];
  if (!Array.isArray(list)) return { viewpoints: [], skipped: 0, issues: [{ path: `${fileName}: viewpoints`, message: `expected an array, found ${describeType(list)}` }] };
  const issues: Issue[] = [];
  const viewpoints: Viewpoint[] = [];
  list.forEach((v, i) => {
    const vp = readViewpoint(v, `${fileName}: viewpoints[${i}]`, issues);
    if (vp) viewpoints.push(vp);
  });
  return { viewpoints, skipped: list.length - viewpoints.length, issues };
}

/** Adds imported viewpoints to the saved ones; an id already taken gets a fresh one rather than overwriting. */
export function mergeViewpoints(saved: readonly Viewpoint[], incoming: readonly Viewpoint[], freshId: () => string): Viewpoint[] {
  const ids = new Set(saved.map((v) => v.id));
  const out = [...saved];
  for (const v of incoming) {
    const id = ids.has(v.id) ? freshId() : v.id;
    ids.add(id);
    out.push({ ...v, id });
  }
  return out;
}
