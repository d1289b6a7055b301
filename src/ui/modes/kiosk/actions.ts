// What the kiosk's buttons and its idle reset do to the viewer. Every entry starts from the home
// state (nothing left over from the last visitor's underground view or card), then adds its own
// view, so the entries never combine into a state nobody chose.
import type { KioskHome, KioskPlace } from '../../../domain/kiosk/home.ts';
import { seabedLayerIds } from '../../../domain/kiosk/home.ts';
import { checkKeypadCode } from '../../../domain/kiosk/keypad.ts';
import type { CameraPose, KioskConfig } from '../../../domain/schemas/index.ts';
import type { TwinController } from '../../../engine/viewer/controller.ts';
import { DEFAULT_GROUND_OPACITY, useGround } from '../../../state/ground.ts';
import { useLayers } from '../../../state/layers.ts';
import { usePlanning } from '../../../state/planning.ts';
import { useSelection } from '../../../state/selection.ts';
import { openProject } from '../../planning/actions.ts';
import { useKiosk } from './kioskState.ts';

/** Layers, ground, selection, search and panels back to the home state; the camera is left to the caller. */
export function resetScene(home: KioskHome): void {
  useLayers.getState().showOnly(home.visibleLayers);
  const ground = useGround.getState();
  ground.setUnderground(false);
  ground.setOpacity(DEFAULT_GROUND_OPACITY);
  ground.clearPits();
  const planning = usePlanning.getState();
  planning.select(undefined);
  planning.clearSearch();
  planning.resetFilter();
  const selection = useSelection.getState();
  selection.setShownCell(undefined);
  selection.setClicked(undefined);
  useKiosk.getState().clear();
}

/** The idle reset: everything home, the camera flown home. */
export function resetToHome(home: KioskHome, controller: TwinController | undefined, seconds = 2): void {
  resetScene(home);
  void controller?.flyTo(home.camera, seconds);
}

export function goToPlace(home: KioskHome, controller: TwinController | undefined, place: KioskPlace): void {
  resetScene(home);
  void controller?.flyTo(place.pose, 2.5);
}

/**
 * The public's underground view: see-through ground and an excavation section at a street. The
 * pipelines are sensitive and were never loaded in kiosk mode (layersForMode), so none can show.
 */
export function goUnderground(home: KioskHome, controller: TwinController | undefined, cfg: KioskConfig['underground']): void {
  resetScene(home);
  const ground = useGround.getState();
  ground.setUnderground(true);
  ground.setOpacity(cfg.opacity);
  if (cfg.pit) ground.addPresetPit(cfg.pit);
  useKiosk.getState().openPanel('underground');
  void controller?.flyTo(cfg.camera, 2.5);
}

export function goSeabed(home: KioskHome, controller: TwinController | undefined, camera: CameraPose): void {
  resetScene(home);
  const layers = useLayers.getState();
  for (const id of seabedLayerIds(layers.layers)) layers.setShow(id, true);
  useKiosk.getState().openPanel('seabed');
  void controller?.flyTo(camera, 2.5);
}

export function openKeypad(home: KioskHome): void {
  resetScene(home);
  useKiosk.getState().openPanel('keypad');
}

/** 查询: checks the typed code, then looks it up; a hit flies there and opens its card. */
export function submitCode(controller: TwinController | undefined, now: Date = new Date()): void {
  const kiosk = useKiosk.getState();
  const check = checkKeypadCode(kiosk.digits, now.getFullYear());
  if (!check.ok) {
    kiosk.setAnswer({ kind: 'invalid', check });
    return;
  }
  const planning = usePlanning.getState();
  if (planning.projects.length === 0) {
    kiosk.setAnswer({ kind: 'loading' });
    return;
  }
  const project = planning.index.projectByCode(check.code);
  if (!project) {
    kiosk.setAnswer({ kind: 'notFound', code: check.code });
    return;
  }
  kiosk.setAnswer({ kind: 'found', code: check.code });
  openProject(project, controller);
}
