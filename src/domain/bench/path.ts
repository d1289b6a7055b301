// Reading a bench path file: the harness takes any path file, so a wrong one must say where it is
// wrong (`steps[4].to.lat: expected a number in -90..90, found 95`) rather than fly somewhere odd.
import { FieldChecker, describeType, isObject, joinPath, type Issue } from '../schemas/issues.ts';
import { checkCameraPose, resolveCameraPose } from '../schemas/cameraPose.ts';
import type { BenchPath, BenchPose, PathStep } from './types.ts';

export const BENCH_PATH_FORMAT = 'ningbo-twin-bench-path';

function pose(issues: Issue[], raw: unknown, path: string): BenchPose | undefined {
  if (!isObject(raw)) {
    issues.push({ path, message: `expected a camera pose object, found ${describeType(raw)}` });
    return undefined;
  }
  const c = new FieldChecker(issues, raw, path);
  const ok = checkCameraPose(c);
  c.unknownKeys(['lon', 'lat', 'height', 'heading', 'pitch', 'roll']);
  return ok ? resolveCameraPose(raw) : undefined;
}

function step(issues: Issue[], raw: unknown, path: string, ids: Set<string>): PathStep | undefined {
  if (!isObject(raw)) {
    issues.push({ path, message: `expected a step object, found ${describeType(raw)}` });
    return undefined;
  }
  const c = new FieldChecker(issues, raw, path);
  const okKind = c.oneOf('kind', ['waypoint', 'flight'], { required: true });
  const okId = c.string('id', { required: true, nonEmpty: true });
  const okName = c.string('name', { required: true, nonEmpty: true });
  const id = raw['id'] as string;
  if (okId && ids.has(id)) issues.push({ path: joinPath(path, 'id'), message: `duplicate step id "${id}"` });
  if (okId) ids.add(id);
  if (!okKind) return undefined;
  if (raw['kind'] === 'waypoint') {
    c.unknownKeys(['kind', 'id', 'name', 'pose']);
    const p = pose(issues, raw['pose'], joinPath(path, 'pose'));
    return okId && okName && p ? { kind: 'waypoint', id, name: raw['name'] as string, pose: p } : undefined;
  }
  c.unknownKeys(['kind', 'id', 'name', 'to', 'seconds']);
  const okSeconds = c.number('seconds', { required: true, min: 0.5, max: 120 });
  const to = pose(issues, raw['to'], joinPath(path, 'to'));
  return okId && okName && okSeconds && to ? { kind: 'flight', id, name: raw['name'] as string, to, seconds: raw['seconds'] as number } : undefined;
}

/** Validates a parsed path file; a flight needs a step before it to start from. */
export function parseBenchPath(raw: unknown): { path?: BenchPath; issues: Issue[] } {
  const issues: Issue[] = [];
  if (!isObject(raw)) return { issues: [{ path: '', message: `expected a path object, found ${describeType(raw)}` }] };
  const c = new FieldChecker(issues, raw, '');
  c.unknownKeys(['$comment', 'format', 'version', 'steps']);
  if (raw['format'] !== BENCH_PATH_FORMAT) issues.push({ path: 'format', message: `expected "${BENCH_PATH_FORMAT}", found ${JSON.stringify(raw['format'])}` });
  if (raw['version'] !== 1) issues.push({ path: 'version', message: `expected 1, found ${JSON.stringify(raw['version'])}` });
  const rawSteps = raw['steps'];
  if (!Array.isArray(rawSteps) || rawSteps.length === 0) {
    issues.push({ path: 'steps', message: Array.isArray(rawSteps) ? 'must hold at least one step' : `expected an array, found ${describeType(rawSteps)}` });
    return { issues };
  }
  if (isObject(rawSteps[0]) && rawSteps[0]['kind'] === 'flight') issues.push({ path: 'steps[0].kind', message: 'the first step must be a waypoint (a flight starts from the step before it)' });
  const ids = new Set<string>();
  const steps = rawSteps.map((s, i) => step(issues, s, `steps[${i}]`, ids));
  if (issues.length) return { issues };
  return { path: { format: BENCH_PATH_FORMAT, version: 1, steps: steps as PathStep[] }, issues };
}

/** Where the camera ends up after a step. */
export const stepPose = (s: PathStep): BenchPose => (s.kind === 'waypoint' ? s.pose : s.to);

/** The first `n` steps (a smoke run), keeping the path valid. */
export const truncatePath = (p: BenchPath, n: number): BenchPath => ({ ...p, steps: p.steps.slice(0, Math.max(1, n)) });
