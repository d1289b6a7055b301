// A uniform-grid spatial index over polygon records (parcels, projects): which items contain a
// point, which bboxes overlap a box. A grid suits the data: parcels are similar in size and spread
// evenly over the city, so a fixed cell (default 0.01°, about 1 km) holds a handful each and a
// query looks at one or a few cells. Built in compressed rows (offsets + one index array) so that
// 16k parcels index in a few milliseconds without a Map per cell.
import type { Position } from './geojson.ts';
import type { LonLatBox, PolygonRings } from './records.ts';

export interface Spatial {
  readonly bbox: LonLatBox;
  readonly polygons: PolygonRings;
}

export interface PolygonIndex<T> {
  readonly size: number;
  /** Items whose polygons contain the point, in input order. */
  at(lon: number, lat: number): T[];
  /** Items whose bbox overlaps the box (edges touching count), in input order. */
  intersecting(box: LonLatBox): T[];
}

/** The grid never has more cells than this: items spread over a continent get a coarser grid, not a huge one. */
const MAX_CELLS = 1 << 20;

/**
 * Even–odd crossings of a ray running east from the point. Half-open on purpose: a point on an
 * edge shared by two neighbours lies in exactly one of them (the one to its east, or north for
 * an east–west edge), like the [west, east) × [south, north) cells of the BeiDou grid. Each edge
 * is taken from its southern end so both neighbours compute the very same crossing longitude.
 */
function crossings(lon: number, lat: number, ring: readonly Position[]): number {
  let c = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    let a = ring[j]!;
    let b = ring[i]!;
    if (a[1] > b[1]) [a, b] = [b, a];
    if (a[1] <= lat && lat < b[1] && lon < a[0] + ((lat - a[1]) * (b[0] - a[0])) / (b[1] - a[1])) c++;
  }
  return c;
}

/** Whether any polygon (outer ring with holes, even–odd) contains the point. */
export function pointInPolygons(lon: number, lat: number, polygons: PolygonRings): boolean {
  for (const poly of polygons) {
    let c = 0;
    for (const ring of poly) c += crossings(lon, lat, ring);
    if (c % 2 === 1) return true;
  }
  return false;
}

const finiteBox = (b: LonLatBox): boolean => b.every(Number.isFinite) && b[0] <= b[2] && b[1] <= b[3];

export function createPolygonIndex<T extends Spatial>(items: readonly T[], cellDeg = 0.01): PolygonIndex<T> {
  let west = Infinity, south = Infinity, east = -Infinity, north = -Infinity;
  for (const it of items) {
    if (!finiteBox(it.bbox)) continue;
    west = Math.min(west, it.bbox[0]); south = Math.min(south, it.bbox[1]);
    east = Math.max(east, it.bbox[2]); north = Math.max(north, it.bbox[3]);
  }
  if (west > east) return { size: items.length, at: () => [], intersecting: () => [] };

  let cell = cellDeg > 0 && Number.isFinite(cellDeg) ? cellDeg : 0.01;
  const gridSize = (c: number): [number, number] => [Math.max(1, Math.ceil((east - west) / c)), Math.max(1, Math.ceil((north - south) / c))];
  let [cols, rows] = gridSize(cell);
  while (cols * rows > MAX_CELLS) { cell *= 2; [cols, rows] = gridSize(cell); }
  const col = (lon: number): number => Math.min(cols - 1, Math.max(0, Math.floor((lon - west) / cell)));
  const row = (lat: number): number => Math.min(rows - 1, Math.max(0, Math.floor((lat - south) / cell)));

  // Two passes: count per cell, then fill. Items go in input order, so each cell lists them sorted.
  const offsets = new Int32Array(cols * rows + 1);
  const spans: [number, number, number, number][] = items.map((it) =>
    finiteBox(it.bbox) ? [col(it.bbox[0]), row(it.bbox[1]), col(it.bbox[2]), row(it.bbox[3])] : [1, 1, 0, 0]);
  for (const [c0, r0, c1, r1] of spans) for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) offsets[r * cols + c + 1]!++;
  for (let k = 1; k < offsets.length; k++) offsets[k]! += offsets[k - 1]!;
  const members = new Int32Array(offsets[offsets.length - 1]!);
  const fill = offsets.slice(0, -1);
  spans.forEach(([c0, r0, c1, r1], i) => {
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) members[fill[r * cols + c]!++] = i;
  });

  // Stamps dedupe items that span several cells without a Set per query.
  const stamps = new Uint32Array(items.length);
  let query = 0;

  return {
    size: items.length,
    at(lon, lat) {
      const out: T[] = [];
      if (!(lon >= west && lon <= east && lat >= south && lat <= north)) return out;
      const k = row(lat) * cols + col(lon);
      for (let m = offsets[k]!; m < offsets[k + 1]!; m++) {
        const it = items[members[m]!]!;
        const [w, s, e, n] = it.bbox;
        if (lon >= w && lon <= e && lat >= s && lat <= n && pointInPolygons(lon, lat, it.polygons)) out.push(it);
      }
      return out;
    },
    intersecting(box) {
      const [bw, bs, be, bn] = box;
      if (!(bw <= east && be >= west && bs <= north && bn >= south)) return [];
      if (++query === 0xffffffff) { stamps.fill(0); query = 1; }
      const hits: number[] = [];
      for (let r = row(bs); r <= row(bn); r++) {
        for (let c = col(bw); c <= col(be); c++) {
          const k = r * cols + c;
          for (let m = offsets[k]!; m < offsets[k + 1]!; m++) {
            const i = members[m]!;
            if (stamps[i] === query) continue;
            stamps[i] = query;
            const [w, s, e, n] = items[i]!.bbox;
            if (w <= be && e >= bw && s <= bn && n >= bs) hits.push(i);
          }
        }
      }
      return hits.sort((a, b) => a - b).map((i) => items[i]!);
    },
  };
}
