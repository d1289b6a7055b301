// Snapping a proposal to its parcel: centred on the parcel's outer ring and turned to its longest
// edge (mod 90°), so a slab lies along the block and a tower squares with the streets.
import type { ParcelRecord } from '../../domain/planning/index.ts';
import type { PlacementState } from '../../state/schemes.ts';

export function snapToParcel(p: PlacementState, parcel: ParcelRecord): PlacementState {
  const ring = parcel.polygons[0]?.[0] ?? [];
  const pts = ring.length > 1 && ring[0]![0] === ring[ring.length - 1]![0] && ring[0]![1] === ring[ring.length - 1]![1] ? ring.slice(0, -1) : ring;
  if (pts.length < 3) return p;
  const [lon0, lat0] = [pts[0]![0], pts[0]![1]];
  const k = Math.cos((lat0 * Math.PI) / 180);
  let cx = 0, cy = 0, twice = 0, best = 0, heading = p.heading;
  for (let i = 0; i < pts.length; i++) {
    // Relative to the first corner: the shoelace on raw degrees (121 × 29) cancels away its digits.
    const a = pts[i]!, b = pts[(i + 1) % pts.length]!;
    const ax = (a[0] - lon0) * k, bx = (b[0] - lon0) * k, ay = a[1] - lat0, by = b[1] - lat0;
    const cross = ax * by - bx * ay;
    twice += cross;
    cx += (ax + bx) * cross;
    cy += (ay + by) * cross;
    const len = Math.hypot(bx - ax, by - ay);
    if (len > best) {
      best = len;
      // Bearing of the edge, clockwise from north; mod 90 keeps the model's own orientation choice.
      heading = ((Math.atan2(bx - ax, by - ay) * 180) / Math.PI + 360) % 90;
    }
  }
  if (twice === 0) return p;
  return { ...p, lon: lon0 + cx / (3 * twice) / k, lat: lat0 + cy / (3 * twice), heading };
}
