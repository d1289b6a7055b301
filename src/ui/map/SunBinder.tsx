// Keeps the scene's sun in step with the sun store: the moment (true solar time on the chosen day
// at the view's longitude) and shadows; while the day plays, the moment steps through the
// standard window and starts over.
import { useEffect } from 'react';
import { utcForTrueSolarTime } from '../../domain/review/sun.ts';
import { useSun } from '../../state/sun.ts';
import { useView } from '../../state/view.ts';
import { useController } from './controllerContext.ts';

const PLAY_STEP_MIN = 10;
const PLAY_INTERVAL_MS = 400;

export function SunBinder() {
  const controller = useController();
  const date = useSun((s) => s.date);
  const minutes = useSun((s) => s.minutes);
  const shadows = useSun((s) => s.shadows);
  const playing = useSun((s) => s.playing);
  const lon = useView((s) => s.camera?.lon);
  const active = useSun((s) => s.active);

  useEffect(() => {
    // Until the planner touches the sun, the scene keeps its own clock (and light).
    if (!controller || !active) return;
    controller.sun.setTime(utcForTrueSolarTime(date, minutes, lon ?? 121.55));
  }, [controller, date, minutes, lon, active]);

  useEffect(() => {
    if (controller && (shadows || controller.sun.shadows)) controller.sun.setShadows(shadows);
  }, [controller, shadows]);

  useEffect(() => {
    if (!playing) return undefined;
    const timer = setInterval(() => {
      const { minutes: m, rule } = useSun.getState();
      const next = m + PLAY_STEP_MIN;
      useSun.getState().setMinutes(next > rule.windowEndMin || next < rule.windowStartMin ? rule.windowStartMin : next);
    }, PLAY_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [playing]);
  return null;
}
