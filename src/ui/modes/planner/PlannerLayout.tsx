// Planner mode (the default; desk and meeting-room screens): the full toolset around the map.
import type { NetworkMeter } from '../../../services/networkMeter.ts';
import { HeaderBar } from '../../controls/HeaderBar.tsx';
import { NavigationControls } from '../../controls/NavigationControls.tsx';
import { BookmarkPanel } from '../../panels/BookmarkPanel.tsx';
import { LayerPanel } from '../../panels/LayerPanel.tsx';
import { Readout } from '../../panels/Readout.tsx';
import { StreamingIndicator } from '../../panels/StreamingIndicator.tsx';
import { PipeCard } from '../../underground/PipeCard.tsx';
import { UndergroundPanel } from '../../underground/UndergroundPanel.tsx';
import { FeatureCard } from '../../planning/FeatureCard.tsx';
import { FilterPanel } from '../../planning/FilterPanel.tsx';
import { SearchBox } from '../../planning/SearchBox.tsx';
import { SpaceCodePanel } from '../../planning/SpaceCodePanel.tsx';
import { ViewpointPanel } from './ViewpointPanel.tsx';
import { PlannerToolbar } from './PlannerToolbar.tsx';
import { ReviewPanel } from '../../review/ReviewPanel.tsx';
import { SchemeTools } from '../../review/SchemeTools.tsx';
import { AnalysisTools } from '../../review/AnalysisTools.tsx';
import { SwipeDivider } from '../../review/SwipeDivider.tsx';
import { SideBySideView } from '../../review/SideBySideView.tsx';
import './planner.css';

export function PlannerLayout({ meter }: { readonly meter: NetworkMeter }) {
  return (
    <div className="overlay" data-mode="planner">
      {/* First, so the panels paint over the second view. */}
      <SideBySideView />
      <HeaderBar>
        <PlannerToolbar />
      </HeaderBar>
      <SearchBox />
      <div className="left-column">
        <LayerPanel />
        <UndergroundPanel />
        <FilterPanel />
        <BookmarkPanel />
        <ViewpointPanel />
      </div>
      <div className="right-column">
        <ReviewPanel tabs={{ schemes: <SchemeTools />, analysis: <AnalysisTools /> }} />
        <PipeCard />
        <FeatureCard />
        <SpaceCodePanel />
      </div>
      <SwipeDivider />
      <NavigationControls />
      <div className="bottom-row">
        <StreamingIndicator meter={meter} />
        <Readout />
      </div>
    </div>
  );
}
