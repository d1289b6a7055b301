// The two channels cut into the seabed: the dredged 甬江 approach channel running out from 镇海,
// and the natural 金塘水道 trough in the strait between 金塘岛 and the 镇海/北仑 shore (the land
// mask puts 金塘岛 at about 121.83–121.91 E, 29.98–30.09 N, and the mainland shore 4–5 km to its
// south-west). Approximate courses, [lon, lat] from the inner end outwards.
import { toX, toY } from '../world/frame.ts';
import { distanceAt, nearestParam, outOfReach, type Segment } from '../world/segments.ts';

export interface Channel {
  id: 'yongjiang' | 'jintang';
  name: string;
  course: [number, number][];
}

export const CHANNELS: readonly Channel[] = [
  {
    // Follows the 甬江's last reach (tools/world/rivers.ts) through the mouth, then north-east
    // until it meets the deep water of the 金塘水道.
    id: 'yongjiang', name: '甬江口进港航道',
    course: [[121.683, 29.946], [121.70, 29.956], [121.715, 29.967], [121.735, 29.985], [121.755, 30.004], [121.778, 30.024]],
  },
  {
    id: 'jintang', name: '金塘水道',
    course: [[121.735, 30.095], [121.752, 30.06], [121.775, 30.028], [121.80, 29.996], [121.825, 29.975], [121.848, 29.963], [121.875, 29.959], [121.905, 29.960], [121.95, 29.965]],
  },
];

export interface ChannelQuery {
  /** Distance (m) from the centreline, Infinity beyond `reach`. */
  distance: number;
  /** Position along the course in [0, 1] (0 at the inner end), by length. */
  along: number;
}

interface Prepared { segments: Segment[]; starts: number[]; length: number }

const PREPARED = new Map<Channel['id'], Prepared>(CHANNELS.map((c) => {
  const segments = c.course.slice(1).map((b, i) => {
    const a = c.course[i]!;
    return { ax: toX(a[0]), ay: toY(a[1]), bx: toX(b[0]), by: toY(b[1]) };
  });
  const starts: number[] = [];
  let length = 0;
  for (const s of segments) { starts.push(length); length += Math.hypot(s.bx - s.ax, s.by - s.ay); }
  return [c.id, { segments, starts, length }];
}));

/** Nearest point of a channel's centreline to frame point (x, y). */
export function channelQuery(id: Channel['id'], x: number, y: number, reach: number): ChannelQuery {
  const p = PREPARED.get(id)!;
  let best = Infinity, along = 0;
  p.segments.forEach((s, i) => {
    if (outOfReach(s, x, y, reach)) return;
    const t = nearestParam(s, x, y);
    const d = distanceAt(s, x, y, t);
    if (d < best && d <= reach) { best = d; along = (p.starts[i]! + t * Math.hypot(s.bx - s.ax, s.by - s.ay)) / p.length; }
  });
  return { distance: best, along };
}
