// Which planner dialog is open. Shared by the toolbar buttons and the keyboard shortcuts, which
// stay active while the panels are hidden (the ` key hides them for presenting).
import { create } from 'zustand';

export type PlannerDialog = 'none' | 'export' | 'help';

interface DialogState {
  readonly open: PlannerDialog;
  show(dialog: PlannerDialog): void;
  toggle(dialog: Exclude<PlannerDialog, 'none'>): void;
}

export const usePlannerDialogs = create<DialogState>()((set, get) => ({
  open: 'none',
  show: (open) => set({ open }),
  toggle: (dialog) => set({ open: get().open === dialog ? 'none' : dialog }),
}));
