// Imagery layer options. `naturalEarth` is Cesium's bundled Natural Earth II (offline, served
// from our own origin); xyz/tms/wmts point at a configured server, e.g. an intranet tile cache
// or 天地图 WMTS with a `{token}` placeholder in its url filled from `token`.
import { FieldChecker, joinPath, type Issue, type JsonObject, type LayerConfig, type LayerKindSchema } from '../../../domain/schemas/index.ts';

export const imageryProviders = ['naturalEarth', 'xyz', 'tms', 'wmts'] as const;
export type ImageryProviderName = (typeof imageryProviders)[number];
export const tilingSchemes = ['webMercator', 'geographic'] as const;

export interface ImageryLayerConfig extends LayerConfig {
  readonly provider: ImageryProviderName;
  readonly url?: string;
  /** Substituted for `{token}` in the url, so the secret lives in one place. */
  readonly token?: string;
  readonly subdomains?: readonly string[];
  readonly minimumLevel?: number;
  readonly maximumLevel?: number;
  readonly tilingScheme?: (typeof tilingSchemes)[number];
  /** [west, south, east, north] in degrees. */
  readonly rectangle?: readonly number[];
  readonly credit?: string;
  // WMTS
  readonly layer?: string;
  readonly style?: string;
  readonly tileMatrixSetID?: string;
  readonly format?: string;
  readonly tileMatrixLabels?: readonly string[];
}

export const imageryDefaults = { provider: 'naturalEarth' } as const;

const optionKeys = [
  'provider', 'url', 'token', 'subdomains', 'minimumLevel', 'maximumLevel', 'tilingScheme', 'rectangle',
  'credit', 'layer', 'style', 'tileMatrixSetID', 'format', 'tileMatrixLabels',
];

function validate(raw: JsonObject, path: string): Issue[] {
  const issues: Issue[] = [];
  const c = new FieldChecker(issues, raw, path);
  const provider = c.oneOf('provider', imageryProviders) ? ((raw['provider'] as string | undefined) ?? 'naturalEarth') : undefined;
  const needsUrl = provider !== undefined && provider !== 'naturalEarth';
  c.string('url', { required: needsUrl, nonEmpty: true });
  c.string('token');
  c.stringArray('subdomains');
  c.number('minimumLevel', { min: 0, max: 30, integer: true });
  c.number('maximumLevel', { min: 0, max: 30, integer: true });
  c.oneOf('tilingScheme', tilingSchemes);
  c.string('credit');
  const rect = raw['rectangle'];
  if (rect !== undefined) {
    const ok = Array.isArray(rect) && rect.length === 4 && rect.every((v) => typeof v === 'number' && Number.isFinite(v));
    if (!ok) issues.push({ path: joinPath(path, 'rectangle'), message: 'expected [west, south, east, north] in degrees' });
  }
  if (provider === 'wmts') {
    c.string('layer', { required: true, nonEmpty: true });
    c.string('tileMatrixSetID', { required: true, nonEmpty: true });
    c.string('style');
    c.string('format');
    c.stringArray('tileMatrixLabels');
  }
  const url = raw['url'];
  const enabled = raw['enabled'] !== false;
  if (enabled && typeof url === 'string' && url.includes('{token}') && !(typeof raw['token'] === 'string' && raw['token'] !== '')) {
    issues.push({ path: joinPath(path, 'token'), message: 'the url has a {token} placeholder: set token, or set enabled to false' });
  }
  return issues;
}

export const imagerySchema: LayerKindSchema = { optionKeys, defaults: imageryDefaults, validate };
