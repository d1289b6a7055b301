// Kiosk mode (public touch screens, portrait 1080×1920 or landscape 1920×1080): a title, a row of
// big entry buttons, one panel at a time (keypad, project card, a short note on the view), and
// after an idle timeout the home state with an attract loop. Sensitive layers never reach it
// (dropped at boot, layersForMode), and nothing here leads out of the app.
import { useEffect, useMemo, useState } from 'react';
import { differencesFromHome, kioskHome, resolveKioskPlaces, type KioskHome } from '../../../domain/kiosk/home.ts';
import { KIOSK_DEFAULTS } from '../../../domain/schemas/index.ts';
import { configureTouchNavigation } from '../../../engine/viewer/touch.ts';
import { useGround } from '../../../state/ground.ts';
import { useLayers } from '../../../state/layers.ts';
import { selectedProject, usePlanning } from '../../../state/planning.ts';
import { useUi } from '../../../state/ui.ts';
import { useView } from '../../../state/view.ts';
import { currentConfig } from '../../boot.ts';
import { LangSwitch } from '../../controls/HeaderBar.tsx';
import { DepthRampLegend } from '../../underground/DepthRampLegend.tsx';
import { useLocalized, useT } from '../../i18n/index.ts';
import { useController } from '../../map/controllerContext.ts';
import { EntryBar } from './EntryBar.tsx';
import { Keypad } from './Keypad.tsx';
import { KioskCard } from './KioskCard.tsx';
import { useKiosk } from './kioskState.ts';
import { guardKioskPage } from './pageGuard.ts';
import { useIdleCycle } from './useIdleCycle.ts';
import './kiosk.css';

function Note({ panel }: { readonly panel: 'underground' | 'seabed' }) {
  const t = useT();
  const seabedId = useLayers((s) => s.layers.find((l) => l['legend'] === 'depthRamp')?.id);
  return (
    <section className="panel kiosk-panel kiosk-note" data-testid={`kiosk-note-${panel}`}>
      <header className="kiosk-panel-head">
        <h2>{t(panel === 'underground' ? 'kiosk.underground.title' : 'kiosk.seabed.title')}</h2>
        <button type="button" className="kiosk-close" data-testid="kiosk-close" onClick={() => useKiosk.getState().openPanel('none')}>{t('kiosk.close')}</button>
      </header>
      <p>{t(panel === 'underground' ? 'kiosk.underground.body' : 'kiosk.seabed.body')}</p>
      {panel === 'underground' && <p className="kiosk-private" data-testid="kiosk-private">{t('kiosk.underground.private')}</p>}
      {panel === 'seabed' && seabedId && <DepthRampLegend layerId={seabedId} />}
    </section>
  );
}

function AttractOverlay() {
  const t = useT();
  return (
    <div className="kiosk-attract" data-testid="kiosk-attract">
      <p className="kiosk-attract-title">{t('kiosk.attract.title')}</p>
      <p className="kiosk-attract-hint">{t('kiosk.attract.hint')}</p>
    </div>
  );
}

/** One panel at a time: a selected project's card wins; closing it shows what was open before. */
function PanelSlot() {
  const project = usePlanning(selectedProject);
  const panel = useKiosk((s) => s.panel);
  if (project) return <KioskCard project={project} />;
  if (panel === 'keypad') return <Keypad />;
  if (panel === 'underground' || panel === 'seabed') return <Note panel={panel} />;
  return null;
}

/** Whether the viewer is in the kiosk's home state, for the operator's and the tests' eyes (data-at-home). */
function useAtHome(home: KioskHome | undefined): boolean {
  const camera = useView((s) => s.camera);
  const layers = useLayers((s) => s.layers);
  const underground = useGround((s) => s.underground);
  const pits = useGround((s) => s.pits.length);
  const selection = usePlanning((s) => s.selection);
  const searchShown = usePlanning((s) => s.search !== undefined);
  const panel = useKiosk((s) => s.panel);
  const digits = useKiosk((s) => s.digits);
  if (!home || !camera) return false;
  return differencesFromHome({
    camera, visibleLayers: layers.filter((l) => l.show).map((l) => l.id), underground, pits,
    panel, typed: digits, searchShown,
    ...(selection ? { selection: selection.kind === 'project' ? `project:${selection.code}` : `parcel:${selection.id}` } : {}),
  }, home).length === 0;
}

export function KioskLayout() {
  const localized = useLocalized();
  const controller = useController();
  const title = useView((s) => s.title);
  const homePose = useView((s) => s.home);
  const bookmarks = useView((s) => s.bookmarks);
  const phase = useKiosk((s) => s.phase);
  const panel = useKiosk((s) => s.panel);
  const cfg = currentConfig()?.kiosk ?? KIOSK_DEFAULTS;
  // The home state is what the kiosk started with (the configured layers, or ?layers=), taken once.
  const [home] = useState<KioskHome | undefined>(() => (homePose ? kioskHome(homePose, useLayers.getState().layers) : undefined));
  const resolved = useMemo(() => resolveKioskPlaces(cfg, homePose ?? cfg.seabed, bookmarks), [cfg, homePose, bookmarks]);
  useEffect(() => useUi.getState().pushNotice(resolved.issues), [resolved]);
  useEffect(() => guardKioskPage(), []);
  useEffect(() => (controller ? configureTouchNavigation(controller.viewer) : undefined), [controller]);
  useIdleCycle(controller, home, cfg, resolved.attractStops);
  const atHome = useAtHome(home);
  return (
    <div className="overlay kiosk" data-testid="kiosk" data-mode="kiosk" data-phase={phase} data-panel={panel} data-at-home={atHome}>
      <header className="panel kiosk-header" data-testid="kiosk-header">
        <h1>{title ? localized(title) : ''}</h1>
        <LangSwitch />
      </header>
      {home && <EntryBar home={home} places={resolved.places} cfg={cfg} />}
      <PanelSlot />
      {phase === 'attract' && <AttractOverlay />}
    </div>
  );
}
