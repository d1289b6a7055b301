// The wall's own state: the ticker of latest changes, the feed's status and the tour's position.
import { create } from 'zustand';
import type { ProjectChange } from '../../../domain/dashboard/wall.ts';
import type { TourState } from '../../../domain/tour/tour.ts';
import type { FeedStatus } from '../../../services/projectFeed.ts';

export interface TickerEntry {
  readonly id: number;
  /** ms timestamp the change arrived. */
  readonly at: number;
  readonly change: ProjectChange;
}

/** Entries the ticker keeps: the wall shows the newest, and a day's changes must not pile up. */
export const TICKER_LENGTH = 30;

interface WallState {
  readonly ticker: readonly TickerEntry[];
  readonly feed: FeedStatus;
  /** Feed updates applied since the wall opened. */
  readonly updates: number;
  readonly tour?: TourState;
  /** Invalid records skipped in the last feed message. */
  readonly skipped: number;
  addChanges(changes: readonly ProjectChange[], at: number): void;
  setFeed(feed: FeedStatus): void;
  countUpdate(): void;
  setTour(tour: TourState | undefined): void;
  setSkipped(skipped: number): void;
}

let nextId = 1;

export const useWall = create<WallState>()((set, get) => ({
  ticker: [],
  feed: { state: 'connecting' },
  updates: 0,
  skipped: 0,
  addChanges: (changes, at) => {
    if (!changes.length) return;
    const added = changes.map((change) => ({ id: nextId++, at, change }));
    set({ ticker: [...added.reverse(), ...get().ticker].slice(0, TICKER_LENGTH) });
  },
  setFeed: (feed) => set({ feed }),
  countUpdate: () => set({ updates: get().updates + 1 }),
  setTour: (tour) => set({ tour }),
  setSkipped: (skipped) => set({ skipped }),
}));
