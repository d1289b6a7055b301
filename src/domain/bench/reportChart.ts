// The streaming benchmark's chart (issue C6): one self-contained SVG, bytes per step with the
// oracle's floor over them, and settle seconds per step. No external fonts or links, so it opens
// anywhere the report is copied to.
import type { BenchConfigName } from './types.ts';
import type { BenchReport } from './report.ts';
import { presentConfigs } from './reportMarkdown.ts';

/** Okabe–Ito colours: told apart with the common colour-vision deficiencies too. */
const COLOURS: Record<BenchConfigName, string> = { shipped: '#0072B2', cesiumDefault: '#E69F00', tilesRenderer: '#009E73' };
const IDEAL = '#222222';
const IDEAL_NEW = '#CC79A7';
const FONT = "'Noto Sans CJK SC', 'Noto Sans', sans-serif";

const MARGIN_LEFT = 70;
const MARGIN_RIGHT = 20;
const PLOT_HEIGHT = 200;
const LABEL_SPACE = 90;
const PANEL_GAP = 40;

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** Axis ticks from 0 at a step of 1, 2 or 5 × 10ⁿ, about `target` of them, the last ≥ max. */
export function niceTicks(max: number, target = 5): number[] {
  if (!(max > 0) || !Number.isFinite(max)) return [0, 1];
  const raw = max / target;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw * (1 - 1e-9)) ?? 10 * mag;
  const count = Math.ceil(max / step - 1e-9);
  return Array.from({ length: count + 1 }, (_, i) => Number((i * step).toPrecision(12)));
}

const px = (x: number): string => (Math.round(x * 10) / 10).toString();

function tickLabel(v: number, ticks: readonly number[]): string {
  const step = (ticks[1] ?? 1) - (ticks[0] ?? 0);
  return v.toFixed(Math.max(0, -Math.floor(Math.log10(step))));
}

interface Series {
  readonly name: BenchConfigName;
  readonly values: readonly number[];
}

interface Marker {
  readonly cls: string;
  readonly colour: string;
  readonly dashed: boolean;
  readonly values: readonly (number | undefined)[];
}

interface Panel {
  readonly title: string;
  readonly unit: string;
  readonly series: readonly Series[];
  readonly markers: readonly Marker[];
}

function panelSvg(p: Panel, stepIds: readonly string[], top: number, groupWidth: number): string[] {
  const all = [...p.series.flatMap((s) => s.values), ...p.markers.flatMap((m) => m.values.filter((v): v is number => v !== undefined))];
  const ticks = niceTicks(Math.max(0, ...all));
  const yMax = ticks[ticks.length - 1]!;
  const plotWidth = stepIds.length * groupWidth;
  const y = (v: number) => top + PLOT_HEIGHT - (Math.max(0, v) / yMax) * PLOT_HEIGHT;
  const out = [`<text x="${MARGIN_LEFT}" y="${px(top - 10)}" font-size="13" font-weight="bold">${escapeXml(p.title)}</text>`];
  for (const t of ticks) {
    out.push(`<line class="grid" x1="${MARGIN_LEFT}" x2="${px(MARGIN_LEFT + plotWidth)}" y1="${px(y(t))}" y2="${px(y(t))}" stroke="#dddddd"/>`);
    out.push(`<text x="${MARGIN_LEFT - 6}" y="${px(y(t) + 4)}" font-size="11" text-anchor="end">${tickLabel(t, ticks)}</text>`);
  }
  out.push(`<text transform="rotate(-90 16 ${px(top + PLOT_HEIGHT / 2)})" x="16" y="${px(top + PLOT_HEIGHT / 2)}" font-size="11" text-anchor="middle">${escapeXml(p.unit)}</text>`);
  const barWidth = (groupWidth - 8) / Math.max(1, p.series.length);
  stepIds.forEach((id, i) => {
    const x0 = MARGIN_LEFT + i * groupWidth + 4;
    p.series.forEach((s, k) => {
      const v = s.values[i] ?? 0;
      out.push(`<rect class="bar" x="${px(x0 + k * barWidth)}" y="${px(y(v))}" width="${px(barWidth - 1)}" height="${px(top + PLOT_HEIGHT - y(v))}" fill="${COLOURS[s.name]}">`
        + `<title>${escapeXml(`${s.name} at ${id}: ${v.toFixed(2)} ${p.unit}`)}</title></rect>`);
    });
    for (const m of p.markers) {
      const v = m.values[i];
      if (v === undefined) continue;
      out.push(`<line class="${m.cls}" x1="${px(x0 - 2)}" x2="${px(x0 + groupWidth - 6)}" y1="${px(y(v))}" y2="${px(y(v))}" stroke="${m.colour}" stroke-width="2"${m.dashed ? ' stroke-dasharray="4 2"' : ''}/>`);
    }
    const lx = x0 + (groupWidth - 8) / 2;
    const ly = top + PLOT_HEIGHT + 12;
    out.push(`<text transform="rotate(-45 ${px(lx)} ${px(ly)})" x="${px(lx)}" y="${px(ly)}" font-size="10" text-anchor="end">${escapeXml(id)}</text>`);
  });
  out.push(`<line class="axis" x1="${MARGIN_LEFT}" x2="${MARGIN_LEFT}" y1="${px(top)}" y2="${px(top + PLOT_HEIGHT)}" stroke="#444444"/>`);
  out.push(`<line class="axis" x1="${MARGIN_LEFT}" x2="${px(MARGIN_LEFT + plotWidth)}" y1="${px(top + PLOT_HEIGHT)}" y2="${px(top + PLOT_HEIGHT)}" stroke="#444444"/>`);
  return out;
}

function legendSvg(items: readonly { label: string; colour: string; kind: 'bar' | 'line' | 'dashed' }[], top: number): string[] {
  let x = MARGIN_LEFT;
  return items.flatMap((it) => {
    const mark = it.kind === 'bar'
      ? `<rect class="swatch" x="${x}" y="${top - 10}" width="12" height="12" fill="${it.colour}"/>`
      : `<line class="swatch" x1="${x}" x2="${x + 14}" y1="${top - 4}" y2="${top - 4}" stroke="${it.colour}" stroke-width="2"${it.kind === 'dashed' ? ' stroke-dasharray="4 2"' : ''}/>`;
    const text = `<text x="${x + 18}" y="${top}" font-size="11">${escapeXml(it.label)}</text>`;
    x += 26 + it.label.length * 6.5;
    return [mark, text];
  });
}

/** Two panels (MB per step with the ideal HLOD marked, settle seconds per step) and a legend. */
export function reportChartSvg(report: BenchReport): string {
  const configs = presentConfigs(report);
  const stepIds = report.steps.map((s) => s.id);
  const groupWidth = Math.max(36, configs.length * 12 + 12);
  const width = Math.max(640, MARGIN_LEFT + stepIds.length * groupWidth + MARGIN_RIGHT);
  const withNew = report.ideal.steps.some((s) => s.hlodNewBytes !== undefined);
  const markers: Marker[] = [{ cls: 'ideal-hlod', colour: IDEAL, dashed: true, values: report.ideal.steps.map((s) => s.hlodBytes / 1e6) }];
  if (withNew) markers.push({ cls: 'ideal-new', colour: IDEAL_NEW, dashed: false, values: report.ideal.steps.map((s) => (s.hlodNewBytes === undefined ? undefined : s.hlodNewBytes / 1e6)) });
  const bytes: Panel = {
    title: 'Content fetched per step (increment, MB = 10⁶ bytes)', unit: 'MB', markers,
    series: configs.map((c) => ({ name: c.name, values: c.summary.steps.map((s) => s.bytes / 1e6) })),
  };
  const settle: Panel = {
    title: 'Settle time per step (s)', unit: 's', markers: [],
    series: configs.map((c) => ({ name: c.name, values: c.summary.steps.map((s) => s.settleSeconds) })),
  };
  const legendTop = 44;
  const top1 = legendTop + 40;
  const top2 = top1 + PLOT_HEIGHT + LABEL_SPACE + PANEL_GAP;
  const height = top2 + PLOT_HEIGHT + LABEL_SPACE;
  const legend = [
    ...configs.map((c) => ({ label: c.name, colour: COLOURS[c.name], kind: 'bar' as const })),
    { label: 'ideal HLOD (full cut)', colour: IDEAL, kind: 'dashed' as const },
    ...(withNew ? [{ label: 'ideal HLOD new at step', colour: IDEAL_NEW, kind: 'line' as const }] : []),
  ];
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(FONT)}">`,
    `<rect class="background" x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${MARGIN_LEFT}" y="24" font-size="16" font-weight="bold">${escapeXml(`Streaming benchmark ${report.meta.date} (medians of ${report.meta.repetitions} repetitions)`)}</text>`,
    ...legendSvg(legend, legendTop),
    ...panelSvg(bytes, stepIds, top1, groupWidth),
    ...panelSvg(settle, stepIds, top2, groupWidth),
    '</svg>',
  ].join('\n') + '\n';
}
