// The app shell: boot, then either the config error view or the map with the display mode's
// layout around it (planner desk, command-centre wall, public kiosk).
import { useEffect, useMemo, useState } from 'react';
import type { CameraPose } from '../domain/schemas/index.ts';
import type { TwinController } from '../engine/viewer/controller.ts';
import { startNetworkMeter } from '../services/networkMeter.ts';
import { useUi } from '../state/ui.ts';
import { useView } from '../state/view.ts';
import { boot } from './boot.ts';
import { useLocalized, useT } from './i18n/index.ts';
import { ControllerContext } from './map/controllerContext.ts';
import { TwinMap } from './map/TwinMap.tsx';
import { SyntheticLabel } from './controls/HeaderBar.tsx';
import { NoticeBar } from './controls/NoticeBar.tsx';
import { DeepLinkBinder } from './modes/planner/DeepLinkBinder.tsx';
import { PlannerKeys } from './modes/planner/PlannerKeys.tsx';
import { PlannerLayout } from './modes/planner/PlannerLayout.tsx';
import { ScreenLayout } from './modes/screen/ScreenLayout.tsx';
import { KioskLayout } from './modes/kiosk/KioskLayout.tsx';
import { ConfigErrorView } from './panels/ConfigErrorView.tsx';
import { OverlayBinder } from './map/OverlayBinder.tsx';
import { MeasureBinder } from './map/MeasureBinder.tsx';
import { SchemeBinder } from './map/SchemeBinder.tsx';
import { SunBinder } from './map/SunBinder.tsx';
import { GroundBinder } from './map/GroundBinder.tsx';
import { ExcavationBinder } from './map/ExcavationBinder.tsx';
import { Watermark } from './controls/Watermark.tsx';

export function App() {
  const t = useT();
  const localized = useLocalized();
  const phase = useUi((s) => s.boot.phase);
  const panelsVisible = useUi((s) => s.panelsVisible);
  const mode = useUi((s) => s.mode);
  const title = useView((s) => s.title);
  const meter = useMemo(() => startNetworkMeter(), []);
  const [initialCamera, setInitialCamera] = useState<CameraPose>();
  const [controller, setController] = useState<TwinController>();

  useEffect(() => {
    void boot().then((r) => r && setInitialCamera(r.initialCamera));
  }, []);
  useEffect(() => {
    if (title) document.title = localized(title);
  }, [title, localized]);
  // Mode-specific CSS (scaling, touch rules) keys on this.
  useEffect(() => {
    document.documentElement.dataset['mode'] = mode;
  }, [mode]);

  if (phase === 'invalid') return <ConfigErrorView />;
  if (phase === 'loading' || !initialCamera) return <div className="boot-message">{t('app.loading')}</div>;
  return (
    <ControllerContext.Provider value={controller}>
      <TwinMap initialCamera={initialCamera} meter={meter} onController={setController} />
      <SyntheticLabel />
      <OverlayBinder />
      <MeasureBinder />
      <SchemeBinder />
      <SunBinder />
      <GroundBinder />
      <ExcavationBinder />
      <Watermark />
      <NoticeBar />
      {mode === 'planner' && <DeepLinkBinder />}
      {mode === 'planner' && <PlannerKeys />}
      {panelsVisible && mode === 'planner' && <PlannerLayout meter={meter} />}
      {panelsVisible && mode === 'screen' && <ScreenLayout />}
      {panelsVisible && mode === 'kiosk' && <KioskLayout />}
    </ControllerContext.Provider>
  );
}
