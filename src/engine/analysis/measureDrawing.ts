// Draws the planner's measurements in the scene: the clicked points, the measured lines or
// polygon, and a label with the values and units. Lines stay visible through the mesh (dashed where
// hidden) so a measurement across a roof edge can be read from any side. One data source holds
// them all; sync() adds, replaces and removes by id so undo and clear are exact.
import {
  ArcType, Cartesian2, Cartesian3, Color, ColorMaterialProperty, ConstantPositionProperty, CustomDataSource, HorizontalOrigin,
  LabelStyle, PolygonHierarchy, PolylineDashMaterialProperty, VerticalOrigin, type Entity, type Viewer,
} from 'cesium';
import type { LonLatHeight } from '../../domain/review/frame.ts';

export interface DrawnMeasurement {
  readonly id: string;
  readonly kind: 'distance' | 'area' | 'height' | 'angle';
  readonly points: readonly LonLatHeight[];
  /** The label, already formatted in the UI language (lines joined by \n). */
  readonly label: string;
}

const LINE = Color.fromCssColorString('#00e5ff');
const HIDDEN = Color.fromCssColorString('#00e5ff').withAlpha(0.55);
const FILL = Color.fromCssColorString('#00e5ff').withAlpha(0.22);
const LABEL_BG = Color.fromCssColorString('#102027').withAlpha(0.85);

const cart = (p: LonLatHeight): Cartesian3 => Cartesian3.fromDegrees(p.lon, p.lat, p.height);

/** Where the label sits: the middle of a line, the vertex of an angle, above a polygon's centre. */
function anchor(m: DrawnMeasurement): LonLatHeight {
  const pts = m.points;
  if (m.kind === 'angle' && pts[1]) return pts[1];
  const n = pts.length || 1;
  const mean = pts.reduce((a, p) => ({ lon: a.lon + p.lon / n, lat: a.lat + p.lat / n, height: a.height + p.height / n }), { lon: 0, lat: 0, height: 0 });
  return m.kind === 'area' ? { ...mean, height: Math.max(...pts.map((p) => p.height)) + 2 } : mean;
}

/** The polyline to draw: a height runs down from the roof point to the level of the ground point, then across to it. */
function path(m: DrawnMeasurement): LonLatHeight[] {
  const [a, b] = m.points;
  if (m.kind === 'height' && a && b) return [a, { lon: a.lon, lat: a.lat, height: b.height }, b];
  if (m.kind === 'area' && m.points[0]) return [...m.points, m.points[0]];
  return [...m.points];
}

export class MeasureDrawing {
  private readonly source = new CustomDataSource('measurements');
  private readonly drawn = new Map<string, { key: string; entities: Entity[] }>();

  constructor(private readonly viewer: Viewer) {
    void viewer.dataSources.add(this.source);
  }

  sync(list: readonly DrawnMeasurement[]): void {
    const want = new Map(list.map((m) => [m.id, m]));
    for (const [id, d] of this.drawn) {
      const m = want.get(id);
      if (!m || this.key(m) !== d.key) {
        d.entities.forEach((e) => this.source.entities.remove(e));
        this.drawn.delete(id);
      }
    }
    for (const m of list) if (!this.drawn.has(m.id)) this.drawn.set(m.id, { key: this.key(m), entities: this.draw(m) });
    this.viewer.scene.requestRender();
  }

  get count(): number {
    return this.drawn.size;
  }

  destroy(): void {
    if (!this.viewer.isDestroyed()) this.viewer.dataSources.remove(this.source, true);
  }

  private key(m: DrawnMeasurement): string {
    return `${m.kind}|${m.label}|${m.points.map((p) => `${p.lon},${p.lat},${p.height}`).join(';')}`;
  }

  private draw(m: DrawnMeasurement): Entity[] {
    const add = (e: Entity.ConstructorOptions): Entity => this.source.entities.add(e);
    const out: Entity[] = [];
    for (const p of m.points) {
      out.push(add({ position: new ConstantPositionProperty(cart(p)), point: { pixelSize: 7, color: LINE, outlineColor: Color.BLACK, outlineWidth: 1.5, disableDepthTestDistance: Number.POSITIVE_INFINITY } }));
    }
    const line = path(m);
    if (line.length >= 2) {
      out.push(add({
        polyline: {
          positions: line.map(cart), width: 2.5, arcType: ArcType.NONE,
          material: new ColorMaterialProperty(LINE),
          depthFailMaterial: new PolylineDashMaterialProperty({ color: HIDDEN, dashLength: 12 }),
        },
      }));
    }
    if (m.kind === 'area' && m.points.length >= 3) {
      out.push(add({ polygon: { hierarchy: new PolygonHierarchy(m.points.map(cart)), perPositionHeight: true, material: new ColorMaterialProperty(FILL) } }));
    }
    out.push(add({
      position: new ConstantPositionProperty(cart(anchor(m))),
      label: {
        text: m.label, font: '600 14px sans-serif', fillColor: Color.WHITE, style: LabelStyle.FILL, showBackground: true,
        backgroundColor: LABEL_BG, backgroundPadding: new Cartesian2(7, 5), horizontalOrigin: HorizontalOrigin.LEFT,
        verticalOrigin: VerticalOrigin.BOTTOM, pixelOffset: new Cartesian2(8, -8), disableDepthTestDistance: Number.POSITIVE_INFINITY,
      },
    }));
    return out;
  }
}
