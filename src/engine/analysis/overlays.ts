// What the app draws on top of the data: the selected feature's outline, a BeiDou cell (2D draped
// rectangle and 3D box) and a parcel's 建筑限高 volume. The part of the reality mesh that rises
// above the limit is painted by a classification volume from the limit upwards, so buildings that
// exceed it are flagged by the mesh itself, not by a guess.
import {
  ClassificationPrimitive, ClassificationType, Color, ColorGeometryInstanceAttribute, GeometryInstance,
  GroundPolylineGeometry, GroundPolylinePrimitive, GroundPrimitive, PerInstanceColorAppearance, PolygonGeometry,
  PolygonHierarchy, PolylineColorAppearance, Primitive, Rectangle, RectangleGeometry, RectangleOutlineGeometry,
  Cartesian3, type Viewer,
} from 'cesium';

export type LonLat = readonly [number, number];
/** Outer ring first, then holes; positions in degrees. */
export type Polygon = readonly (readonly LonLat[])[];

export interface CellBox {
  readonly west: number;
  readonly south: number;
  readonly east: number;
  readonly north: number;
  /** Ellipsoidal heights of a 3D cell. */
  readonly bottom?: number;
  readonly top?: number;
}

export interface HeightLimitVolume {
  readonly polygons: readonly Polygon[];
  /** Ellipsoidal height of the ground and of the limit, metres. */
  readonly ground: number;
  readonly limit: number;
}

const SELECTION = Color.fromCssColorString('#00e5ff');
const PULSE = Color.fromCssColorString('#ffab00');
/** Blink period of a changed parcel on the wall, ms. */
const PULSE_PERIOD_MS = 500;
const CELL = Color.fromCssColorString('#ffd600');
const LIMIT = Color.fromCssColorString('#4fc3f7');
const OVER_LIMIT = Color.fromCssColorString('#ff1744');
/** Above the mesh's tallest building (HEIGHT_RANGE of the tileset): the over-limit volume's top. */
const SKY = 1200;

const cartesians = (ring: readonly LonLat[]): Cartesian3[] => Cartesian3.fromDegreesArray(ring.flatMap((p) => [p[0], p[1]]));
const hierarchy = (poly: Polygon): PolygonHierarchy | undefined => {
  const [outer, ...holes] = poly;
  return outer ? new PolygonHierarchy(cartesians(outer), holes.map((h) => new PolygonHierarchy(cartesians(h)))) : undefined;
};

type Removable = Primitive | GroundPrimitive | GroundPolylinePrimitive | ClassificationPrimitive;

/** One group of primitives that is replaced as a whole. */
class Group {
  private items: { p: Removable; ground: boolean }[] = [];
  constructor(private readonly viewer: Viewer) {}

  add(p: Removable, ground: boolean): void {
    (ground ? this.viewer.scene.groundPrimitives : this.viewer.scene.primitives).add(p);
    this.items.push({ p, ground });
  }

  clear(): void {
    for (const { p, ground } of this.items) (ground ? this.viewer.scene.groundPrimitives : this.viewer.scene.primitives).remove(p);
    this.items = [];
  }

  get size(): number {
    return this.items.length;
  }
}

export class Overlays {
  private readonly selection: Group;
  private readonly cell: Group;
  private readonly limit: Group;
  private readonly pulses: Group;
  private pulseTimer: number | undefined;
  private timer: number | undefined;
  /** What is drawn, for tests: the codes/ids, not Cesium objects. */
  readonly drawn: { selection?: string; cell?: string; heightLimit?: string } = {};

  constructor(private readonly viewer: Viewer) {
    this.selection = new Group(viewer);
    this.cell = new Group(viewer);
    this.limit = new Group(viewer);
    this.pulses = new Group(viewer);
  }

  destroy(): void {
    this.selection.clear();
    this.cell.clear();
    this.limit.clear();
    this.pulses.clear();
    window.clearInterval(this.timer);
    window.clearInterval(this.pulseTimer);
  }

  /** How many pulse outlines are drawn now (the wall's tests check nothing piles up). */
  get pulsing(): number {
    return this.pulses.size;
  }

  /**
   * Blinks the outlines of changed parcels for a few seconds, then removes them. A new pulse
   * replaces the one before, so a busy feed never stacks outlines.
   */
  pulse(polygons: readonly Polygon[], seconds: number): void {
    this.pulses.clear();
    window.clearInterval(this.pulseTimer);
    if (polygons.length === 0) return;
    const lines = polygons.flatMap((poly) => poly.map((ring) => new GeometryInstance({
      geometry: new GroundPolylineGeometry({ positions: cartesians(ring.slice(0, -1)), width: 6, loop: true }),
      attributes: { color: ColorGeometryInstanceAttribute.fromColor(PULSE) },
    })));
    const primitive = new GroundPolylinePrimitive({ geometryInstances: lines, appearance: new PolylineColorAppearance(), classificationType: ClassificationType.BOTH });
    this.pulses.add(primitive, true);
    const end = performance.now() + seconds * 1000;
    this.pulseTimer = window.setInterval(() => {
      if (performance.now() >= end) {
        window.clearInterval(this.pulseTimer);
        this.pulses.clear();
      } else primitive.show = !primitive.show;
      this.viewer.scene.requestRender();
    }, PULSE_PERIOD_MS / 2);
    this.viewer.scene.requestRender();
  }

  showSelection(key: string | undefined, polygons: readonly Polygon[]): void {
    this.selection.clear();
    this.drawn.selection = key;
    if (!key || polygons.length === 0) return this.changed();
    const lines = polygons.flatMap((poly) => poly.map((ring) => new GeometryInstance({
      geometry: new GroundPolylineGeometry({ positions: cartesians(ring.slice(0, -1)), width: 4, loop: true }),
      attributes: { color: ColorGeometryInstanceAttribute.fromColor(SELECTION) },
    })));
    this.selection.add(new GroundPolylinePrimitive({ geometryInstances: lines, appearance: new PolylineColorAppearance(), classificationType: ClassificationType.BOTH }), true);
    const fills = polygons.flatMap((poly) => {
      const h = hierarchy(poly);
      return h ? [new GeometryInstance({ geometry: new PolygonGeometry({ polygonHierarchy: h }), attributes: { color: ColorGeometryInstanceAttribute.fromColor(SELECTION.withAlpha(0.25)) } })] : [];
    });
    if (fills.length) this.selection.add(new GroundPrimitive({ geometryInstances: fills, classificationType: ClassificationType.BOTH }), true);
    this.changed();
  }

  showCell(code: string | undefined, box: CellBox | undefined): void {
    this.cell.clear();
    this.drawn.cell = code;
    if (!code || !box) return this.changed();
    const rectangle = Rectangle.fromDegrees(box.west, box.south, box.east, box.north);
    this.cell.add(new GroundPrimitive({
      geometryInstances: new GeometryInstance({ geometry: new RectangleGeometry({ rectangle }), attributes: { color: ColorGeometryInstanceAttribute.fromColor(CELL.withAlpha(0.45)) } }),
      classificationType: ClassificationType.BOTH,
    }), true);
    if (box.bottom !== undefined && box.top !== undefined) {
      const extrude = { rectangle, height: box.bottom, extrudedHeight: box.top };
      this.cell.add(new Primitive({
        geometryInstances: new GeometryInstance({ geometry: new RectangleGeometry(extrude), attributes: { color: ColorGeometryInstanceAttribute.fromColor(CELL.withAlpha(0.3)) } }),
        appearance: new PerInstanceColorAppearance({ flat: true, translucent: true }),
      }), false);
      this.cell.add(new Primitive({
        geometryInstances: new GeometryInstance({ geometry: new RectangleOutlineGeometry(extrude), attributes: { color: ColorGeometryInstanceAttribute.fromColor(CELL) } }),
        appearance: new PerInstanceColorAppearance({ flat: true, translucent: false }),
      }), false);
    }
    this.changed();
  }

  showHeightLimit(key: string | undefined, volumes: readonly HeightLimitVolume[]): void {
    this.limit.clear();
    this.drawn.heightLimit = key;
    if (!key || volumes.length === 0) return this.changed();
    const boxes: GeometryInstance[] = [];
    const above: GeometryInstance[] = [];
    for (const v of volumes) {
      for (const poly of v.polygons) {
        const h = hierarchy(poly);
        if (!h) continue;
        boxes.push(new GeometryInstance({
          geometry: new PolygonGeometry({ polygonHierarchy: h, height: v.ground, extrudedHeight: v.limit }),
          attributes: { color: ColorGeometryInstanceAttribute.fromColor(LIMIT.withAlpha(0.18)) },
        }));
        above.push(new GeometryInstance({
          geometry: new PolygonGeometry({ polygonHierarchy: h, height: v.limit, extrudedHeight: SKY }),
          attributes: { color: ColorGeometryInstanceAttribute.fromColor(OVER_LIMIT.withAlpha(0.6)) },
        }));
      }
    }
    this.limit.add(new Primitive({ geometryInstances: boxes, appearance: new PerInstanceColorAppearance({ flat: true, translucent: true }) }), false);
    this.limit.add(new ClassificationPrimitive({ geometryInstances: above, classificationType: ClassificationType.CESIUM_3D_TILE }), false);
    this.changed();
  }

  /** Overlays build asynchronously: keep the on-demand renderer drawing for a moment. */
  private changed(): void {
    window.clearInterval(this.timer);
    let n = 0;
    this.timer = window.setInterval(() => {
      this.viewer.scene.requestRender();
      if (++n > 30) window.clearInterval(this.timer);
    }, 100);
    this.viewer.scene.requestRender();
  }
}
