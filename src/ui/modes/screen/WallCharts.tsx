// The wall's three charts, drawn from the same project records as the map: projects per
// lifecycle stage, area per district by stage, and stage transitions per month.
import { useMemo } from 'react';
import { latestStageDate, transitionsByMonth, wallFigures } from '../../../domain/dashboard/wall.ts';
import { featureClasses, LIFECYCLE_STAGES } from '../../../domain/planning/index.ts';
import { usePlanning } from '../../../state/planning.ts';
import { useUi } from '../../../state/ui.ts';
import { useT } from '../../i18n/index.ts';
import { EChart, type ChartOption } from './EChart.tsx';

const TEXT = '#c9d6e3';
const GRID_LINE = 'rgba(255,255,255,0.12)';
const stageColours = featureClasses('projects').map((c) => `rgb(${(c.fill ?? c.stroke).join(',')})`);

/** Chart type sizes follow the wall's height: 36 px text on a 2160 px wall, 18 px on 1080. */
function fontPx(): number {
  return Math.max(12, Math.round(window.innerHeight / 60));
}

function base(font: number): ChartOption {
  return {
    animation: false,
    textStyle: { color: TEXT, fontSize: font },
    grid: { left: font * 0.6, right: font, top: font * 2.6, bottom: font * 0.6, containLabel: true },
    tooltip: { trigger: 'axis', textStyle: { fontSize: font } },
  };
}

export function WallCharts() {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const projects = usePlanning((s) => s.projects);
  const figures = useMemo(() => wallFigures(projects, t('wall.noDistrict')), [projects, t]);
  const months = useMemo(() => {
    const end = latestStageDate(projects);
    return end ? transitionsByMonth(projects, end) : [];
  }, [projects]);
  const font = fontPx();
  const stageNames = LIFECYCLE_STAGES.map((s) => `${s.short} ${lang === 'zh' ? s.zh : s.en}`);

  const stageOption = useMemo<ChartOption>(() => ({
    ...base(font),
    // Every stage is named, even where ECharts would thin the labels out on a narrow panel.
    xAxis: { type: 'category', data: stageNames, axisLabel: { color: TEXT, fontSize: font * 0.7, interval: 0 } },
    yAxis: { type: 'value', axisLabel: { color: TEXT, fontSize: font * 0.8 }, splitLine: { lineStyle: { color: GRID_LINE } } },
    series: [{
      type: 'bar', data: figures.byStage.map((b, i) => ({ value: b.count, itemStyle: { color: stageColours[i] } })),
      label: { show: true, position: 'top', color: TEXT, fontSize: font * 0.8 },
    }],
  }), [figures, font, stageNames.join()]);

  const districtOption = useMemo<ChartOption>(() => ({
    ...base(font),
    legend: { top: 0, textStyle: { color: TEXT, fontSize: font * 0.7 }, itemWidth: font, itemHeight: font * 0.6, data: stageNames },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, textStyle: { fontSize: font } },
    xAxis: { type: 'value', name: 'ha', nameTextStyle: { color: TEXT }, axisLabel: { color: TEXT, fontSize: font * 0.7 }, splitLine: { lineStyle: { color: GRID_LINE } } },
    yAxis: { type: 'category', inverse: true, data: figures.byDistrict.map((d) => d.district), axisLabel: { color: TEXT, fontSize: font * 0.75 } },
    series: stageNames.map((name, i) => ({
      name, type: 'bar', stack: 'area', itemStyle: { color: stageColours[i] },
      data: figures.byDistrict.map((d) => d.areaHa[i] ?? 0),
    })),
  }), [figures, font, stageNames.join()]);

  const monthOption = useMemo<ChartOption>(() => ({
    ...base(font),
    legend: { top: 0, textStyle: { color: TEXT, fontSize: font * 0.7 }, itemWidth: font, itemHeight: font * 0.6, data: stageNames.slice(1) },
    xAxis: { type: 'category', data: months.map((m) => m.month.slice(2)), axisLabel: { color: TEXT, fontSize: font * 0.7 } },
    yAxis: { type: 'value', axisLabel: { color: TEXT, fontSize: font * 0.7 }, splitLine: { lineStyle: { color: GRID_LINE } } },
    // The first stage is an entry, not a transition: the series start at 批.
    series: stageNames.slice(1).map((name, k) => ({
      name, type: 'bar', stack: 'moves', itemStyle: { color: stageColours[k + 1] },
      data: months.map((m) => m.counts[k + 1] ?? 0),
    })),
  }), [months, font, stageNames.join()]);

  const areaTotal = Math.round(figures.byDistrict.reduce((s, d) => s + d.areaHa.reduce((a, b) => a + b, 0), 0) * 100) / 100;
  const moves = months.reduce((s, m) => s + m.counts.reduce((a, b) => a + b, 0), 0);
  return (
    <>
      <section className="wall-panel">
        <h2>{t('wall.byStage', { n: figures.total })}</h2>
        <EChart testId="chart-stages" option={stageOption} values={figures.byStage.map((b) => b.count)} total={figures.byStage.reduce((s, b) => s + b.count, 0)} label={t('wall.byStage', { n: figures.total })} />
      </section>
      <section className="wall-panel">
        <h2>{t('wall.byDistrict', { ha: figures.totalAreaHa.toFixed(1) })}</h2>
        <EChart testId="chart-districts" option={districtOption} total={areaTotal} label={t('wall.byDistrict', { ha: figures.totalAreaHa.toFixed(1) })} />
      </section>
      <section className="wall-panel">
        <h2>{t('wall.byMonth', { from: months[0]?.month ?? '', to: months[months.length - 1]?.month ?? '' })}</h2>
        <EChart testId="chart-months" option={monthOption} total={moves} label={t('wall.byMonth', { from: months[0]?.month ?? '', to: months[months.length - 1]?.month ?? '' })} />
      </section>
    </>
  );
}
