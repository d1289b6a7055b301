// The vertices of a polygon (or a line, or a few points) being drawn and what its preview shows, free of Cesium so the rules
// (double-click duplicates, undo, when it may finish, when the preview is a valid ring) are
// unit-tested. drawPolygon.ts feeds it clicks and draws what it says.
import { distanceMetres, normalizeRing, validatePitRing } from '../../domain/excavation/pit.ts';

export interface DrawPoint {
  readonly lon: number;
  readonly lat: number;
  /** Ellipsoidal height, metres. */
  readonly height: number;
}

export interface ScreenClick {
  readonly x: number;
  readonly y: number;
  /** Milliseconds (performance.now()). */
  readonly time: number;
}

/** A click this close (pixels, milliseconds) to the last vertex's is the second click of a double click. */
export const DOUBLE_CLICK_PX = 4;
export const DOUBLE_CLICK_MS = 600;
/** A vertex this close to the previous one adds nothing (metres). */
export const MIN_VERTEX_SPACING_M = 0.05;
export const MIN_POLYGON_POINTS = 3;

export interface DrawPreview {
  /** The outline to draw: the vertices, then the cursor, closed back to the first vertex when ≥ 3. */
  readonly line: readonly DrawPoint[];
  /** The ring to fill, when it has ≥ 3 points and does not cross itself. */
  readonly fill: readonly DrawPoint[] | undefined;
  /** The ring (with the cursor) crosses itself: the outline is drawn as a warning. */
  readonly crossing: boolean;
}

/**
 * What is being drawn: a closed polygon (excavation pits, analysis areas, the measured area), an
 * open line of at least 2 points, or exactly `count` points (a distance, a height, an angle).
 */
export type DrawShape = { readonly kind: 'polygon' } | { readonly kind: 'line' } | { readonly kind: 'points'; readonly count: number };

const minPoints = (shape: DrawShape): number => (shape.kind === 'polygon' ? MIN_POLYGON_POINTS : shape.kind === 'line' ? 2 : shape.count);

export class PolygonDrawState {
  private vertices: { point: DrawPoint; click: ScreenClick }[] = [];

  constructor(readonly shape: DrawShape = { kind: 'polygon' }) {}

  /** A fixed-count shape is complete once it has its points: the drawing finishes by itself. */
  get complete(): boolean {
    return this.shape.kind === 'points' && this.vertices.length >= this.shape.count;
  }

  get points(): DrawPoint[] {
    return this.vertices.map((v) => v.point);
  }

  /** Adds a vertex; false when the click repeats the last vertex (double click, or no movement) or the shape is complete. */
  add(point: DrawPoint, click: ScreenClick): boolean {
    if (this.complete) return false;
    const last = this.vertices[this.vertices.length - 1];
    if (last) {
      const px = Math.hypot(click.x - last.click.x, click.y - last.click.y);
      if (px <= DOUBLE_CLICK_PX && click.time - last.click.time <= DOUBLE_CLICK_MS) return false;
      if (distanceMetres(last.point, point) < MIN_VERTEX_SPACING_M) return false;
    }
    this.vertices.push({ point, click });
    return true;
  }

  /** Removes the last vertex; false when there was none. */
  undo(): boolean {
    return this.vertices.pop() !== undefined;
  }

  /** The ring to hand over on finish (open, no repeated vertices), or undefined below 3 points. */
  finishPoints(): DrawPoint[] | undefined {
    if (this.shape.kind !== 'polygon') return this.points.length >= minPoints(this.shape) ? this.points : undefined;
    const ring = normalizeRing(this.points);
    return ring.length >= MIN_POLYGON_POINTS ? ring : undefined;
  }

  preview(cursor: DrawPoint | undefined): DrawPreview {
    const pts = this.points;
    const last = pts[pts.length - 1];
    const withCursor = cursor && !this.complete && (!last || distanceMetres(last, cursor) >= MIN_VERTEX_SPACING_M) ? [...pts, cursor] : pts;
    if (this.shape.kind !== 'polygon') return { line: withCursor, fill: undefined, crossing: false };
    if (withCursor.length < MIN_POLYGON_POINTS) return { line: withCursor, fill: undefined, crossing: false };
    const crossing = validatePitRing(withCursor).some((i) => /crosses edge|folds back/.test(i.message));
    return { line: [...withCursor, withCursor[0]!], fill: crossing ? undefined : withCursor, crossing };
  }
}
