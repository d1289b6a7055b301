// Command-centre mode (video wall): the 3D view in the middle, dark dashboard panels at the sides:
// charts on the left; clock, feed status, ticker and the toured project's card on the right.
// The display profile keeps an 8K wall responsive; the feed and tour run while the wall is open.
import { useEffect } from 'react';
import { applyDisplayProfile, resetDisplayProfile } from '../../../engine/viewer/displayProfile.ts';
import { useT } from '../../i18n/index.ts';
import { useController } from '../../map/controllerContext.ts';
import { currentConfig } from '../../boot.ts';
import { SCREEN_DEFAULTS } from '../../../domain/schemas/index.ts';
import { WallCharts } from './WallCharts.tsx';
import { FeedBadge, Ticker, TourCard, WallClock } from './WallSide.tsx';
import { useTour } from './useTour.ts';
import { useWallFeed } from './useWallFeed.ts';
import { useWall } from './wallStore.ts';
import './screen.css';

export function ScreenLayout() {
  const t = useT();
  const controller = useController();
  const screen = currentConfig()?.screen ?? SCREEN_DEFAULTS;
  const paused = useWall((s) => s.tour?.phase === 'paused');
  useEffect(() => {
    if (!controller) return undefined;
    const apply = (): void => void applyDisplayProfile(controller.viewer, screen.display);
    apply();
    // The pixel cap depends on the wall's size: re-apply when the window changes.
    window.addEventListener('resize', apply);
    return () => {
      window.removeEventListener('resize', apply);
      resetDisplayProfile(controller.viewer);
    };
  }, [controller, screen.display]);
  useWallFeed(screen.feed);
  useTour(screen.tour);
  return (
    <div className="overlay wall" data-mode="screen">
      <header className="wall-header"><h1>{t('wall.heading')}</h1></header>
      <aside className="wall-side wall-left" data-testid="wall-left">
        <WallCharts />
      </aside>
      <aside className="wall-side wall-right" data-testid="wall-right">
        <WallClock />
        <FeedBadge />
        <Ticker />
        <TourCard />
      </aside>
      {paused && <div className="wall-paused" data-testid="tour-paused">{t('wall.tourPaused')}</div>}
    </div>
  );
}
