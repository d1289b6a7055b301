// The selected project's card for the kiosk: the facts a visitor asks about (what, who, where,
// how far along) in type readable at arm's length; the planner's indicators stay on the desk.
import { LIFECYCLE_STAGES, stageOrder, type ProjectRecord } from '../../../domain/planning/index.ts';
import { usePlanning } from '../../../state/planning.ts';
import { useUi } from '../../../state/ui.ts';
import { useT } from '../../i18n/index.ts';
import { hectares } from '../../planning/format.ts';

export function KioskCard({ project }: { readonly project: ProjectRecord }) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const current = stageOrder(project.stage);
  const stage = LIFECYCLE_STAGES.find((s) => s.id === project.stage);
  return (
    <section className="panel kiosk-panel kiosk-card" data-testid="kiosk-card" aria-label={t('kiosk.card.title')}>
      <header className="kiosk-panel-head">
        <h2 data-testid="kiosk-card-name">{project.name}</h2>
        <button type="button" className="kiosk-close" data-testid="kiosk-card-close" onClick={() => usePlanning.getState().select(undefined)}>{t('kiosk.close')}</button>
      </header>
      <p className="kiosk-synthetic">{t('card.syntheticNote')}</p>
      <dl className="kiosk-facts">
        <dt>{t('card.projectCode')}</dt><dd data-testid="kiosk-card-code">{project.projectCode}</dd>
        <dt>{t('card.stage')}</dt><dd data-testid="kiosk-card-stage">{stage ? `${stage.short} · ${lang === 'zh' ? stage.zh : stage.en}` : project.stage}</dd>
        {project.districtName && <><dt>{t('card.district')}</dt><dd>{project.districtName}</dd></>}
        {project.developer && <><dt>{t('card.developer')}</dt><dd>{project.developer}</dd></>}
        <dt>{t('card.area')}</dt><dd>{hectares(project.area)} ha</dd>
      </dl>
      <ol className="kiosk-timeline" aria-label={t('card.timeline')}>
        {LIFECYCLE_STAGES.map((s) => {
          const reached = s.order <= current;
          const date = project.stageDates[s.id];
          return (
            <li key={s.id} className={`${reached ? 'reached' : ''}${s.order === current ? ' current' : ''}`}>
              <span className="kiosk-stage-dot">{s.short}</span>
              <span className="kiosk-stage-name">{lang === 'zh' ? s.zh : s.en}</span>
              <span className="kiosk-stage-date">{reached && date ? date : t('card.notReached')}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
