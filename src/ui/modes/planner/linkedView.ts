// Reads the linked view from the stores and applies one back to them: the two halves of deep links
// (src/domain/links/deepLink.ts says what a link holds).
import type { LinkedView } from '../../../domain/links/deepLink.ts';
import type { UrlOptions } from '../../../services/urlOptions.ts';
import type { TwinController } from '../../../engine/viewer/controller.ts';
import { useGround } from '../../../state/ground.ts';
import { useLayers } from '../../../state/layers.ts';
import { usePlanning } from '../../../state/planning.ts';
import { useUi } from '../../../state/ui.ts';
import { useView } from '../../../state/view.ts';

/** Seconds a back/forward step takes to fly: short, so it feels like a step, yet shows where it goes. */
const HISTORY_FLIGHT_S = 0.8;

export function currentLinkedView(): LinkedView | undefined {
  const camera = useView.getState().camera;
  if (!camera) return undefined;
  const ground = useGround.getState();
  const ui = useUi.getState();
  const selection = usePlanning.getState().selection;
  return {
    camera,
    layers: useLayers.getState().layers.filter((l) => l.show).map((l) => l.id),
    ...(selection ? { selection } : {}),
    mode: ui.mode,
    lang: ui.lang,
    ...(ground.underground ? { underground: ground.opacity } : {}),
    pits: ground.pits.flatMap((p) => (p.preset ? [p.preset] : [])),
  };
}

/**
 * Puts the stores (and the camera) where the URL says; what the URL leaves out stays as it is.
 * Resolves when the camera has arrived.
 */
export async function applyUrlOptions(url: UrlOptions, controller: TwinController | undefined): Promise<void> {
  const ui = useUi.getState();
  if (url.lang && url.lang !== ui.lang) {
    ui.setLang(url.lang);
    document.documentElement.lang = url.lang === 'zh' ? 'zh-CN' : 'en';
  }
  if (url.mode && url.mode !== ui.mode) ui.setMode(url.mode);
  if (url.visibleLayers) useLayers.getState().showOnly(url.visibleLayers);
  usePlanning.getState().select(url.selection);
  const ground = useGround.getState();
  ground.setUnderground(url.underground !== undefined);
  if (typeof url.underground === 'number') ground.setOpacity(url.underground);
  const wanted = url.pits ?? [];
  const open = ground.pits.filter((p) => p.preset);
  for (const p of open) if (!wanted.includes(p.preset ?? '')) ground.removePit(p.id);
  for (const id of wanted) if (!open.some((p) => p.preset === id)) ground.addPresetPit(id);
  if (url.camera) await controller?.flyTo(url.camera, HISTORY_FLIGHT_S);
}
