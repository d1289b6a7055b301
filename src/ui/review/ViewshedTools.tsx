// 可视域分析: click the observer; within the radius and field of view, what it sees is draped
// green, what is hidden red, and what a gap in the data leaves open grey.
import { VIEW } from '../../domain/review/viewshed.ts';
import { useAnalysis } from '../../state/analysis.ts';
import { useController } from '../map/controllerContext.ts';
import { useT } from '../i18n/index.ts';
import { AnalysisLegend, AnalysisStatus } from './analysisCommon.tsx';
import { cssColour, VIEW_PALETTE } from './analysisDraw.ts';
import { drawFor } from './analysisLoad.ts';
import { clearViewshed, runViewshed } from './analysisSight.ts';
import { HeightsInputs } from './SightTools.tsx';

const MAX_RADIUS_M = 1000;
const pct = (part: number, all: number): string => (all > 0 ? ((part / all) * 100).toFixed(1) : '0.0');

function ViewshedResult() {
  const t = useT();
  const v = useAnalysis((s) => s.results.viewshed);
  if (!v) return null;
  const all = v.visibleM2 + v.hiddenM2 + v.unknownM2 + v.noDataM2;
  const area = (m2: number) => t('analysis.areaValue', { m2: Math.round(m2), ha: (m2 / 1e4).toFixed(2) });
  return (
    <div data-testid="viewshed-result" data-visible-m2={v.visibleM2}>
      <table className="scheme-table">
        <tbody>
          <tr><th>{t('analysis.viewshed.visible')}</th><td data-testid="viewshed-visible">{area(v.visibleM2)}</td><td>{pct(v.visibleM2, all)} %</td></tr>
          <tr><th>{t('analysis.viewshed.hidden')}</th><td>{area(v.hiddenM2)}</td><td>{pct(v.hiddenM2, all)} %</td></tr>
          <tr><th>{t('analysis.viewshed.unknown')}</th><td>{area(v.unknownM2)}</td><td>{pct(v.unknownM2, all)} %</td></tr>
          <tr><th>{t('analysis.viewshed.noData')}</th><td>{area(v.noDataM2)}</td><td>{pct(v.noDataM2, all)} %</td></tr>
        </tbody>
      </table>
      {v.beyondRaster ? <p className="error">{t('analysis.viewshed.beyond')}</p> : null}
      <AnalysisLegend testId="viewshed-legend" label={t('analysis.legend')} entries={[
        { colour: cssColour(VIEW_PALETTE[VIEW.visible]!), label: t('analysis.viewshed.visible') },
        { colour: cssColour(VIEW_PALETTE[VIEW.hidden]!), label: t('analysis.viewshed.hidden') },
        { colour: cssColour(VIEW_PALETTE[VIEW.unknown]!), label: t('analysis.viewshed.unknown') },
      ]} />
      <p className="muted" data-testid="viewshed-timing">
        {t('analysis.viewshed.timing', { radius: v.radius, fov: v.fov, surface: (v.timings.surfaceMs / 1000).toFixed(1), tiles: v.timings.tiles, ms: Math.round(v.timings.viewshedMs) })}
      </p>
    </div>
  );
}

export function ViewshedTools() {
  const t = useT();
  const controller = useController();
  const params = useAnalysis((s) => s.params);
  const set = useAnalysis((s) => s.setParams);
  const drawing = useAnalysis((s) => s.drawing === 'viewshed');
  const busy = useAnalysis((s) => s.busy.viewshed);
  return (
    <div data-testid="viewshed-tools">
      <label className="row">
        <span>{t('analysis.viewshed.radius')}</span>
        <input type="range" style={{ flex: 1 }} min={50} max={MAX_RADIUS_M} step={10} value={params.radius} data-testid="viewshed-radius" onChange={(e) => set({ radius: Number(e.target.value) })} />
        <output>{t('analysis.metres', { m: params.radius })}</output>
      </label>
      <label className="row">
        <span>{t('analysis.viewshed.fov')}</span>
        <input type="range" style={{ flex: 1 }} min={10} max={360} step={5} value={params.fov} data-testid="viewshed-fov" onChange={(e) => set({ fov: Number(e.target.value) })} />
        <output>{params.fov}°</output>
      </label>
      <label className="row">
        <span>{t('analysis.viewshed.heading')}</span>
        <input type="range" style={{ flex: 1 }} min={0} max={355} step={5} value={params.heading} disabled={params.fov >= 360} data-testid="viewshed-heading" onChange={(e) => set({ heading: Number(e.target.value) })} />
        <output>{params.heading}°</output>
      </label>
      <HeightsInputs />
      <div className="row">
        <button type="button" data-testid="viewshed-run" aria-pressed={drawing} disabled={!controller || !!busy}
          onClick={() => controller && drawFor(controller, 'viewshed', { kind: 'points', count: 1 }, (pts) => { if (pts[0]) void runViewshed(controller, pts[0]); })}>{t('analysis.viewshed.run')}</button>
        <button type="button" data-testid="viewshed-clear" onClick={() => controller && clearViewshed(controller)}>{t('analysis.clear')}</button>
      </div>
      {drawing ? <p className="muted">{t('analysis.viewshed.hint')}</p> : null}
      <AnalysisStatus kind="viewshed" />
      <ViewshedResult />
    </div>
  );
}
