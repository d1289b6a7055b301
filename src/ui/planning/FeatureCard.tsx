// The card of the selected project or parcel: the project's lifecycle as a timeline 规→批→供→用→登→管
// with the date each stage was reached, its parcels' indicators and codes; a parcel's facts and
// the projects on it. The height-limit volume of the selected parcels can be switched here.
import { LIFECYCLE_STAGES, stageOrder, type ProjectRecord } from '../../domain/planning/index.ts';
import { selectedParcel, selectedProject, usePlanning } from '../../state/planning.ts';
import { useSelection } from '../../state/selection.ts';
import { useUi } from '../../state/ui.ts';
import { useT } from '../i18n/index.ts';
import { useController } from '../map/controllerContext.ts';
import { openProject } from './actions.ts';
import { Code } from './CopyButton.tsx';
import { hectares } from './format.ts';
import { ParcelFacts } from './ParcelFacts.tsx';

function Timeline({ project }: { readonly project: ProjectRecord }) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const current = stageOrder(project.stage);
  return (
    <ol className="timeline" data-testid="timeline" aria-label={t('card.timeline')}>
      {LIFECYCLE_STAGES.map((s) => {
        const date = project.stageDates[s.id];
        const reached = s.order <= current;
        return (
          <li key={s.id} data-testid={`timeline-${s.id}`} data-reached={reached} className={`${reached ? 'reached' : ''} ${s.order === current ? 'current' : ''}`}>
            <span className="dot">{s.short}</span>
            <span className="stage-name">{lang === 'zh' ? s.zh : s.en}</span>
            <span className="stage-date" data-testid={`timeline-date-${s.id}`}>{reached && date ? date : t('card.notReached')}</span>
          </li>
        );
      })}
    </ol>
  );
}

function HeightLimitToggle() {
  const t = useT();
  const on = useSelection((s) => s.showHeightLimit);
  return (
    <label className="small">
      <input type="checkbox" data-testid="card-show-limit" checked={on} onChange={(e) => useSelection.getState().setShowHeightLimit(e.target.checked)} /> {t('card.showLimit')}
    </label>
  );
}

function CardFrame({ title, kind, testId, children }: { readonly title: string; readonly kind: string; readonly testId: string; readonly children: React.ReactNode }) {
  const t = useT();
  return (
    <aside className="panel card" data-testid={testId} aria-label={title}>
      <header>
        <span className="card-kind">{kind}</span>
        <h2 className="card-title">{title}</h2>
        <button type="button" data-testid="card-close" aria-label={t('card.close')} onClick={() => usePlanning.getState().select(undefined)}>×</button>
      </header>
      <p className="tag-synthetic small">{t('card.syntheticNote')}</p>
      {children}
    </aside>
  );
}

export function FeatureCard() {
  const t = useT();
  const controller = useController();
  const project = usePlanning(selectedProject);
  const parcel = usePlanning(selectedParcel);
  const index = usePlanning((s) => s.index);
  if (project) {
    const parcels = project.parcelIds.flatMap((id) => index.parcelById(id) ?? []);
    const stage = LIFECYCLE_STAGES.find((s) => s.id === project.stage);
    return (
      <CardFrame title={project.name} kind={t('card.project')} testId="project-card">
        <dl className="facts">
          <dt>{t('card.projectCode')}</dt><dd><Code value={project.projectCode} testId="card-project-code" /></dd>
          {project.developer && <><dt>{t('card.developer')}</dt><dd>{project.developer}</dd></>}
          {project.districtName && <><dt>{t('card.district')}</dt><dd>{project.districtName}（{project.districtCode}）</dd></>}
          <dt>{t('card.area')}</dt><dd>{hectares(project.area)} ha</dd>
          <dt>{t('card.stage')}</dt><dd data-testid="card-stage">{stage ? `${stage.short} · ${stage.zh} / ${stage.en}` : project.stage}</dd>
        </dl>
        <h3>{t('card.timeline')}</h3>
        <Timeline project={project} />
        <h3>{t('card.parcels')}</h3>
        <HeightLimitToggle />
        {parcels.map((p) => <ParcelFacts key={p.parcelId} parcel={p} />)}
      </CardFrame>
    );
  }
  if (parcel) {
    const projects = index.projectsOfParcel(parcel.parcelId);
    return (
      <CardFrame title={parcel.unitCode ?? parcel.parcelId} kind={t('card.parcel')} testId="parcel-card">
        <HeightLimitToggle />
        <ParcelFacts parcel={parcel} />
        {projects.length > 0 && <h3>{t('card.projectsOnParcel')}</h3>}
        <ul className="plain">
          {projects.map((p) => (
            <li key={p.projectCode}><button type="button" className="link" onClick={() => openProject(p, controller)}><code>{p.projectCode}</code> {p.name}</button></li>
          ))}
        </ul>
      </CardFrame>
    );
  }
  return null;
}
