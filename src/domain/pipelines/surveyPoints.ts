// The point table (管点): coordinates, zone and per-row checks. Ningbo straddles the 3° zone
// boundary at 121°30′E (standards.md §6), and tables arrive with or without the 40/41 zone
// prefix on Y, so the zone is read from the prefix where there is one and otherwise detected.
import { fromCgcs2000Grid } from '../geodesy/index.ts';
import type { GkZone, SurveyIssue, SurveyPoint } from './types.ts';
import { depthCell, numberCell, type Cell } from './surveyCells.ts';
import type { ColumnSpec, SurveyTable } from './surveyTable.ts';

export type PointColumn = 'id' | 'x' | 'y' | 'ground' | 'feature' | 'appurtenance' | 'wellDepth';
export const POINT_COLUMNS: ColumnSpec<PointColumn> = {
  id: ['点号', '物探点号', '管点编号'], x: ['X', 'X坐标'], y: ['Y', 'Y坐标'], ground: ['地面高程', '地面标高'],
  feature: ['特征', '特征点'], appurtenance: ['附属物'], wellDepth: ['井深'],
};

/** Where a detected zone must put the point: Ningbo with a margin. One zone over is ~3° away,
 *  so at most one zone can land inside. */
export const NINGBO_REGION = { west: 120.8, east: 122.5, south: 28.8, north: 30.8 } as const;
const ZONE_PREFIX: Readonly<Record<number, GkZone>> = { 40: 120, 41: 123 };

const inNingbo = (lon: number, lat: number): boolean =>
  lon >= NINGBO_REGION.west && lon <= NINGBO_REGION.east && lat >= NINGBO_REGION.south && lat <= NINGBO_REGION.north;

/** Zone and un-prefixed easting of one point: certain from a prefix, else the option, else detected. */
function zoneOf(northing: number, easting: number, forced: GkZone | undefined): Cell<{ zone: GkZone; easting: number; lon?: number; lat?: number }> {
  if (easting >= 1_000_000) {
    const prefix = Math.floor(easting / 1_000_000);
    const zone = ZONE_PREFIX[prefix];
    if (!zone) return { error: `Y ${easting} has zone prefix ${prefix}; Ningbo lies in zones 40 (CM 120°E) and 41 (CM 123°E)` };
    return { value: { zone, easting: easting - prefix * 1_000_000 } };
  }
  if (forced) return { value: { zone: forced, easting } };
  for (const zone of [123, 120] as const) {
    const g = fromCgcs2000Grid(zone, easting, northing);
    if (inNingbo(g.lon, g.lat)) return { value: { zone, easting, lon: g.lon, lat: g.lat } };
  }
  return { error: `X ${northing}, Y ${easting} fall outside Ningbo in both zones (CM 120°E, 123°E); check X/Y are not swapped, or give the zone` };
}

interface Candidate { line: number; id: string; northing: number; easting: number; zone: GkZone; ground: number; feature: string; appurtenance: string; wellDepth?: number; lonLat?: { lon: number; lat: number } }

export interface PointTableResult {
  readonly points: SurveyPoint[];
  readonly zone: GkZone;
  /** Point numbers whose rows were skipped, with their line, so the line table can say why. */
  readonly skippedIds: ReadonlyMap<string, number>;
  readonly skipped: number;
}

export function readPoints(t: SurveyTable<PointColumn>, forced: GkZone | undefined, issues: SurveyIssue[]): PointTableResult {
  const seen = new Map<string, number>();
  const skippedIds = new Map<string, number>();
  const candidates: Candidate[] = [];
  let skipped = 0;
  const reject = (line: number, id: string, problems: { code: SurveyIssue['code']; message: string }[]): void => {
    for (const p of problems) issues.push({ file: t.file, line, ...p });
    if (id !== '' && !seen.has(id)) skippedIds.set(id, line);
    skipped++;
  };
  for (const row of t.rows) {
    const id = t.cell(row, 'id');
    const problems: { code: SurveyIssue['code']; message: string }[] = [];
    if (id === '') problems.push({ code: 'badValue', message: '点号 is empty' });
    const first = seen.get(id);
    if (id !== '' && first !== undefined) problems.push({ code: 'duplicatePoint', message: `点号 ${JSON.stringify(id)} already appears on line ${first}` });
    const x = numberCell('X', t.cell(row, 'x'));
    const y = numberCell('Y', t.cell(row, 'y'));
    const ground = numberCell('地面高程', t.cell(row, 'ground'));
    const wellRaw = t.cell(row, 'wellDepth');
    const well = wellRaw === '' ? undefined : depthCell('井深', wellRaw);
    for (const c of [x, y, ground, well]) if (c && 'error' in c) problems.push({ code: 'badValue', message: c.error });
    const zoned = 'value' in x && 'value' in y ? zoneOf(x.value, y.value, forced) : undefined;
    if (zoned && 'error' in zoned) problems.push({ code: 'badValue', message: zoned.error });
    if (problems.length > 0 || !zoned || !('value' in zoned) || !('value' in x) || !('value' in ground)) { reject(row.line, id, problems); if (id !== '' && first === undefined) seen.set(id, row.line); continue; }
    seen.set(id, row.line);
    candidates.push({
      line: row.line, id, northing: x.value, easting: zoned.value.easting, zone: zoned.value.zone, ground: ground.value,
      feature: t.cell(row, 'feature'), appurtenance: t.cell(row, 'appurtenance'), ...(well && 'value' in well ? { wellDepth: well.value } : {}),
      // Detection already projected the point: keep it rather than project twice.
      ...(zoned.value.lon !== undefined && zoned.value.lat !== undefined ? { lonLat: { lon: zoned.value.lon, lat: zoned.value.lat } } : {}),
    });
  }
  const zone = forced ?? majorityZone(candidates);
  const points: SurveyPoint[] = [];
  for (const c of candidates) {
    if (c.zone !== zone) {
      issues.push({ file: t.file, line: c.line, code: 'mixedZones', message: `点号 ${JSON.stringify(c.id)} is in the CM ${c.zone}°E zone; the table is in CM ${zone}°E` });
      skippedIds.set(c.id, c.line);
      skipped++;
      continue;
    }
    const g = c.lonLat ?? fromCgcs2000Grid(zone, c.easting, c.northing);
    points.push({
      id: c.id, line: c.line, northing: c.northing, easting: c.easting, zone, lon: g.lon, lat: g.lat, groundHeight: c.ground,
      feature: c.feature, appurtenance: c.appurtenance, ...(c.wellDepth !== undefined ? { wellDepth: c.wellDepth } : {}),
    });
  }
  return { points, zone, skippedIds, skipped };
}

/** The zone most points are in; the city core's CM 123°E on a tie or an empty table. */
function majorityZone(cs: readonly Candidate[]): GkZone {
  const west = cs.filter((c) => c.zone === 120).length;
  return west > cs.length - west ? 120 : 123;
}
