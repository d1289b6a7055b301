// Typed, read-only records of planning features, made once from features the validators accepted,
// so that filters, statistics and search never re-read loose GeoJSON properties.
import { GRS80 } from '../geodesy/ellipsoid.ts';
import type { Feature, PlanningGeometry, Position } from './geojson.ts';
import { isLifecycleStageId, LIFECYCLE_STAGE_IDS, type LifecycleStageId } from './stages.ts';

/** A lon/lat box in degrees. */
export type LonLatBox = readonly [west: number, south: number, east: number, north: number];

/** Per polygon: the outer ring first, holes after. */
export type PolygonRings = readonly (readonly (readonly Position[])[])[];

export interface ProjectRecord {
  readonly projectCode: string;
  readonly name: string;
  readonly developer?: string;
  readonly districtCode?: string;
  readonly districtName?: string;
  readonly landUseCode?: string;
  readonly stage: LifecycleStageId;
  readonly stageDates: Readonly<Partial<Record<LifecycleStageId, string>>>;
  readonly parcelIds: readonly string[];
  /** m²: properties.area when given, else computed from the geometry (ringAreaM2). */
  readonly area: number;
  readonly bbox: LonLatBox;
  readonly polygons: PolygonRings;
}

export interface ParcelRecord {
  readonly parcelId: string;
  readonly landUseCode: string;
  readonly landUseName?: string;
  readonly far?: number;
  readonly density?: number;
  readonly greenRatio?: number;
  /** m above ground. */
  readonly heightLimit?: number;
  /** m²: properties.area when given, else computed from the geometry. */
  readonly area: number;
  readonly buildingCount?: number;
  /** m: the tallest existing building on the parcel. */
  readonly maxBuildingHeight?: number;
  /** m, 1985 national height datum. */
  readonly groundElevation?: number;
  readonly unitCode?: string;
  readonly beidouCode?: string;
  readonly districtCode?: string;
  readonly districtName?: string;
  readonly bbox: LonLatBox;
  readonly polygons: PolygonRings;
}

type Props = Record<string, unknown>;

const text = (p: Props, key: string): string | undefined => {
  const v = p[key];
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
};
const num = (p: Props, key: string): number | undefined => {
  const v = p[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
};

/** Optional fields are left out rather than set to undefined, so records compare cleanly with toEqual. */
function defined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

/** Line geometries have no area: they give no polygons (the validators accept only polygons here anyway). */
export function polygonsOf(g: PlanningGeometry): PolygonRings {
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  return [];
}

/** The bbox of all positions; an empty geometry gives an inverted box that overlaps nothing. */
export function bboxOf(polygons: PolygonRings): LonLatBox {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const poly of polygons) {
    for (const ring of poly) {
      for (const [lon, lat] of ring) {
        if (lon < w) w = lon;
        if (lon > e) e = lon;
        if (lat < s) s = lat;
        if (lat > n) n = lat;
      }
    }
  }
  return [w, s, e, n];
}

/**
 * Area of a ring in m² (absolute, whatever its winding). The ring is projected onto a local
 * equirectangular plane with the GRS80 radii of curvature at its mean latitude, then the shoelace
 * formula applies. For a parcel or project (≤ a few km) the error is far below 0.1 %; it is not
 * meant for rings spanning degrees.
 */
export function ringAreaM2(ring: readonly Position[]): number {
  if (ring.length < 3) return 0;
  let latSum = 0;
  for (const p of ring) latSum += p[1];
  const { eastWest, northSouth } = metresPerDegree(latSum / ring.length);
  const [lon0, lat0] = ring[0]!;
  let twice = 0;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % ring.length]!;
    // Relative to the first vertex: keeps the products small and the sum exact enough.
    twice += (a[0] - lon0) * (b[1] - lat0) - (b[0] - lon0) * (a[1] - lat0);
  }
  return Math.abs(twice / 2) * eastWest * northSouth;
}

/** Outer rings minus holes, summed over polygons. */
export function polygonsAreaM2(polygons: PolygonRings): number {
  let total = 0;
  for (const poly of polygons) poly.forEach((ring, k) => { total += k === 0 ? ringAreaM2(ring) : -ringAreaM2(ring); });
  return Math.max(0, total);
}

function metresPerDegree(lat: number): { eastWest: number; northSouth: number } {
  const { a, f } = GRS80;
  const e2 = f * (2 - f);
  const phi = (lat * Math.PI) / 180;
  const w = Math.sqrt(1 - e2 * Math.sin(phi) ** 2);
  return { eastWest: ((a / w) * Math.cos(phi) * Math.PI) / 180, northSouth: ((a * (1 - e2)) / w ** 3 * Math.PI) / 180 };
}

const givenArea = (p: Props, polygons: PolygonRings): number => {
  const a = num(p, 'area');
  return a !== undefined && a > 0 ? a : polygonsAreaM2(polygons);
};

/** For a feature validateProjects accepted. Missing text becomes '' and an unknown stage 'plan' rather than a throw. */
export function projectRecord(f: Feature): ProjectRecord {
  const p = f.properties;
  const polygons = polygonsOf(f.geometry);
  const rawDates = p.stageDates;
  const stageDates: Partial<Record<LifecycleStageId, string>> = {};
  if (typeof rawDates === 'object' && rawDates !== null) {
    const dates = rawDates as Props;
    for (const id of LIFECYCLE_STAGE_IDS) { const d = dates[id]; if (typeof d === 'string') stageDates[id] = d; }
  }
  const ids = p.parcelIds;
  return defined({
    projectCode: text(p, 'projectCode') ?? '',
    name: text(p, 'name') ?? '',
    developer: text(p, 'developer'),
    districtCode: text(p, 'districtCode'),
    districtName: text(p, 'districtName'),
    landUseCode: text(p, 'landUseCode'),
    stage: isLifecycleStageId(p.stage) ? p.stage : 'plan',
    stageDates,
    parcelIds: Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [],
    area: givenArea(p, polygons),
    bbox: bboxOf(polygons),
    polygons,
  });
}

/** For a feature validateParcels accepted. */
export function parcelRecord(f: Feature): ParcelRecord {
  const p = f.properties;
  const polygons = polygonsOf(f.geometry);
  return defined({
    parcelId: text(p, 'parcelId') ?? '',
    landUseCode: text(p, 'landUseCode') ?? '',
    landUseName: text(p, 'landUseName'),
    far: num(p, 'far'),
    density: num(p, 'density'),
    greenRatio: num(p, 'greenRatio'),
    heightLimit: num(p, 'heightLimit'),
    area: givenArea(p, polygons),
    buildingCount: num(p, 'buildingCount'),
    maxBuildingHeight: num(p, 'maxBuildingHeight'),
    groundElevation: num(p, 'groundElevation'),
    unitCode: text(p, 'unitCode'),
    beidouCode: text(p, 'beidouCode'),
    districtCode: text(p, 'districtCode'),
    districtName: text(p, 'districtName'),
    bbox: bboxOf(polygons),
    polygons,
  });
}
