// 剖面分析: draw a section line (two clicks); the surface along it (ground and roofs, 1985 datum)
// as a chart, with its length, lowest and highest point. Gaps in the data break the line.
import { useMemo } from 'react';
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { useAnalysis, type ProfileView } from '../../state/analysis.ts';
import { useUi } from '../../state/ui.ts';
import { useController } from '../map/controllerContext.ts';
import { useT } from '../i18n/index.ts';
import { EChart, type ChartOption } from '../modes/screen/EChart.tsx';
import { AnalysisStatus } from './analysisCommon.tsx';
import { drawFor } from './analysisLoad.ts';
import { clearProfile, runProfile } from './analysisSection.ts';

// The wall's chart wrapper bundles bars only; a profile is a line.
echarts.use([LineChart]);

const AXIS = { color: '#b0bec5' };
const GRID_LINES = { lineStyle: { color: 'rgba(255,255,255,.12)' } };

export function profileOption(p: ProfileView, xName: string, yName: string, seriesName: string): ChartOption {
  return {
    animation: false,
    grid: { left: 48, right: 14, top: 28, bottom: 30 },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? v.toFixed(2) : '—') },
    xAxis: { type: 'value', name: xName, nameLocation: 'middle', nameGap: 20, min: 0, max: Math.ceil(p.length), axisLabel: AXIS, nameTextStyle: AXIS, splitLine: GRID_LINES },
    // The name left-aligned over the axis: centred, it is cut off at the chart's left edge.
    yAxis: { type: 'value', name: yName, scale: true, axisLabel: AXIS, nameTextStyle: { ...AXIS, align: 'left' }, splitLine: GRID_LINES },
    series: [{
      name: seriesName, type: 'line', showSymbol: false, connectNulls: false, lineStyle: { color: '#ffd600', width: 1.5 },
      areaStyle: { color: 'rgba(255,214,0,.25)' }, data: p.distances.map((d, i) => [d, p.heights[i] ?? null]),
    }],
  };
}

function ProfileResult() {
  const t = useT();
  const p = useAnalysis((s) => s.results.profile);
  const option = useMemo(() => (p ? profileOption(p, t('analysis.profile.xAxis'), t('analysis.profile.yAxis'), t('analysis.profile.series')) : undefined), [p, t]);
  if (!p || !option) return null;
  return (
    <div data-testid="profile-result" data-length={p.length} data-samples={p.distances.length}>
      <div style={{ height: 190, display: 'flex', flexDirection: 'column' }}>
        <EChart testId="profile-chart" option={option} total={p.length} label={t('analysis.profile.chart', { m: p.length.toFixed(1) })} />
      </div>
      <table className="scheme-table">
        <tbody>
          <tr><th>{t('analysis.profile.length')}</th><td data-testid="profile-length">{t('analysis.metres', { m: p.length.toFixed(1) })}</td></tr>
          <tr><th>{t('analysis.profile.min')}</th><td>{t('analysis.profile.at', { z: p.min.z.toFixed(2), d: p.min.distance.toFixed(1) })}</td></tr>
          <tr><th>{t('analysis.profile.max')}</th><td data-testid="profile-max">{t('analysis.profile.at', { z: p.max.z.toFixed(2), d: p.max.distance.toFixed(1) })}</td></tr>
          <tr><th>{t('analysis.profile.relief')}</th><td>{t('analysis.metres', { m: (p.max.z - p.min.z).toFixed(2) })}</td></tr>
        </tbody>
      </table>
      {p.gaps > 0 ? <p className="error">{t('analysis.profile.gaps', { n: p.gaps, all: p.distances.length })}</p> : null}
    </div>
  );
}

export function ProfileTools() {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const controller = useController();
  const drawing = useAnalysis((s) => s.drawing === 'profile');
  const busy = useAnalysis((s) => s.busy.profile);
  return (
    <div data-testid="profile-tools">
      <div className="row">
        <button type="button" data-testid="profile-run" aria-pressed={drawing} disabled={!controller || !!busy}
          onClick={() => controller && drawFor(controller, 'profile', { kind: 'points', count: 2 }, (pts) => { if (pts[0] && pts[1]) void runProfile(controller, pts[0], pts[1], lang); })}>
          {t('analysis.profile.run')}
        </button>
        <button type="button" data-testid="profile-clear" onClick={() => controller && clearProfile(controller)}>{t('analysis.clear')}</button>
      </div>
      {drawing ? <p className="muted">{t('analysis.profile.hint')}</p> : null}
      <AnalysisStatus kind="profile" />
      <ProfileResult />
    </div>
  );
}
