// Keeps the address bar on the view: each settled change of camera, layers, selection, language or
// underground state becomes a history entry, and back/forward flies between them. Writing waits
// for the view to rest, so a flight or a drag is one step, not hundreds.
import { useEffect } from 'react';
import { encodeLinkedView, historyStep } from '../../../domain/links/deepLink.ts';
import { readUrlOptions } from '../../../services/urlOptions.ts';
import { useGround } from '../../../state/ground.ts';
import { useLayers } from '../../../state/layers.ts';
import { usePlanning } from '../../../state/planning.ts';
import { useUi } from '../../../state/ui.ts';
import { useView } from '../../../state/view.ts';
import { useController } from '../../map/controllerContext.ts';
import { applyUrlOptions, currentLinkedView } from './linkedView.ts';

/** Quiet time before a change is written: longer than the camera's throttled updates (150 ms). */
const SETTLE_MS = 700;

export function DeepLinkBinder() {
  const controller = useController();
  useEffect(() => {
    if (!controller) return undefined;
    let timer: number | undefined;
    // Opening a link, and each back/forward step, is followed by a replace (see historyStep).
    let settling = true;
    // While a back/forward step is being applied the stores are half old, half new: write nothing.
    let restoring = false;
    const write = (): void => {
      if (restoring) return;
      // A slow frame rate can space camera updates wider than SETTLE_MS mid-flight: wait for rest.
      if (controller.cameraMoving) {
        schedule();
        return;
      }
      const view = currentLinkedView();
      if (!view) return;
      const next = encodeLinkedView(view, window.location.search);
      const step = historyStep(window.location.search, next, settling);
      settling = false;
      if (step === 'push') window.history.pushState(null, '', next);
      else if (step === 'replace') window.history.replaceState(null, '', next);
    };
    function schedule(): void {
      window.clearTimeout(timer);
      timer = window.setTimeout(write, SETTLE_MS);
    }
    const onPop = (): void => {
      settling = true;
      restoring = true;
      window.clearTimeout(timer);
      const url = readUrlOptions(window.location.search);
      useUi.getState().pushNotice(url.issues);
      void applyUrlOptions(url, controller).finally(() => {
        restoring = false;
        schedule();
      });
    };
    const unsubscribe = [
      useView.subscribe((s, p) => s.camera !== p.camera && schedule()),
      useLayers.subscribe((s, p) => s.layers !== p.layers && schedule()),
      usePlanning.subscribe((s, p) => s.selection !== p.selection && schedule()),
      useUi.subscribe((s, p) => (s.lang !== p.lang || s.mode !== p.mode) && schedule()),
      useGround.subscribe((s, p) => (s.underground !== p.underground || s.opacity !== p.opacity || s.pits !== p.pits) && schedule()),
    ];
    window.addEventListener('popstate', onPop);
    schedule();
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('popstate', onPop);
      unsubscribe.forEach((u) => u());
    };
  }, [controller]);
  return null;
}
