import { describe, expect, it } from 'vitest';
import { summarise } from '../../../../src/domain/bench/report.ts';
import { escapeXml, niceTicks, reportChartSvg } from '../../../../src/domain/bench/reportChart.ts';
import { BENCH_CONFIGS, type BenchPath, type IdealStep, type RunMeasure } from '../../../../src/domain/bench/types.ts';

const pose = { lon: 121.55, lat: 29.87, height: 500, heading: 0, pitch: -30, roll: 0 };
const ids = ['overview', 'harbour<&>"1"', 'seabed'];
const path: BenchPath = { format: 'ningbo-twin-bench-path', version: 1, steps: ids.map((id) => ({ kind: 'waypoint', id, name: id, pose })) };
const runs: RunMeasure[] = BENCH_CONFIGS.flatMap((config, c) => [0, 1, 2].map((rep) => ({
  config, rep, frameMs: 16,
  steps: ids.map((stepId, i) => ({ stepId, bytes: (i + 1 + c) * 1e6, requests: 1, cancelled: 0, settleSeconds: 0.5 * (i + c), timedOut: false, tileMemoryBytes: 1, heapBytes: 1 })),
})));
const ideal: IdealStep[] = ids.map((stepId, i) => ({ stepId, skipBytes: 1e6, hlodBytes: 2e6 * (i + 1), cutTiles: 1, hlodTiles: 2, hlodIds: ['root', `t${i}`], tileSizes: { root: 1e6, [`t${i}`]: 2e6 * (i + 1) - 1e6 } }));
const meta = { date: '2025-01-01 <test> & co', viewport: { width: 1280, height: 720 }, maxSse: 16, repetitions: 3 };
const svg = reportChartSvg(summarise(path, runs, ideal, meta));

/** Balanced tags: every opening tag closed in order (self-closing ones excluded). */
function balanced(xml: string): boolean {
  const stack: string[] = [];
  for (const m of xml.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    if (m[3]) continue;
    if (!m[1]) stack.push(m[2]!);
    else if (stack.pop() !== m[2]) return false;
  }
  return stack.length === 0;
}

describe('niceTicks', () => {
  it('steps by 1, 2 or 5 × 10ⁿ from 0 to at least the maximum', () => {
    expect(niceTicks(7.3)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(0.42)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(niceTicks(2400)).toEqual([0, 500, 1000, 1500, 2000, 2500]);
    expect(niceTicks(0)).toEqual([0, 1]);
  });
});

describe('reportChartSvg', () => {
  it('is one well-formed svg element', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg.match(/<svg/g)).toHaveLength(1);
    expect(balanced(svg)).toBe(true);
  });

  it('draws one bar per config and step in each of the two panels, and the ideal per step', () => {
    expect(svg.match(/<rect class="bar"/g)).toHaveLength(3 * ids.length * 2);
    expect(svg.match(/<line class="ideal-hlod"/g)).toHaveLength(ids.length);
    expect(svg.match(/<line class="ideal-new"/g)).toHaveLength(ids.length);
    for (const c of BENCH_CONFIGS) expect(svg).toContain(`>${c}</text>`);
    expect(svg).toContain('Settle time per step (s)');
  });

  it('scales bars to a nice axis: the tallest byte bar (5 MB) reaches 5 of a 0–6 axis', () => {
    // Max of the bytes panel is the ideal's 6 MB → ticks 0,1,…,6 (step 1).
    expect(svg).toContain('>6</text>');
    const heights = [...svg.matchAll(/<rect class="bar"[^>]*height="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(Math.max(...heights.slice(0, 9))).toBeCloseTo((5 / 6) * 200, 0);
  });

  it('escapes text and carries no external references', () => {
    expect(svg).toContain('harbour&lt;&amp;&gt;&quot;1&quot;');
    expect(svg).toContain('2025-01-01 &lt;test&gt; &amp; co');
    expect(svg).not.toMatch(/<[^a-zA-Z/]/);
    expect(svg).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
    expect(svg).not.toMatch(/href|@import|url\(/);
    expect(svg).toContain("font-family=\"&apos;Noto Sans CJK SC&apos;, &apos;Noto Sans&apos;, sans-serif\"");
    expect(escapeXml(`a<b & "c" 'd'`)).toBe('a&lt;b &amp; &quot;c&quot; &apos;d&apos;');
  });
});
