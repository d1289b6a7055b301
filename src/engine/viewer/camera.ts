// Camera poses in degrees/metres and the navigation moves the controls and keyboard share.
// Orbit-type moves turn about the point at the centre of the screen, as map users expect.
import {
  BoundingSphere, Cartesian2, Cartesian3, Cartographic, HeadingPitchRange, Math as CesiumMath, Matrix4, type Viewer,
} from 'cesium';
import type { CameraPose } from '../../domain/schemas/index.ts';

const toRad = CesiumMath.toRadians;
const toDeg = CesiumMath.toDegrees;
/** Orbit pitch limits: never under the ground, never past straight down. */
const MIN_PITCH = toRad(-90);
const MAX_PITCH = toRad(-3);

export function readCameraPose(viewer: Viewer): CameraPose {
  const c = viewer.camera;
  const carto = c.positionCartographic;
  return {
    lon: toDeg(carto.longitude), lat: toDeg(carto.latitude), height: carto.height,
    heading: toDeg(c.heading), pitch: toDeg(c.pitch), roll: toDeg(c.roll),
  };
}

function destinationOf(pose: CameraPose) {
  return {
    destination: Cartesian3.fromDegrees(pose.lon, pose.lat, pose.height),
    orientation: { heading: toRad(pose.heading), pitch: toRad(pose.pitch), roll: toRad(pose.roll) },
  };
}

export function setCameraPose(viewer: Viewer, pose: CameraPose): void {
  viewer.camera.setView(destinationOf(pose));
  viewer.scene.requestRender();
}

export function flyToPose(viewer: Viewer, pose: CameraPose, durationSeconds = 2.5): Promise<boolean> {
  return new Promise((resolve) => {
    viewer.camera.flyTo({
      ...destinationOf(pose),
      duration: durationSeconds,
      complete: () => resolve(true),
      cancel: () => resolve(false),
    });
    // In requestRenderMode the flight's tween only advances in a rendered frame: start it.
    viewer.scene.requestRender();
  });
}

/** The ground point at the centre of the view (globe or ellipsoid), if the view hits the earth. */
export function viewCentreTarget(viewer: Viewer): Cartesian3 | undefined {
  const scene = viewer.scene;
  const canvas = scene.canvas;
  const centre = new Cartesian2(canvas.clientWidth / 2, canvas.clientHeight / 2);
  const ray = viewer.camera.getPickRay(centre);
  return (ray && scene.globe.pick(ray, scene)) ?? viewer.camera.pickEllipsoid(centre) ?? undefined;
}

interface Orbit { target: Cartesian3; heading: number; pitch: number; range: number }

function currentOrbit(viewer: Viewer): Orbit | undefined {
  const target = viewCentreTarget(viewer);
  if (!target) return undefined;
  const c = viewer.camera;
  return { target, heading: c.heading, pitch: c.pitch, range: Cartesian3.distance(c.positionWC, target) };
}

function applyOrbit(viewer: Viewer, o: Orbit, animateSeconds: number): void {
  const offset = new HeadingPitchRange(o.heading, CesiumMath.clamp(o.pitch, MIN_PITCH, MAX_PITCH), Math.max(o.range, 5));
  if (animateSeconds > 0) {
    viewer.camera.flyToBoundingSphere(new BoundingSphere(o.target, 0), { offset, duration: animateSeconds });
  } else {
    viewer.camera.lookAt(o.target, offset);
    viewer.camera.lookAtTransform(Matrix4.IDENTITY); // back to free navigation
  }
  viewer.scene.requestRender();
}

/** Turns the view about the centre point: positive heading turns the view clockwise. */
export function orbitView(viewer: Viewer, headingDeg: number, pitchDeg: number, animateSeconds = 0): void {
  const o = currentOrbit(viewer);
  if (!o) {
    // Looking at the sky: turn in place instead.
    const c = viewer.camera;
    c.setView({ orientation: { heading: c.heading + toRad(headingDeg), pitch: CesiumMath.clamp(c.pitch + toRad(pitchDeg), MIN_PITCH, MAX_PITCH), roll: 0 } });
    viewer.scene.requestRender();
    return;
  }
  applyOrbit(viewer, { ...o, heading: o.heading + toRad(headingDeg), pitch: o.pitch + toRad(pitchDeg) }, animateSeconds);
}

export function northUp(viewer: Viewer, animateSeconds = 0.8): void {
  const o = currentOrbit(viewer);
  if (o) applyOrbit(viewer, { ...o, heading: 0 }, animateSeconds);
}

/** factor < 1 moves closer to the centre point (0.5 halves the distance), > 1 moves away. */
export function zoomView(viewer: Viewer, factor: number, animateSeconds = 0): void {
  const o = currentOrbit(viewer);
  if (o) {
    applyOrbit(viewer, { ...o, range: o.range * factor }, animateSeconds);
    return;
  }
  const h = viewer.camera.positionCartographic.height;
  viewer.camera.moveBackward(h * (factor - 1));
  viewer.scene.requestRender();
}

/** Moves the camera over the ground: `forward`/`right` in fractions of the camera height. */
export function panView(viewer: Viewer, forward: number, right: number): void {
  const camera = viewer.camera;
  const ellipsoid = viewer.scene.globe.ellipsoid;
  const height = Math.max(camera.positionCartographic.height, 50);
  const up = ellipsoid.geodeticSurfaceNormal(camera.positionWC, new Cartesian3());
  // Horizontal forward: the view direction flattened onto the local tangent plane; when looking
  // straight down, the camera's up vector points "forward" on screen.
  const dir = Math.abs(Cartesian3.dot(camera.direction, up)) > 0.99 ? camera.up : camera.direction;
  const fwd = Cartesian3.subtract(dir, Cartesian3.multiplyByScalar(up, Cartesian3.dot(dir, up), new Cartesian3()), new Cartesian3());
  Cartesian3.normalize(fwd, fwd);
  const rightVec = Cartesian3.normalize(Cartesian3.cross(fwd, up, new Cartesian3()), new Cartesian3());
  const move = Cartesian3.add(
    Cartesian3.multiplyByScalar(fwd, forward * height, new Cartesian3()),
    Cartesian3.multiplyByScalar(rightVec, right * height, new Cartesian3()),
    new Cartesian3(),
  );
  const amount = Cartesian3.magnitude(move);
  if (amount > 0) camera.move(Cartesian3.normalize(move, move), amount);
  viewer.scene.requestRender();
}

export function cartesianToDegrees(p: Cartesian3): { lon: number; lat: number; height: number } {
  const c = Cartographic.fromCartesian(p);
  return { lon: toDeg(c.longitude), lat: toDeg(c.latitude), height: c.height };
}
