// Whether the scheme-review panel is open and which of its tabs shows.
import { create } from 'zustand';

export type ReviewTab = 'measure' | 'schemes' | 'sun' | 'analysis';
export const REVIEW_TABS: readonly ReviewTab[] = ['measure', 'schemes', 'sun', 'analysis'];

interface ReviewStore {
  readonly open: boolean;
  readonly tab: ReviewTab;
  setOpen(open: boolean): void;
  toggle(): void;
  setTab(tab: ReviewTab): void;
}

export const useReview = create<ReviewStore>()((set, get) => ({
  open: false,
  tab: 'measure',
  setOpen: (open) => set({ open }),
  toggle: () => set({ open: !get().open }),
  setTab: (tab) => set({ tab, open: true }),
}));
