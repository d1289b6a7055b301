// Minimal GeoJSON types and geometry checks for planning data (WGS84 lon/lat). Checks push issues
// that name the place (`features[3].geometry.coordinates[0]: polygon ring 0 is not closed`).
export type Position = [number, number];
export type PolygonCoords = Position[][];
export type PlanningGeometry =
  | { type: 'Polygon'; coordinates: PolygonCoords }
  | { type: 'MultiPolygon'; coordinates: PolygonCoords[] }
  | { type: 'LineString'; coordinates: Position[] }
  | { type: 'MultiLineString'; coordinates: Position[][] };

export interface Feature<P = Record<string, unknown>> {
  type: 'Feature';
  id?: string | number;
  geometry: PlanningGeometry;
  properties: P;
}

export interface FeatureCollection<P = Record<string, unknown>> {
  type: 'FeatureCollection';
  features: Feature<P>[];
}

export interface PlanningIssue {
  /** Feature index, or -1 for the collection itself. */
  readonly index: number;
  readonly path: string;
  readonly message: string;
}

const describe = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

function checkPosition(p: unknown, path: string, out: string[]): boolean {
  if (!Array.isArray(p) || p.length < 2 || typeof p[0] !== 'number' || typeof p[1] !== 'number' || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
    out.push(`${path}: expected a position [lon, lat], found ${Array.isArray(p) ? JSON.stringify(p) : describe(p)}`);
    return false;
  }
  if (p[0] < -180 || p[0] > 180 || p[1] < -90 || p[1] > 90) {
    out.push(`${path}: [${p[0]}, ${p[1]}] is not WGS84 longitude/latitude (projected coordinates? convert to lon/lat)`);
    return false;
  }
  return true;
}

function checkRing(ring: unknown, path: string, k: number, out: string[]): void {
  if (!Array.isArray(ring)) { out.push(`${path}: polygon ring ${k}: expected an array of positions, found ${describe(ring)}`); return; }
  if (ring.length < 4) { out.push(`${path}: polygon ring ${k} has ${ring.length} positions, expected at least 4`); return; }
  let ok = true;
  ring.forEach((p, i) => { if (ok) ok = checkPosition(p, `${path}[${i}]`, out); });
  if (!ok) return;
  const a = ring[0] as number[];
  const b = ring[ring.length - 1] as number[];
  if (a[0] !== b[0] || a[1] !== b[1]) out.push(`${path}: polygon ring ${k} is not closed (first and last positions differ)`);
}

function checkPolygon(coords: unknown, path: string, out: string[]): void {
  if (!Array.isArray(coords) || coords.length === 0) { out.push(`${path}: expected an array of rings, found ${Array.isArray(coords) ? 'an empty array' : describe(coords)}`); return; }
  coords.forEach((ring, k) => checkRing(ring, `${path}[${k}]`, k, out));
}

function checkLine(coords: unknown, path: string, out: string[]): void {
  if (!Array.isArray(coords) || coords.length < 2) { out.push(`${path}: a line needs at least 2 positions`); return; }
  let ok = true;
  coords.forEach((p, i) => { if (ok) ok = checkPosition(p, `${path}[${i}]`, out); });
}

/** Problems with a geometry, as `path: reason` strings (empty when valid). */
export function geometryProblems(g: unknown, path: string, allowed: readonly PlanningGeometry['type'][]): string[] {
  const out: string[] = [];
  if (typeof g !== 'object' || g === null || Array.isArray(g)) return [`${path}: expected a geometry object, found ${describe(g)}`];
  const { type, coordinates } = g as { type?: unknown; coordinates?: unknown };
  if (typeof type !== 'string' || !(allowed as readonly string[]).includes(type)) {
    return [`${path}.type: expected one of ${allowed.join(', ')}, found ${typeof type === 'string' ? `"${type}"` : describe(type)}`];
  }
  const cp = `${path}.coordinates`;
  if (type === 'Polygon') checkPolygon(coordinates, cp, out);
  else if (type === 'MultiPolygon') {
    if (!Array.isArray(coordinates) || coordinates.length === 0) out.push(`${cp}: expected an array of polygons`);
    else coordinates.forEach((poly, i) => checkPolygon(poly, `${cp}[${i}]`, out));
  } else if (type === 'LineString') checkLine(coordinates, cp, out);
  else if (!Array.isArray(coordinates) || coordinates.length === 0) out.push(`${cp}: expected an array of lines`);
  else coordinates.forEach((line, i) => checkLine(line, `${cp}[${i}]`, out));
  return out;
}

/** `features[12].properties.lineType: expected one of …` */
export function formatPlanningIssue(issue: PlanningIssue): string {
  return issue.path ? `${issue.path}: ${issue.message}` : issue.message;
}
