// 通视分析: click the observer, then one or more targets (double click or Enter ends); each sight
// line is drawn green where seen and red past the first obstruction, and listed.
import { useAnalysis } from '../../state/analysis.ts';
import { useUi } from '../../state/ui.ts';
import { useController } from '../map/controllerContext.ts';
import { useT } from '../i18n/index.ts';
import { AnalysisLegend, AnalysisStatus, useSay } from './analysisCommon.tsx';
import { drawFor } from './analysisLoad.ts';
import { clearSight, HIDDEN_COLOUR, runSight, VISIBLE_COLOUR } from './analysisSight.ts';

/** A height above the surface in metres, as typed; negative or non-numbers are ignored. */
export const metresInput = (v: string, max: number): number | undefined => {
  const n = Number(v);
  return v.trim() !== '' && Number.isFinite(n) && n >= 0 && n <= max ? n : undefined;
};

export function HeightsInputs() {
  const t = useT();
  const params = useAnalysis((s) => s.params);
  const set = useAnalysis((s) => s.setParams);
  return (
    <div className="row">
      <label>{t('analysis.eye')}{' '}
        <input type="number" style={{ width: 56 }} min={0} max={300} step={0.1} defaultValue={params.eye} data-testid="analysis-eye"
          onChange={(e) => { const v = metresInput(e.target.value, 300); if (v !== undefined) set({ eye: v }); }} />
      </label>
      <label>{t('analysis.targetHeight')}{' '}
        <input type="number" style={{ width: 56 }} min={0} max={300} step={0.1} defaultValue={params.targetHeight} data-testid="analysis-target-height"
          onChange={(e) => { const v = metresInput(e.target.value, 300); if (v !== undefined) set({ targetHeight: v }); }} />
      </label>
    </div>
  );
}

function SightResult() {
  const t = useT();
  const say = useSay();
  const r = useAnalysis((s) => s.results.sight);
  if (!r) return null;
  const hidden = r.rows.filter((x) => !x.problem && !x.visible).length;
  return (
    <div data-testid="sight-result" data-hidden={hidden} data-visible={r.rows.filter((x) => x.visible).length}>
      <table className="scheme-table">
        <thead><tr><th>{t('analysis.sight.target')}</th><th>{t('analysis.sight.verdict')}</th><th>{t('analysis.sight.distance')}</th><th>{t('analysis.sight.blockedAt')}</th></tr></thead>
        <tbody>
          {r.rows.map((row) => (
            <tr key={row.target} data-testid={`sight-row-${row.target}`} data-visible={row.problem ? 'unknown' : String(row.visible)}>
              <th>{row.target}</th>
              {row.problem ? <td colSpan={3} className="fail">{say(row.problem)}</td> : (
                <>
                  <td className={row.visible ? 'pass' : 'fail'}>{t(row.visible ? 'analysis.sight.visible' : 'analysis.sight.hidden')}</td>
                  <td>{t('analysis.metres', { m: row.distance.toFixed(1) })}</td>
                  <td>{row.blockedAt !== undefined ? t('analysis.metres', { m: row.blockedAt.toFixed(1) }) : '—'}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <AnalysisLegend testId="sight-legend" label={t('analysis.legend')} entries={[
        { colour: VISIBLE_COLOUR, label: t('analysis.sight.legendVisible') }, { colour: HIDDEN_COLOUR, label: t('analysis.sight.legendHidden') },
      ]} />
    </div>
  );
}

export function SightTools() {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const controller = useController();
  const drawing = useAnalysis((s) => s.drawing === 'sight');
  const busy = useAnalysis((s) => s.busy.sight);
  return (
    <div data-testid="sight-tools">
      <HeightsInputs />
      <div className="row">
        <button type="button" data-testid="sight-run" aria-pressed={drawing} disabled={!controller || !!busy}
          onClick={() => controller && drawFor(controller, 'sight', { kind: 'line' }, (pts) => void runSight(controller, pts, lang))}>{t('analysis.sight.run')}</button>
        <button type="button" data-testid="sight-clear" onClick={() => controller && clearSight(controller)}>{t('analysis.clear')}</button>
      </div>
      {drawing ? <p className="muted" data-testid="sight-hint">{t('analysis.sight.hint')}</p> : null}
      <AnalysisStatus kind="sight" />
      <SightResult />
    </div>
  );
}
