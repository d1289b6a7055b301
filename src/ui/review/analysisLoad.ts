// The surface an analysis reads, loaded once and shared: a flood square, a viewshed disc or a sight
// line inside a surface already loaded reuses it (the mesh does not change under a planner), and
// any change to the shown design alternatives drops it, since they are written into the raster.
import { localFrame, type LocalFrame } from '../../domain/review/frame.ts';
import type { HeightRaster } from '../../domain/review/raster.ts';
import type { TwinController } from '../../engine/viewer/controller.ts';
import type { DrawPoint, DrawShape } from '../../engine/viewer/drawPolygon.ts';
import { analysisSurface } from '../../services/surfaceRaster.ts';
import { useAnalysis, type AnalysisKind, type AnalysisMessage } from '../../state/analysis.ts';
import { useSchemes } from '../../state/schemes.ts';
import { useView } from '../../state/view.ts';
import { cropRaster, noDataShare, rasterCovers, type LonLatRect } from './analysisDraw.ts';

export interface LoadedSurface {
  readonly raster: HeightRaster;
  readonly frame: LocalFrame;
  readonly tiles: number;
  /** Milliseconds the load took (0 when reused). */
  readonly ms: number;
  readonly noDataShare: number;
}

/** Metres per cell: 1 m up to a 1 km square (≈ 1 M cells), coarser beyond so a load stays seconds. */
export const cellFor = (side: number): number => Math.max(1, Math.ceil(side / 1000));

let cached: LoadedSurface | undefined;
useSchemes.subscribe(() => { cached = undefined; });

/** The geoid offset: ellipsoidal height = 1985 height + offset (the raster's z is ellipsoidal at its origin). */
export const geoidOffset = (): number => useView.getState().geoid.offsetMeters;

/** Refusal when nothing of the mesh lies under the area (outside the data, or every tile failed). */
export const NO_SURFACE: AnalysisMessage = { key: 'analysis.problem.noSurface' };

/**
 * The surface over a lon/lat box around `centre` (half sizes in metres), at `cell` metres: the
 * cached one when it covers the box at that cell or finer, else a fresh load with progress shown
 * under `kind`. Undefined when nothing of the mesh lies under the box (the caller says so).
 */
export async function surfaceAround(kind: AnalysisKind, centre: { lon: number; lat: number }, halfW: number, halfH: number, cell = 1): Promise<LoadedSurface | undefined> {
  const frame0 = localFrame({ lon: centre.lon, lat: centre.lat, height: 0 });
  const sw = frame0.toGeodetic([-halfW, -halfH, 0]), ne = frame0.toGeodetic([halfW, halfH, 0]);
  const box: LonLatRect = { west: sw.lon, south: sw.lat, east: ne.lon, north: ne.lat };
  if (cached && cached.raster.cell <= cell && rasterCovers(cached.raster, box, cached.frame)) {
    // The requested box in the cached frame (the two frames differ by a turn of < 0.01° over 1 km).
    const c = cached.frame.fromGeodetic({ lon: centre.lon, lat: centre.lat, height: 0 });
    const part = cropRaster(cached.raster, c[0] - halfW, c[1] - halfH, c[0] + halfW, c[1] + halfH);
    if (part) {
      const share = noDataShare(part);
      return share >= 1 ? undefined : { ...cached, raster: part, ms: 0, noDataShare: share };
    }
  }
  const set = useAnalysis.getState().setBusy;
  set(kind, { key: 'analysis.loading', params: { done: 0, total: '…' } });
  const t0 = performance.now();
  try {
    const s = await analysisSurface({ center: { lon: centre.lon, lat: centre.lat, height: 0 }, halfWidth: halfW, halfHeight: halfH }, cell,
      (done, total) => set(kind, { key: 'analysis.loading', params: { done, total } }));
    const share = noDataShare(s.raster);
    const loaded: LoadedSurface = { raster: s.raster, frame: localFrame(s.raster.origin), tiles: s.tiles, ms: performance.now() - t0, noDataShare: share };
    if (share >= 1) return undefined;
    // Keep the larger of the two: a flood square serves later sight lines inside it.
    if (!cached || s.raster.cols * s.raster.rows * s.raster.cell ** 2 >= cached.raster.cols * cached.raster.rows * cached.raster.cell ** 2) cached = loaded;
    return loaded;
  } finally {
    set(kind, undefined);
  }
}

/** Forget the loaded surface (tests; a reloaded mesh). */
export function forgetSurface(): void {
  cached = undefined;
}

/** Runs `job` for `kind`, turning a thrown error into the kind's problem message. */
export async function guarded(kind: AnalysisKind, job: () => Promise<void>): Promise<void> {
  try {
    await job();
  } catch (e) {
    useAnalysis.getState().setProblem(kind, { key: 'analysis.problem.failed', params: { detail: e instanceof Error ? e.message : String(e) } });
  }
}

/** Lets the panel paint its busy line before a blocking computation starts. */
export const yieldToPaint = (): Promise<void> => new Promise((res) => setTimeout(res, 0));

/**
 * Starts picking on the map for `kind` (a second press of the same tool stops it). One drawing at a
 * time: starting another tool's ends this one.
 */
export function drawFor(controller: TwinController, kind: AnalysisKind, shape: DrawShape, onFinish: (points: readonly DrawPoint[]) => void): void {
  const store = useAnalysis.getState();
  if (store.drawing === kind) { controller.cancelPolygon(); return; }
  store.setDrawing(kind);
  controller.drawPolygon({
    shape,
    onFinish: (points) => { useAnalysis.getState().setDrawing(undefined); onFinish(points); },
    onCancel: () => useAnalysis.getState().setDrawing(undefined),
  });
}
