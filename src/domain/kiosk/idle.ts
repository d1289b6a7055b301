// The kiosk's idle cycle: touched → (idleMs without a touch) → home state and attract loop →
// (first touch) → touched again. Pure: the UI feeds it input and clock ticks and carries out what
// it answers (reset to home, fly to the next attract stop), so the timing is tested without a browser.

export type KioskPhase = 'active' | 'attract';

export interface IdleState {
  readonly phase: KioskPhase;
  /** Clock time (ms) of the last touch, click, wheel or key. */
  readonly lastInputAt: number;
  /** When the attract loop started (ms); set in the attract phase only. */
  readonly attractSince?: number;
}

export interface AttractTiming {
  /** Rest at each stop, ms. */
  readonly dwellMs: number;
  /** Flight between stops, ms. */
  readonly flightMs: number;
}

export function startIdle(now: number): IdleState {
  return { phase: 'active', lastInputAt: now };
}

/** Any input: restarts the countdown; in the attract loop it also stops the loop (`stopAttract`). */
export function onInput(state: IdleState, now: number): { readonly state: IdleState; readonly stopAttract: boolean } {
  return { state: { phase: 'active', lastInputAt: now }, stopAttract: state.phase === 'attract' };
}

/**
 * A clock tick: once `idleMs` have passed since the last input, the kiosk goes back to its home
 * state and the attract loop starts (`enterAttract`, answered once). A clock that runs backwards
 * (system time set back) counts as input rather than as hours of idleness.
 */
export function onTick(state: IdleState, now: number, idleMs: number): { readonly state: IdleState; readonly enterAttract: boolean } {
  if (state.phase === 'attract') return { state, enterAttract: false };
  if (now < state.lastInputAt) return { state: { phase: 'active', lastInputAt: now }, enterAttract: false };
  if (now - state.lastInputAt < idleMs) return { state, enterAttract: false };
  return { state: { phase: 'attract', lastInputAt: state.lastInputAt, attractSince: now }, enterAttract: true };
}

/** Milliseconds until the idle reset, 0 when due; Infinity in the attract loop (it is already home). */
export function msUntilIdle(state: IdleState, now: number, idleMs: number): number {
  if (state.phase === 'attract') return Number.POSITIVE_INFINITY;
  return Math.max(0, idleMs - Math.max(0, now - state.lastInputAt));
}

/**
 * Where the attract loop is: leg 0 rests where the reset put the camera (home), then leg n ≥ 1
 * flies to `stops[(n − 1) mod stops]` and rests there: one flight and one dwell per leg, round
 * and round. The UI flies each time the leg changes. Undefined outside the attract loop.
 */
export function attractLeg(state: IdleState, now: number, timing: AttractTiming, stops: number): { readonly leg: number; readonly stop?: number } | undefined {
  if (state.phase !== 'attract' || state.attractSince === undefined) return undefined;
  const elapsed = Math.max(0, now - state.attractSince);
  if (elapsed < timing.dwellMs || stops <= 0) return { leg: 0 };
  const leg = 1 + Math.floor((elapsed - timing.dwellMs) / (timing.flightMs + timing.dwellMs));
  return { leg, stop: (leg - 1) % stops };
}
