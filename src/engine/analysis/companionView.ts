// The side-by-side comparison: a second viewer beside the main one showing the same city with
// another alternative, its camera (and sun, and shadows) following the main viewer's every frame,
// so the two halves are one synchronized view of two designs. It streams the same tileset from
// the same server (the browser cache serves what the main view already fetched).
import { Cesium3DTileset, JulianDate, Viewer } from 'cesium';
import { tiles3dLiveOptions } from '../layers/3dtiles/config.ts';
import { configureOfflineViewer, offlineViewerOptions } from '../viewer/offline.ts';
import { SchemeScene, type LonLatRing, type Placement } from './schemeScene.ts';

export class CompanionView {
  readonly viewer: Viewer;
  readonly schemes: SchemeScene;
  private tileset: Cesium3DTileset | undefined;
  private readonly unsync: () => void;
  private destroyed = false;
  /** The last site cleared: applied again once the tileset has loaded (clipping needs its owner). */
  private site: { rings: readonly LonLatRing[]; ground: number } | undefined;

  /** `template` is the main view's tileset of the same URL: the second one streams with its options. */
  constructor(container: HTMLElement, private readonly main: Viewer, tilesetUrl: string, template?: Cesium3DTileset) {
    this.viewer = new Viewer(container, { ...offlineViewerOptions });
    configureOfflineViewer(this.viewer);
    this.viewer.scene.screenSpaceCameraController.enableInputs = false; // the main view steers both
    this.schemes = new SchemeScene(this.viewer, () => (this.tileset ? [this.tileset] : []));
    void Cesium3DTileset.fromUrl(tilesetUrl).then((t) => {
      if (this.destroyed) return;
      // The same screen-space error, skipping and caching as the main view: the same picture.
      if (template) for (const key of tiles3dLiveOptions) (t as unknown as Record<string, unknown>)[key] = template[key];
      this.tileset = this.viewer.scene.primitives.add(t) as Cesium3DTileset;
      // On demand rendering: a tile arriving while the main view is idle must still be drawn.
      t.loadProgress.addEventListener(() => this.viewer.scene.requestRender());
      t.allTilesLoaded.addEventListener(() => this.viewer.scene.requestRender());
      if (this.site) this.schemes.clearSite(this.site.rings, this.site.ground);
      this.follow();
    });
    this.unsync = main.scene.postRender.addEventListener(() => this.follow());
    this.follow();
  }

  /** Copies the main camera, frustum, clock and shadows; renders when anything changed. */
  private follow(): void {
    if (this.destroyed || this.viewer.isDestroyed() || this.main.isDestroyed()) return;
    const from = this.main.camera, to = this.viewer.camera;
    to.setView({ destination: from.positionWC.clone(), orientation: { direction: from.directionWC.clone(), up: from.upWC.clone() } });
    const f = from.frustum as { fov?: number }, g = to.frustum as { fov?: number };
    if (f.fov !== undefined) g.fov = f.fov;
    if (!JulianDate.equals(this.viewer.clock.currentTime, this.main.clock.currentTime)) this.viewer.clock.currentTime = this.main.clock.currentTime.clone();
    if (this.viewer.shadows !== this.main.shadows) this.viewer.shadows = this.main.shadows;
    this.viewer.scene.requestRender();
  }

  /** Shows one alternative (bytes already read and checked), on its cleared site. */
  async show(id: string, glb: Uint8Array, placement: Placement, site: readonly LonLatRing[], ground: number): Promise<void> {
    await this.schemes.add(id, glb, placement);
    if (this.destroyed) return;
    this.schemes.show([id]);
    this.site = { rings: site, ground };
    this.schemes.clearSite(site, ground);
  }

  /** The companion's mesh has everything its view needs, for tests. */
  get tilesLoaded(): boolean {
    return this.tileset?.tilesLoaded ?? false;
  }

  /** Canvas widths and frustum aspect ratios of the main and second views (they must agree), for tests. */
  frames(): { main: [number, number]; companion: [number, number] } {
    const f = (v: Viewer): [number, number] => [v.canvas.clientWidth, (v.camera.frustum as { aspectRatio?: number }).aspectRatio ?? 0];
    return { main: f(this.main), companion: f(this.viewer) };
  }

  /** Whether the companion's camera matches the main camera (metres apart), for tests. */
  offset(): number {
    const a = this.main.camera.positionWC, b = this.viewer.camera.positionWC;
    return Math.hypot(a.x - b.x, a.y - b.y, a.z - b.z);
  }

  destroy(): void {
    this.destroyed = true;
    this.unsync();
    this.schemes.destroy();
    if (!this.viewer.isDestroyed()) this.viewer.destroy();
  }
}
