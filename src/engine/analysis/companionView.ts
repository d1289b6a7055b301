// The side-by-side comparison: a second viewer beside the main one showing the same city with
// another alternative, its camera (and sun, and shadows) following the main viewer's every frame,
// so the two halves are one synchronized view of two designs. Its layers are the main map's,
// mounted again through the same layer kinds (the UI mounts them into `mounted`), streamed from
// the same server (the browser cache serves what the main view already fetched).
import { Cartesian3, Cesium3DTileset, JulianDate, Viewer, type PrimitiveCollection } from 'cesium';
import { MountedLayers } from '../layers/mounted.ts';
import { configureOfflineViewer, offlineViewerOptions } from '../viewer/offline.ts';
import { watchTilesSettled } from '../viewer/settle.ts';
import { SchemeScene, type LonLatRing, type Placement } from './schemeScene.ts';

export class CompanionView {
  readonly viewer: Viewer;
  readonly schemes: SchemeScene;
  /** The layers mounted in this view (by the UI, as mirrors of the main map's). */
  readonly mounted = new MountedLayers();
  private readonly unsync: () => void;
  private readonly unhold: (() => void)[];
  /** Tilesets whose environment maps this view stopped (restored when it closes). */
  private readonly held: Cesium3DTileset[] = [];
  private readonly unsettle: () => void;
  private settled = false;
  private destroyed = false;
  /** The last site cleared, and on how many ground tilesets: cleared again when one arrives. */
  private site: { rings: readonly LonLatRing[]; ground: number; on: number } | undefined;

  constructor(container: HTMLElement, private readonly main: Viewer) {
    this.viewer = new Viewer(container, { ...offlineViewerOptions });
    configureOfflineViewer(this.viewer);
    this.viewer.scene.screenSpaceCameraController.enableInputs = false; // the main view steers both
    this.schemes = new SchemeScene(this.viewer, () => this.mounted.groundTilesets<Cesium3DTileset>());
    // Renders every frame while its tiles stream, on demand once quiet (as the main view does).
    this.unsettle = watchTilesSettled(this.viewer, this.mounted, (settled) => { this.settled = settled; });
    this.unsync = main.scene.postRender.addEventListener(() => this.follow());
    // Cesium queues the dynamic environment maps' GPU work in one queue shared by every viewer,
    // and any enabled map drains it into its own WebGL context: the main view's work would run
    // in this one ("object does not belong to this context") and the reverse. While both views
    // live, no environment map updates: the main view keeps the lighting it has computed, this
    // one lights by the default image-based lighting (as the proposal models do).
    this.unhold = [main.scene, this.viewer.scene].map((scene) => scene.preUpdate.addEventListener(() => this.holdEnvironmentMaps(scene.primitives)));
    this.follow();
  }

  private holdEnvironmentMaps(primitives: PrimitiveCollection): void {
    for (let i = 0; i < primitives.length; i++) {
      const p: unknown = primitives.get(i);
      if (!(p instanceof Cesium3DTileset) || !p.environmentMapManager.enabled) continue;
      p.environmentMapManager.enabled = false;
      this.held.push(p);
    }
  }

  /** Copies the main camera, frustum, clock and shadows; clears the site on a newly mounted ground. */
  private follow(): void {
    if (this.destroyed || this.viewer.isDestroyed() || this.main.isDestroyed()) return;
    const from = this.main.camera, to = this.viewer.camera;
    to.setView({ destination: from.positionWC.clone(), orientation: { direction: from.directionWC.clone(), up: from.upWC.clone() } });
    const f = from.frustum as { fov?: number }, g = to.frustum as { fov?: number };
    if (f.fov !== undefined) g.fov = f.fov;
    if (!JulianDate.equals(this.viewer.clock.currentTime, this.main.clock.currentTime)) this.viewer.clock.currentTime = this.main.clock.currentTime.clone();
    if (this.viewer.shadows !== this.main.shadows) this.viewer.shadows = this.main.shadows;
    const grounds = this.mounted.groundTilesets().length;
    if (this.site && this.site.on !== grounds) {
      this.schemes.clearSite(this.site.rings, this.site.ground);
      this.site = { ...this.site, on: grounds };
    }
    this.viewer.scene.requestRender();
  }

  /** Shows one alternative (bytes already read and checked), on its cleared site. */
  async show(id: string, glb: Uint8Array, placement: Placement, site: readonly LonLatRing[], ground: number): Promise<void> {
    await this.schemes.add(id, glb, placement);
    if (this.destroyed) return;
    this.schemes.show([id]);
    this.schemes.clearSite(site, ground);
    this.site = { rings: site, ground, on: this.mounted.groundTilesets().length };
  }

  /** The companion's layers have everything its view needs, for tests. */
  get tilesLoaded(): boolean {
    return this.settled && this.mounted.groundTilesets().length > 0;
  }

  /** Ids of the layers mounted here, for tests (they must be the main map's). */
  layerIds(): string[] {
    return this.mounted.all().map((m) => m.id).sort();
  }

  /** Each view's canvas width, frustum aspect ratio, vertical field of view (degrees) and drawing-buffer width, for tests (they must agree). */
  frames(): { main: number[]; companion: number[] } {
    const f = (v: Viewer): number[] => {
      const fr = v.camera.frustum as { aspectRatio?: number; fovy?: number };
      return [v.canvas.clientWidth, fr.aspectRatio ?? 0, ((fr.fovy ?? 0) * 180) / Math.PI, v.scene.drawingBufferWidth];
    };
    return { main: f(this.main), companion: f(this.viewer) };
  }

  /** How far the companion's camera is from the main camera: metres apart, and degrees between view directions, for tests. */
  offset(): { metres: number; degrees: number } {
    const a = this.main.camera, b = this.viewer.camera;
    const metres = Cartesian3.distance(a.positionWC, b.positionWC);
    const cos = Math.min(1, Math.max(-1, Cartesian3.dot(a.directionWC, b.directionWC)));
    return { metres, degrees: (Math.acos(cos) * 180) / Math.PI };
  }

  destroy(): void {
    this.destroyed = true;
    this.unsync();
    this.unhold.forEach((off) => off());
    this.unsettle();
    this.schemes.destroy();
    if (!this.viewer.isDestroyed()) this.viewer.destroy();
    for (const t of this.held) if (!t.isDestroyed()) t.environmentMapManager.enabled = true;
  }
}
