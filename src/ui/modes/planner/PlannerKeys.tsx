// The planner's keyboard shortcuts and the dialogs they open. Mounted beside the map, not inside
// the panels, so the keys keep working (and bring the panels back) while the panels are hidden.
import { useCallback } from 'react';
import { useGround } from '../../../state/ground.ts';
import { useReview } from '../../../state/review.ts';
import { useUi } from '../../../state/ui.ts';
import { switchUnderground } from '../../underground/switchUnderground.ts';
import { usePlannerDialogs } from './dialogs.ts';
import { ExportDialog } from './ExportDialog.tsx';
import { ShortcutHelp } from './ShortcutHelp.tsx';
import { usePlannerShortcuts, type PlannerAction } from './shortcuts.ts';

function focusTestId(id: string): void {
  document.querySelector<HTMLElement>(`[data-testid="${id}"]`)?.focus();
}

export function PlannerKeys() {
  const open = usePlannerDialogs((s) => s.open);
  const close = useCallback(() => usePlannerDialogs.getState().show('none'), []);
  const run = useCallback((action: PlannerAction): void => {
    const ui = useUi.getState();
    const dialogs = usePlannerDialogs.getState();
    if (action === 'close') dialogs.show('none');
    else if (action === 'help') dialogs.toggle('help');
    else if (action === 'export') dialogs.show('export');
    else if (action === 'panels') ui.setPanelsVisible(!ui.panelsVisible);
    else if (action === 'search') focusTestId('search-input');
    else if (action === 'viewpoint') focusTestId('viewpoint-name');
    else if (action === 'underground') switchUnderground(!useGround.getState().underground);
    else if (action === 'review') useReview.getState().toggle();
  }, []);
  usePlannerShortcuts(run);
  if (open === 'export') return <ExportDialog onClose={close} />;
  if (open === 'help') return <ShortcutHelp onClose={close} />;
  return null;
}
