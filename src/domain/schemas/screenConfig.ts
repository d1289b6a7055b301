// The command-centre wall's part of the config (`screen`): the camera tour, the live project feed
// and the display profile. Validated like the rest of the config, every issue with its path.
import type { TourStop } from '../tour/tour.ts';
import { checkCameraPose, resolveCameraPose, CAMERA_POSE_KEYS } from './cameraPose.ts';
import { FieldChecker, describeType, isObject, joinPath, type Issue, type JsonObject } from './issues.ts';

export interface ScreenTourConfig {
  readonly stops: readonly TourStop[];
  /** Seconds per flight between stops. */
  readonly flightSeconds: number;
  /** Seconds without input before a paused tour goes on. */
  readonly resumeAfterSeconds: number;
}

export interface ScreenFeedConfig {
  /** The projects layer the feed updates. */
  readonly layer: string;
  /** Polled GeoJSON (default: the layer's own url). */
  readonly url?: string;
  /** A server-sent-events stream whose messages are the full projects FeatureCollection. */
  readonly sse?: string;
  readonly intervalSeconds: number;
}

export interface DisplayProfile {
  /** Multiplies the rendered resolution (0.25–2): below 1 renders fewer pixels and upscales. */
  readonly resolutionScale: number;
  /** Highest device-pixel ratio rendered at (an 8K wall at DPR 2 would draw 4× the pixels for nothing). */
  readonly maxPixelRatio: number;
  /** A cap on rendered pixels, in millions: an 8K wall renders no more than a 4K one by default. */
  readonly maxMegapixels: number;
  readonly fxaa: boolean;
}

export interface ScreenConfig {
  readonly tour: ScreenTourConfig;
  readonly feed?: ScreenFeedConfig;
  readonly display: DisplayProfile;
}

export const DEFAULT_DISPLAY_PROFILE: DisplayProfile = { resolutionScale: 1, maxPixelRatio: 1, maxMegapixels: 8.3, fxaa: true };
const DEFAULT_TOUR: ScreenTourConfig = { stops: [], flightSeconds: 6, resumeAfterSeconds: 60 };
export const SCREEN_DEFAULTS: ScreenConfig = { tour: DEFAULT_TOUR, display: DEFAULT_DISPLAY_PROFILE };

export const SCREEN_KEYS: readonly string[] = ['tour', 'feed', 'display'];

function object(raw: JsonObject, key: string, path: string, issues: Issue[]): JsonObject | undefined {
  const v = raw[key];
  if (v === undefined) return undefined;
  if (!isObject(v)) {
    issues.push({ path: joinPath(path, key), message: `expected an object, found ${describeType(v)}` });
    return undefined;
  }
  return v;
}

function readStop(raw: unknown, path: string, issues: Issue[]): TourStop | undefined {
  if (!isObject(raw)) {
    issues.push({ path, message: `expected an object, found ${describeType(raw)}` });
    return undefined;
  }
  const before = issues.length;
  const c = new FieldChecker(issues, raw, path);
  c.string('bookmark', { nonEmpty: true });
  c.string('project', { nonEmpty: true });
  c.number('dwellSeconds', { min: 1, max: 3600 });
  c.unknownKeys(['bookmark', 'camera', 'project', 'dwellSeconds']);
  const camera = object(raw, 'camera', path, issues);
  if (camera) {
    const cc = new FieldChecker(issues, camera, joinPath(path, 'camera'));
    checkCameraPose(cc);
    cc.unknownKeys(CAMERA_POSE_KEYS);
  }
  const targets = ['bookmark', 'camera', 'project'].filter((k) => raw[k] !== undefined).length;
  if (targets !== 1) issues.push({ path, message: `name exactly one of bookmark, camera or project (found ${targets})` });
  if (issues.length > before) return undefined;
  return {
    ...(typeof raw['bookmark'] === 'string' ? { bookmark: raw['bookmark'] } : {}),
    ...(camera ? { camera: resolveCameraPose(camera) } : {}),
    ...(typeof raw['project'] === 'string' ? { project: raw['project'] } : {}),
    dwellSeconds: (raw['dwellSeconds'] as number | undefined) ?? 12,
  };
}

export function validateScreenConfig(raw: unknown, issues: Issue[], path = 'screen'): ScreenConfig {
  if (raw === undefined) return SCREEN_DEFAULTS;
  if (!isObject(raw)) {
    issues.push({ path, message: `expected an object, found ${describeType(raw)}` });
    return SCREEN_DEFAULTS;
  }
  new FieldChecker(issues, raw, path).unknownKeys(SCREEN_KEYS);

  let tour = DEFAULT_TOUR;
  const t = object(raw, 'tour', path, issues);
  if (t) {
    const tp = joinPath(path, 'tour');
    const c = new FieldChecker(issues, t, tp);
    c.number('flightSeconds', { min: 0.5, max: 60 });
    c.number('resumeAfterSeconds', { min: 1, max: 3600 });
    c.unknownKeys(['stops', 'flightSeconds', 'resumeAfterSeconds']);
    const list = t['stops'];
    const stops: TourStop[] = [];
    if (!Array.isArray(list)) issues.push({ path: joinPath(tp, 'stops'), message: list === undefined ? 'is required' : `expected an array, found ${describeType(list)}` });
    else list.forEach((s, i) => { const stop = readStop(s, joinPath(joinPath(tp, 'stops'), i), issues); if (stop) stops.push(stop); });
    tour = {
      stops,
      flightSeconds: (t['flightSeconds'] as number | undefined) ?? DEFAULT_TOUR.flightSeconds,
      resumeAfterSeconds: (t['resumeAfterSeconds'] as number | undefined) ?? DEFAULT_TOUR.resumeAfterSeconds,
    };
  }

  let feed: ScreenFeedConfig | undefined;
  const f = object(raw, 'feed', path, issues);
  if (f) {
    const fp = joinPath(path, 'feed');
    const c = new FieldChecker(issues, f, fp);
    c.string('layer', { required: true, nonEmpty: true });
    c.string('url', { nonEmpty: true });
    c.string('sse', { nonEmpty: true });
    c.number('intervalSeconds', { min: 1, max: 86400 });
    c.unknownKeys(['layer', 'url', 'sse', 'intervalSeconds']);
    if (f['url'] !== undefined && f['sse'] !== undefined) issues.push({ path: fp, message: 'name url (polling) or sse (a stream), not both' });
    if (typeof f['layer'] === 'string') {
      feed = {
        layer: f['layer'],
        ...(typeof f['url'] === 'string' ? { url: f['url'] } : {}),
        ...(typeof f['sse'] === 'string' ? { sse: f['sse'] } : {}),
        intervalSeconds: (f['intervalSeconds'] as number | undefined) ?? 30,
      };
    }
  }

  let display = DEFAULT_DISPLAY_PROFILE;
  const d = object(raw, 'display', path, issues);
  if (d) {
    const c = new FieldChecker(issues, d, joinPath(path, 'display'));
    c.number('resolutionScale', { min: 0.25, max: 2 });
    c.number('maxPixelRatio', { min: 0.5, max: 3 });
    c.number('maxMegapixels', { min: 0.5, max: 40 });
    c.boolean('fxaa');
    c.unknownKeys(['resolutionScale', 'maxPixelRatio', 'maxMegapixels', 'fxaa']);
    display = {
      resolutionScale: (d['resolutionScale'] as number | undefined) ?? DEFAULT_DISPLAY_PROFILE.resolutionScale,
      maxPixelRatio: (d['maxPixelRatio'] as number | undefined) ?? DEFAULT_DISPLAY_PROFILE.maxPixelRatio,
      maxMegapixels: (d['maxMegapixels'] as number | undefined) ?? DEFAULT_DISPLAY_PROFILE.maxMegapixels,
      fxaa: (d['fxaa'] as boolean | undefined) ?? DEFAULT_DISPLAY_PROFILE.fxaa,
    };
  }
  return { tour, ...(feed ? { feed } : {}), display };
}
