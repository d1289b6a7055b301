// The streaming benchmark's report as Markdown (issue C6): what a reviewer reads first. Every figure
// comes from the BenchReport (medians over repetitions); MB are 10⁶ bytes, all numbers 2 decimals.
import { BENCH_CONFIGS, type BenchConfigName } from './types.ts';
import type { BenchReport, ConfigSummary } from './report.ts';

export interface ReportScreenshots {
  readonly stepId: string;
  /** Paths relative to the Markdown file, per configuration. */
  readonly files: Partial<Record<BenchConfigName, string>>;
  /** Share of pixels differing between the shipped and the plain Cesium shot (0–1), when both exist. */
  readonly shippedVsCesiumDefault?: number;
}

export interface ReportMarkdownOptions {
  readonly screenshots?: readonly ReportScreenshots[];
}

export const fmtMb = (bytes: number): string => (bytes / 1e6).toFixed(2);
export const fmtNum = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : x.toFixed(2));

/** A table cell: pipes and line breaks would end the cell or the row. */
const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
const table = (head: readonly string[], rows: readonly (readonly string[])[]): string[] =>
  [row(head), row(head.map(() => '---')), ...rows.map(row)];

/** The configurations that have runs, in the fixed report order. */
export function presentConfigs(report: BenchReport): { name: BenchConfigName; summary: ConfigSummary }[] {
  return BENCH_CONFIGS.flatMap((name) => {
    const summary = report.configs[name];
    return summary ? [{ name, summary }] : [];
  });
}

function metaSection(report: BenchReport): string[] {
  const m = report.meta;
  const out = [
    `- Date: ${m.date}`,
    `- Viewport: ${m.viewport.width}×${m.viewport.height} CSS px`,
    `- Maximum SSE: ${m.maxSse}`,
    `- Repetitions: ${m.repetitions} (figures are medians; [min–max] over repetitions)`,
  ];
  if (m.userAgent) out.push(`- User agent: \`${m.userAgent}\``);
  if (m.glExtensions) out.push(`- GL extensions (${m.glExtensions.length}): ${m.glExtensions.length ? m.glExtensions.map((e) => `\`${e}\``).join(', ') : 'none'}`);
  for (const n of m.notes ?? []) out.push(`- ${n}`);
  return out;
}

function wholePathSection(report: BenchReport): string[] {
  const ideal = report.ideal;
  const hlod = ideal.hlodBytesUnion ?? ideal.hlodBytes;
  const skip = ideal.skipBytesUnion ?? ideal.skipBytes;
  const basis = report.overfetchBasis === 'hlodBytesUnion' ? hlod : ideal.hlodBytes;
  const how = ideal.hlodBytesUnion === undefined ? 'Σ steps' : 'union';
  const rows = presentConfigs(report).map(({ name, summary: c }) => {
    const s = c.settleSecondsSpread;
    return [name, fmtMb(c.contentBytes), String(c.requests), `${fmtNum(s.median)} [${fmtNum(s.min)}–${fmtNum(s.max)}]`,
      fmtMb(c.peakTileMemoryBytes), fmtNum(c.overfetch), String(c.timedOutSteps)];
  });
  rows.push([`ideal HLOD (${how})`, fmtMb(hlod), '—', '—', '—', fmtNum(basis > 0 ? hlod / basis : null), '—']);
  rows.push([`ideal skip (${ideal.skipBytesUnion === undefined ? 'Σ steps' : 'union'})`, fmtMb(skip), '—', '—', '—', fmtNum(basis > 0 ? skip / basis : null), '—']);
  return [
    ...table(['Configuration', 'Content MB', 'Requests', 'Settle s (median [min–max])', 'Peak tile MB', 'Overfetch', 'Timed-out steps'], rows),
    '',
    `Overfetch = content bytes ÷ ${report.overfetchBasis === 'hlodBytesUnion'
      ? 'the union of all steps\' HLOD tiles, each counted once (the floor of one pass with an unbounded cache)'
      : 'the sum over steps of each step\'s full HLOD cut (the oracle gave no tile ids for a union)'}.`,
  ];
}

function targetsSection(report: BenchReport): string[] {
  return table(['Target', 'Value', 'Limit', 'Result'], report.targets.map((t) =>
    [cell(t.name), fmtNum(t.value), `≤ ${fmtNum(t.limit)}`, t.pass ? '✔' : t.value === null ? '✘ (not measured)' : '✘']));
}

function ratiosSection(report: BenchReport): string[] {
  const pairs = [['shipped / cesiumDefault', report.ratios.shippedVsCesiumDefault], ['shipped / tilesRenderer', report.ratios.shippedVsTilesRenderer]] as const;
  const rows = pairs.flatMap(([name, r]) => (r ? [[name, fmtNum(r.contentBytes), fmtNum(r.settleSeconds)]] : []));
  return rows.length ? table(['Ratio', 'Content bytes', 'Settle time'], rows) : ['No pair of configurations to compare.'];
}

function stepsSection(report: BenchReport): string[] {
  const configs = presentConfigs(report);
  const withNew = report.ideal.steps.some((s) => s.hlodNewBytes !== undefined);
  const head = ['Step', ...configs.map((c) => `${c.name} MB`), 'ideal HLOD MB', ...(withNew ? ['ideal HLOD new MB'] : []), ...configs.map((c) => `${c.name} settle s`)];
  const rows = report.steps.map((step, i) => {
    const ideal = report.ideal.steps[i];
    const at = configs.map((c) => c.summary.steps[i]);
    return [
      cell(`${step.name} (${step.id})`),
      ...at.map((s) => (s ? fmtMb(s.bytes) : '—')),
      ideal ? fmtMb(ideal.hlodBytes) : '—',
      ...(withNew ? [ideal?.hlodNewBytes === undefined ? '—' : fmtMb(ideal.hlodNewBytes)] : []),
      ...at.map((s) => (s ? `${fmtNum(s.settleSeconds)}${s.timedOut ? ` (${s.timedOut} timed out)` : ''}` : '—')),
    ];
  });
  return [
    'Bytes are the increment at each step (the cache is warm from earlier steps); ideal HLOD is the full cut at that pose'
      + (withNew ? ', ideal HLOD new the part of it no earlier step needed.' : '.'),
    '',
    ...table(head, rows),
  ];
}

function soakSection(report: BenchReport): string[] {
  const soak = report.soak;
  if (!soak) return [];
  const growth = (g: { growthBytes: number; growthPercent: number } | undefined) =>
    (g ? `${g.growthBytes >= 0 ? '+' : ''}${fmtMb(g.growthBytes)} MB (${fmtNum(g.growthPercent)} %)` : '—');
  const rows = BENCH_CONFIGS.flatMap((name) => {
    const s = soak.configs[name];
    if (!s) return [];
    const last = (xs: readonly number[]) => fmtMb(xs[xs.length - 1] ?? 0);
    return [[name, String(s.loops.length), last(s.heapBytes), growth(s.heap), last(s.tileMemoryBytes), growth(s.tileMemory),
      s.plateau === null ? 'too few loops' : s.plateau ? '✔ plateau' : '✘ growing']];
  });
  return ['## Soak', '', cell(soak.rule), '',
    ...table(['Configuration', 'Loops', 'Heap MB (last)', 'Heap growth', 'Tile MB (last)', 'Tile growth', 'Verdict'], rows), ''];
}

function screenshotsSection(report: BenchReport, shots: readonly ReportScreenshots[]): string[] {
  const configs = BENCH_CONFIGS.filter((c) => shots.some((s) => s.files[c] !== undefined));
  if (!shots.length || !configs.length) return [];
  const name = (id: string) => report.steps.find((s) => s.id === id)?.name ?? id;
  const compared = shots.some((s) => s.shippedVsCesiumDefault !== undefined);
  const rows = shots.map((s) => [cell(name(s.stepId)), ...configs.map((c) => {
    const f = s.files[c];
    return f ? `![${c} at ${cell(s.stepId)}](${encodeURI(f)})` : '—';
  }), ...(compared ? [s.shippedVsCesiumDefault === undefined ? '—' : `${(s.shippedVsCesiumDefault * 100).toFixed(2)} %`] : [])]);
  const note = compared ? ['Pixels differing, shipped vs cesiumDefault: pixelmatch at colour threshold 0.1, as the render tests judge; the shipped viewer\'s synthetic-data badge is part of its picture.', ''] : [];
  return ['## Screenshots', '', ...note, ...table(['Step', ...configs, ...(compared ? ['Pixels differing'] : [])], rows), ''];
}

/** The whole report as one Markdown document; screenshots, when given, sit side by side per step. */
export function reportMarkdown(report: BenchReport, opts: ReportMarkdownOptions = {}): string {
  return [
    '# Streaming benchmark', '',
    ...metaSection(report), '',
    '## Whole path', '', ...wholePathSection(report), '',
    '## Targets', '', ...targetsSection(report), '',
    '## Ratios', '', ...ratiosSection(report), '',
    '## Per step', '', ...stepsSection(report), '',
    ...soakSection(report),
    ...screenshotsSection(report, opts.screenshots ?? []),
  ].join('\n').replace(/\n+$/, '\n');
}
