// Design alternatives standing in the city: each alternative's glTF model placed at its position,
// heading and scale; the reality mesh cut away inside the shown alternatives' footprints with a
// flat plate at the site's ground level, so a proposal stands on clean ground rather than inside
// the buildings it replaces (peers.md item 4); and the split (swipe) that shows one alternative
// left of a divider and another right of it.
//
// Models are made from bytes the caller already read and checked (domain/review/glbMesh.ts), with
// forwardAxis X so Cesium turns glTF's y-up axes exactly as a 3D tileset's are turned ((x, y, z) →
// east x, north −z, up y): the footprints and indicators the domain computes are then where the
// model shows. Clipping joins an owner's existing collection (an excavation pit's) when there is
// one, as excavation.ts joins ours, since a tileset carries one collection.
import {
  Axis, Cartesian3, ClippingPolygon, ClippingPolygonCollection, Color, ColorGeometryInstanceAttribute, GeometryInstance, HeadingPitchRoll,
  Matrix4, Model, PerInstanceColorAppearance, PolygonGeometry, PolygonHierarchy, Primitive, ShadowMode, SplitDirection, Transforms,
  type Cesium3DTileset, type Viewer,
} from 'cesium';

export interface Placement { readonly lon: number; readonly lat: number; readonly height: number; readonly heading: number; readonly scale: number }
export interface LonLatRing { readonly ring: readonly { readonly lon: number; readonly lat: number }[] }

const PLATE = Color.fromCssColorString('#9e9e94');
/** Numbers each model made from bytes (see add). */
let modelSerial = 0;
type Detachable = { clippingPolygons: ClippingPolygonCollection | undefined };

export function placementModelMatrix(p: Placement): Matrix4 {
  const frame = Transforms.headingPitchRollToFixedFrame(Cartesian3.fromDegrees(p.lon, p.lat, p.height), new HeadingPitchRoll((p.heading * Math.PI) / 180, 0, 0));
  return Matrix4.multiplyByUniformScale(frame, p.scale, new Matrix4());
}

export class SchemeScene {
  private readonly models = new Map<string, Model>();
  private clip: { owner: Cesium3DTileset; collection: ClippingPolygonCollection; ours: boolean; polygons: ClippingPolygon[] }[] = [];
  private plate: Primitive | undefined;

  constructor(private readonly viewer: Viewer, private readonly ground: () => readonly Cesium3DTileset[]) {}

  /** Adds (or replaces) an alternative's model; resolves when it can be drawn, rejects when Cesium cannot read it. */
  async add(id: string, glb: Uint8Array, placement: Placement): Promise<void> {
    // Cesium reads a glTF from bytes (options.gltf: Uint8Array) though its typings only declare url.
    // Cesium caches a glTF's buffers and vertex buffers under its resource's URL; bytes have none,
    // so every model from bytes would share one key and draw the first one's geometry. A base path
    // of its own (never fetched: the models are self-contained GLBs) keeps each model its own.
    modelSerial += 1;
    const options = {
      gltf: glb, basePath: `${location.origin}/scheme-model/${modelSerial}/`, modelMatrix: placementModelMatrix(placement), upAxis: Axis.Y, forwardAxis: Axis.X,
      shadows: ShadowMode.ENABLED, show: false,
      // Cesium's dynamic environment map relights a model over many frames after it shows, so an
      // alternative's colours would depend on how long it has been on screen (and in on-demand
      // rendering, on whether anything moved): alternatives are compared, so they light the same.
      environmentMapOptions: { enabled: false },
    } as unknown as Parameters<typeof Model.fromGltfAsync>[0];
    const model = await Model.fromGltfAsync(options);
    if (this.viewer.isDestroyed()) return;
    this.remove(id);
    this.models.set(id, this.viewer.scene.primitives.add(model) as Model);
    await this.untilReady(model);
  }

  /**
   * A model finishes loading (buffers, textures, draw commands) one step per rendered frame and
   * only counts as ready a frame after that; in requestRenderMode an idle scene renders none, so
   * it would stay half-loaded, and draw nothing when shown. Keep rendering until it is ready.
   */
  private untilReady(model: Model): Promise<void> {
    if (model.ready) return Promise.resolve();
    const scene = this.viewer.scene;
    return new Promise<void>((resolve, reject) => {
      const finish = (error?: Error): void => {
        offRender(); offReady(); offError();
        if (error) reject(error); else resolve();
        this.render();
      };
      const offRender = scene.postRender.addEventListener(() => {
        if (model.isDestroyed()) finish(new Error('the model was removed before it finished loading'));
        else if (!model.ready) scene.requestRender();
      });
      const offReady = model.readyEvent.addEventListener(() => finish());
      const offError = model.errorEvent.addEventListener((e: unknown) => finish(e instanceof Error ? e : new Error(String(e))));
      this.render();
    });
  }

  place(id: string, placement: Placement): void {
    const m = this.models.get(id);
    if (m) m.modelMatrix = placementModelMatrix(placement);
    this.render();
  }

  /** Shows these alternatives; a split puts `left` left of the divider and `right` right of it. */
  show(ids: readonly string[], split?: { left: string; right: string; position: number }): void {
    for (const [id, m] of this.models) {
      m.show = ids.includes(id) || (!!split && (split.left === id || split.right === id));
      m.splitDirection = split?.left === id ? SplitDirection.LEFT : split?.right === id ? SplitDirection.RIGHT : SplitDirection.NONE;
    }
    this.viewer.scene.splitPosition = split ? Math.min(1, Math.max(0, split.position)) : 0.5;
    this.render();
  }

  /** Whether a model is loaded and shown, for tests and the panel. */
  shown(): string[] {
    return [...this.models].filter(([, m]) => m.show && m.ready).map(([id]) => id);
  }

  get splitPosition(): number {
    return this.viewer.scene.splitPosition;
  }

  remove(id: string): void {
    const m = this.models.get(id);
    if (m && !this.viewer.isDestroyed()) this.viewer.scene.primitives.remove(m);
    this.models.delete(id);
  }

  /**
   * Cuts the mesh away inside `rings` and lays a plate at `groundHeight` (ellipsoidal metres) over
   * them; an empty list restores the mesh.
   */
  clearSite(rings: readonly LonLatRing[], groundHeight: number): void {
    this.unclip();
    if (this.plate) this.viewer.scene.primitives.remove(this.plate);
    this.plate = undefined;
    if (rings.length === 0 || this.viewer.isDestroyed()) return this.render();
    const positions = rings.map((r) => Cartesian3.fromDegreesArray(r.ring.flatMap((p) => [p.lon, p.lat])));
    if (ClippingPolygonCollection.isSupported(this.viewer.scene)) {
      for (const owner of this.ground()) {
        const polygons = positions.map((p) => new ClippingPolygon({ positions: p }));
        const existing = (owner as unknown as Detachable).clippingPolygons;
        if (existing && existing.inverse) continue; // someone keeps only the inside of theirs: leave it alone
        const collection = existing ?? new ClippingPolygonCollection({ inverse: false });
        polygons.forEach((p) => collection.add(p));
        if (!existing) owner.clippingPolygons = collection;
        this.clip.push({ owner, collection, ours: !existing, polygons });
      }
    }
    this.plate = this.viewer.scene.primitives.add(new Primitive({
      geometryInstances: positions.map((p) => new GeometryInstance({
        geometry: new PolygonGeometry({ polygonHierarchy: new PolygonHierarchy(p), height: groundHeight, vertexFormat: PerInstanceColorAppearance.FLAT_VERTEX_FORMAT }),
        attributes: { color: ColorGeometryInstanceAttribute.fromColor(PLATE) },
      })),
      appearance: new PerInstanceColorAppearance({ flat: true, translucent: false }),
      asynchronous: false,
    })) as Primitive;
    this.render();
  }

  /** How many ground tilesets carry our cut, for tests. */
  get clippedOwners(): number {
    return this.clip.length;
  }

  destroy(): void {
    this.unclip();
    if (!this.viewer.isDestroyed()) {
      if (this.plate) this.viewer.scene.primitives.remove(this.plate);
      for (const id of [...this.models.keys()]) this.remove(id);
      this.viewer.scene.splitPosition = 0.5;
    }
  }

  private unclip(): void {
    for (const c of this.clip) {
      if (c.owner.isDestroyed()) continue;
      c.polygons.forEach((p) => c.collection.remove(p));
      if (c.ours && (c.owner as unknown as Detachable).clippingPolygons === c.collection && c.collection.length === 0) {
        (c.owner as unknown as Detachable).clippingPolygons = undefined;
      }
    }
    this.clip = [];
  }

  private render(): void {
    if (!this.viewer.isDestroyed()) this.viewer.scene.requestRender();
  }
}
