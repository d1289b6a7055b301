// One ECharts chart in a React element: created once, fed new options, resized with its box, and
// disposed on unmount (a wall runs all day: no chart may leak). Only the chart types the wall
// uses are bundled.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

interface Props {
  readonly option: ChartOption;
  readonly testId: string;
  /** The sum the chart shows, written to data-total so a test can check it against the data. */
  readonly total: number;
  readonly label: string;
  /** The plotted values, written to data-values (comma-separated) where a test needs them. */
  readonly values?: readonly number[];
}

export function EChart({ option, testId, total, label, values }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | undefined>(undefined);
  useEffect(() => {
    const el = box.current;
    if (!el) return undefined;
    const c = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = c;
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      c.dispose();
      chart.current = undefined;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);
  return <div ref={box} className="wall-chart" data-testid={testId} data-total={total} data-values={values?.join(',')} role="img" aria-label={label} />;
}
