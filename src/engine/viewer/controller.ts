// One viewer's imperative surface for the UI: navigation, layer zoom-to, per-frame readers.
// UI code calls these; it never reaches into Cesium itself.
import {
  BoundingSphere, Cartesian3, Ellipsoid, SceneTransforms, HeadingPitchRange, Math as CesiumMath, Rectangle, ScreenSpaceEventHandler, ScreenSpaceEventType,
  type Cartesian2, type Viewer,
} from 'cesium';
import { Overlays } from '../analysis/overlays.ts';
import { isPlanningPickId } from '../layers/geojson/build.ts';
import { STREAMING_DEFAULTS, type CameraPose, type StreamingConfig } from '../../domain/schemas/index.ts';
import type { MountedLayers } from '../layers/mounted.ts';
import { flyToPose, northUp, orbitView, readCameraPose, setCameraPose, zoomView } from './camera.ts';
import { attachKeyboardNavigation } from './keyboard.ts';
import { drillAt, pickSurface, planningFeatureIn, tileFeatureIn, type PickedFeature, type PickedTileFeature, type SurfacePoint } from './picking.ts';
import { watchTilesSettled } from './settle.ts';
import { readStreamingTotals, type StreamingTotals } from './streaming.ts';
import { configureOfflineViewer } from './offline.ts';
import { applyStreamingTuning } from './streamingTuning.ts';
import { applyGround, type GroundState } from './ground.ts';
import { createExcavation, type Excavation } from '../analysis/excavation.ts';
import { MeasureDrawing } from '../analysis/measureDrawing.ts';
import { SchemeScene } from '../analysis/schemeScene.ts';
import { SunScene } from '../analysis/sunScene.ts';
import { RasterOverlays } from '../analysis/rasterOverlay.ts';
import { SketchLayer } from '../analysis/sketchLayer.ts';
import { CompanionView } from '../analysis/companionView.ts';
import { createGroundSampler, type GroundSampler } from '../analysis/groundSampling.ts';
import { captureView, type ViewCapture } from './snapshot.ts';
import { startPolygonDraw, type DrawPoint, type DrawShape, type PolygonDraw } from './drawPolygon.ts';

const BUTTON_ANIMATION_S = 0.6;

export interface ControllerHooks {
  /** Throttled camera pose (moveEnd and at most every `cameraThrottleMs` while moving). */
  onCamera(pose: CameraPose): void;
  /** The surface point under the pointer, throttled; undefined when off the earth. */
  onPointer(point: SurfacePoint | undefined): void;
  onSettled(settled: boolean): void;
  /** A click (not a drag): the surface point, and the planning feature and pipe/well under it, if any. */
  onClick(point: SurfacePoint | undefined, feature: PickedFeature | undefined, pipe?: PickedTileFeature): void;
  home(): CameraPose;
}

export class TwinController {
  private readonly disposers: (() => void)[] = [];
  private settledNow = false;
  private moving = false;
  private frames = 0;
  readonly overlays: Overlays;
  readonly excavation: Excavation;
  readonly measures: MeasureDrawing;
  readonly schemes: SchemeScene;
  readonly sun: SunScene;
  /** Analysis results draped on the scene (sunlight hours, viewshed, flood, height limit). */
  readonly rasters: RasterOverlays;
  /** Analysis lines, points, labels and planes (sight lines, observers, limit planes). */
  readonly sketches: SketchLayer;
  /** Ground (reality mesh) heights under lon/lat points, most detailed where it loads in time. */
  readonly sampleGround: GroundSampler;
  private draw: PolygonDraw | undefined;
  private companionView: CompanionView | undefined;

  constructor(readonly viewer: Viewer, readonly layers: MountedLayers, private readonly hooks: ControllerHooks, streaming: StreamingConfig = STREAMING_DEFAULTS) {
    configureOfflineViewer(viewer);
    this.disposers.push(applyStreamingTuning(viewer, streaming));
    this.overlays = new Overlays(viewer);
    this.excavation = createExcavation(viewer, () => layers.groundTilesets());
    this.measures = new MeasureDrawing(viewer);
    this.schemes = new SchemeScene(viewer, () => layers.groundTilesets());
    this.sun = new SunScene(viewer, () => layers.groundTilesets());
    this.rasters = new RasterOverlays(viewer);
    this.sketches = new SketchLayer(viewer);
    this.sampleGround = createGroundSampler(viewer, () => layers.groundTilesets());
    this.disposers.push(() => this.overlays.destroy(), () => this.excavation.destroy(), () => this.draw?.destroy(), () => this.measures.destroy(),
      () => this.schemes.destroy(), () => this.sun.destroy(), () => this.rasters.destroy(), () => this.sketches.destroy(), () => this.closeCompanion());
    this.trackClicks();
    this.disposers.push(viewer.scene.postRender.addEventListener(() => void (this.frames += 1)));
    this.trackCamera(150);
    this.trackPointer(120);
    this.disposers.push(
      watchTilesSettled(viewer, layers, (s) => {
        this.settledNow = s;
        hooks.onSettled(s);
      }),
      attachKeyboardNavigation(viewer, { home: () => void this.flyHome() }),
    );
  }

  destroy(): void {
    this.disposers.splice(0).forEach((d) => d());
  }

  /** Frames rendered so far: shows requestRenderMode at work (an idle scene adds none). */
  get renderedFrames(): number {
    return this.frames;
  }

  /** Whether the camera is in motion (a flight or a drag): between Cesium's moveStart and moveEnd. */
  get cameraMoving(): boolean {
    return this.moving;
  }

  get settled(): boolean {
    return this.settledNow;
  }

  setView(pose: CameraPose): void {
    setCameraPose(this.viewer, pose);
  }

  /** The view's pixels, rendered `factor` times the screen size (for image export). */
  capture(factor: number): Promise<ViewCapture> {
    return captureView(this.viewer, factor);
  }

  flyTo(pose: CameraPose, seconds?: number): Promise<boolean> {
    return flyToPose(this.viewer, pose, seconds);
  }

  flyHome(): Promise<boolean> {
    return flyToPose(this.viewer, this.hooks.home(), 2);
  }

  zoom(direction: 'in' | 'out'): void {
    zoomView(this.viewer, direction === 'in' ? 0.6 : 1 / 0.6, BUTTON_ANIMATION_S);
  }

  /** Positive degrees tilt up, towards the horizon. */
  tilt(deg: number): void {
    orbitView(this.viewer, 0, deg, BUTTON_ANIMATION_S);
  }

  /** Positive degrees turn the view clockwise. */
  rotate(deg: number): void {
    orbitView(this.viewer, deg, 0, BUTTON_ANIMATION_S);
  }

  northUp(): void {
    northUp(this.viewer);
  }

  /** Flies to look obliquely at a lon/lat box (a project, a parcel, a code's cell). */
  flyToBox(west: number, south: number, east: number, north: number, groundHeight = 0, seconds = 1.5): Promise<boolean> {
    const rect = Rectangle.fromDegrees(west, south, east, north);
    const sphere = BoundingSphere.fromRectangle3D(rect, Ellipsoid.WGS84, groundHeight);
    const range = Math.max(350, sphere.radius * 3.2);
    return new Promise((resolve) => {
      this.viewer.camera.flyToBoundingSphere(sphere, {
        offset: new HeadingPitchRange(0, CesiumMath.toRadians(-45), range), duration: seconds,
        complete: () => resolve(true), cancel: () => resolve(false),
      });
      // In requestRenderMode a flight advances only in rendered frames: start it (it then keeps itself going).
      this.viewer.scene.requestRender();
    });
  }

  /** What the scene holds, for checks that nothing piles up over a day on the wall. */
  sceneCounts(): { entities: number; primitives: number; groundPrimitives: number; pulsing: number } {
    const { scene, entities } = this.viewer;
    return { entities: entities.values.length, primitives: scene.primitives.length, groundPrimitives: scene.groundPrimitives.length, pulsing: this.overlays.pulsing };
  }

  /** Underground mode and globe cut-outs (see ground.ts). */
  setGround(state: GroundState): void {
    applyGround(this.viewer, state);
  }

  groundReport(): { translucent: boolean; frontFaceAlpha: number; collision: boolean; pits: number; clippedTargets: number; clippingSupported: boolean } {
    const { globe, screenSpaceCameraController } = this.viewer.scene;
    return {
      translucent: globe.translucency.enabled, frontFaceAlpha: globe.translucency.frontFaceAlpha,
      collision: screenSpaceCameraController.enableCollisionDetection,
      ...this.excavation.drawn, clippingSupported: this.excavation.supported,
    };
  }

  /** Bytes each tileset layer holds in memory (geometry and textures of loaded tiles). */
  tileMemory(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const m of this.layers.all()) {
      const t = (m.handle as { tileset?: { totalMemoryUsageInBytes: number } } | undefined)?.tileset;
      if (t) out[m.id] = t.totalMemoryUsageInBytes;
    }
    return out;
  }

  /** Window coordinates (CSS px) of a point, for tests that click on known features. */
  project(lon: number, lat: number, height: number): { x: number; y: number } | undefined {
    const p = SceneTransforms.worldToWindowCoordinates(this.viewer.scene, Cartesian3.fromDegrees(lon, lat, height));
    return p ? { x: p.x, y: p.y } : undefined;
  }

  /**
   * Starts drawing a polygon (or a line, or a few points: `shape`) on the surface, one drawing at a
   * time; clicks meanwhile pick nothing.
   */
  drawPolygon(opts: { shape?: DrawShape; onFinish(points: readonly DrawPoint[]): void; onCancel(): void; onChange?(points: readonly DrawPoint[]): void }): void {
    this.draw?.destroy();
    const done = (): void => { this.draw = undefined; };
    this.draw = startPolygonDraw(this.viewer, {
      ...(opts.shape ? { shape: opts.shape } : {}),
      onChange: (points) => { this.viewer.scene.requestRender(); opts.onChange?.(points); },
      onFinish: (points) => { done(); opts.onFinish(points); },
      onCancel: () => { done(); opts.onCancel(); },
    });
  }

  finishPolygon(): void {
    this.draw?.finish();
  }

  cancelPolygon(): void {
    this.draw?.cancel();
  }

  /** Takes back the last vertex of the drawing in progress. */
  undoPolygonPoint(): void {
    this.draw?.undo();
  }

  /** Vertices placed so far in the drawing in progress (0 when none). */
  get drawingPoints(): number {
    return this.draw?.points.length ?? 0;
  }

  get drawingPolygon(): boolean {
    return this.draw !== undefined;
  }

  /** Looks obliquely into a pit (or any small ring). */
  flyToPit(ring: readonly { lon: number; lat: number }[]): void {
    const lons = ring.map((p) => p.lon), lats = ring.map((p) => p.lat);
    this.flyToBox(Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats));
  }

  zoomToLayer(id: string): void {
    this.layers.zoomTo(id);
  }

  /** The surface point at the centre of the view (where a dropped model is placed), if any. */
  viewCentre(): { lon: number; lat: number } | undefined {
    const canvas = this.viewer.scene.canvas;
    const p = pickSurface(this.viewer, canvas.clientWidth / 2, canvas.clientHeight / 2);
    return p ? { lon: p.lon, lat: p.lat } : undefined;
  }

  /** Opens (or reopens) the side-by-side companion view in `container`; the UI mounts its layers. */
  openCompanion(container: HTMLElement): CompanionView {
    this.closeCompanion();
    this.companionView = new CompanionView(container, this.viewer);
    return this.companionView;
  }

  closeCompanion(): void {
    this.companionView?.destroy();
    this.companionView = undefined;
  }

  get companion(): CompanionView | undefined {
    return this.companionView;
  }

  /** After the map's container changed size (side by side): resize the canvas now, not at the next frame. */
  resize(): void {
    this.viewer.resize();
    this.viewer.scene.requestRender();
  }

  cameraPose(): CameraPose {
    return readCameraPose(this.viewer);
  }

  streaming(): StreamingTotals {
    return readStreamingTotals(this.layers, this.viewer.scene.globe.tilesLoaded);
  }

  /**
   * Renders `frames` frames back to back and returns the median milliseconds per frame. Each frame
   * ends with a one-pixel readPixels, which cannot return before every draw of the frame is done,
   * so the figure is the cost of drawing, not of queueing commands. For benchmarks: compare two
   * states of the same scene measured in one run.
   */
  timeFrames(frames: number): number {
    const gl = (this.viewer.scene as unknown as { context: { _gl: WebGL2RenderingContext } }).context._gl;
    const pixel = new Uint8Array(4);
    const times: number[] = [];
    for (let i = 0; i < frames; i++) {
      const t0 = performance.now();
      this.viewer.scene.requestRender();
      this.viewer.render();
      gl.bindFramebuffer(gl.FRAMEBUFFER, null);
      gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)] ?? Number.NaN;
  }

  requestRender(): void {
    this.viewer.scene.requestRender();
  }

  private trackCamera(throttleMs: number): void {
    const camera = this.viewer.camera;
    camera.percentageChanged = 0.001;
    let last = 0;
    let pending: number | undefined;
    const emit = () => {
      pending = undefined;
      last = performance.now();
      this.hooks.onCamera(readCameraPose(this.viewer));
    };
    const onChange = () => {
      const wait = throttleMs - (performance.now() - last);
      if (wait <= 0) emit();
      else pending ??= window.setTimeout(emit, wait);
    };
    this.disposers.push(
      camera.changed.addEventListener(onChange),
      camera.moveStart.addEventListener(() => void (this.moving = true)),
      camera.moveEnd.addEventListener(() => {
        this.moving = false;
        emit();
      }),
      () => window.clearTimeout(pending),
    );
    emit();
  }

  private trackClicks(): void {
    const handler = new ScreenSpaceEventHandler(this.viewer.scene.canvas);
    handler.setInputAction((e: { position: Cartesian2 }) => {
      if (this.draw) return; // a click while drawing places a vertex, it selects nothing
      const { x, y } = e.position;
      const picked = drillAt(this.viewer, x, y);
      const pipe = tileFeatureIn(picked, 'featureType', (t) => this.layers.layerOfTileset(t));
      this.hooks.onClick(pickSurface(this.viewer, x, y), planningFeatureIn(picked, isPlanningPickId), pipe);
    }, ScreenSpaceEventType.LEFT_CLICK);
    this.disposers.push(() => handler.destroy());
  }

  private trackPointer(intervalMs: number): void {
    // Picking renders a pick pass: do it at a fixed low rate, only when the pointer has moved.
    const handler = new ScreenSpaceEventHandler(this.viewer.scene.canvas);
    let position: { x: number; y: number } | undefined;
    let dirty = false;
    handler.setInputAction((m: { endPosition: Cartesian2 }) => {
      position = { x: m.endPosition.x, y: m.endPosition.y };
      dirty = true;
    }, ScreenSpaceEventType.MOUSE_MOVE);
    const timer = window.setInterval(() => {
      // While drawing, the draw tool picks for itself: one pick pass per tick is enough.
      if (!dirty || !position || this.viewer.isDestroyed() || this.draw) return;
      dirty = false;
      this.hooks.onPointer(pickSurface(this.viewer, position.x, position.y));
    }, intervalMs);
    this.disposers.push(() => window.clearInterval(timer), () => handler.destroy());
  }
}
