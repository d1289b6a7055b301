// Viewer options for a fully offline, intranet-first viewer: nothing may reach Cesium ion, Bing
// or any host but our own origin. No base layer here: imagery comes from config layers.
import { Color, JulianDate, ScreenSpaceEventType, type Viewer } from 'cesium';
import { GLOBE_BASE_COLOUR } from '../../domain/styling/index.ts';

export const offlineViewerOptions = {
  baseLayer: false,
  baseLayerPicker: false,
  geocoder: false,
  homeButton: false,
  sceneModePicker: false,
  projectionPicker: false,
  navigationHelpButton: false,
  animation: false,
  timeline: false,
  fullscreenButton: false,
  vrButton: false,
  infoBox: false,
  selectionIndicator: false,
  scene3DOnly: true,
  shouldAnimate: false,
  // An idle scene must not redraw (a 24/7 video wall should not burn a GPU): render on demand,
  // and the app calls scene.requestRender() after any non-camera change.
  requestRenderMode: true,
  maximumRenderTimeChange: Number.POSITIVE_INFINITY,
} as const satisfies Viewer.ConstructorOptions;

/**
 * A fixed clock: Cesium lights 3D Tiles by the sun at the clock time, so a moving clock would
 * change shading from run to run (and break render tests). Local noon at the summer solstice.
 */
export const FIXED_SCENE_TIME = '2024-06-21T04:00:00Z';

export function configureOfflineViewer(viewer: Viewer): void {
  viewer.clock.currentTime = JulianDate.fromIso8601(FIXED_SCENE_TIME);
  viewer.clock.shouldAnimate = false;
  const scene = viewer.scene;
  scene.globe.baseColor = Color.fromCssColorString(GLOBE_BASE_COLOUR);
  // Double-click would track an entity; we have none, and it fights keyboard navigation focus.
  viewer.screenSpaceEventHandler.removeInputAction(ScreenSpaceEventType.LEFT_DOUBLE_CLICK);
  scene.requestRender();
}
