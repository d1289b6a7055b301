// The scheme-review panel (方案审查): measuring, design alternatives, sunlight and the other
// analyses, one tab each. It sits in the right column so the map stays free for clicking.
import type { ReactNode } from 'react';
import { REVIEW_TABS, useReview, type ReviewTab } from '../../state/review.ts';
import { useT } from '../i18n/index.ts';
import { MeasureTools } from './MeasureTools.tsx';
import { SunTools } from './SunTools.tsx';

export function ReviewPanel({ tabs }: { readonly tabs: Partial<Record<ReviewTab, ReactNode>> }) {
  const t = useT();
  const open = useReview((s) => s.open);
  const tab = useReview((s) => s.tab);
  if (!open) return null;
  const content: Record<ReviewTab, ReactNode> = { measure: <MeasureTools />, schemes: null, sun: <SunTools />, analysis: null, ...tabs };
  return (
    <section className="panel review-panel" data-testid="review-panel" aria-label={t('review.heading')}>
      <header className="row">
        <h2>{t('review.heading')}</h2>
        <button type="button" className="close" data-testid="review-close" title={t('review.close')} onClick={() => useReview.getState().setOpen(false)}>×</button>
      </header>
      <div className="review-tabs" role="tablist">
        {REVIEW_TABS.filter((id) => content[id] !== null).map((id) => (
          <button key={id} type="button" role="tab" aria-selected={tab === id} data-testid={`review-tab-${id}`} onClick={() => useReview.getState().setTab(id)}>
            {t(`review.tab.${id}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel">{content[tab]}</div>
    </section>
  );
}
