// The planner's tools beside the title: image export and the keyboard help, with their shortcuts.
import { useCallback, useState } from 'react';
import { useGround } from '../../../state/ground.ts';
import { switchUnderground } from '../../underground/switchUnderground.ts';
import { useUi } from '../../../state/ui.ts';
import { useT } from '../../i18n/index.ts';
import { ExportDialog } from './ExportDialog.tsx';
import { ShortcutHelp } from './ShortcutHelp.tsx';
import { usePlannerShortcuts, type PlannerAction } from './shortcuts.ts';

type Open = 'none' | 'export' | 'help';

function focusTestId(id: string): void {
  document.querySelector<HTMLElement>(`[data-testid="${id}"]`)?.focus();
}

export function PlannerToolbar() {
  const t = useT();
  const [open, setOpen] = useState<Open>('none');
  const run = useCallback((action: PlannerAction): void => {
    const ui = useUi.getState();
    if (action === 'close') setOpen('none');
    else if (action === 'help') setOpen((o) => (o === 'help' ? 'none' : 'help'));
    else if (action === 'export') setOpen('export');
    else if (action === 'panels') ui.setPanelsVisible(!ui.panelsVisible);
    else if (action === 'search') focusTestId('search-input');
    else if (action === 'viewpoint') focusTestId('viewpoint-name');
    else if (action === 'underground') switchUnderground(!useGround.getState().underground);
  }, []);
  usePlannerShortcuts(run);
  return (
    <>
      <div className="planner-toolbar">
        <button type="button" data-testid="export-open" title={t('export.openTitle')} aria-expanded={open === 'export'} onClick={() => setOpen(open === 'export' ? 'none' : 'export')}>
          {t('export.open')}
        </button>
        <button type="button" data-testid="shortcut-help-open" title={t('keys.title')} aria-expanded={open === 'help'} onClick={() => setOpen(open === 'help' ? 'none' : 'help')}>?</button>
      </div>
      {open === 'export' && <ExportDialog onClose={() => setOpen('none')} />}
      {open === 'help' && <ShortcutHelp onClose={() => setOpen('none')} />}
    </>
  );
}
