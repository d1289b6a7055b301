// The demo scheme's site: one real parcel of the generated planning data in 东部新城 (Eastern New
// Town), its outline in local metres around its centroid, and whether a footprint fits inside it.
import { localFrame, type LonLatHeight } from '../../src/domain/review/frame.ts';
import { parcelRecord, validateParcels, type ParcelRecord } from '../../src/domain/planning/index.ts';

/** 东部新城: where the demo parcel's centroid must lie (degrees). */
export const EASTERN_NEW_TOWN = { west: 121.60, south: 29.85, east: 121.64, north: 29.87 } as const;
/** What makes a parcel worth three high-rise alternatives. */
export const MIN_HEIGHT_LIMIT = 80;
export const MIN_AREA = 20_000;
/** 居住用地 (07) and 商业服务业用地 (09) in the 国土空间调查 classification. */
const USES = ['07', '09'];

export type Xy = readonly [number, number];

export interface Site {
  readonly parcel: ParcelRecord;
  /** Area-weighted centroid of the outer ring: where the models stand. */
  readonly centroid: { lon: number; lat: number };
  /** Outer ring in metres east/north of the centroid (closing point dropped). */
  readonly ring: readonly Xy[];
}

/** Parcels of a parcels.geojson text that the planning validator accepts (others are skipped). */
export function readParcels(geojson: string): ParcelRecord[] {
  return validateParcels(JSON.parse(geojson)).valid.map(parcelRecord);
}

/** Candidates in area order (largest first, then parcelId), so the choice is deterministic. */
export function candidateParcels(parcels: readonly ParcelRecord[]): ParcelRecord[] {
  const E = EASTERN_NEW_TOWN;
  return parcels
    .filter((p) => USES.some((u) => p.landUseCode.startsWith(u)))
    .filter((p) => (p.heightLimit ?? 0) >= MIN_HEIGHT_LIMIT && p.area >= MIN_AREA && p.far !== undefined && p.density !== undefined)
    .filter((p) => p.polygons.length === 1)
    .filter((p) => {
      const lon = (p.bbox[0] + p.bbox[2]) / 2, lat = (p.bbox[1] + p.bbox[3]) / 2;
      return lon >= E.west && lon <= E.east && lat >= E.south && lat <= E.north;
    })
    .sort((a, b) => b.area - a.area || (a.parcelId < b.parcelId ? -1 : a.parcelId > b.parcelId ? 1 : 0));
}

/** The parcel's outline in local metres around its centroid. */
export function siteOf(parcel: ParcelRecord): Site {
  const outer = parcel.polygons[0]?.[0] ?? [];
  const origin: LonLatHeight = { lon: (parcel.bbox[0] + parcel.bbox[2]) / 2, lat: (parcel.bbox[1] + parcel.bbox[3]) / 2, height: 0 };
  const f0 = localFrame(origin);
  const pts = outer.map(([lon, lat]) => f0.fromGeodetic({ lon, lat, height: 0 }));
  const first = pts[0], last = pts[pts.length - 1];
  if (first && last && first[0] === last[0] && first[1] === last[1]) pts.pop();
  // Area-weighted centroid (shoelace); the bbox centre for a degenerate ring.
  let a2 = 0, cx = 0, cy = 0;
  pts.forEach((p, i) => {
    const q = pts[(i + 1) % pts.length]!;
    const c = p[0] * q[1] - q[0] * p[1];
    a2 += c; cx += (p[0] + q[0]) * c; cy += (p[1] + q[1]) * c;
  });
  const [x, y] = Math.abs(a2) > 1e-9 ? [cx / (3 * a2), cy / (3 * a2)] : [0, 0];
  const c = f0.toGeodetic([x, y, 0]);
  const centroid = { lon: round(c.lon, 7), lat: round(c.lat, 7) };
  const f = localFrame({ ...centroid, height: 0 });
  const ring = outer.map(([lon, lat]): Xy => { const l = f.fromGeodetic({ lon, lat, height: 0 }); return [l[0], l[1]]; });
  if (ring.length > 1) ring.pop(); // GeoJSON rings repeat their first point
  return { parcel, centroid, ring };
}

const round = (v: number, digits: number): number => Math.round(v * 10 ** digits) / 10 ** digits;

/** Even-odd rule. */
export function insideRing(p: Xy, ring: readonly Xy[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i]!, b = ring[j]!;
    if ((a[1] > p[1]) !== (b[1] > p[1]) && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
  }
  return inside;
}

function segmentsCross(p1: Xy, p2: Xy, q1: Xy, q2: Xy): boolean {
  const d = (a: Xy, b: Xy, c: Xy): number => (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  return d(p1, p2, q1) * d(p1, p2, q2) < 0 && d(q1, q2, p1) * d(q1, q2, p2) < 0;
}

/**
 * Whether the rectangle [minX, maxX] × [minY, maxY] grown by `margin` on every side lies inside the
 * ring: all corners inside and no edge of the ring crossing it (the ring may be concave).
 */
export function rectInside(ring: readonly Xy[], minX: number, minY: number, maxX: number, maxY: number, margin = 0): boolean {
  const r: Xy[] = [[minX - margin, minY - margin], [maxX + margin, minY - margin], [maxX + margin, maxY + margin], [minX - margin, maxY + margin]];
  if (!r.every((p) => insideRing(p, ring))) return false;
  for (let i = 0; i < 4; i++) {
    for (let k = 0; k < ring.length; k++) {
      if (segmentsCross(r[i]!, r[(i + 1) % 4]!, ring[k]!, ring[(k + 1) % ring.length]!)) return false;
    }
  }
  return true;
}
