// Runs the idle cycle of src/domain/kiosk/idle.ts against the real clock and real input. Any touch,
// click, wheel or key restarts the countdown; at the timeout everything returns home and the attract
// loop flies between its stops; the first touch stops the loop (and the flight) where it is.
import { useEffect } from 'react';
import { attractLeg, onInput, onTick, startIdle, type IdleState } from '../../../domain/kiosk/idle.ts';
import type { KioskHome, KioskPlace } from '../../../domain/kiosk/home.ts';
import type { KioskConfig } from '../../../domain/schemas/index.ts';
import type { TwinController } from '../../../engine/viewer/controller.ts';
import { stopCameraFlight } from '../../../engine/viewer/touch.ts';
import { resetToHome } from './actions.ts';
import { useKiosk } from './kioskState.ts';

/** Checking the clock a few times a second is plenty for timeouts of seconds; it renders nothing. */
const TICK_MS = 250;
const INPUT_EVENTS = ['pointerdown', 'touchstart', 'wheel', 'keydown'] as const;

export function useIdleCycle(controller: TwinController | undefined, home: KioskHome | undefined, cfg: KioskConfig, stops: readonly KioskPlace[]): void {
  useEffect(() => {
    if (!controller || !home) return undefined;
    let state: IdleState = startIdle(performance.now());
    let leg = 0;
    const idleMs = cfg.idleSeconds * 1000;
    const timing = { dwellMs: cfg.attract.dwellSeconds * 1000, flightMs: cfg.attract.flightSeconds * 1000 };
    const input = (): void => {
      const r = onInput(state, performance.now());
      state = r.state;
      if (r.stopAttract) {
        stopCameraFlight(controller.viewer);
        useKiosk.getState().setPhase('active');
      }
    };
    const tick = (): void => {
      const now = performance.now();
      const r = onTick(state, now, idleMs);
      state = r.state;
      if (r.enterAttract) {
        leg = 0;
        resetToHome(home, controller);
        useKiosk.getState().setPhase('attract');
        return;
      }
      const at = attractLeg(state, now, timing, stops.length);
      if (at && at.leg !== leg) {
        leg = at.leg;
        const stop = at.stop === undefined ? undefined : stops[at.stop];
        if (stop) void controller.flyTo(stop.pose, cfg.attract.flightSeconds);
      }
    };
    // Capture phase: the map's own handlers and buttons may stop propagation, the kiosk still sees the touch.
    for (const type of INPUT_EVENTS) window.addEventListener(type, input, { capture: true, passive: true });
    const timer = window.setInterval(tick, TICK_MS);
    return () => {
      window.clearInterval(timer);
      for (const type of INPUT_EVENTS) window.removeEventListener(type, input, { capture: true });
    };
  }, [controller, home, cfg, stops]);
}
