// The viewer configuration (public/config.json or ?config=URL): what to show and where to look.
// Layer-kind options are validated by each kind's own schema, passed in so this stays pure.
import { DISPLAY_MODES, isDisplayMode, type DisplayMode } from '../modes/displayMode.ts';
import { validateScreenConfig, type ScreenConfig } from './screenConfig.ts';
import { validateKioskConfig, type KioskConfig } from './kioskConfig.ts';
import { validateStreamingConfig, type StreamingConfig } from './streamingConfig.ts';
import { checkCameraPose, resolveCameraPose, CAMERA_POSE_KEYS, type CameraPose } from './cameraPose.ts';
import { describeType, FieldChecker, isObject, joinPath, type Issue, type JsonObject } from './issues.ts';
import { DEFAULT_GEOID_OFFSET_METERS } from '../geodesy/geoid.ts';

export interface LocalizedText { readonly zh: string; readonly en: string }

export interface Bookmark extends CameraPose {
  readonly id: string;
  readonly name: LocalizedText;
}

export interface GeoidConfig {
  /** N in h = H₁₉₈₅ + N, metres (standards.md §6). */
  readonly offsetMeters: number;
  readonly note?: string;
}

/** Properties every layer has, whatever its kind. */
export interface LayerCommon {
  readonly id: string;
  readonly kind: string;
  readonly name: LocalizedText;
  readonly show: boolean;
  /** 0..1 */
  readonly opacity: number;
  /** Labelled "synthetic data" in the UI. */
  readonly synthetic: boolean;
  /** A disabled layer is validated but never created (e.g. a base map that needs a token). */
  readonly enabled: boolean;
  /** Restricted data (pipelines): a watermark covers the map while it shows; kiosks never offer it.
   *  Server-side access control will key on the same flag. */
  readonly sensitive: boolean;
}

/** A resolved layer: the common properties plus its kind's options, defaults applied. */
export type LayerConfig = LayerCommon & { readonly [option: string]: unknown };

/** Who is looking, printed in the watermark over sensitive layers (with the time). */
export interface WatermarkConfig {
  /** Station or deployment, e.g. 前湾新区指挥中心. */
  readonly station?: string;
  /** Signed-in user; until authentication exists the deployment's config names the operator. */
  readonly user?: string;
}

export interface ViewerConfig {
  readonly version: 1;
  readonly title: LocalizedText;
  readonly home: CameraPose;
  readonly bookmarks: readonly Bookmark[];
  readonly geoid: GeoidConfig;
  readonly watermark: WatermarkConfig;
  /** The room this deployment runs in; ?mode= overrides it. */
  readonly mode?: DisplayMode;
  readonly screen: ScreenConfig;
  readonly kiosk: KioskConfig;
  readonly streaming: StreamingConfig;
  readonly layers: readonly LayerConfig[];
}

/** What the config validator needs from a layer kind (its `config.ts`, no Cesium). */
export interface LayerKindSchema {
  /** Kind-specific option names, so unknown properties can be reported. */
  readonly optionKeys: readonly string[];
  readonly defaults: Readonly<Record<string, unknown>>;
  /** Checks the kind-specific options of one layer object; `path` is e.g. `layers[2]`. */
  validate(raw: JsonObject, path: string): Issue[];
}

const LAYER_COMMON_KEYS = ['id', 'kind', 'name', 'show', 'opacity', 'synthetic', 'enabled', 'sensitive'] as const;
const LAYER_COMMON_DEFAULTS = { show: true, opacity: 1, synthetic: false, enabled: true, sensitive: false };
const ID_PATTERN = /^[A-Za-z0-9_-]+$/;
const TOP_KEYS = ['$comment', 'version', 'title', 'home', 'bookmarks', 'geoid', 'watermark', 'mode', 'screen', 'kiosk', 'streaming', 'layers'];

function checkId(c: FieldChecker, seen: Set<string>, what: string): void {
  if (!c.string('id', { required: true, nonEmpty: true })) return;
  const id = c.obj['id'] as string;
  const path = joinPath(c.path, 'id');
  if (!ID_PATTERN.test(id)) c.issues.push({ path, message: `"${id}" may contain only letters, digits, "-" and "_"` });
  else if (seen.has(id)) c.issues.push({ path, message: `duplicate ${what} id "${id}"` });
  seen.add(id);
}

function checkArray(issues: Issue[], obj: JsonObject, key: string, required: boolean): readonly unknown[] | undefined {
  const v = obj[key];
  if (v === undefined) {
    if (required) issues.push({ path: key, message: 'is required' });
    return undefined;
  }
  if (!Array.isArray(v)) {
    issues.push({ path: key, message: `expected an array, found ${describeType(v)}` });
    return undefined;
  }
  return v;
}

function validateLayer(raw: unknown, path: string, kinds: Readonly<Record<string, LayerKindSchema>>, ids: Set<string>): Issue[] {
  const issues: Issue[] = [];
  if (!isObject(raw)) return [{ path, message: `expected an object, found ${describeType(raw)}` }];
  const c = new FieldChecker(issues, raw, path);
  checkId(c, ids, 'layer');
  c.localizedText('name', { required: true });
  c.boolean('show');
  c.boolean('enabled');
  c.boolean('synthetic');
  c.boolean('sensitive');
  c.number('opacity', { min: 0, max: 1 });
  if (!c.oneOf('kind', Object.keys(kinds), { required: true })) return issues;
  const kind = kinds[raw['kind'] as string];
  if (!kind) return issues;
  c.unknownKeys([...LAYER_COMMON_KEYS, ...kind.optionKeys]);
  issues.push(...kind.validate(raw, path));
  return issues;
}

function resolveLayer(raw: JsonObject, kind: LayerKindSchema): LayerConfig {
  return { ...LAYER_COMMON_DEFAULTS, ...kind.defaults, ...raw } as LayerConfig;
}

export interface ConfigResult {
  /** Present only when there are no issues. */
  readonly config?: ViewerConfig;
  readonly issues: readonly Issue[];
}

export function validateViewerConfig(raw: unknown, kinds: Readonly<Record<string, LayerKindSchema>>): ConfigResult {
  if (!isObject(raw)) return { issues: [{ path: '', message: `config: expected an object, found ${describeType(raw)}` }] };
  const issues: Issue[] = [];
  const top = new FieldChecker(issues, raw, '');
  top.unknownKeys(TOP_KEYS);
  if (top.number('version', { required: true }) && raw['version'] !== 1) {
    issues.push({ path: 'version', message: `unsupported version ${String(raw['version'])}; this viewer reads version 1` });
  }
  top.localizedText('title', { required: true });

  const home = raw['home'];
  if (home === undefined) issues.push({ path: 'home', message: 'is required' });
  else if (!isObject(home)) issues.push({ path: 'home', message: `expected an object, found ${describeType(home)}` });
  else {
    const c = new FieldChecker(issues, home, 'home');
    checkCameraPose(c);
    c.unknownKeys(CAMERA_POSE_KEYS);
  }

  const geoid = raw['geoid'];
  if (geoid !== undefined && !isObject(geoid)) issues.push({ path: 'geoid', message: `expected an object, found ${describeType(geoid)}` });
  else if (geoid !== undefined) {
    const c = new FieldChecker(issues, geoid, 'geoid');
    c.number('offsetMeters', { required: true, min: -120, max: 120 });
    c.string('note');
    c.unknownKeys(['offsetMeters', 'note']);
  }

  const watermark = raw['watermark'];
  if (watermark !== undefined && !isObject(watermark)) issues.push({ path: 'watermark', message: `expected an object, found ${describeType(watermark)}` });
  else if (watermark !== undefined) {
    const c = new FieldChecker(issues, watermark, 'watermark');
    c.string('station');
    c.string('user');
    c.unknownKeys(['station', 'user']);
  }

  const mode = raw['mode'];
  if (mode !== undefined && !isDisplayMode(mode)) {
    issues.push({ path: 'mode', message: `expected one of ${DISPLAY_MODES.map((m) => `"${m}"`).join(', ')}, found ${typeof mode === 'string' ? `"${mode}"` : describeType(mode)}` });
  }
  const screen = validateScreenConfig(raw['screen'], issues);
  const kiosk = validateKioskConfig(raw['kiosk'], issues);
  const streaming = validateStreamingConfig(raw['streaming'], issues);

  const bookmarkIds = new Set<string>();
  (checkArray(issues, raw, 'bookmarks', false) ?? []).forEach((b, i) => {
    const path = joinPath('bookmarks', i);
    if (!isObject(b)) {
      issues.push({ path, message: `expected an object, found ${describeType(b)}` });
      return;
    }
    const c = new FieldChecker(issues, b, path);
    checkId(c, bookmarkIds, 'bookmark');
    c.localizedText('name', { required: true });
    checkCameraPose(c);
    c.unknownKeys(['id', 'name', ...CAMERA_POSE_KEYS]);
  });

  const layerIds = new Set<string>();
  const layers = checkArray(issues, raw, 'layers', true) ?? [];
  layers.forEach((l, i) => issues.push(...validateLayer(l, joinPath('layers', i), kinds, layerIds)));

  // The wall's tour and feed name bookmarks and layers: they must exist.
  const feedLayer = screen.feed?.layer;
  if (feedLayer !== undefined && !layerIds.has(feedLayer)) issues.push({ path: 'screen.feed.layer', message: `no layer with id "${feedLayer}"` });
  screen.tour.stops.forEach((stop, i) => {
    if (stop.bookmark !== undefined && !bookmarkIds.has(stop.bookmark)) issues.push({ path: `screen.tour.stops[${i}].bookmark`, message: `no bookmark with id "${stop.bookmark}"` });
  });

  if (issues.length) return { issues };
  const geoidObj = isObject(geoid) ? geoid : undefined;
  const config: ViewerConfig = {
    version: 1,
    title: raw['title'] as LocalizedText,
    home: resolveCameraPose(home as JsonObject),
    bookmarks: ((raw['bookmarks'] ?? []) as JsonObject[]).map((b) => ({
      ...resolveCameraPose(b), id: b['id'] as string, name: b['name'] as LocalizedText,
    })),
    geoid: {
      offsetMeters: (geoidObj?.['offsetMeters'] as number | undefined) ?? DEFAULT_GEOID_OFFSET_METERS,
      ...(typeof geoidObj?.['note'] === 'string' ? { note: geoidObj['note'] } : {}),
    },
    watermark: isObject(watermark) ? { ...watermark } as WatermarkConfig : {},
    ...(isDisplayMode(mode) ? { mode } : {}),
    screen,
    kiosk,
    streaming,
    layers: (layers as JsonObject[]).map((l) => resolveLayer(l, kinds[l['kind'] as string] as LayerKindSchema)),
  };
  return { config, issues };
}
