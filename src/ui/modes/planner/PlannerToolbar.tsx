// The planner's tools beside the title: scheme review, image export and the keyboard help.
import { useT } from '../../i18n/index.ts';
import { usePlannerDialogs } from './dialogs.ts';
import { useReview } from '../../../state/review.ts';

export function PlannerToolbar() {
  const t = useT();
  const open = usePlannerDialogs((s) => s.open);
  const toggle = usePlannerDialogs((s) => s.toggle);
  const reviewOpen = useReview((s) => s.open);
  return (
    <div className="planner-toolbar">
      <button type="button" data-testid="review-open" title={t('review.openTitle')} aria-expanded={reviewOpen} onClick={() => useReview.getState().toggle()}>
        {t('review.open')}
      </button>
      <button type="button" data-testid="export-open" title={t('export.openTitle')} aria-expanded={open === 'export'} onClick={() => toggle('export')}>
        {t('export.open')}
      </button>
      <button type="button" data-testid="shortcut-help-open" title={t('keys.title')} aria-expanded={open === 'help'} onClick={() => toggle('help')}>?</button>
    </div>
  );
}
