import { describe, expect, it } from 'vitest';
import { FRAMES_TO_LOOK, settleAfter, type SettleProbe } from '../../../../tools/lib/streamBench/settle.ts';

/** A simulated renderer on a simulated clock: a frame every `frameMs`. While the camera moves it
 *  holds requests back and reports loaded (as Cesium does); `requestAtFrame` frames after the
 *  camera stops it asks for tiles, which are in flight for `loadMs`. */
function renderer(opts: { frameMs: number; stopAtMs: number; requestAtFrame: number; loadMs: number }) {
  let now = 0;
  const frameAt = (t: number): number => Math.floor(t / opts.frameMs);
  const stopFrame = frameAt(opts.stopAtMs);
  const requestMs = (stopFrame + opts.requestAtFrame) * opts.frameMs;
  const probe = async (): Promise<SettleProbe> => {
    const loading = now >= requestMs && now < requestMs + opts.loadMs;
    return { frames: frameAt(now), tilesLoaded: !loading, inFlight: loading ? 3 : 0 };
  };
  const clock = { now: () => now, wait: async (ms: number) => { now += ms; } };
  return { probe, clock, stopFrame, loadedAtMs: requestMs + opts.loadMs, advance: (ms: number) => { now += ms; } };
}

describe('settle after a camera move', () => {
  const rule = { quietMs: 500, timeoutMs: 120_000 };

  it('after a flight it waits for the renderer to look at the destination, not on the loaded of the last moving frame', async () => {
    // A 10 s flight at 2 s a frame: the renderer asks 2 frames after arrival and loads for 6 s.
    const r = renderer({ frameMs: 2000, stopAtMs: 10_000, requestAtFrame: 2, loadMs: 6000 });
    r.advance(10_000); // fly() resolved on arrival
    const s = await settleAfter(r.probe, r.clock, 0, r.stopFrame, rule);
    expect(s.timedOut).toBe(false);
    expect(s.seconds * 1000).toBeGreaterThanOrEqual(r.loadedAtMs);
    expect(s.seconds * 1000).toBeLessThan(r.loadedAtMs + 200);
  });

  it('counting frames from the start of the flight would have ended it early (what this rule prevents)', async () => {
    const r = renderer({ frameMs: 2000, stopAtMs: 10_000, requestAtFrame: 2, loadMs: 6000 });
    r.advance(10_000);
    const early = await settleAfter(r.probe, r.clock, 0, 0, rule);
    expect(early.seconds * 1000).toBeLessThan(r.loadedAtMs);
  });

  it('a jump settles no sooner than FRAMES_TO_LOOK frames even when nothing is wanted', async () => {
    const r = renderer({ frameMs: 1500, stopAtMs: 0, requestAtFrame: 1_000_000, loadMs: 0 });
    const s = await settleAfter(r.probe, r.clock, 0, 0, rule);
    expect(s.seconds * 1000).toBeGreaterThanOrEqual(FRAMES_TO_LOOK * 1500);
    expect(s.timedOut).toBe(false);
  });

  it('reports a step that never goes quiet as timed out', async () => {
    const r = renderer({ frameMs: 100, stopAtMs: 0, requestAtFrame: 1, loadMs: 1e9 });
    const s = await settleAfter(r.probe, r.clock, 0, 0, { quietMs: 500, timeoutMs: 5000 });
    expect(s.timedOut).toBe(true);
    expect(s.seconds).toBeGreaterThanOrEqual(5);
  });
});
