// Drawing a polygon on the scene (for an excavation pit, and any tool that needs a ring): left
// click adds a vertex on the surface under the pointer (the mesh where there is one, else the
// globe, else the ellipsoid), the pointer drags a rubber band and a translucent fill, double click
// (or Enter, or finish()) finishes, right click (or Backspace) undoes, Escape cancels. It owns its
// ScreenSpaceEventHandler and everything it draws, and removes all of it when it ends.
import {
  ArcType, Cartesian2, Cartesian3, Color, ColorGeometryInstanceAttribute, GeometryInstance, PerInstanceColorAppearance,
  PointPrimitiveCollection, PolygonGeometry, PolygonHierarchy, PolylineColorAppearance, PolylineGeometry, Primitive,
  ScreenSpaceEventHandler, ScreenSpaceEventType, type Geometry, type Viewer,
} from 'cesium';
import { cartesianToDegrees } from './camera.ts';
import { PolygonDrawState, type DrawPoint, type DrawShape } from './drawPolygonState.ts';
import { pickSurface } from './picking.ts';

/** DrawnPoint: the name the controller uses. */
export type { DrawPoint, DrawPoint as DrawnPoint, DrawShape } from './drawPolygonState.ts';

export interface PolygonDrawOptions {
  /** Default a polygon; a line or a fixed number of points finish the same way (and the latter by itself). */
  readonly shape?: DrawShape;
  /** The committed vertices after each add or undo. */
  onChange(points: readonly DrawPoint[]): void;
  /** The finished ring (open, at least 3 vertices) or line/points, ellipsoidal heights. */
  onFinish(points: readonly DrawPoint[]): void;
  onCancel(): void;
}

export interface PolygonDraw {
  /** Finishes when there are at least 3 vertices; otherwise keeps drawing. */
  finish(): void;
  cancel(): void;
  undo(): void;
  /** Ends without calling back. */
  destroy(): void;
  readonly points: readonly DrawPoint[];
  readonly active: boolean;
}

const LINE = Color.fromCssColorString('#ffd600');
const LINE_CROSSING = Color.fromCssColorString('#ff1744');
const FILL = Color.fromCssColorString('#ffd600').withAlpha(0.25);
/** The preview follows the pointer at this rate: each update renders a depth pick. */
const PREVIEW_MS = 100;
/** Drawn over the mesh, not into it: the ring lies on the surface and would z-fight. */
const OVERLAY_STATE = { depthTest: { enabled: false }, depthMask: false };

const cartesians = (points: readonly DrawPoint[]): Cartesian3[] =>
  Cartesian3.fromDegreesArrayHeights(points.flatMap((p) => [p.lon, p.lat, p.height]));

/** A created geometry, or undefined when it is degenerate or its construction fails. */
function build(create: () => Geometry | undefined): Geometry | undefined {
  try {
    return create();
  } catch {
    return undefined;
  }
}

function isEditable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

function isButton(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'BUTTON' || el.tagName === 'A');
}

export function startPolygonDraw(viewer: Viewer, opts: PolygonDrawOptions): PolygonDraw {
  const scene = viewer.scene;
  const canvas = scene.canvas;
  const state = new PolygonDrawState(opts.shape);
  const handler = new ScreenSpaceEventHandler(canvas);
  const markers = scene.primitives.add(new PointPrimitiveCollection()) as PointPrimitiveCollection;
  let line: Primitive | undefined;
  let fill: Primitive | undefined;
  let pointer: Cartesian2 | undefined;
  let cursor: DrawPoint | undefined;
  let dirty = false;
  let active = true;
  const previousCursor = canvas.style.cursor;
  canvas.style.cursor = 'crosshair';

  const setOwnShow = (show: boolean) => {
    markers.show = show;
    if (line) line.show = show;
    if (fill) fill.show = show;
  };

  /** Picks past our own drawing, which would otherwise be under the pointer. */
  const pickPast = <T>(pick: () => T): T => {
    setOwnShow(false);
    try {
      return pick();
    } finally {
      setOwnShow(true);
    }
  };

  /** The cheap pick for the preview: one depth read, then the globe or the ellipsoid. */
  const pickCursor = (pos: Cartesian2): DrawPoint | undefined => pickPast(() => {
    if (scene.pickPositionSupported) {
      const p = scene.pickPosition(pos);
      if (p) return cartesianToDegrees(p);
    }
    const ray = viewer.camera.getPickRay(pos);
    const hit = (ray && scene.globe?.pick(ray, scene)) ?? viewer.camera.pickEllipsoid(pos);
    return hit ? cartesianToDegrees(hit) : undefined;
  });

  const removePreview = () => {
    if (line) scene.primitives.remove(line);
    if (fill) scene.primitives.remove(fill);
    line = undefined;
    fill = undefined;
  };

  const redraw = () => {
    removePreview();
    const preview = state.preview(cursor);
    if (preview.line.length >= 2) {
      const geometry = build(() => PolylineGeometry.createGeometry(new PolylineGeometry({
        positions: cartesians(preview.line), width: 2, arcType: ArcType.NONE, vertexFormat: PolylineColorAppearance.VERTEX_FORMAT,
      })));
      if (geometry) {
        line = scene.primitives.add(new Primitive({
          geometryInstances: new GeometryInstance({ geometry, attributes: { color: ColorGeometryInstanceAttribute.fromColor(preview.crossing ? LINE_CROSSING : LINE) } }),
          appearance: new PolylineColorAppearance({ translucent: false, renderState: OVERLAY_STATE }),
          asynchronous: false,
          allowPicking: false,
        })) as Primitive;
      }
    }
    if (preview.fill) {
      const ring = preview.fill;
      const geometry = build(() => PolygonGeometry.createGeometry(new PolygonGeometry({
        polygonHierarchy: new PolygonHierarchy(cartesians(ring)), perPositionHeight: true, vertexFormat: PerInstanceColorAppearance.FLAT_VERTEX_FORMAT,
      })));
      if (geometry) {
        fill = scene.primitives.add(new Primitive({
          geometryInstances: new GeometryInstance({ geometry, attributes: { color: ColorGeometryInstanceAttribute.fromColor(FILL) } }),
          appearance: new PerInstanceColorAppearance({ flat: true, translucent: true, renderState: OVERLAY_STATE }),
          asynchronous: false,
          allowPicking: false,
        })) as Primitive;
      }
    }
    markers.removeAll();
    for (const p of state.points) {
      markers.add({
        position: Cartesian3.fromDegrees(p.lon, p.lat, p.height),
        pixelSize: 8, color: LINE, outlineColor: Color.BLACK, outlineWidth: 1.5,
        disableDepthTestDistance: Number.POSITIVE_INFINITY,
      });
    }
    scene.requestRender();
  };

  const timer = setInterval(() => {
    if (!dirty || !pointer || !active || viewer.isDestroyed()) return;
    dirty = false;
    cursor = pickCursor(pointer);
    redraw();
  }, PREVIEW_MS);

  const onKey = (e: KeyboardEvent) => {
    if (!active || isEditable(e.target)) return;
    if (e.key === 'Escape') api.cancel();
    else if (e.key === 'Enter' && !isButton(e.target)) api.finish(); // Enter on a focused button is that button's
    else if (e.key === 'Backspace') api.undo();
    else return;
    e.preventDefault();
  };
  document.addEventListener('keydown', onKey);

  const end = () => {
    if (!active) return false;
    active = false;
    clearInterval(timer);
    document.removeEventListener('keydown', onKey);
    if (!handler.isDestroyed()) handler.destroy();
    if (!viewer.isDestroyed()) {
      canvas.style.cursor = previousCursor;
      removePreview();
      scene.primitives.remove(markers);
      scene.requestRender();
    }
    return true;
  };

  handler.setInputAction((e: { position: Cartesian2 }) => {
    const { x, y } = e.position;
    const hit = pickPast(() => pickSurface(viewer, x, y));
    if (!hit) return;
    if (state.add({ lon: hit.lon, lat: hit.lat, height: hit.height }, { x, y, time: performance.now() })) {
      cursor = undefined;
      redraw();
      opts.onChange(state.points);
      if (state.complete) api.finish();
    }
  }, ScreenSpaceEventType.LEFT_CLICK);
  handler.setInputAction(() => api.finish(), ScreenSpaceEventType.LEFT_DOUBLE_CLICK);
  handler.setInputAction(() => api.undo(), ScreenSpaceEventType.RIGHT_CLICK);
  handler.setInputAction((m: { endPosition: Cartesian2 }) => {
    pointer = Cartesian2.clone(m.endPosition, pointer);
    dirty = true;
  }, ScreenSpaceEventType.MOUSE_MOVE);

  const api: PolygonDraw = {
    get points() {
      return state.points;
    },
    get active() {
      return active;
    },
    finish() {
      if (!active) return;
      const ring = state.finishPoints();
      if (!ring) return;
      end();
      opts.onFinish(ring);
    },
    cancel() {
      if (end()) opts.onCancel();
    },
    undo() {
      if (!active || !state.undo()) return;
      redraw();
      opts.onChange(state.points);
    },
    destroy() {
      end();
    },
  };
  return api;
}
