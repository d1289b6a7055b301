// Lines, points and labels an analysis draws in the scene (a sight line coloured visible/blocked,
// an observer, a profile's section line, a limit plane's outline), grouped by key: showing a key
// again replaces its drawing, removing it removes all of it.
import {
  ArcType, Cartesian2, Cartesian3, Color, ColorMaterialProperty, ConstantPositionProperty, CustomDataSource, LabelStyle, PolygonHierarchy,
  PolylineDashMaterialProperty, VerticalOrigin, type Entity, type Viewer,
} from 'cesium';
import type { LonLatHeight } from '../../domain/review/frame.ts';

export type SketchItem =
  | { readonly kind: 'line'; readonly points: readonly LonLatHeight[]; readonly color: string; readonly width?: number; readonly dashed?: boolean }
  | { readonly kind: 'point'; readonly at: LonLatHeight; readonly color: string; readonly size?: number }
  | { readonly kind: 'label'; readonly at: LonLatHeight; readonly text: string }
  /** A flat polygon at a height (a limit plane), translucent. */
  | { readonly kind: 'plane'; readonly ring: readonly { lon: number; lat: number }[]; readonly height: number; readonly color: string; readonly alpha: number };

const cart = (p: LonLatHeight): Cartesian3 => Cartesian3.fromDegrees(p.lon, p.lat, p.height);

export class SketchLayer {
  private readonly source = new CustomDataSource('analysis-sketches');
  private readonly byKey = new Map<string, Entity[]>();

  constructor(private readonly viewer: Viewer) {
    void viewer.dataSources.add(this.source);
  }

  show(key: string, items: readonly SketchItem[]): void {
    this.remove(key);
    this.byKey.set(key, items.map((it) => this.source.entities.add(this.entity(it))));
    this.viewer.scene.requestRender();
  }

  remove(key: string): void {
    for (const e of this.byKey.get(key) ?? []) this.source.entities.remove(e);
    this.byKey.delete(key);
    if (!this.viewer.isDestroyed()) this.viewer.scene.requestRender();
  }

  keys(): string[] {
    return [...this.byKey.keys()];
  }

  destroy(): void {
    if (!this.viewer.isDestroyed()) this.viewer.dataSources.remove(this.source, true);
  }

  private entity(it: SketchItem): Entity.ConstructorOptions {
    switch (it.kind) {
      case 'line': {
        const color = Color.fromCssColorString(it.color);
        return {
          polyline: {
            positions: it.points.map(cart), width: it.width ?? 3, arcType: ArcType.NONE,
            material: it.dashed ? new PolylineDashMaterialProperty({ color, dashLength: 10 }) : new ColorMaterialProperty(color),
            depthFailMaterial: new PolylineDashMaterialProperty({ color: color.withAlpha(0.6), dashLength: 10 }),
          },
        };
      }
      case 'point':
        return { position: new ConstantPositionProperty(cart(it.at)), point: { pixelSize: it.size ?? 9, color: Color.fromCssColorString(it.color), outlineColor: Color.BLACK, outlineWidth: 1.5, disableDepthTestDistance: Number.POSITIVE_INFINITY } };
      case 'label':
        return {
          position: new ConstantPositionProperty(cart(it.at)),
          label: {
            text: it.text, font: '600 14px sans-serif', fillColor: Color.WHITE, style: LabelStyle.FILL, showBackground: true,
            backgroundColor: Color.fromCssColorString('#102027').withAlpha(0.85), backgroundPadding: new Cartesian2(7, 5),
            verticalOrigin: VerticalOrigin.BOTTOM, pixelOffset: new Cartesian2(0, -10), disableDepthTestDistance: Number.POSITIVE_INFINITY,
          },
        };
      case 'plane':
        return {
          polygon: {
            hierarchy: new PolygonHierarchy(it.ring.map((p) => Cartesian3.fromDegrees(p.lon, p.lat, it.height))), height: it.height,
            material: new ColorMaterialProperty(Color.fromCssColorString(it.color).withAlpha(it.alpha)), outline: true, outlineColor: Color.fromCssColorString(it.color),
          },
        };
    }
  }
}
