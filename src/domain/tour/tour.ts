// The wall's camera tour: a loop of stops (bookmarks, camera poses or projects), each flown to and
// held for its dwell time. Someone touching the wall pauses it; it resumes after an idle time. The
// state machine is pure: the UI feeds it events and the clock, and does what `next` says.
export interface TourStop {
  /** A config bookmark id, a camera pose, or a project code (flown to its extent, its card shown). */
  readonly bookmark?: string;
  readonly camera?: { readonly lon: number; readonly lat: number; readonly height: number; readonly heading: number; readonly pitch: number; readonly roll: number };
  readonly project?: string;
  /** Seconds held at the stop. */
  readonly dwellSeconds: number;
}

export type TourPhase = 'flying' | 'dwelling' | 'paused';

export interface TourState {
  readonly index: number;
  readonly phase: TourPhase;
  /** Completed passes over the whole list. */
  readonly loops: number;
  /** ms timestamp the current phase ends (dwelling) or resumes (paused). */
  readonly until: number;
  /** Where to go on after a pause. */
  readonly resumeIndex: number;
}

export const startTour = (now: number): TourState => ({ index: 0, phase: 'flying', loops: 0, until: now, resumeIndex: 0 });

/** The flight to the current stop has landed: hold it. */
export function arrived(s: TourState, stops: readonly TourStop[], now: number): TourState {
  if (s.phase !== 'flying') return s;
  return { ...s, phase: 'dwelling', until: now + (stops[s.index]?.dwellSeconds ?? 0) * 1000 };
}

/** The clock ticks: a finished dwell moves to the next stop; a finished pause flies on from where it stopped. */
export function tick(s: TourState, stops: readonly TourStop[], now: number): TourState {
  if (!stops.length || now < s.until) return s;
  if (s.phase === 'dwelling') {
    const next = (s.index + 1) % stops.length;
    return { ...s, index: next, phase: 'flying', loops: s.loops + (next === 0 ? 1 : 0), until: now };
  }
  if (s.phase === 'paused') {
    const wrapped = s.resumeIndex >= stops.length;
    return { ...s, index: s.resumeIndex % stops.length, phase: 'flying', loops: s.loops + (wrapped ? 1 : 0), until: now, resumeIndex: 0 };
  }
  return s;
}

/** Someone touched the wall or moved the mouse: pause, and push the resume time out again. */
export function interrupted(s: TourState, resumeAfterSeconds: number, now: number): TourState {
  // A flight cut short is flown again on resume; a dwell cut short goes on to the next stop.
  const resumeIndex = s.phase === 'paused' ? s.resumeIndex : s.phase === 'flying' ? s.index : s.index + 1;
  return { ...s, phase: 'paused', until: now + resumeAfterSeconds * 1000, resumeIndex };
}
