// Excavation pits (开挖): a ring on the ground and a depth. The viewer cuts the mesh and the
// globe inside the ring and draws walls down to the floor; this module is the pure part: ring
// checks that name the offending vertex, areas in square metres, and the road-trench presets.
// Rings are small (≤ 1 km²), so a local tangent plane at the ring's first vertex, with the WGS84
// radii of curvature there, is exact to well under a centimetre.
import { WGS84 } from '../geodesy/ellipsoid.ts';
import type { Issue } from '../schemas/issues.ts';
import type { LocalizedText } from '../schemas/viewerConfig.ts';

export interface LonLat {
  readonly lon: number;
  readonly lat: number;
}

export interface Pit {
  readonly id: string;
  /** Open ring (the first vertex is not repeated), at least 3 vertices, degrees. */
  readonly ring: readonly LonLat[];
  /** Depth of the floor below the ring's lowest ground point, metres (> 0). */
  readonly depth: number;
}

export const MIN_PIT_AREA_M2 = 1;
export const MAX_PIT_AREA_M2 = 1_000_000;
export const MAX_PIT_DEPTH_M = 100;
/** Two vertices closer than this are the same vertex (a double click adds the last one twice). */
export const SAME_VERTEX_M = 0.01;

const DEG = Math.PI / 180;

/** Metres per degree of longitude and latitude at a latitude, from the WGS84 radii of curvature. */
export function metresPerDegree(latDeg: number): { lon: number; lat: number } {
  const e2 = WGS84.f * (2 - WGS84.f);
  const s = Math.sin(latDeg * DEG);
  const w = Math.sqrt(1 - e2 * s * s);
  const n = WGS84.a / w; // prime vertical
  const m = (WGS84.a * (1 - e2)) / (w * w * w); // meridian
  return { lon: n * Math.cos(latDeg * DEG) * DEG, lat: m * DEG };
}

interface Xy { x: number; y: number }

/** East/north metres of each vertex from `origin` (default: the first vertex). */
export function toLocalMetres(ring: readonly LonLat[], origin: LonLat | undefined = ring[0]): Xy[] {
  if (!origin) return [];
  const k = metresPerDegree(origin.lat);
  return ring.map((p) => ({ x: (p.lon - origin.lon) * k.lon, y: (p.lat - origin.lat) * k.lat }));
}

function fromLocalMetres(points: readonly Xy[], origin: LonLat): LonLat[] {
  const k = metresPerDegree(origin.lat);
  return points.map((p) => ({ lon: origin.lon + p.x / k.lon, lat: origin.lat + p.y / k.lat }));
}

/** Shoelace area in m²: positive when the ring runs counter-clockwise (east → north). */
export function ringSignedAreaSquareMeters(ring: readonly LonLat[]): number {
  const xy = toLocalMetres(ring);
  let twice = 0;
  for (let i = 0; i < xy.length; i++) {
    const a = xy[i]!;
    const b = xy[(i + 1) % xy.length]!;
    twice += a.x * b.y - b.x * a.y;
  }
  return twice / 2;
}

export function ringAreaSquareMeters(ring: readonly LonLat[]): number {
  return Math.abs(ringSignedAreaSquareMeters(ring));
}

/** The ring, reversed if it runs clockwise (a copy either way). */
export function ensureCounterClockwise<T extends LonLat>(ring: readonly T[]): T[] {
  return ringSignedAreaSquareMeters(ring) < 0 ? [...ring].reverse() : [...ring];
}

/**
 * The ring without repeated vertices: consecutive duplicates and a closing copy of the first
 * vertex (what a double click to finish, or a closed GeoJSON ring, leaves behind).
 */
export function normalizeRing<T extends LonLat>(ring: readonly T[]): T[] {
  const out: T[] = [];
  for (const p of ring) {
    const last = out[out.length - 1];
    if (!last || distanceMetres(last, p) >= SAME_VERTEX_M) out.push(p);
  }
  const first = out[0];
  while (out.length > 1 && first && distanceMetres(first, out[out.length - 1]!) < SAME_VERTEX_M) out.pop();
  return out;
}

export function distanceMetres(a: LonLat, b: LonLat): number {
  const k = metresPerDegree((a.lat + b.lat) / 2);
  return Math.hypot((b.lon - a.lon) * k.lon, (b.lat - a.lat) * k.lat);
}

const cross = (o: Xy, a: Xy, b: Xy): number => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
/** Within 1 mm of the line: collinear for our purposes. */
const EPS_M = 1e-3;

function onSegment(p: Xy, a: Xy, b: Xy): boolean {
  return Math.min(a.x, b.x) - 1e-9 <= p.x && p.x <= Math.max(a.x, b.x) + 1e-9
    && Math.min(a.y, b.y) - 1e-9 <= p.y && p.y <= Math.max(a.y, b.y) + 1e-9;
}

/** Segments ab and cd share at least one point (touching counts). */
function segmentsMeet(a: Xy, b: Xy, c: Xy, d: Xy): boolean {
  const len = (u: Xy, v: Xy) => Math.max(Math.hypot(v.x - u.x, v.y - u.y), 1e-9);
  const d1 = cross(c, d, a) / len(c, d);
  const d2 = cross(c, d, b) / len(c, d);
  const d3 = cross(a, b, c) / len(a, b);
  const d4 = cross(a, b, d) / len(a, b);
  const tol = EPS_M;
  if (((d1 > tol && d2 < -tol) || (d1 < -tol && d2 > tol)) && ((d3 > tol && d4 < -tol) || (d3 < -tol && d4 > tol))) return true;
  if (Math.abs(d1) <= tol && onSegment(a, c, d)) return true;
  if (Math.abs(d2) <= tol && onSegment(b, c, d)) return true;
  if (Math.abs(d3) <= tol && onSegment(c, a, b)) return true;
  if (Math.abs(d4) <= tol && onSegment(d, a, b)) return true;
  return false;
}

/** Adjacent edges a→b→c fold back onto each other (c lies on ab, or a on bc). */
function foldsBack(a: Xy, b: Xy, c: Xy): boolean {
  const ab = Math.hypot(b.x - a.x, b.y - a.y);
  const bc = Math.hypot(c.x - b.x, c.y - b.y);
  if (ab < 1e-9 || bc < 1e-9) return false;
  const dot = (a.x - b.x) * (c.x - b.x) + (a.y - b.y) * (c.y - b.y);
  return Math.abs(cross(b, a, c)) / Math.max(ab, bc) <= EPS_M && dot > 0;
}

const fmtArea = (m2: number): string => (m2 >= 100 ? Math.round(m2).toLocaleString('en-US') : m2.toFixed(2));

/**
 * Checks a drawn or configured pit ring; collects issues, never throws. Each issue's path names
 * the vertex (`ring[3]`), and its message the edges or vertices involved.
 */
export function validatePitRing(ring: readonly LonLat[], path = 'ring'): Issue[] {
  const issues: Issue[] = [];
  const at = (i: number) => `${path}[${i}]`;
  ring.forEach((p, i) => {
    if (!Number.isFinite(p.lon) || !Number.isFinite(p.lat) || Math.abs(p.lat) > 90 || Math.abs(p.lon) > 180) {
      issues.push({ path: at(i), message: `vertex ${i} is not a valid lon/lat (${p.lon}, ${p.lat})` });
    }
  });
  if (issues.length > 0) return issues;

  // Repeated vertices: the same point twice makes a zero-length edge or a pinched ring.
  const distinct: number[] = [];
  ring.forEach((p, i) => {
    const same = distinct.find((j) => distanceMetres(ring[j]!, p) < SAME_VERTEX_M);
    if (same === undefined) distinct.push(i);
    else if (i === ring.length - 1 && same === 0) issues.push({ path: at(i), message: `vertex ${i} repeats vertex 0: give the ring open, without closing it` });
    else issues.push({ path: at(i), message: `vertex ${i} repeats vertex ${same}` });
  });
  if (distinct.length < 3) {
    issues.push({ path, message: `a pit needs at least 3 distinct vertices, found ${distinct.length}` });
    return issues;
  }
  if (issues.length > 0) return issues; // edges between repeated vertices are degenerate: stop here

  const xy = toLocalMetres(ring);
  const n = xy.length;
  const crossings = new Set<number>();
  for (let i = 0; i < n; i++) {
    const a = xy[i]!;
    const b = xy[(i + 1) % n]!;
    const c = xy[(i + 2) % n]!;
    // A spike: the ring doubles back along itself at vertex i+1 (a flat triangle is left to the area check).
    if (n > 3 && foldsBack(a, b, c)) {
      const v = (i + 1) % n;
      issues.push({ path: at(v), message: `the ring folds back on itself at vertex ${v} (edges ${i}→${v} and ${v}→${(i + 2) % n} overlap)` });
      crossings.add(v);
    }
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue; // adjacent through the closing edge
      const c2 = xy[j]!;
      const d2 = xy[(j + 1) % n]!;
      if (segmentsMeet(a, b, c2, d2)) {
        issues.push({ path: at(i), message: `edge ${i}→${(i + 1) % n} crosses edge ${j}→${(j + 1) % n}: the ring intersects itself` });
        crossings.add(i);
      }
    }
  }

  const area = ringAreaSquareMeters(ring);
  if (crossings.size === 0) {
    if (area < MIN_PIT_AREA_M2) issues.push({ path, message: `area ${fmtArea(area)} m² is under the ${MIN_PIT_AREA_M2} m² minimum` });
    if (area > MAX_PIT_AREA_M2) issues.push({ path, message: `area ${fmtArea(area)} m² is over the 1 km² maximum` });
  }
  return issues;
}

/** The ring's issues plus the depth's (> 0 and at most MAX_PIT_DEPTH_M). */
export function validatePit(pit: Pit, path = ''): Issue[] {
  const join = (k: string) => (path ? `${path}.${k}` : k);
  const issues = validatePitRing(pit.ring, join('ring'));
  if (!Number.isFinite(pit.depth) || pit.depth <= 0) issues.push({ path: join('depth'), message: `expected a depth above 0 m, found ${pit.depth}` });
  else if (pit.depth > MAX_PIT_DEPTH_M) issues.push({ path: join('depth'), message: `depth ${pit.depth} m is over the ${MAX_PIT_DEPTH_M} m maximum` });
  return issues;
}

/**
 * The rectangle of a road trench: `lengthM` along `headingDeg` (clockwise from north, the
 * trench's long axis), `widthM` across, centred on `centre`. Counter-clockwise, open ring.
 */
export function roadSectionPreset(centre: LonLat, headingDeg: number, lengthM: number, widthM: number): LonLat[] {
  const h = headingDeg * DEG;
  const along = { x: Math.sin(h), y: Math.cos(h) };
  const across = { x: Math.cos(h), y: -Math.sin(h) }; // to the right of the heading
  const l = lengthM / 2;
  const w = widthM / 2;
  const corner = (sl: number, sw: number): Xy => ({ x: along.x * l * sl + across.x * w * sw, y: along.y * l * sl + across.y * w * sw });
  // back-left, back-right, front-right, front-left: counter-clockwise seen from above.
  const ring = fromLocalMetres([corner(-1, -1), corner(-1, 1), corner(1, 1), corner(1, -1)], centre);
  return ensureCounterClockwise(ring);
}

export interface PitPreset {
  readonly id: string;
  readonly name: LocalizedText;
  readonly centre: LonLat;
  /** Direction of the trench's long axis, degrees clockwise from north. */
  readonly heading: number;
  readonly length: number;
  readonly width: number;
  readonly depth: number;
}

/**
 * Road trenches in the pipelines area (三江口 – 东部新城). The centres sit on the synthetic
 * world's arterials (tools/world roads, seed 20260101): the east–west arterial at 29.87227°N
 * stands in for 中山东路, the north–south one at 121.62774°E for a 东部新城 arterial.
 */
export const PIT_PRESETS: readonly PitPreset[] = [
  {
    id: 'zhongshan-crossing',
    name: { zh: '中山东路横穿沟槽（60 × 8 m）', en: 'Zhongshan Rd E. crossing trench (60 × 8 m)' },
    centre: { lon: 121.6, lat: 29.87227 }, heading: 0, length: 60, width: 8, depth: 5,
  },
  {
    id: 'zhongshan-pipe-trench',
    name: { zh: '中山东路纵向管沟（120 × 3 m）', en: 'Zhongshan Rd E. pipe trench along the road (120 × 3 m)' },
    centre: { lon: 121.612, lat: 29.87236 }, heading: 90, length: 120, width: 3, depth: 3,
  },
  {
    id: 'dongbu-crossing',
    name: { zh: '东部新城主干路横穿沟槽（60 × 8 m）', en: 'Eastern New Town arterial crossing trench (60 × 8 m)' },
    centre: { lon: 121.62774, lat: 29.868 }, heading: 90, length: 60, width: 8, depth: 6,
  },
];

export function presetPit(preset: PitPreset): Pit {
  return { id: preset.id, ring: roadSectionPreset(preset.centre, preset.heading, preset.length, preset.width), depth: preset.depth };
}

/** The depth label: "−5.0 m" (a true minus sign, one decimal). */
export function formatPitDepth(depth: number): string {
  return `\u2212${Math.abs(depth).toFixed(1)} m`;
}
