// When a bench step is over: the renderer reports everything loaded, no counted request is in
// flight, and that has held for `quietMs`, after the renderer has drawn enough frames of the
// final view to have looked at it. Kept apart from the page so the rule is tested on its own.

/** What the settle loop reads each poll. */
export interface SettleProbe {
  readonly frames: number;
  readonly tilesLoaded: boolean;
  readonly inFlight: number;
}

export interface SettleClock {
  now(): number;
  wait(ms: number): Promise<void>;
}

export interface SettleRule {
  readonly quietMs: number;
  readonly timeoutMs: number;
}

/** Frames a renderer must draw of the final camera before its "loaded" means anything. Cesium
 *  counts the camera as moving in the frame of the jump and the next (this and last frame's
 *  motion) and holds requests back meanwhile (cullRequestsWhileMoving) with tilesLoaded true. */
export const FRAMES_TO_LOOK = 4;

/** Polls until quiet; returns seconds from `t0` (camera set, or flight started) to the start of
 *  the quiet spell. `framesAtFinalView` is the frame count when the camera reached its final pose:
 *  for a flight that is its end, not its start, or the settle would end on the stale "loaded" of
 *  the last moving frame before the renderer had asked for the destination. No time-based way
 *  out: at SwiftShader's seconds per frame it would end a settle before the renderer had looked. */
export async function settleAfter(probe: () => Promise<SettleProbe>, clock: SettleClock, t0: number, framesAtFinalView: number, rule: SettleRule): Promise<{ seconds: number; timedOut: boolean }> {
  let quietSince: number | undefined;
  for (;;) {
    const now = clock.now();
    if (now - t0 > rule.timeoutMs) return { seconds: (now - t0) / 1000, timedOut: true };
    const s = await probe();
    const looked = s.frames - framesAtFinalView >= FRAMES_TO_LOOK;
    const quiet = s.tilesLoaded && s.inFlight === 0 && looked;
    if (!quiet) quietSince = undefined;
    else {
      quietSince ??= now;
      if (now - quietSince >= rule.quietMs) return { seconds: (quietSince - t0) / 1000, timedOut: false };
    }
    await clock.wait(50);
  }
}
