// Measuring, from clicks to values: the drawing on the map hands over its points, the domain
// computes what the points alone give at once (straight/horizontal/vertical distance, azimuth,
// projected area, height, angle), and what needs the mesh (the length along the surface, the area
// on the mesh) follows when the ground has been sampled.
import type { TwinController } from '../../engine/viewer/controller.ts';
import type { LonLatHeight } from '../../domain/review/frame.ts';
import {
  angleAt, azimuth, buildingHeight, densify, formatAngle, formatArea, formatLength, measureDistance, polylineLength, projectedArea, surfaceLength,
} from '../../domain/review/measure.ts';
import { MEASURE_POINTS, useMeasure, type MeasureKind, type MeasureProblem, type MeasureValues, type Measurement } from '../../state/measure.ts';
import type { Lang } from '../../state/ui.ts';
import { translate } from '../i18n/index.ts';
import { surfaceAreaOnMesh } from './surfaceArea.ts';

/** Along-surface length: the mesh is sampled this often along the line, and at no more points than this. */
const SURFACE_SPACING_M = 1;
const MAX_SURFACE_SAMPLES = 240;

export function measureValues(kind: MeasureKind, pts: readonly LonLatHeight[]): { values?: MeasureValues; problem?: MeasureProblem } {
  const [a, b, c] = pts;
  if (kind === 'distance' && a && b) return { values: { kind, ...measureDistance(a, b) } };
  if (kind === 'area' && pts.length >= 3 && a) return { values: { kind, projected: projectedArea(pts), perimeter: polylineLength([...pts, a]) } };
  if (kind === 'height' && a && b) {
    const h = buildingHeight(a, b);
    return h.ok ? { values: { kind, height: h.height } } : { problem: 'heightReversed' };
  }
  if (kind === 'angle' && a && b && c) {
    const angle = angleAt(a, b, c);
    return { values: { kind, angle: angle.plan, spatial: angle.spatial, azimuthA: azimuth(b, a), azimuthB: azimuth(b, c) } };
  }
  return {};
}

/** The value lines shown in the list and on the scene's label, in the UI language. */
export function measurementLines(m: Measurement, lang: Lang): string[] {
  const v = m.values;
  if (!v) return [];
  const t = (key: Parameters<typeof translate>[1]) => translate(lang, key);
  const L = (x: number) => formatLength(x, lang);
  switch (v.kind) {
    case 'distance':
      return [
        `${t('measure.straight')} ${L(v.straight)}`, `${t('measure.horizontal')} ${L(v.horizontal)}`, `${t('measure.vertical')} ${L(v.vertical)}`,
        ...(v.surface !== undefined ? [`${t('measure.surface')} ${L(v.surface)}`] : []),
        `${t('measure.azimuth')} ${formatAngle(v.azimuth)}`, `${t('measure.slope')} ${formatAngle(v.slope)}`,
      ];
    case 'area':
      return [
        `${t('measure.projected')} ${formatArea(v.projected, lang)}`,
        ...(v.surface !== undefined ? [`${t('measure.onMesh')} ${formatArea(v.surface, lang)}`] : []),
        `${t('measure.perimeter')} ${L(v.perimeter)}`,
      ];
    case 'height':
      return [`${t('measure.buildingHeight')} ${L(v.height)}`];
    case 'angle':
      return [
        `${t('measure.angleValue')} ${formatAngle(v.angle)}`, `${t('measure.angleSpatial')} ${formatAngle(v.spatial)}`,
        `${t('measure.azimuth')} ${formatAngle(v.azimuthA)} / ${formatAngle(v.azimuthB)}`,
      ];
  }
}

async function sampleAlongSurface(controller: TwinController, id: string, a: LonLatHeight, b: LonLatHeight): Promise<void> {
  const flat = Math.hypot(a.lon - b.lon, a.lat - b.lat);
  if (flat === 0) return;
  const probe = densify(a, b, SURFACE_SPACING_M);
  const step = Math.max(1, Math.ceil(probe.length / MAX_SURFACE_SAMPLES));
  const points = probe.filter((_, i) => i % step === 0 || i === probe.length - 1);
  useMeasure.getState().update(id, { sampling: true });
  const heights = await controller.sampleGround(points);
  const m = useMeasure.getState().measurements.find((x) => x.id === id);
  if (!m || m.values?.kind !== 'distance') return;
  if (heights.some((h) => h === undefined)) {
    useMeasure.getState().update(id, { sampling: false, problem: 'noSurface' });
    return;
  }
  const samples = points.map((p, i) => ({ lon: p.lon, lat: p.lat, height: heights[i]! }));
  useMeasure.getState().update(id, { sampling: false, values: { ...m.values, surface: surfaceLength([a, ...samples.slice(1, -1), b]).length } });
}

async function sampleAreaOnMesh(controller: TwinController, id: string, ring: readonly LonLatHeight[]): Promise<void> {
  useMeasure.getState().update(id, { sampling: true });
  const surface = await surfaceAreaOnMesh(ring, controller.sampleGround);
  const m = useMeasure.getState().measurements.find((x) => x.id === id);
  if (!m || m.values?.kind !== 'area') return;
  useMeasure.getState().update(id, surface === undefined
    ? { sampling: false, problem: 'noSurface' }
    : { sampling: false, values: { ...m.values, surface } });
}

/** Starts drawing a measurement of `kind` (a second press of the same kind stops it). */
export function startMeasuring(controller: TwinController, kind: MeasureKind): void {
  const store = useMeasure.getState();
  if (store.drawing === kind) {
    controller.cancelPolygon();
    return;
  }
  const need = MEASURE_POINTS[kind];
  store.setDrawing(kind);
  controller.drawPolygon({
    shape: need === 'polygon' ? { kind: 'polygon' } : { kind: 'points', count: need },
    onFinish: (points) => {
      useMeasure.getState().setDrawing(undefined);
      const { values, problem } = measureValues(kind, points);
      const id = useMeasure.getState().add(kind, points, values, problem);
      if (kind === 'distance' && points[0] && points[1]) void sampleAlongSurface(controller, id, points[0], points[1]);
      if (kind === 'area') void sampleAreaOnMesh(controller, id, points);
    },
    onCancel: () => useMeasure.getState().setDrawing(undefined),
  });
}

/** Undo: the last point while drawing (when there is one), else the last measurement. */
export function undoMeasuring(controller: TwinController): void {
  if (useMeasure.getState().drawing && controller.drawingPoints > 0) controller.undoPolygonPoint();
  else useMeasure.getState().undo();
}
