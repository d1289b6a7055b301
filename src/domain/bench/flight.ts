// The flights of a bench path: every page moves its camera along the same poses at the same wall
// times, so what each renderer fetches mid-flight is compared on equal terms (Cesium's own flyTo
// would give only Cesium its destination preloading).
import type { BenchPose } from './types.ts';

const lerp = (a: number, b: number, t: number): number => a + (b - a) * t;

/** Angle from a to b the short way round, in degrees. */
function lerpAngle(a: number, b: number, t: number): number {
  const d = ((((b - a) % 360) + 540) % 360) - 180;
  return (((a + d * t) % 360) + 360) % 360;
}

/** Smooth start and stop: 3t² − 2t³. */
const ease = (t: number): number => t * t * (3 - 2 * t);

/** Ground distance in metres (equirectangular; paths span tens of kilometres). */
export function groundDistance(a: BenchPose, b: BenchPose): number {
  const R = 6371000;
  const rad = Math.PI / 180;
  const x = (b.lon - a.lon) * rad * Math.cos(((a.lat + b.lat) / 2) * rad);
  const y = (b.lat - a.lat) * rad;
  return Math.hypot(x, y) * R;
}

/** Pose at fraction t ∈ [0, 1] of a flight: eased along the ground, arcing up by a third of the
 *  distance (at most 30 km) over the higher end, like a map's fly-to. */
export function flightPose(from: BenchPose, to: BenchPose, tRaw: number): BenchPose {
  const t = ease(Math.min(1, Math.max(0, tRaw)));
  const arc = Math.min(30000, groundDistance(from, to) / 3);
  const top = Math.max(from.height, to.height) + arc;
  // A parabola through from.height (t=0), top (t=½) and to.height (t=1).
  const base = lerp(from.height, to.height, t);
  const bump = (top - (from.height + to.height) / 2) * 4 * t * (1 - t);
  return {
    lon: lerp(from.lon, to.lon, t),
    lat: lerp(from.lat, to.lat, t),
    height: base + bump,
    heading: lerpAngle(from.heading, to.heading, t),
    pitch: lerp(from.pitch, to.pitch, t),
    roll: lerp(from.roll, to.roll, t),
  };
}

/** How a page drives a flight: its clock (ms) and its next-frame scheduler (requestAnimationFrame). */
export interface FrameClock {
  now(): number;
  next(step: () => void): void;
}

/** Sets flightPose at elapsed/seconds once per frame; resolves after the last pose. Every bench
 *  page flies with this, so all renderers see the same poses at the same wall times. */
export function flyAlong(setView: (pose: BenchPose) => void, from: BenchPose, to: BenchPose, seconds: number, clock: FrameClock): Promise<void> {
  return new Promise((resolve) => {
    const t0 = clock.now();
    const step = (): void => {
      const t = seconds > 0 ? (clock.now() - t0) / (seconds * 1000) : 1;
      setView(flightPose(from, to, t));
      if (t >= 1) resolve();
      else clock.next(step);
    };
    step();
  });
}
