// 通视分析 and 可视域: from clicked points to a sight line coloured visible/hidden per target, and
// a viewshed draped on the mesh, both over the surface (mesh + shown proposals) around the clicks.
import { localFrame, type LonLatHeight } from '../../domain/review/frame.ts';
import { lineOfSightMany, type XY } from '../../domain/review/sight.ts';
import { viewshed } from '../../domain/review/viewshed.ts';
import type { SketchItem } from '../../engine/analysis/sketchLayer.ts';
import type { TwinController } from '../../engine/viewer/controller.ts';
import { useAnalysis, type SightRow } from '../../state/analysis.ts';
import type { Lang } from '../../state/ui.ts';
import { translate } from '../i18n/index.ts';
import { circleXY, maskRgba, problemMessage, rasterRect, VIEW_PALETTE } from './analysisDraw.ts';
import { guarded, NO_SURFACE, surfaceAround, yieldToPaint } from './analysisLoad.ts';

export const SIGHT_SKETCH = 'analysis-sight';
export const VIEWSHED_RASTER = 'analysis-viewshed';
export const VIEWSHED_SKETCH = 'analysis-viewshed-outline';
export const VISIBLE_COLOUR = '#00e676';
export const HIDDEN_COLOUR = '#ff1744';
const OBSERVER_COLOUR = '#ffffff';
/** Surface loaded around the clicks beyond their box: a wall next to an end still counts. */
const MARGIN_M = 20;

const centreOf = (pts: readonly LonLatHeight[]): { lon: number; lat: number } => ({
  lon: pts.reduce((a, p) => a + p.lon, 0) / pts.length, lat: pts.reduce((a, p) => a + p.lat, 0) / pts.length,
});

/** Observer first, then one or more targets: each sight line, drawn and listed. */
export function runSight(controller: TwinController, points: readonly LonLatHeight[], lang: Lang): Promise<void> {
  return guarded('sight', async () => {
    const store = useAnalysis.getState();
    const [observer, ...targets] = points;
    if (!observer || targets.length === 0) { store.setProblem('sight', { key: 'analysis.problem.needTarget' }); return; }
    const centre = centreOf(points);
    const f0 = localFrame({ ...centre, height: 0 });
    const xy0 = points.map((p) => f0.fromGeodetic({ ...p, height: 0 }));
    const half = (i: 0 | 1): number => Math.max(...xy0.map((v) => Math.abs(v[i]))) + MARGIN_M;
    const surface = await surfaceAround('sight', centre, half(0), half(1));
    if (!surface) { controller.sketches.remove(SIGHT_SKETCH); store.setProblem('sight', NO_SURFACE); return; }
    const { raster: r, frame } = surface;
    const xy = (p: LonLatHeight): XY => { const v = frame.fromGeodetic(p); return [v[0], v[1]]; };
    const { eye, targetHeight } = store.params;
    const lines = lineOfSightMany(r, { at: xy(observer), above: eye }, targets.map((t) => ({ at: xy(t), above: targetHeight })));
    const geo = (v: readonly number[]): LonLatHeight => frame.toGeodetic(v);
    const items: SketchItem[] = [];
    const rows: SightRow[] = lines.map((line, k): SightRow => {
      const t = targets[k]!;
      if (!line.ok) {
        items.push({ kind: 'point', at: t, color: '#9e9e9e' }, { kind: 'label', at: t, text: translate(lang, 'analysis.sight.noData') });
        return { target: k + 1, visible: false, distance: Number.NaN, problem: problemMessage(line.problem, frame) };
      }
      for (const s of line.segments) items.push({ kind: 'line', points: [geo(s.from), geo(s.to)], color: s.state === 'visible' ? VISIBLE_COLOUR : HIDDEN_COLOUR, width: 4 });
      const end = geo(line.to);
      items.push({ kind: 'point', at: end, color: line.visible ? VISIBLE_COLOUR : HIDDEN_COLOUR });
      items.push({ kind: 'label', at: end, text: `${k + 1} ${translate(lang, line.visible ? 'analysis.sight.visible' : 'analysis.sight.hidden')}` });
      if (line.blockedAt) items.push({ kind: 'point', at: geo(line.blockedAt.point), color: '#ffab00', size: 7 });
      const distance = Math.hypot(line.to[0] - line.from[0], line.to[1] - line.from[1], line.to[2] - line.from[2]);
      return { target: k + 1, visible: line.visible, distance, ...(line.blockedAt ? { blockedAt: line.blockedAt.distance } : {}) };
    });
    const first = lines.find((l) => l.ok);
    items.push({ kind: 'point', at: first?.ok ? geo(first.from) : observer, color: OBSERVER_COLOUR, size: 11 });
    controller.sketches.show(SIGHT_SKETCH, items);
    if (!first) {
      const refused = lines[0];
      if (refused && !refused.ok) { store.setProblem('sight', problemMessage(refused.problem, frame)); return; }
    }
    store.setResult('sight', { rows, eye });
  });
}

export function clearSight(controller: TwinController): void {
  controller.sketches.remove(SIGHT_SKETCH);
  useAnalysis.getState().clear('sight');
}

/** The viewshed from a clicked point within the radius and field of view of the params. */
export function runViewshed(controller: TwinController, at: LonLatHeight): Promise<void> {
  return guarded('viewshed', async () => {
    const store = useAnalysis.getState();
    const { radius, fov, heading, eye, targetHeight } = store.params;
    const surface = await surfaceAround('viewshed', at, radius + 2, radius + 2);
    if (!surface) { removeViewshed(controller); store.setProblem('viewshed', NO_SURFACE); return; }
    const { raster: r, frame } = surface;
    const o = frame.fromGeodetic(at);
    store.setBusy('viewshed', { key: 'analysis.viewshed.computing' });
    await yieldToPaint();
    const t0 = performance.now();
    const v = viewshed(r, { at: [o[0], o[1]], above: eye }, { radius, fovDeg: fov, headingDeg: heading, targetHeight });
    const ms = performance.now() - t0;
    store.setBusy('viewshed', undefined);
    if (!v.ok) { removeViewshed(controller); store.setProblem('viewshed', problemMessage(v.problem, frame)); return; }
    controller.rasters.show(VIEWSHED_RASTER, rasterRect(r, frame), { width: r.cols, height: r.rows, rgba: maskRgba(v.cells, VIEW_PALETTE) });
    // The reach outline at the observer's footing: a circle, or the sector's arc and sides.
    const foot = v.observer[2] - eye;
    const ring = fov >= 360 ? circleXY(o[0], o[1], radius) : [[o[0], o[1]] as [number, number], ...circleXY(o[0], o[1], radius, heading - fov / 2, heading + fov / 2), [o[0], o[1]] as [number, number]];
    controller.sketches.show(VIEWSHED_SKETCH, [
      { kind: 'line', points: ring.map(([x, y]) => frame.toGeodetic([x, y, foot])), color: '#ffd600', width: 2, dashed: true },
      { kind: 'point', at: frame.toGeodetic(v.observer), color: OBSERVER_COLOUR, size: 11 },
    ]);
    const a = r.cell * r.cell;
    store.setResult('viewshed', {
      radius, fov, visibleM2: v.visibleAreaM2, hiddenM2: v.counts.hidden * a, unknownM2: v.counts.unknown * a, noDataM2: v.counts.noData * a,
      beyondRaster: v.beyondRaster, timings: { surfaceMs: surface.ms, viewshedMs: ms, tiles: surface.tiles },
    });
  });
}

function removeViewshed(controller: TwinController): void {
  controller.rasters.remove(VIEWSHED_RASTER);
  controller.sketches.remove(VIEWSHED_SKETCH);
}

export function clearViewshed(controller: TwinController): void {
  removeViewshed(controller);
  useAnalysis.getState().clear('viewshed');
}
