// The road hierarchy: expressways as polylines, and a jittered lattice of arterials (~1 km) whose
// intervals split into four local streets (~250 m blocks). Outside the city the same lattice
// becomes county roads and narrow field tracks, as on the Ningbo plain.
import { hash01 } from './noise.ts';
import { toX, toY } from './frame.ts';
import { distanceAt, nearestParam, outOfReach, type Segment } from './segments.ts';

export type RoadClass = 'expressway' | 'arterial' | 'local' | 'track';

export const ROAD_WIDTH: Record<RoadClass, number> = { expressway: 34, arterial: 40, local: 18, track: 5 };

const ARTERIAL_SPACING = 1000;
const SUBDIVISIONS = 4;

/** Position (frame metres) of lattice line `i` along one axis (0 = x, 1 = y). */
export function arterialLine(seed: number, axis: 0 | 1, i: number): number {
  return i * ARTERIAL_SPACING + (hash01(seed + 101 + axis, i) - 0.5) * 300;
}

export interface LatticeCell {
  /** Arterial index and sub-index (0..3) of the interval containing the coordinate. */
  i: number;
  sub: number;
  /** The interval's bounding lines (centrelines), and whether each is an arterial. */
  lo: number;
  hi: number;
  loArterial: boolean;
  hiArterial: boolean;
}

export function latticeCell(seed: number, axis: 0 | 1, v: number): LatticeCell {
  let i = Math.floor(v / ARTERIAL_SPACING);
  if (v < arterialLine(seed, axis, i)) i -= 1;
  else if (v >= arterialLine(seed, axis, i + 1)) i += 1;
  const a = arterialLine(seed, axis, i);
  const b = arterialLine(seed, axis, i + 1);
  const step = (b - a) / SUBDIVISIONS;
  const sub = Math.min(SUBDIVISIONS - 1, Math.floor((v - a) / step));
  return { i, sub, lo: a + sub * step, hi: a + (sub + 1) * step, loArterial: sub === 0, hiArterial: sub === SUBDIVISIONS - 1 };
}

export interface Expressway { id: string; name: string; path: [number, number][] }

export const EXPRESSWAYS: Expressway[] = [
  { id: 'ring', name: '宁波绕城高速', path: [[121.45, 29.925], [121.52, 29.962], [121.62, 29.962], [121.685, 29.93], [121.692, 29.85], [121.635, 29.797], [121.535, 29.79], [121.462, 29.82], [121.45, 29.925]] },
  { id: 'hangyong', name: '杭甬高速', path: [[121.45, 29.925], [121.40, 29.945], [121.36, 29.955], [121.30, 29.97]] },
  { id: 'yongtaiwen', name: '甬台温高速', path: [[121.535, 29.79], [121.515, 29.76], [121.50, 29.72]] },
  { id: 'chuanshan', name: '穿山疏港高速', path: [[121.685, 29.93], [121.74, 29.925], [121.80, 29.915]] },
  { id: 'baybridge', name: '杭州湾跨海大桥连接线', path: [[121.215, 30.22], [121.24, 30.27], [121.26, 30.33], [121.27, 30.36]] },
];

export const EXPRESSWAY_SEGMENTS: Segment[] = EXPRESSWAYS.flatMap((e) =>
  e.path.slice(1).map((b, k) => {
    const a = e.path[k]!;
    return { ax: toX(a[0]), ay: toY(a[1]), bx: toX(b[0]), by: toY(b[1]) };
  }),
);

/** Distance (m) from a frame point to the nearest expressway centreline, capped at `reach`. */
export function expresswayDistance(x: number, y: number, reach: number): number {
  let best = reach;
  for (const s of EXPRESSWAY_SEGMENTS) {
    if (!outOfReach(s, x, y, reach)) best = Math.min(best, distanceAt(s, x, y, nearestParam(s, x, y)));
  }
  return best;
}
