// A camera pose in the units people write by hand: degrees and metres above the ellipsoid.
import { FieldChecker, type Issue, type JsonObject } from './issues.ts';

export interface CameraPose {
  readonly lon: number;
  readonly lat: number;
  /** Camera height above the ellipsoid, metres. */
  readonly height: number;
  /** Degrees clockwise from north. */
  readonly heading: number;
  /** Degrees; −90 looks straight down. */
  readonly pitch: number;
  readonly roll: number;
}

export const CAMERA_POSE_KEYS = ['lon', 'lat', 'height', 'heading', 'pitch', 'roll'] as const;

export function checkCameraPose(c: FieldChecker): boolean {
  const ok = [
    c.number('lon', { required: true, min: -180, max: 180 }),
    c.number('lat', { required: true, min: -90, max: 90 }),
    c.number('height', { required: true, min: -12000, max: 1e8 }),
    c.number('heading', { min: -360, max: 360 }),
    c.number('pitch', { min: -90, max: 90 }),
    c.number('roll', { min: -180, max: 180 }),
  ];
  return ok.every(Boolean);
}

export function resolveCameraPose(raw: JsonObject): CameraPose {
  const num = (k: string, d: number): number => (typeof raw[k] === 'number' ? (raw[k] as number) : d);
  return { lon: num('lon', 0), lat: num('lat', 0), height: num('height', 0), heading: num('heading', 0), pitch: num('pitch', -90), roll: num('roll', 0) };
}

/**
 * Parses the `?camera=lon,lat,height,headingDeg,pitchDeg,rollDeg` test hook. Heading, pitch and
 * roll may be left off (defaults 0, −90, 0).
 */
export function parseCameraParam(text: string): { pose?: CameraPose; issues: Issue[] } {
  const parts = text.split(',').map((s) => s.trim());
  if (parts.length < 3 || parts.length > 6) {
    return { issues: [{ path: 'camera', message: `expected 3 to 6 comma-separated numbers (lon,lat,height[,heading,pitch,roll]), found ${parts.length}` }] };
  }
  const raw: Record<string, number> = {};
  const issues: Issue[] = [];
  parts.forEach((p, i) => {
    const key = CAMERA_POSE_KEYS[i] ?? 'extra';
    const v = Number(p);
    if (p === '' || !Number.isFinite(v)) issues.push({ path: `camera[${i}] (${key})`, message: `expected a number, found "${p}"` });
    else raw[key] = v;
  });
  if (issues.length) return { issues };
  const c = new FieldChecker(issues, raw, 'camera');
  if (!checkCameraPose(c)) return { issues };
  return { pose: resolveCameraPose(raw), issues };
}
