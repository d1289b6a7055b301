// Connects the configured project feed to the wall: new data replaces the projects layer's data
// in place (no reload), the changes enter the ticker and the changed parcels pulse on the map.
import { useEffect } from 'react';
import { diffProjects } from '../../../domain/dashboard/wall.ts';
import { projectRecord } from '../../../domain/planning/index.ts';
import type { ScreenFeedConfig } from '../../../domain/schemas/index.ts';
import { startProjectFeed } from '../../../services/projectFeed.ts';
import { useLayers } from '../../../state/layers.ts';
import { usePlanning } from '../../../state/planning.ts';
import { useController } from '../../map/controllerContext.ts';
import { useWall } from './wallStore.ts';

/** Seconds a changed parcel blinks. */
const PULSE_SECONDS = 6;

export function useWallFeed(feed: ScreenFeedConfig | undefined): void {
  const controller = useController();
  useEffect(() => {
    if (!feed || !controller) return undefined;
    const layer = useLayers.getState().layers.find((l) => l.id === feed.layer);
    const url = typeof layer?.['url'] === 'string' ? layer['url'] : undefined;
    const wall = useWall.getState();
    if (!layer || !url) {
      wall.setFeed({ state: 'stale', error: `screen.feed.layer: no layer "${feed.layer}" with a url`, retryInSeconds: 0 });
      return undefined;
    }
    const handle = startProjectFeed(feed, url, {
      onStatus: (s) => useWall.getState().setFeed(s),
      onData: (raw, features, skipped) => {
        const planning = usePlanning.getState();
        const loaded = planning.sources[feed.layer]?.features;
        // The same features as the layer already shows (typically the first answer, the layer's
        // own file): nothing to rebuild. Any other difference rebuilds, even one the ticker does
        // not name (an area, a boundary, a date).
        if (loaded && JSON.stringify(loaded) === JSON.stringify(features)) return;
        const before = planning.projects;
        const after = features.map(projectRecord);
        // Before the layer has loaded there is nothing to compare with: no ticker entries.
        // A message with invalid records (counted, shown on the badge) cannot say which projects
        // were withdrawn: a skipped record is missing too. Only complete messages report removals.
        const changes = (before.length ? diffProjects(before, after) : []).filter((c) => c.kind !== 'removed' || skipped === 0);
        useWall.getState().setSkipped(skipped);
        useWall.getState().addChanges(changes, Date.now());
        useWall.getState().countUpdate();
        useLayers.getState().setOptions(feed.layer, { liveRevision: useWall.getState().updates, liveData: raw });
        const changed = new Set(changes.map((c) => c.code));
        controller.overlays.pulse(after.filter((p) => changed.has(p.projectCode)).flatMap((p) => p.polygons), PULSE_SECONDS);
      },
    });
    return () => handle.stop();
  }, [feed, controller]);
}
