// 剖面分析 and 限高分析: a drawn section line sampled along the surface for the chart, and a drawn
// control zone checked against a height limit (above its ground, like 建筑限高, or a 1985
// elevation), with the plane at the limit and what rises above it draped red.
import { localFrame, type LonLatHeight } from '../../domain/review/frame.ts';
import { aboveLimit, LIMIT } from '../../domain/review/heightLimit.ts';
import { sectionProfile } from '../../domain/review/profile.ts';
import type { XY } from '../../domain/review/sight.ts';
import type { SketchItem } from '../../engine/analysis/sketchLayer.ts';
import type { TwinController } from '../../engine/viewer/controller.ts';
import { useAnalysis } from '../../state/analysis.ts';
import type { Lang } from '../../state/ui.ts';
import { translate } from '../i18n/index.ts';
import { groundOf, LIMIT_PALETTE, maskRgba, parseLimit, problemMessage, rasterRect } from './analysisDraw.ts';
import { geoidOffset, guarded, NO_SURFACE, surfaceAround } from './analysisLoad.ts';

export const PROFILE_SKETCH = 'analysis-profile';
export const LIMIT_RASTER = 'analysis-limit';
export const LIMIT_SKETCH = 'analysis-limit-plane';
/** A chart of more points than this shows nothing more: coarser spacing on long lines. */
const MAX_CHART_SAMPLES = 1500;
const LIMIT_COLOUR = '#ff9800';

/** The box around points, in metres about their centre, with a margin. */
function around(points: readonly LonLatHeight[], margin: number): { centre: { lon: number; lat: number }; halfW: number; halfH: number } {
  const centre = { lon: points.reduce((a, p) => a + p.lon, 0) / points.length, lat: points.reduce((a, p) => a + p.lat, 0) / points.length };
  const f = localFrame({ ...centre, height: 0 });
  const xy = points.map((p) => f.fromGeodetic({ ...p, height: 0 }));
  return { centre, halfW: Math.max(...xy.map((v) => Math.abs(v[0]))) + margin, halfH: Math.max(...xy.map((v) => Math.abs(v[1]))) + margin };
}

export function runProfile(controller: TwinController, a: LonLatHeight, b: LonLatHeight, lang: Lang): Promise<void> {
  return guarded('profile', async () => {
    const store = useAnalysis.getState();
    const box = around([a, b], 5);
    const surface = await surfaceAround('profile', box.centre, box.halfW, box.halfH);
    if (!surface) { controller.sketches.remove(PROFILE_SKETCH); store.setProblem('profile', NO_SURFACE); return; }
    const { raster: r, frame } = surface;
    const pa = frame.fromGeodetic(a), pb = frame.fromGeodetic(b);
    const length = Math.hypot(pb[0] - pa[0], pb[1] - pa[1]);
    const spacing = Math.max(r.cell / 2, length / MAX_CHART_SAMPLES);
    const p = sectionProfile(r, [pa[0], pa[1]], [pb[0], pb[1]], spacing);
    if (!p.ok) { controller.sketches.remove(PROFILE_SKETCH); store.setProblem('profile', problemMessage(p.problem, frame)); return; }
    const off = geoidOffset();
    // The section on the surface, broken where the raster has gaps; its ends labelled A and B.
    const items: SketchItem[] = [];
    let run: LonLatHeight[] = [];
    const flush = (): void => { if (run.length > 1) items.push({ kind: 'line', points: run, color: '#ffd600', width: 3 }); run = []; };
    for (const s of p.samples) {
      if (s.z === null) flush();
      else run.push(frame.toGeodetic([s.x, s.y, s.z + 0.3]));
    }
    flush();
    items.push({ kind: 'label', at: a, text: translate(lang, 'analysis.profile.a') }, { kind: 'label', at: b, text: translate(lang, 'analysis.profile.b') });
    controller.sketches.show(PROFILE_SKETCH, items);
    store.setResult('profile', {
      distances: p.samples.map((s) => s.distance), heights: p.samples.map((s) => (s.z === null ? null : s.z - off)),
      length: p.length, min: { z: p.min.z - off, distance: p.min.distance }, max: { z: p.max.z - off, distance: p.max.distance }, gaps: p.gaps,
    });
  });
}

export function clearProfile(controller: TwinController): void {
  controller.sketches.remove(PROFILE_SKETCH);
  useAnalysis.getState().clear('profile');
}

/** The last control zone drawn, so a changed limit is checked again without drawing it anew. */
let zone: readonly LonLatHeight[] | undefined;

export const hasZone = (): boolean => zone !== undefined;

export function runLimit(controller: TwinController, ring: readonly LonLatHeight[] | undefined, lang: Lang): Promise<void> {
  if (ring) zone = ring;
  return guarded('limit', async () => {
    const store = useAnalysis.getState();
    const { limitText, limitBasis } = store.params;
    const entered = parseLimit(limitText);
    if (entered === undefined) { store.setProblem('limit', { key: 'analysis.problem.limitNaN', params: { text: limitText } }); return; }
    if (!zone || zone.length < 3) { store.setProblem('limit', { key: 'analysis.problem.needZone' }); return; }
    const box = around(zone, 5);
    const surface = await surfaceAround('limit', box.centre, box.halfW, box.halfH);
    if (!surface) { removeLimit(controller); store.setProblem('limit', NO_SURFACE); return; }
    const { raster: r, frame } = surface;
    const poly: XY[] = zone.map((p) => { const v = frame.fromGeodetic(p); return [v[0], v[1]] as const; });
    const off = geoidOffset();
    let ground: number | undefined;
    let limitZ = entered + off;
    if (limitBasis === 'ground') {
      // The zone's ground: a low percentile of the surface inside (streets and yards between buildings).
      const all = aboveLimit(r, poly, Number.MAX_VALUE);
      if (!all.ok) { removeLimit(controller); store.setProblem('limit', problemMessage(all.problem, frame)); return; }
      const inside: number[] = [];
      all.mask.forEach((m, k) => { if (m === LIMIT.within) inside.push(r.heights[k]!); });
      ground = groundOf(inside);
      if (ground === undefined) { store.setProblem('limit', NO_SURFACE); return; }
      limitZ = ground + entered;
    }
    const check = aboveLimit(r, poly, limitZ);
    if (!check.ok) { removeLimit(controller); store.setProblem('limit', problemMessage(check.problem, frame)); return; }
    controller.rasters.show(LIMIT_RASTER, rasterRect(r, frame), { width: r.cols, height: r.rows, rgba: maskRgba(check.mask, LIMIT_PALETTE) });
    const items: SketchItem[] = [
      { kind: 'plane', ring: zone.map((p) => ({ lon: p.lon, lat: p.lat })), height: limitZ, color: LIMIT_COLOUR, alpha: 0.3 },
    ];
    const worst = check.maxExceedance;
    const worstAt = worst ? frame.toGeodetic([worst.x, worst.y, limitZ + worst.metres]) : undefined;
    if (worst && worstAt) {
      items.push({ kind: 'point', at: worstAt, color: '#ff1744' }, { kind: 'label', at: worstAt, text: translate(lang, 'analysis.limit.label', { m: worst.metres.toFixed(1) }) });
    }
    controller.sketches.show(LIMIT_SKETCH, items);
    const a = r.cell * r.cell;
    store.setResult('limit', {
      entered, basis: limitBasis, ...(ground !== undefined ? { ground: ground - off } : {}), limit85: limitZ - off,
      areaAboveM2: check.areaAboveM2, insideM2: check.insideCells * a, noDataCells: check.noDataCells,
      ...(worst && worstAt ? { maxExceedance: { metres: worst.metres, lon: worstAt.lon, lat: worstAt.lat } } : {}),
    });
  });
}

function removeLimit(controller: TwinController): void {
  controller.rasters.remove(LIMIT_RASTER);
  controller.sketches.remove(LIMIT_SKETCH);
}

export function clearLimit(controller: TwinController): void {
  removeLimit(controller);
  zone = undefined;
  useAnalysis.getState().clear('limit');
}
