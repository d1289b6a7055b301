// The sun in the scene: the clock set to a moment (so Cesium's sun light comes from where the sun
// is), shadows cast by the mesh and the proposals on each other, and a gentle frame loop while the
// day plays. In requestRenderMode nothing moves without a render request, so every change asks for
// one.
import { JulianDate, ShadowMode, type Cesium3DTileset, type Viewer } from 'cesium';

/** Shadow-map settings for a city block: soft enough to read, sized for street-to-district views. */
const SHADOW_MAP = { softShadows: true, size: 2048, maximumDistance: 5000, darkness: 0.45 } as const;

export class SunScene {
  private shadowsOn = false;

  constructor(private readonly viewer: Viewer, private readonly ground: () => readonly Cesium3DTileset[]) {}

  /** Sets the scene's moment (UTC milliseconds): the sun light and shadows follow. */
  setTime(utcMs: number): void {
    if (this.viewer.isDestroyed()) return;
    const clock = this.viewer.clock;
    clock.shouldAnimate = false;
    clock.currentTime = JulianDate.fromDate(new Date(utcMs));
    this.viewer.scene.requestRender();
  }

  get time(): number {
    return JulianDate.toDate(this.viewer.clock.currentTime).getTime();
  }

  setShadows(on: boolean): void {
    if (this.viewer.isDestroyed()) return;
    this.shadowsOn = on;
    const { viewer } = this;
    viewer.shadows = on;
    if (on) Object.assign(viewer.shadowMap, SHADOW_MAP);
    for (const t of this.ground()) t.shadows = on ? ShadowMode.ENABLED : ShadowMode.DISABLED;
    viewer.scene.requestRender();
  }

  get shadows(): boolean {
    return this.shadowsOn;
  }

  destroy(): void {
    if (!this.viewer.isDestroyed()) this.setShadows(false);
  }
}
