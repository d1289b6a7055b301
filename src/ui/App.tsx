// The app shell: boot, then either the config error view or the map with its panels.
import { useEffect, useMemo, useState } from 'react';
import type { CameraPose } from '../domain/schemas/index.ts';
import type { TwinController } from '../engine/viewer/controller.ts';
import { startNetworkMeter } from '../services/networkMeter.ts';
import { useUi } from '../state/ui.ts';
import { useView } from '../state/view.ts';
import { boot } from './boot.ts';
import { HeaderBar, SyntheticLabel } from './controls/HeaderBar.tsx';
import { NavigationControls } from './controls/NavigationControls.tsx';
import { useLocalized, useT } from './i18n/index.ts';
import { ControllerContext } from './map/controllerContext.ts';
import { TwinMap } from './map/TwinMap.tsx';
import { BookmarkPanel } from './panels/BookmarkPanel.tsx';
import { ConfigErrorView } from './panels/ConfigErrorView.tsx';
import { LayerPanel } from './panels/LayerPanel.tsx';
import { Readout } from './panels/Readout.tsx';
import { StreamingIndicator } from './panels/StreamingIndicator.tsx';
import { OverlayBinder } from './map/OverlayBinder.tsx';
import { GroundBinder } from './map/GroundBinder.tsx';
import { ExcavationBinder } from './map/ExcavationBinder.tsx';
import { Watermark } from './controls/Watermark.tsx';
import { PipeCard } from './underground/PipeCard.tsx';
import { UndergroundPanel } from './underground/UndergroundPanel.tsx';
import { FeatureCard } from './planning/FeatureCard.tsx';
import { FilterPanel } from './planning/FilterPanel.tsx';
import { SearchBox } from './planning/SearchBox.tsx';
import { SpaceCodePanel } from './planning/SpaceCodePanel.tsx';

export function App() {
  const t = useT();
  const localized = useLocalized();
  const phase = useUi((s) => s.boot.phase);
  const panelsVisible = useUi((s) => s.panelsVisible);
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

  if (phase === 'invalid') return <ConfigErrorView />;
  if (phase === 'loading' || !initialCamera) return <div className="boot-message">{t('app.loading')}</div>;
  return (
    <ControllerContext.Provider value={controller}>
      <TwinMap initialCamera={initialCamera} meter={meter} onController={setController} />
      <SyntheticLabel />
      <OverlayBinder />
      <GroundBinder />
      <ExcavationBinder />
      <Watermark />
      {panelsVisible && (
        <div className="overlay">
          <HeaderBar />
          <SearchBox />
          <div className="left-column">
            <LayerPanel />
            <UndergroundPanel />
            <FilterPanel />
            <BookmarkPanel />
          </div>
          <div className="right-column">
            <PipeCard />
            <FeatureCard />
            <SpaceCodePanel />
          </div>
          <NavigationControls />
          <div className="bottom-row">
            <StreamingIndicator meter={meter} />
            <Readout />
          </div>
        </div>
      )}
    </ControllerContext.Provider>
  );
}
