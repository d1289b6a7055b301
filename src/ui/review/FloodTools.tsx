// 淹没分析: a square around the view centre, a level slider (1985 datum) with play, the flooded
// area and depth at the level, and the mask and water plane in the scene.
import { useAnalysis } from '../../state/analysis.ts';
import { useController } from '../map/controllerContext.ts';
import { useT } from '../i18n/index.ts';
import { AnalysisLegend, AnalysisStatus } from './analysisCommon.tsx';
import { cssColour, FLOOD_PALETTE } from './analysisDraw.ts';
import { FLOOD } from '../../domain/review/flood.ts';
import { clearFlood, playFlood, runFlood, setFloodLevel, stopFlood } from './analysisFlood.ts';

const SIDES = [500, 1000, 1500] as const;
const pct = (x: number): string => (x * 100).toFixed(1);

function FloodResult() {
  const t = useT();
  const controller = useController();
  const f = useAnalysis((s) => s.results.flood);
  const playing = useAnalysis((s) => s.playing);
  if (!f || !controller) return null;
  const index = f.levels.indexOf(f.level);
  return (
    <div data-testid="flood-result" data-area={f.areaM2} data-level={f.level}>
      <label className="row">
        <span>{t('analysis.flood.level')}</span>
        <input type="range" style={{ flex: 1 }} min={0} max={f.levels.length - 1} step={1} value={index} data-testid="flood-level"
          onChange={(e) => { stopFlood(); setFloodLevel(controller, Number(e.target.value)); }} />
        <output data-testid="flood-level-value">{t('analysis.flood.levelValue', { m: f.level.toFixed(2) })}</output>
      </label>
      <div className="row">
        <button type="button" data-testid="flood-play" aria-pressed={playing} onClick={() => (playing ? stopFlood() : playFlood(controller))}>
          {playing ? t('analysis.flood.pause') : t('analysis.flood.play')}
        </button>
        <span className="muted">{t('analysis.flood.range', { min: f.levels[0]!.toFixed(2), max: f.levels[f.levels.length - 1]!.toFixed(2) })}</span>
      </div>
      <table className="scheme-table">
        <tbody>
          <tr><th>{t('analysis.flood.area')}</th><td data-testid="flood-area" data-m2={f.areaM2}>{t('analysis.areaValue', { m2: Math.round(f.areaM2), ha: (f.areaM2 / 1e4).toFixed(2) })}</td></tr>
          <tr><th>{t('analysis.flood.share')}</th><td>{pct(f.floodedShare)} %</td></tr>
          <tr><th>{t('analysis.flood.maxDepth')}</th><td data-testid="flood-depth">{t('analysis.metres', { m: f.maxDepth.toFixed(2) })}</td></tr>
          <tr><th>{t('analysis.flood.volume')}</th><td>{t('analysis.volumeValue', { m3: Math.round(f.volumeM3) })}</td></tr>
          <tr><th>{t('analysis.flood.maybe')}</th><td>{t('analysis.cells', { n: f.maybeCells })}</td></tr>
          <tr><th>{t('analysis.flood.noData')}</th><td data-testid="flood-nodata">{pct(f.noDataShare)} %</td></tr>
          <tr><th>{t('analysis.flood.surface')}</th><td>{t('analysis.flood.surfaceRange', { min: f.surfaceMin.toFixed(2), max: f.surfaceMax.toFixed(1) })}</td></tr>
        </tbody>
      </table>
      <AnalysisLegend testId="flood-legend" label={t('analysis.legend')} entries={[
        { colour: cssColour(FLOOD_PALETTE[FLOOD.flooded]!), label: t('analysis.flood.legendFlooded') },
        { colour: cssColour(FLOOD_PALETTE[FLOOD.maybe]!), label: t('analysis.flood.legendMaybe') },
        { colour: cssColour(FLOOD_PALETTE[FLOOD.noData]!), label: t('analysis.legendNoData') },
      ]} />
      <p className="muted" data-testid="flood-timing">
        {t('analysis.flood.timing', { side: f.side, surface: (f.timings.surfaceMs / 1000).toFixed(1), tiles: f.timings.tiles, series: (f.timings.seriesMs / 1000).toFixed(2), levels: f.levels.length })}
      </p>
    </div>
  );
}

export function FloodTools() {
  const t = useT();
  const controller = useController();
  const params = useAnalysis((s) => s.params);
  const busy = useAnalysis((s) => s.busy.flood);
  const set = useAnalysis((s) => s.setParams);
  return (
    <div data-testid="flood-tools">
      <p className="muted">{t('analysis.flood.about')}</p>
      <div className="row">
        <label>{t('analysis.flood.side')}{' '}
          <select data-testid="flood-side" value={params.floodSide} onChange={(e) => set({ floodSide: Number(e.target.value) })}>
            {SIDES.map((s) => <option key={s} value={s}>{t('analysis.flood.sideValue', { m: s })}</option>)}
          </select>
        </label>
        <label>{t('analysis.flood.from')}{' '}
          <select data-testid="flood-from" value={params.floodFrom} onChange={(e) => set({ floodFrom: e.target.value === 'all' ? 'all' : 'edges' })}>
            <option value="edges">{t('analysis.flood.fromEdges')}</option>
            <option value="all">{t('analysis.flood.fromAll')}</option>
          </select>
        </label>
      </div>
      <div className="row">
        <button type="button" data-testid="flood-run" disabled={!controller || !!busy} onClick={() => controller && void runFlood(controller)}>{t('analysis.flood.run')}</button>
        <button type="button" data-testid="flood-clear" onClick={() => controller && clearFlood(controller)}>{t('analysis.clear')}</button>
      </div>
      <AnalysisStatus kind="flood" />
      <FloodResult />
    </div>
  );
}
