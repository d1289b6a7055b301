// `npm run bench -- --shipped-options '{"skipLevelOfDetail":true}'`: the shipped viewer measured
// with other streaming options on its mesh layer, without editing the shipped config. This is how
// the benchmark weighs one tuning change at a time. The page's config.json is patched in flight;
// the options are the 3D Tiles layer's live options (named as Cesium names them) and the keys of
// the config's `streaming` section (request limits, upload budget).
import { TILESET_LIVE_OPTIONS } from '../../../src/domain/streaming/tilesetOptions.ts';
import { STREAMING_KEYS } from '../../../src/domain/schemas/streamingConfig.ts';

/** null removes the option (Cesium's own default applies). */
export type ShippedOptions = Readonly<Record<string, number | boolean | null>>;

const LIVE: readonly string[] = TILESET_LIVE_OPTIONS;
const STREAMING: readonly string[] = STREAMING_KEYS.filter((k) => k !== '$comment');

/** Parses the flag's JSON; every key must be a live 3D Tiles option with a number or boolean. */
export function parseShippedOptions(text: string): { options: ShippedOptions } | { error: string } {
  let raw: unknown;
  try { raw = JSON.parse(text); } catch (e) { return { error: `--shipped-options: not JSON (${(e as Error).message})` }; }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { error: '--shipped-options: expected a JSON object of 3D Tiles options' };
  const options: Record<string, number | boolean | null> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!LIVE.includes(key) && !STREAMING.includes(key)) return { error: `--shipped-options: "${key}" is not a streaming option (3D Tiles layer: ${LIVE.join(', ')}; streaming: ${STREAMING.join(', ')})` };
    if (typeof value !== 'number' && typeof value !== 'boolean' && value !== null) return { error: `--shipped-options: "${key}" must be a number, true/false, or null (remove it), found ${JSON.stringify(value)}` };
    options[key] = value;
  }
  return { options };
}

/** The config with the layer options merged into its ground mesh layer (the layer the bench
 *  measures: the ground 3D Tiles layer, else the first 3D Tiles layer, as the page's __bench picks
 *  it) and the others into its `streaming` section. */
export function patchMeshLayer(config: unknown, options: ShippedOptions): { config: unknown } | { error: string } {
  if (typeof config !== 'object' || config === null || !Array.isArray((config as { layers?: unknown }).layers)) return { error: 'config.json: no "layers" array to patch' };
  const layers = (config as { layers: unknown[] }).layers;
  const isTiles = (l: unknown): l is Record<string, unknown> => typeof l === 'object' && l !== null && (l as { kind?: unknown }).kind === '3dtiles';
  const index = layers.findIndex((l) => isTiles(l) && l['ground'] === true);
  const target = index >= 0 ? index : layers.findIndex(isTiles);
  if (target < 0) return { error: 'config.json: no 3D Tiles layer to patch' };
  const merge = (into: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> => {
    const out = { ...into };
    for (const [k, v] of Object.entries(options)) {
      if (!keys.includes(k)) continue;
      if (v === null) delete out[k];
      else out[k] = v;
    }
    return out;
  };
  const patched = layers.map((l, i) => (i === target ? merge(l as Record<string, unknown>, LIVE) : l));
  const base = config as Record<string, unknown>;
  const section = typeof base['streaming'] === 'object' && base['streaming'] !== null ? base['streaming'] as Record<string, unknown> : {};
  const touchesStreaming = Object.keys(options).some((k) => STREAMING.includes(k));
  return { config: { ...base, ...(touchesStreaming ? { streaming: merge(section, STREAMING) } : {}), layers: patched } };
}
