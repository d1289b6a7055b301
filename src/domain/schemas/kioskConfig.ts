// The public kiosk's part of the config (`kiosk`): idle timeout, attract loop, entry buttons.
// Owned by the kiosk mode; validated like the rest of the config, every issue with its path.
// Bookmark ids named here are checked against the config's bookmarks when the kiosk starts
// (src/domain/kiosk/places.ts): a wrong id loses its button with a notice, not the whole kiosk.
import { PIT_PRESETS } from '../excavation/pit.ts';
import { CAMERA_POSE_KEYS, checkCameraPose, resolveCameraPose, type CameraPose } from './cameraPose.ts';
import { FieldChecker, describeType, isObject, joinPath, type Issue, type JsonObject } from './issues.ts';

export interface KioskAttractConfig {
  /** Where the attract loop goes, in order: bookmark ids, or "home". */
  readonly stops: readonly string[];
  /** How long it rests at each stop, seconds. */
  readonly dwellSeconds: number;
  /** How long each flight between stops takes, seconds. */
  readonly flightSeconds: number;
}

/** The public stand-in for the pipelines (which are sensitive): see-through ground at a place. */
export interface KioskUndergroundConfig {
  readonly camera: CameraPose;
  /** Ground opacity in underground mode, 0..1. */
  readonly opacity: number;
  /** A preset excavation pit (PIT_PRESETS id) opened to show the ground's section; `null` in the config opens none. */
  readonly pit?: string;
}

export interface KioskConfig {
  /** Seconds without a touch before the kiosk returns to its home state and starts the attract loop. */
  readonly idleSeconds: number;
  /** Bookmark ids offered as big entry buttons, besides 城市总览 (home). */
  readonly places: readonly string[];
  readonly attract: KioskAttractConfig;
  readonly underground: KioskUndergroundConfig;
  /** Where 海底地形 looks at the seabed from. */
  readonly seabed: CameraPose;
}

export const KIOSK_DEFAULTS: KioskConfig = {
  idleSeconds: 90,
  places: ['sanjiangkou', 'qianwan'],
  attract: { stops: ['sanjiangkou', 'dongbu', 'qianwan', 'home'], dwellSeconds: 12, flightSeconds: 8 },
  // Over 中山东路 at 三江口/东门口, looking obliquely down into the crossing trench.
  underground: { camera: { lon: 121.6, lat: 29.8705, height: 160, heading: 0, pitch: -45, roll: 0 }, opacity: 0.35, pit: 'zhongshan-crossing' },
  // Straight down onto the 甬江 mouth and the 金塘水道 (the view the seabed e2e test uses).
  seabed: { lon: 121.84, lat: 29.965, height: 8000, heading: 0, pitch: -90, roll: 0 },
};

export const KIOSK_KEYS: readonly string[] = ['$comment', 'idleSeconds', 'places', 'attract', 'underground', 'seabed'];

function objectAt(raw: JsonObject, key: string, path: string, issues: Issue[]): JsonObject | undefined {
  const v = raw[key];
  if (v === undefined) return undefined;
  if (isObject(v)) return v;
  issues.push({ path: joinPath(path, key), message: `expected an object, found ${describeType(v)}` });
  return undefined;
}

function nonEmptyIds(c: FieldChecker, key: string): void {
  if (!c.stringArray(key)) return;
  const v = c.obj[key];
  if (Array.isArray(v) && v.length === 0) c.issues.push({ path: joinPath(c.path, key), message: 'must name at least one place' });
}

export function validateKioskConfig(raw: unknown, issues: Issue[], path = 'kiosk'): KioskConfig {
  if (raw === undefined) return KIOSK_DEFAULTS;
  if (!isObject(raw)) {
    issues.push({ path, message: `expected an object, found ${describeType(raw)}` });
    return KIOSK_DEFAULTS;
  }
  const c = new FieldChecker(issues, raw, path);
  c.unknownKeys(KIOSK_KEYS);
  // Short timeouts are for tests and demonstrations; an hour is the longest a public screen should stay changed.
  c.number('idleSeconds', { min: 1, max: 3600 });
  c.stringArray('places');

  const attractPath = joinPath(path, 'attract');
  const attract = objectAt(raw, 'attract', path, issues);
  if (attract) {
    const a = new FieldChecker(issues, attract, attractPath);
    a.unknownKeys(['stops', 'dwellSeconds', 'flightSeconds']);
    nonEmptyIds(a, 'stops');
    a.number('dwellSeconds', { min: 1, max: 3600 });
    a.number('flightSeconds', { min: 0.5, max: 60 });
  }

  const undergroundPath = joinPath(path, 'underground');
  const underground = objectAt(raw, 'underground', path, issues);
  let undergroundCamera: CameraPose | undefined;
  if (underground) {
    const u = new FieldChecker(issues, underground, undergroundPath);
    u.unknownKeys(['camera', 'opacity', 'pit']);
    u.number('opacity', { min: 0, max: 1 });
    if (underground['pit'] !== null && u.string('pit') && typeof underground['pit'] === 'string' && !PIT_PRESETS.some((p) => p.id === underground['pit'])) {
      issues.push({ path: joinPath(undergroundPath, 'pit'), message: `no preset pit "${underground['pit']}" (presets: ${PIT_PRESETS.map((p) => p.id).join(', ')})` });
    }
    const cam = objectAt(underground, 'camera', undergroundPath, issues);
    if (cam) {
      const cc = new FieldChecker(issues, cam, joinPath(undergroundPath, 'camera'));
      cc.unknownKeys(CAMERA_POSE_KEYS);
      if (checkCameraPose(cc)) undergroundCamera = resolveCameraPose(cam);
    }
  }

  const seabed = objectAt(raw, 'seabed', path, issues);
  let seabedCamera: CameraPose | undefined;
  if (seabed) {
    const s = new FieldChecker(issues, seabed, joinPath(path, 'seabed'));
    s.unknownKeys(CAMERA_POSE_KEYS);
    if (checkCameraPose(s)) seabedCamera = resolveCameraPose(seabed);
  }

  const num = (o: JsonObject | undefined, key: string, fallback: number): number => (typeof o?.[key] === 'number' ? (o[key] as number) : fallback);
  const ids = (o: JsonObject | undefined, key: string, fallback: readonly string[]): readonly string[] =>
    Array.isArray(o?.[key]) && (o[key] as unknown[]).every((x) => typeof x === 'string') ? (o[key] as string[]) : fallback;
  const d = KIOSK_DEFAULTS;
  // Leaving "pit" out keeps the default trench; "pit": null opens none.
  const pit = underground?.['pit'] === null ? undefined : typeof underground?.['pit'] === 'string' ? underground['pit'] : d.underground.pit;
  return {
    idleSeconds: num(raw, 'idleSeconds', d.idleSeconds),
    places: ids(raw, 'places', d.places),
    attract: {
      stops: ids(attract, 'stops', d.attract.stops),
      dwellSeconds: num(attract, 'dwellSeconds', d.attract.dwellSeconds),
      flightSeconds: num(attract, 'flightSeconds', d.attract.flightSeconds),
    },
    underground: {
      camera: undergroundCamera ?? d.underground.camera,
      opacity: num(underground, 'opacity', d.underground.opacity),
      ...(pit !== undefined ? { pit } : {}),
    },
    seabed: seabedCamera ?? d.seabed,
  };
}
