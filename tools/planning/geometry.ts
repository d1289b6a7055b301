// Geometry helpers for planning data: frame-metre shapes → WGS84 GeoJSON rings (rounded to 1e-6°,
// ~0.1 m, so output is compact and byte-stable), the union outline of block cells on the road
// lattice, and polyline buffers for rivers and expressways.
import { toLat, toLon, type Rect } from '../world/frame.ts';
import type { PolygonCoords, Position } from '../../src/domain/planning/index.ts';

const r6 = (v: number): number => Math.round(v * 1e6) / 1e6;
export const lonLat = (x: number, y: number): Position => [r6(toLon(x)), r6(toLat(y))];

/** Counter-clockwise closed ring of a frame rectangle. */
export function rectPolygon(r: Rect): PolygonCoords {
  return [[lonLat(r.x0, r.y0), lonLat(r.x1, r.y0), lonLat(r.x1, r.y1), lonLat(r.x0, r.y1), lonLat(r.x0, r.y0)]];
}

export interface GridCell { ix: number; iy: number; rect: Rect }

/**
 * Outlines of the union of lattice cells: one polygon (outer ring + holes) per connected region.
 * Cells share exact edges (the lattice is one set of lines), so the boundary is traced on the grid:
 * directed edges keep the region on the left; at a pinch vertex the walk turns left, which splits
 * regions that touch only at a corner.
 */
export function traceCells(cells: readonly GridCell[]): PolygonCoords[] {
  const filled = new Set(cells.map((c) => `${c.ix},${c.iy}`));
  const xs = new Map<number, number>();
  const ys = new Map<number, number>();
  for (const c of cells) {
    xs.set(c.ix, c.rect.x0); xs.set(c.ix + 1, c.rect.x1);
    ys.set(c.iy, c.rect.y0); ys.set(c.iy + 1, c.rect.y1);
  }
  const has = (i: number, j: number): boolean => filled.has(`${i},${j}`);
  // Outgoing edges by start vertex "i,j": [end i, end j].
  const out = new Map<string, [number, number][]>();
  const add = (a: [number, number], b: [number, number]): void => {
    const k = `${a[0]},${a[1]}`;
    const list = out.get(k);
    if (list) list.push(b); else out.set(k, [b]);
  };
  const sorted = [...cells].sort((a, b) => a.iy - b.iy || a.ix - b.ix);
  for (const { ix: i, iy: j } of sorted) {
    if (!has(i, j - 1)) add([i, j], [i + 1, j]);
    if (!has(i + 1, j)) add([i + 1, j], [i + 1, j + 1]);
    if (!has(i, j + 1)) add([i + 1, j + 1], [i, j + 1]);
    if (!has(i - 1, j)) add([i, j + 1], [i, j]);
  }
  const rings: [number, number][][] = [];
  for (const { ix: i, iy: j } of sorted) {
    const startKey = `${i},${j}`;
    while ((out.get(startKey)?.length ?? 0) > 0) {
      const ring: [number, number][] = [[i, j]];
      let cur: [number, number] = [i, j];
      let dir: [number, number] = [1, 0];
      for (;;) {
        const list = out.get(`${cur[0]},${cur[1]}`);
        if (!list || list.length === 0) break;
        // Prefer a left turn, then straight, then right.
        let pick = 0;
        if (list.length > 1) {
          const score = (e: [number, number]): number => {
            const d = [e[0] - cur[0], e[1] - cur[1]];
            const cross = dir[0] * d[1]! - dir[1] * d[0]!;
            return cross > 0 ? 0 : cross === 0 ? 1 : 2;
          };
          pick = list.map(score).reduce((best, s, k, arr) => (s < arr[best]! ? k : best), 0);
        }
        const next = list.splice(pick, 1)[0]!;
        dir = [next[0] - cur[0], next[1] - cur[1]];
        cur = next;
        if (cur[0] === i && cur[1] === j) break;
        ring.push(cur);
      }
      rings.push(simplify(ring));
    }
  }
  const toXY = (v: [number, number]): [number, number] => [xs.get(v[0])!, ys.get(v[1])!];
  const area = (ring: [number, number][]): number => {
    let s = 0;
    for (let k = 0; k < ring.length; k++) {
      const [ax, ay] = ring[k]!; const [bx, by] = ring[(k + 1) % ring.length]!;
      s += ax * by - bx * ay;
    }
    return s / 2;
  };
  const outers = rings.filter((r) => area(r) > 0).map((r) => ({ ring: r, holes: [] as [number, number][][] }));
  for (const hole of rings.filter((r) => area(r) < 0)) {
    // A point just inside the hole (right of its first edge) lies inside exactly one outer ring.
    const [a, b] = [hole[0]!, hole[1]!];
    const px = (a[0] + b[0]) / 2 + (b[1] - a[1]) * 0.25;
    const py = (a[1] + b[1]) / 2 - (b[0] - a[0]) * 0.25;
    const owner = outers.find((o) => contains(o.ring, px, py));
    owner?.holes.push(hole);
  }
  const close = (ring: [number, number][]): Position[] => [...ring, ring[0]!].map((v) => { const [x, y] = toXY(v); return lonLat(x, y); });
  return outers.map((o) => [close(o.ring), ...o.holes.map(close)]);
}

function simplify(ring: [number, number][]): [number, number][] {
  return ring.filter((v, k) => {
    const a = ring[(k + ring.length - 1) % ring.length]!;
    const b = ring[(k + 1) % ring.length]!;
    return (v[0] - a[0]) * (b[1] - v[1]) - (v[1] - a[1]) * (b[0] - v[0]) !== 0;
  });
}

/** Connected regions (4-neighbour) of lattice cells, in a stable order. */
export function cellRegions(cells: readonly GridCell[]): GridCell[][] {
  const byKey = new Map(cells.map((c) => [`${c.ix},${c.iy}`, c]));
  const seen = new Set<string>();
  const out: GridCell[][] = [];
  for (const start of [...cells].sort((a, b) => a.iy - b.iy || a.ix - b.ix)) {
    const k0 = `${start.ix},${start.iy}`;
    if (seen.has(k0)) continue;
    seen.add(k0);
    const region: GridCell[] = [];
    const stack = [start];
    while (stack.length > 0) {
      const c = stack.pop()!;
      region.push(c);
      for (const [dx, dy] of [[1, 0], [-1, 0], [0, 1], [0, -1]] as const) {
        const k = `${c.ix + dx},${c.iy + dy}`;
        const n = byKey.get(k);
        if (n && !seen.has(k)) { seen.add(k); stack.push(n); }
      }
    }
    out.push(region);
  }
  return out;
}

/**
 * Outlines of cells split into tiles of `tile` × `tile` cells (tile edges fall on arterials, as
 * the lattice has 4 cells per arterial interval): a city-wide zone becomes hundreds of polygons
 * of a few hundred vertices and few holes, which drape and pick quickly, instead of a handful of
 * giant polygons with thousands of holes.
 */
export function traceTiled(cells: readonly GridCell[], tile: number): PolygonCoords[] {
  const tiles = new Map<string, GridCell[]>();
  for (const c of cells) {
    const k = `${Math.floor(c.iy / tile)},${Math.floor(c.ix / tile)}`;
    const list = tiles.get(k) ?? [];
    tiles.set(k, list);
    list.push(c);
  }
  const keys = [...tiles.keys()].sort((a, b) => {
    const [ay, ax] = a.split(',').map(Number) as [number, number]; const [by, bx] = b.split(',').map(Number) as [number, number];
    return ay - by || ax - bx;
  });
  return keys.flatMap((k) => traceCells(tiles.get(k)!));
}

/** Even-odd point-in-ring test (ring not closed). */
export function contains(ring: readonly (readonly [number, number])[], x: number, y: number): boolean {
  let inside = false;
  for (let k = 0, m = ring.length - 1; k < ring.length; m = k++) {
    const [xi, yi] = ring[k]!; const [xj, yj] = ring[m]!;
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Buffer of a polyline (frame metres) with half-width per vertex: mitred offsets on both sides,
 * one ring. Good for the gently bending rivers and expressways of the world (no sharp turns).
 */
export function bufferPolyline(pts: readonly [number, number][], halfWidth: readonly number[]): PolygonCoords {
  const left: Position[] = [];
  const right: Position[] = [];
  const normal = (a: [number, number], b: [number, number]): [number, number] => {
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    return [-(b[1] - a[1]) / len, (b[0] - a[0]) / len];
  };
  for (let k = 0; k < pts.length; k++) {
    const p = pts[k]!;
    const n0 = k > 0 ? normal(pts[k - 1]!, p) : null;
    const n1 = k < pts.length - 1 ? normal(p, pts[k + 1]!) : null;
    let nx: number; let ny: number;
    if (n0 && n1) {
      const sx = n0[0] + n1[0]; const sy = n0[1] + n1[1];
      const len = Math.hypot(sx, sy);
      const cos = Math.max(0.5, (n0[0] * n1[0] + n0[1] * n1[1] + 1) / 2) ** 0.5; // cos of half the turn
      nx = sx / len / cos; ny = sy / len / cos;
    } else [nx, ny] = (n0 ?? n1)!;
    const w = halfWidth[k]!;
    left.push(lonLat(p[0] + nx * w, p[1] + ny * w));
    right.push(lonLat(p[0] - nx * w, p[1] - ny * w));
  }
  const ring = [...right, ...left.reverse()];
  return [[...ring, ring[0]!]];
}
