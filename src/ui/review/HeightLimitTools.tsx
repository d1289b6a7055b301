// 限高分析: draw a control zone, enter the limit (above the zone's ground, as 建筑限高 is given, or
// as a 1985 elevation); everything of the mesh or the proposals above it is draped red under a
// translucent plane at the limit, with the area above and the worst exceedance and where.
import { LIMIT } from '../../domain/review/heightLimit.ts';
import { useAnalysis } from '../../state/analysis.ts';
import { useUi } from '../../state/ui.ts';
import { useController } from '../map/controllerContext.ts';
import { useT } from '../i18n/index.ts';
import { AnalysisLegend, AnalysisStatus } from './analysisCommon.tsx';
import { cssColour, LIMIT_PALETTE } from './analysisDraw.ts';
import { drawFor } from './analysisLoad.ts';
import { clearLimit, hasZone, runLimit } from './analysisSection.ts';

function LimitResult() {
  const t = useT();
  const r = useAnalysis((s) => s.results.limit);
  if (!r) return null;
  const area = (m2: number) => t('analysis.areaValue', { m2: Math.round(m2), ha: (m2 / 1e4).toFixed(2) });
  return (
    <div data-testid="limit-result" data-above-m2={r.areaAboveM2}>
      <table className="scheme-table">
        <tbody>
          <tr><th>{t('analysis.limit.limit')}</th><td data-testid="limit-value">{r.basis === 'ground'
            ? t('analysis.limit.aboveGround', { m: r.entered.toFixed(1), ground: (r.ground ?? 0).toFixed(2), z: r.limit85.toFixed(2) })
            : t('analysis.limit.datum', { z: r.limit85.toFixed(2) })}</td></tr>
          <tr><th>{t('analysis.limit.zone')}</th><td>{area(r.insideM2)}</td></tr>
          <tr><th>{t('analysis.limit.above')}</th><td data-testid="limit-above" className={r.areaAboveM2 > 0 ? 'fail' : 'pass'}>{area(r.areaAboveM2)}</td></tr>
          <tr><th>{t('analysis.limit.worst')}</th><td data-testid="limit-worst">{r.maxExceedance
            ? t('analysis.limit.worstAt', { m: r.maxExceedance.metres.toFixed(2), lon: r.maxExceedance.lon.toFixed(6), lat: r.maxExceedance.lat.toFixed(6) })
            : t('analysis.limit.none')}</td></tr>
        </tbody>
      </table>
      {r.noDataCells > 0 ? <p className="error">{t('analysis.limit.noData', { n: r.noDataCells })}</p> : null}
      <AnalysisLegend testId="limit-legend" label={t('analysis.legend')} entries={[
        { colour: cssColour(LIMIT_PALETTE[LIMIT.above]!), label: t('analysis.limit.legendAbove') },
        { colour: 'rgba(255,152,0,.5)', label: t('analysis.limit.legendPlane') },
        { colour: cssColour(LIMIT_PALETTE[LIMIT.noData]!), label: t('analysis.legendNoData') },
      ]} />
    </div>
  );
}

export function HeightLimitTools() {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const controller = useController();
  const params = useAnalysis((s) => s.params);
  const set = useAnalysis((s) => s.setParams);
  const drawing = useAnalysis((s) => s.drawing === 'limit');
  const busy = useAnalysis((s) => s.busy.limit);
  const result = useAnalysis((s) => s.results.limit);
  const problem = useAnalysis((s) => s.problems.limit);
  return (
    <div data-testid="limit-tools">
      <div className="row">
        <label>{t('analysis.limit.height')}{' '}
          <input type="text" inputMode="decimal" style={{ width: 64 }} value={params.limitText} data-testid="limit-height" onChange={(e) => set({ limitText: e.target.value })} />
        </label>
        <select data-testid="limit-basis" value={params.limitBasis} onChange={(e) => set({ limitBasis: e.target.value === 'datum' ? 'datum' : 'ground' })}>
          <option value="ground">{t('analysis.limit.basisGround')}</option>
          <option value="datum">{t('analysis.limit.basisDatum')}</option>
        </select>
      </div>
      <div className="row">
        <button type="button" data-testid="limit-run" aria-pressed={drawing} disabled={!controller || !!busy}
          onClick={() => controller && drawFor(controller, 'limit', { kind: 'polygon' }, (pts) => void runLimit(controller, pts, lang))}>{t('analysis.limit.run')}</button>
        <button type="button" data-testid="limit-apply" disabled={!controller || !!busy || (!result && !problem) || !hasZone()}
          onClick={() => controller && void runLimit(controller, undefined, lang)}>{t('analysis.limit.apply')}</button>
        <button type="button" data-testid="limit-clear" onClick={() => controller && clearLimit(controller)}>{t('analysis.clear')}</button>
      </div>
      {drawing ? <p className="muted">{t('analysis.limit.hint')}</p> : null}
      <AnalysisStatus kind="limit" />
      <LimitResult />
    </div>
  );
}
