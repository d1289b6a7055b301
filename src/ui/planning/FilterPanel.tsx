// Project filters (stage, district, land-use class) and the statistics that follow them: count and
// area per lifecycle stage and per district. The same filter drives the map (state/planning).
import { useMemo } from 'react';
import {
  featureClass, LAND_USE_CLASSES, LIFECYCLE_STAGES, landUseFirstLevel, projectStatistics, isFilterActive, type LifecycleStageId,
} from '../../domain/planning/index.ts';
import { usePlanning } from '../../state/planning.ts';
import { useUi } from '../../state/ui.ts';
import { useT } from '../i18n/index.ts';
import { cssRgb, hectares } from './format.ts';

const ALL = '';

export function FilterPanel() {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const projects = usePlanning((s) => s.projects);
  const filter = usePlanning((s) => s.filter);
  const { setFilter, resetFilter } = usePlanning.getState();
  const stats = useMemo(() => projectStatistics(projects, filter), [projects, filter]);
  const districts = useMemo(() => {
    const m = new Map<string, string>();
    for (const p of projects) if (p.districtCode) m.set(p.districtCode, p.districtName ?? p.districtCode);
    return [...m].sort((a, b) => a[0].localeCompare(b[0]));
  }, [projects]);
  const landUses = useMemo(() => {
    const codes = new Set(projects.flatMap((p) => (p.landUseCode ? [landUseFirstLevel(p.landUseCode)?.code ?? ''] : [])));
    return LAND_USE_CLASSES.filter((c) => c.level === 1 && codes.has(c.code));
  }, [projects]);
  if (projects.length === 0) return null;
  const stageName = (id: LifecycleStageId): string => {
    const s = LIFECYCLE_STAGES.find((x) => x.id === id);
    return s ? (lang === 'zh' ? `${s.short} ${s.zh}` : s.en) : id;
  };
  const toggleStage = (id: LifecycleStageId, on: boolean): void => setFilter({ stages: on ? [...filter.stages, id] : filter.stages.filter((s) => s !== id) });
  return (
    <section className="panel filter-panel" aria-label={t('filter.heading')} data-testid="filter-panel">
      <h2>{t('filter.heading')}</h2>
      <fieldset className="stage-filter">
        <legend>{t('filter.stages')}</legend>
        {LIFECYCLE_STAGES.map((s) => {
          const c = featureClass('projects', s.id);
          return (
            <label key={s.id} className="chip">
              <input type="checkbox" data-testid={`filter-stage-${s.id}`} checked={filter.stages.includes(s.id)} onChange={(e) => toggleStage(s.id, e.target.checked)} />
              <span className="swatch" style={{ background: c?.fill ? cssRgb(c.fill, 0.7) : 'transparent', borderColor: c ? cssRgb(c.stroke) : '#fff' }} />
              {stageName(s.id)}
            </label>
          );
        })}
      </fieldset>
      <div className="filter-row">
        <label>
          <span>{t('filter.district')}</span>
          <select data-testid="filter-district" value={filter.districts?.[0] ?? ALL} onChange={(e) => setFilter({ districts: e.target.value === ALL ? null : [e.target.value] })}>
            <option value={ALL}>{t('filter.all')}</option>
            {districts.map(([code, name]) => <option key={code} value={code}>{name}</option>)}
          </select>
        </label>
        <label>
          <span>{t('filter.landUse')}</span>
          <select data-testid="filter-landuse" value={filter.landUse?.[0] ?? ALL} onChange={(e) => setFilter({ landUse: e.target.value === ALL ? null : [e.target.value] })}>
            <option value={ALL}>{t('filter.all')}</option>
            {landUses.map((c) => <option key={c.code} value={c.code}>{c.code} {lang === 'zh' ? c.zh : c.en}</option>)}
          </select>
        </label>
        {isFilterActive(filter) && <button type="button" data-testid="filter-reset" onClick={resetFilter}>{t('filter.reset')}</button>}
      </div>
      <h2>{t('stats.heading')}</h2>
      <table className="stats" data-testid="stats-stage">
        <thead><tr><th>{t('stats.stage')}</th><th>{t('stats.count')}</th><th>{t('stats.area')}</th></tr></thead>
        <tbody>
          {LIFECYCLE_STAGES.map((s) => (
            <tr key={s.id} data-testid={`stats-stage-${s.id}`}>
              <td>{stageName(s.id)}</td><td className="num">{stats.byStage[s.id].count}</td><td className="num">{hectares(stats.byStage[s.id].area)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="stats-total"><th>{t('stats.total')}</th><td className="num" data-testid="stats-total-count">{stats.total.count}</td><td className="num">{hectares(stats.total.area)}</td></tr>
        </tfoot>
      </table>
      <table className="stats" data-testid="stats-district">
        <thead><tr><th>{t('stats.district')}</th><th>{t('stats.count')}</th><th>{t('stats.area')}</th></tr></thead>
        <tbody>
          {stats.byDistrict.map((d) => (
            <tr key={d.districtCode} data-testid={`stats-district-${d.districtCode || 'none'}`}>
              <td>{d.districtName || t('stats.none')}</td><td className="num">{d.total.count}</td><td className="num">{hectares(d.total.area)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
