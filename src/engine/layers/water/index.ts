// The water surface kind: one translucent rectangle primitive at level + N (ellipsoidal). Changing
// the level moves the plane along the local vertical (a model-matrix translation), never rebuilding.
import {
  Cartesian3, Color, ColorGeometryInstanceAttribute, GeometryInstance, Matrix4, PerInstanceColorAppearance, Primitive,
  Rectangle, RectangleGeometry,
} from 'cesium';
import { defineLayerKind, type LayerContext, type LayerStats } from '../types.ts';
import { waterSchema, type WaterLayerConfig } from './config.ts';

export interface WaterHandle {
  primitive: Primitive;
  /** Ellipsoidal height the geometry was built at; the model matrix adds the difference. */
  baseHeight: number;
  up: Cartesian3;
  /** The instance id object: Cesium finds instance attributes by this reference. */
  instanceId: object;
}

const WATER_GRANULARITY = (0.005 * Math.PI) / 180;

const surfaceColor = (cfg: WaterLayerConfig): Color => Color.fromCssColorString(cfg.color).withAlpha(cfg.fillOpacity * cfg.opacity);

function place(handle: WaterHandle, cfg: WaterLayerConfig, ctx: LayerContext): void {
  const dh = cfg.level + ctx.geoidOffsetMeters - handle.baseHeight;
  handle.primitive.modelMatrix = Matrix4.fromTranslation(Cartesian3.multiplyByScalar(handle.up, dh, new Cartesian3()));
}

const QUIET: LayerStats = { selectedTiles: 0, loadedTiles: 0, pendingRequests: 0, tilesProcessing: 0, failedTiles: 0, quiet: true };

export default defineLayerKind<WaterLayerConfig, WaterHandle>({
  kind: 'water',
  schema: waterSchema,
  rebuildKeys: ['extent', 'color'],

  create(ctx, cfg) {
    const [w, s, e, n] = cfg.extent;
    const rectangle = Rectangle.fromDegrees(w, s, e, n);
    const baseHeight = cfg.level + ctx.geoidOffsetMeters;
    const centre = Rectangle.center(rectangle);
    const up = Cartesian3.normalize(Cartesian3.fromRadians(centre.longitude, centre.latitude, 1), new Cartesian3());
    const instanceId = { layerId: ctx.layerId, water: true };
    const primitive = new Primitive({
      geometryInstances: new GeometryInstance({
        // ~550 m facets: with the default 1° granularity a 30 km rectangle is one chord that sags
        // ~18 m below the level in its middle, under the seabed.
        geometry: new RectangleGeometry({ rectangle, height: baseHeight, granularity: WATER_GRANULARITY, vertexFormat: PerInstanceColorAppearance.FLAT_VERTEX_FORMAT }),
        attributes: { color: ColorGeometryInstanceAttribute.fromColor(surfaceColor(cfg)) },
        id: instanceId,
      }),
      appearance: new PerInstanceColorAppearance({ flat: true, translucent: true }),
      // Picks go through the water to the seabed or the mesh below (depth readout).
      allowPicking: false,
      asynchronous: false,
      show: cfg.show,
    });
    ctx.viewer.scene.primitives.add(primitive);
    ctx.report({ state: 'ready', streaming: false });
    ctx.requestRender();
    const handle = { primitive, baseHeight, up, instanceId };
    place(handle, cfg, ctx);
    return handle;
  },

  update(handle, next, prev, ctx) {
    if (next.show !== prev.show) handle.primitive.show = next.show;
    if (next.level !== prev.level) place(handle, next, ctx);
    if (next.fillOpacity !== prev.fillOpacity || next.opacity !== prev.opacity) {
      const attrs = handle.primitive.getGeometryInstanceAttributes(handle.instanceId) as { color?: Uint8Array } | undefined;
      if (attrs?.color) attrs.color = ColorGeometryInstanceAttribute.toValue(surfaceColor(next));
    }
    ctx.requestRender();
  },

  destroy(handle, ctx) {
    ctx.viewer.scene.primitives.remove(handle.primitive);
    ctx.requestRender();
  },

  isReady: () => true,
  stats: () => QUIET,
});
