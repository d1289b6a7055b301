// Touch navigation for the public kiosk. Cesium's ScreenSpaceCameraController already reads touch:
// one finger drags the globe, two fingers pinch (zoom), twist (turn) and slide up/down together
// (tilt). Two things can still freeze a touch screen: a PINCH bound to rotate/translate (Cesium
// #11561: rendering stops) and the browser taking the gesture for page zoom or scrolling (the
// widget's canvas has touch-action: none; the kiosk layout guards the page). The bindings are set
// here explicitly so a later default change cannot move PINCH where it freezes.
import { CameraEventType, type Viewer } from 'cesium';

export interface TouchNavigationLimits {
  /** Closest the camera may come to the surface, metres: a stranger's pinch must not bury it. */
  readonly minimumZoomDistance: number;
  /** Farthest, metres: nobody gets lost in space and needs to find Ningbo again. */
  readonly maximumZoomDistance: number;
}

export const KIOSK_TOUCH_LIMITS: TouchNavigationLimits = { minimumZoomDistance: 30, maximumZoomDistance: 120_000 };

/** Applies the kiosk's gesture bindings and limits; returns a function that puts the previous ones back. */
export function configureTouchNavigation(viewer: Viewer, limits: TouchNavigationLimits = KIOSK_TOUCH_LIMITS): () => void {
  const c = viewer.scene.screenSpaceCameraController;
  const before = {
    rotateEventTypes: c.rotateEventTypes, translateEventTypes: c.translateEventTypes, zoomEventTypes: c.zoomEventTypes,
    tiltEventTypes: c.tiltEventTypes, lookEventTypes: c.lookEventTypes,
    minimumZoomDistance: c.minimumZoomDistance, maximumZoomDistance: c.maximumZoomDistance,
  };
  // One finger (LEFT_DRAG) pans; PINCH zooms and tilts/twists only. RIGHT/MIDDLE drags and the wheel
  // stay for a mouse (maintenance staff); free look (shift-drag) would leave a stranger facing the sky.
  c.rotateEventTypes = CameraEventType.LEFT_DRAG;
  c.translateEventTypes = CameraEventType.LEFT_DRAG;
  c.zoomEventTypes = [CameraEventType.PINCH, CameraEventType.WHEEL, CameraEventType.RIGHT_DRAG];
  c.tiltEventTypes = [CameraEventType.PINCH, CameraEventType.MIDDLE_DRAG];
  c.lookEventTypes = undefined;
  c.minimumZoomDistance = limits.minimumZoomDistance;
  c.maximumZoomDistance = limits.maximumZoomDistance;
  return () => {
    if (viewer.isDestroyed()) return;
    Object.assign(c, before);
  };
}

/** Stops a camera flight where it is (the attract loop, when someone touches the screen). */
export function stopCameraFlight(viewer: Viewer): void {
  viewer.camera.cancelFlight();
  viewer.scene.requestRender();
}
