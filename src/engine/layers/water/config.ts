// Water surface options: a translucent plane at a level in the 1985 datum over an extent; the
// level can be raised live (tidal level, a flood scenario).
import { FieldChecker, type Issue, type JsonObject, type LayerConfig, type LayerKindSchema } from '../../../domain/schemas/index.ts';

export interface WaterLayerConfig extends LayerConfig {
  /** [west, south, east, north] degrees. */
  readonly extent: readonly [number, number, number, number];
  /** Water level, metres in the 1985 height datum. */
  readonly level: number;
  readonly color: string;
  /** Surface alpha (0 clear … 1 opaque), times the layer opacity. */
  readonly fillOpacity: number;
  /** Range offered by the level slider. */
  readonly minLevel: number;
  readonly maxLevel: number;
}

export const WATER_CSS = /^#[0-9a-fA-F]{6}$/;

function validate(raw: JsonObject, path: string): Issue[] {
  const issues: Issue[] = [];
  const c = new FieldChecker(issues, raw, path);
  const e = raw['extent'];
  const ok = Array.isArray(e) && e.length === 4 && e.every((n) => typeof n === 'number' && Number.isFinite(n));
  const [w, s, east, n] = ok ? (e as number[]) : [0, 0, 0, 0];
  if (!ok || w! >= east! || s! >= n! || w! < -180 || east! > 180 || s! < -90 || n! > 90) {
    issues.push({ path: `${path}.extent`, message: 'expected [west, south, east, north] in degrees with west < east and south < north' });
  }
  c.number('level', { min: -100, max: 100 });
  c.number('minLevel', { min: -100, max: 100 });
  c.number('maxLevel', { min: -100, max: 100 });
  c.number('fillOpacity', { min: 0, max: 1 });
  if (c.string('color') && raw['color'] !== undefined && !WATER_CSS.test(raw['color'] as string)) {
    issues.push({ path: `${path}.color`, message: 'expected a colour like "#2a6f97"' });
  }
  return issues;
}

export const waterSchema: LayerKindSchema = {
  optionKeys: ['extent', 'level', 'color', 'fillOpacity', 'minLevel', 'maxLevel'],
  defaults: { level: 0, color: '#2a6f97', fillOpacity: 0.55, minLevel: -5, maxLevel: 10 },
  validate,
};
