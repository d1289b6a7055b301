// Analysis results as images draped on the scene: a sunlight-hours map, a viewshed, a flood or a
// height-limit mask, each an RGBA grid over a lon/lat rectangle, classified onto the mesh and the
// globe (a GroundPrimitive with an image material) so it lies on roofs and streets alike. One image
// per key; showing a key again replaces it.
import {
  ClassificationType, GeometryInstance, GroundPrimitive, Material, MaterialAppearance, Rectangle, RectangleGeometry, type Viewer,
} from 'cesium';

export interface LonLatRect { readonly west: number; readonly south: number; readonly east: number; readonly north: number }

/** An RGBA grid, row 0 the SOUTH edge (as a raster's rows run), width × height pixels. */
export interface RgbaGrid { readonly width: number; readonly height: number; readonly rgba: Uint8ClampedArray }

function toCanvas(grid: RgbaGrid): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = grid.width;
  canvas.height = grid.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return canvas;
  const img = ctx.createImageData(grid.width, grid.height);
  const rowBytes = grid.width * 4;
  // Image rows run north to south; the raster's south to north.
  for (let j = 0; j < grid.height; j++) img.data.set(grid.rgba.subarray(j * rowBytes, (j + 1) * rowBytes), (grid.height - 1 - j) * rowBytes);
  ctx.putImageData(img, 0, 0);
  return canvas;
}

export class RasterOverlays {
  private readonly shown = new Map<string, GroundPrimitive>();

  constructor(private readonly viewer: Viewer) {}

  show(key: string, rect: LonLatRect, grid: RgbaGrid): void {
    this.remove(key);
    if (this.viewer.isDestroyed()) return;
    const primitive = new GroundPrimitive({
      geometryInstances: new GeometryInstance({
        geometry: new RectangleGeometry({ rectangle: Rectangle.fromDegrees(rect.west, rect.south, rect.east, rect.north), vertexFormat: MaterialAppearance.MaterialSupport.TEXTURED.vertexFormat }),
      }),
      appearance: new MaterialAppearance({
        material: Material.fromType('Image', { image: toCanvas(grid), transparent: true }),
        materialSupport: MaterialAppearance.MaterialSupport.TEXTURED,
        translucent: true,
      }),
      classificationType: ClassificationType.BOTH,
      asynchronous: false,
    });
    this.shown.set(key, this.viewer.scene.groundPrimitives.add(primitive) as GroundPrimitive);
    this.viewer.scene.requestRender();
  }

  has(key: string): boolean {
    return this.shown.has(key);
  }

  keys(): string[] {
    return [...this.shown.keys()];
  }

  remove(key: string): void {
    const p = this.shown.get(key);
    if (p && !this.viewer.isDestroyed()) this.viewer.scene.groundPrimitives.remove(p);
    this.shown.delete(key);
    if (!this.viewer.isDestroyed()) this.viewer.scene.requestRender();
  }

  destroy(): void {
    for (const k of [...this.shown.keys()]) this.remove(k);
  }
}
