// Snapping a proposal to its parcel: centred on the parcel's outer ring and turned to its longest
// edge (mod 90°), so a slab lies along the block and a tower squares with the streets.
import type { ParcelRecord } from '../../domain/planning/index.ts';
import type { PlacementState } from '../../state/schemes.ts';

export function snapToParcel(p: PlacementState, parcel: ParcelRecord): PlacementState {
  const ring = parcel.polygons[0]?.[0] ?? [];
  const pts = ring.length > 1 && ring[0]![0] === ring[ring.length - 1]![0] && ring[0]![1] === ring[ring.length - 1]![1] ? ring.slice(0, -1) : ring;
  if (pts.length < 3) return p;
  const k = Math.cos((pts[0]![1] * Math.PI) / 180);
  let cx = 0, cy = 0, twice = 0, best = 0, heading = p.heading;
  for (let i = 0; i < pts.length; i++) {
    const a = pts[i]!, b = pts[(i + 1) % pts.length]!;
    const ax = a[0] * k, bx = b[0] * k;
    const cross = ax * b[1] - bx * a[1];
    twice += cross;
    cx += (ax + bx) * cross;
    cy += (a[1] + b[1]) * cross;
    const len = Math.hypot(bx - ax, b[1] - a[1]);
    if (len > best) {
      best = len;
      // Bearing of the edge, clockwise from north; mod 90 keeps the model's own orientation choice.
      heading = ((Math.atan2(bx - ax, b[1] - a[1]) * 180) / Math.PI + 360) % 90;
    }
  }
  if (twice === 0) return p;
  return { ...p, lon: cx / (3 * twice) / k, lat: cy / (3 * twice), heading };
}
