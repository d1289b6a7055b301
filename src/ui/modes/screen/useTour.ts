// Runs the wall's camera tour (src/domain/tour): flies stop to stop, holds each with its project
// card, pauses on any touch, mouse or key and resumes after the configured idle time. One timer
// and one set of listeners for the wall's lifetime, whatever the number of loops.
import { useEffect } from 'react';
import { arrived, interrupted, startTour, tick, type TourState, type TourStop } from '../../../domain/tour/tour.ts';
import type { ScreenTourConfig } from '../../../domain/schemas/index.ts';
import type { TwinController } from '../../../engine/viewer/controller.ts';
import { usePlanning } from '../../../state/planning.ts';
import { useView } from '../../../state/view.ts';
import { useController } from '../../map/controllerContext.ts';
import { useWall } from './wallStore.ts';

const TICK_MS = 250;
const INPUT_EVENTS = ['pointerdown', 'pointermove', 'wheel', 'keydown', 'touchstart'] as const;

/** Flies to a stop; resolves whether the flight landed (false when cut short or the stop is unknown). */
function flyToStop(stop: TourStop, controller: TwinController, seconds: number): Promise<boolean> {
  const planning = usePlanning.getState();
  if (stop.project) {
    const p = planning.index.projectByCode(stop.project);
    if (!p) return Promise.resolve(false);
    planning.select({ kind: 'project', code: p.projectCode });
    return controller.flyToBox(...p.bbox, useView.getState().geoid.offsetMeters, seconds);
  }
  planning.select(undefined);
  const pose = stop.camera ?? useView.getState().bookmarks.find((b) => b.id === stop.bookmark);
  return pose ? controller.flyTo(pose, seconds) : Promise.resolve(false);
}

export function useTour(tour: ScreenTourConfig): void {
  const controller = useController();
  useEffect(() => {
    const stops = tour.stops;
    if (!controller || stops.length === 0) return undefined;
    let state: TourState = startTour(Date.now());
    let flightOf = -1;
    const publish = (next: TourState): void => {
      if (next !== state) {
        state = next;
        useWall.getState().setTour(state);
      }
    };
    const step = (): void => {
      publish(tick(state, stops, Date.now()));
      if (state.phase !== 'flying' || flightOf === state.index + state.loops * stops.length) return;
      const key = state.index + state.loops * stops.length;
      flightOf = key;
      const stop = stops[state.index];
      if (!stop) return;
      // An unknown project still gets its dwell (the flight resolves at once): the wall moves on.
      void flyToStop(stop, controller, tour.flightSeconds).then(() => {
        // Only the flight still wanted may end the flying phase (a pause may have cut it short).
        if (state.phase !== 'flying' || flightOf !== key) return;
        publish(arrived(state, stops, Date.now()));
      });
    };
    const onInput = (): void => {
      if (state.phase === 'flying') controller.viewer.camera.cancelFlight();
      flightOf = -1;
      publish(interrupted(state, tour.resumeAfterSeconds, Date.now()));
    };
    useWall.getState().setTour(state);
    const timer = window.setInterval(step, TICK_MS);
    for (const e of INPUT_EVENTS) window.addEventListener(e, onInput, { passive: true, capture: true });
    step();
    return () => {
      window.clearInterval(timer);
      for (const e of INPUT_EVENTS) window.removeEventListener(e, onInput, { capture: true });
      useWall.getState().setTour(undefined);
    };
  }, [tour, controller]);
}
