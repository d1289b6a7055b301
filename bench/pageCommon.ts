// What both bench pages share: window.__bench, the start pose from ?camera= (the harness opens a
// page there so the first tiles fetched are the first waypoint's), the frame clock and the median.
import type { BenchPageApi, BenchPose, FrameClock } from '../src/domain/bench/index.ts';
import { parseCameraParam } from '../src/domain/schemas/cameraPose.ts';

declare global {
  interface Window {
    __bench?: BenchPageApi;
  }
}

/** Sanjiangkou, looking north over the city: the start when no ?camera= is given. */
const DEFAULT_START: BenchPose = { lon: 121.556, lat: 29.8576, height: 1200, heading: 0, pitch: -35, roll: 0 };

export function startPose(search: string): { pose: BenchPose; error?: string } {
  const text = new URLSearchParams(search).get('camera');
  if (text === null) return { pose: DEFAULT_START };
  const parsed = parseCameraParam(text);
  if (parsed.pose) return { pose: parsed.pose };
  return { pose: DEFAULT_START, error: `bad ?camera=: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}` };
}

/** The browser's frame clock for flyAlong. */
export const browserClock: FrameClock = { now: () => performance.now(), next: (step) => { requestAnimationFrame(step); } };

/** Median ms of `frames` calls of `render`, each waited out on the GPU by a 1-pixel read (as the
 *  shipped viewer's timeFrames does, so the three figures are comparable). */
export function medianFrameMs(frames: number, render: () => void, gl: WebGLRenderingContext | WebGL2RenderingContext | null): number {
  const pixel = new Uint8Array(4);
  const times: number[] = [];
  for (let i = 0; i < frames; i++) {
    const t0 = performance.now();
    render();
    if (gl) {
      gl.bindFramebuffer(gl.FRAMEBUFFER, null);
      gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
    }
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}
