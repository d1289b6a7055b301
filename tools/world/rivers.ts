// The three rivers meeting at 三江口: 余姚江 from the west, 奉化江 from the south, and 甬江
// flowing north-east to the sea at 镇海. Approximate courses; widths grow downstream as the real
// (tidal) rivers do. Also the 前湾 area's main drainage channel.
import { toX, toY } from './frame.ts';
import { distanceAt, nearestParam, outOfReach, type Segment } from './segments.ts';

export interface River {
  id: string;
  name: string;
  /** [lon, lat, width m] vertices, upstream first. */
  course: [number, number, number][];
}

export const RIVERS: River[] = [
  {
    id: 'yuyao', name: '余姚江',
    course: [[121.30, 29.985, 90], [121.36, 29.972, 95], [121.40, 29.958, 100], [121.44, 29.936, 105], [121.475, 29.913, 110],
      [121.505, 29.894, 115], [121.53, 29.885, 120], [121.548, 29.879, 125], [121.556, 29.876, 130]],
  },
  {
    id: 'fenghua', name: '奉化江',
    course: [[121.47, 29.70, 110], [121.495, 29.745, 120], [121.51, 29.785, 130], [121.525, 29.815, 140], [121.54, 29.84, 145],
      [121.553, 29.856, 150], [121.559, 29.866, 150], [121.556, 29.876, 150]],
  },
  {
    id: 'yongjiang', name: '甬江',
    course: [[121.556, 29.876, 220], [121.572, 29.885, 240], [121.595, 29.891, 260], [121.62, 29.902, 270], [121.64, 29.921, 290],
      [121.66, 29.937, 300], [121.683, 29.946, 320], [121.70, 29.956, 340], [121.715, 29.967, 380], [121.735, 29.985, 450]],
  },
  {
    id: 'qianwan-canal', name: '四灶浦',
    course: [[121.22, 30.22, 45], [121.235, 30.26, 50], [121.245, 30.30, 55], [121.25, 30.35, 60]],
  },
];

/** A river segment with the water's width at each end. */
export interface RiverSegment extends Segment { wa: number; wb: number }

const SEGMENTS: RiverSegment[] = RIVERS.flatMap((r) =>
  r.course.slice(1).map((b, i) => {
    const a = r.course[i]!;
    return { ax: toX(a[0]), ay: toY(a[1]), bx: toX(b[0]), by: toY(b[1]), wa: a[2], wb: b[2] };
  }),
);

/** Distance (m) from a frame point to the nearest river's bank: negative on the water, and
 *  `Infinity` when no centreline lies within `reach`. A plain number, not an object: painting
 *  calls this for every pixel and allocation dominated the cost. */
export function riverEdgeDistance(x: number, y: number, reach: number): number {
  let best = Infinity;
  for (const s of SEGMENTS) {
    if (outOfReach(s, x, y, reach)) continue;
    const t = nearestParam(s, x, y);
    const d = distanceAt(s, x, y, t);
    if (d <= reach) best = Math.min(best, d - (s.wa + (s.wb - s.wa) * t) / 2);
  }
  return best;
}

/** River centrelines as [x, y] frame-metre polylines with widths, for clients such as control lines. */
export function riverSegments(): readonly RiverSegment[] {
  return SEGMENTS;
}
