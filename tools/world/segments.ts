// Point-to-polyline queries shared by rivers and expressways (frame metres). Plain numbers, no
// objects: painting calls these for every pixel.

export interface Segment { ax: number; ay: number; bx: number; by: number }

/** True when (x, y) is farther than `reach` from the segment's bounding box (cheap rejection). */
export function outOfReach(s: Segment, x: number, y: number, reach: number): boolean {
  return x < Math.min(s.ax, s.bx) - reach || x > Math.max(s.ax, s.bx) + reach
    || y < Math.min(s.ay, s.by) - reach || y > Math.max(s.ay, s.by) + reach;
}

/** Parameter in [0, 1] of the segment point nearest to (x, y). */
export function nearestParam(s: Segment, x: number, y: number): number {
  const dx = s.bx - s.ax;
  const dy = s.by - s.ay;
  return Math.max(0, Math.min(1, ((x - s.ax) * dx + (y - s.ay) * dy) / (dx * dx + dy * dy)));
}

/** Distance from (x, y) to the segment point at parameter t. */
export function distanceAt(s: Segment, x: number, y: number, t: number): number {
  return Math.hypot(x - (s.ax + t * (s.bx - s.ax)), y - (s.ay + t * (s.by - s.ay)));
}
