// 淹没分析: a square around the view centre loaded once, the flooded area at every level of the
// slider from one priority-flood pass (floodSeries), so moving the level or playing the rise shows
// its figures at once; the mask of the level shown is recomputed (one fill, ~0.1 s for 1 km²) and
// draped, coalesced so a dragged slider does not queue a drape per pixel of travel.
import { floodAt, floodSeries, type FloodStats } from '../../domain/review/flood.ts';
import type { TwinController } from '../../engine/viewer/controller.ts';
import { useAnalysis } from '../../state/analysis.ts';
import { FLOOD_PALETTE, firstWetLevel, floodLevels, maskRgba, problemMessage, rasterRect, surfaceRange } from './analysisDraw.ts';
import { cellFor, geoidOffset, guarded, NO_SURFACE, surfaceAround, yieldToPaint, type LoadedSurface } from './analysisLoad.ts';

export const FLOOD_RASTER = 'analysis-flood';
export const FLOOD_SKETCH = 'analysis-flood-water';
const WATER = '#1e88e5';
/** Milliseconds between steps of the played rise, and levels per step (0.1 m). */
export const PLAY_MS = 450;
const PLAY_STEP = 2;
/** A dragged slider re-drapes at most this often. */
const DRAPE_MS = 150;

interface FloodRun {
  readonly surface: LoadedSurface;
  readonly levels: readonly number[];
  readonly series: readonly FloodStats[];
  readonly dataCells: number;
  readonly source: 'edges' | 'all';
}
let run: FloodRun | undefined;
let drapeTimer: number | undefined;
let playTimer: number | undefined;

/** Loads the square (side from the params) around the view centre and shows the first level that floods. */
export function runFlood(controller: TwinController): Promise<void> {
  return guarded('flood', async () => {
    const store = useAnalysis.getState();
    stopFlood();
    const centre = controller.viewCentre();
    if (!centre) { store.setProblem('flood', { key: 'analysis.problem.noCentre' }); return; }
    const { floodSide: side, floodFrom: source } = store.params;
    const surface = await surfaceAround('flood', centre, side / 2, side / 2, cellFor(side));
    if (!surface) { removeDrawings(controller); store.setProblem('flood', NO_SURFACE); return; }
    const r = surface.raster, off = geoidOffset();
    const range = surfaceRange(r);
    if (!range) { store.setProblem('flood', NO_SURFACE); return; }
    const levels = floodLevels(range.min - off, range.max - off);
    store.setBusy('flood', { key: 'analysis.flood.computing', params: { levels: levels.length } });
    await yieldToPaint();
    const t0 = performance.now();
    const s = floodSeries(r, levels.map((l) => l + off), { connectedFrom: source });
    const seriesMs = performance.now() - t0;
    store.setBusy('flood', undefined);
    if (!s.ok) { store.setProblem('flood', problemMessage(s.problem, surface.frame)); return; }
    let dataCells = 0;
    for (const h of r.heights) if (Number.isFinite(h)) dataCells += 1;
    run = { surface, levels, series: s.series, dataCells, source };
    const areas = s.series.map((x) => x.areaM2);
    // Start a few steps past the first wet level, so the planner sees water at once.
    const start = Math.min(levels.length - 1, firstWetLevel(areas) + 4);
    const g = r.origin;
    useAnalysis.getState().setResult('flood', {
      side, centre: { lon: g.lon, lat: g.lat }, levels, areas, level: levels[start]!, areaM2: 0, maxDepth: 0, volumeM3: 0, floodedShare: 0, maybeCells: 0,
      noDataShare: surface.noDataShare, surfaceMin: range.min - off, surfaceMax: range.max - off,
      timings: { surfaceMs: surface.ms, seriesMs, tiles: surface.tiles },
    });
    setFloodLevel(controller, start, true);
  });
}

/** Shows level `index` of the series: figures at once, the draped mask now (`immediate`) or coalesced. */
export function setFloodLevel(controller: TwinController, index: number, immediate = false): void {
  const current = useAnalysis.getState().results.flood;
  if (!run || !current) return;
  const k = Math.max(0, Math.min(run.levels.length - 1, Math.round(index)));
  const st = run.series[k]!;
  useAnalysis.getState().setResult('flood', {
    ...current, level: run.levels[k]!, areaM2: st.areaM2, maxDepth: st.maxDepth, volumeM3: st.volumeM3,
    floodedShare: run.dataCells > 0 ? st.cells / run.dataCells : 0, maybeCells: st.maybeCells,
  });
  window.clearTimeout(drapeTimer);
  if (immediate) drape(controller, k);
  else drapeTimer = window.setTimeout(() => drape(controller, k), DRAPE_MS);
}

function drape(controller: TwinController, k: number): void {
  if (!run) return;
  const { raster: r, frame } = run.surface;
  const off = geoidOffset();
  const level = run.levels[k]! + off;
  const f = floodAt(r, level, { connectedFrom: run.source });
  if (!f.ok) return;
  const rect = rasterRect(r, frame);
  controller.rasters.show(FLOOD_RASTER, rect, { width: r.cols, height: r.rows, rgba: maskRgba(f.mask, FLOOD_PALETTE) });
  // The water surface as a translucent plane over the square: where it stands above the ground it shows.
  const ring = [{ lon: rect.west, lat: rect.south }, { lon: rect.east, lat: rect.south }, { lon: rect.east, lat: rect.north }, { lon: rect.west, lat: rect.north }];
  controller.sketches.show(FLOOD_SKETCH, [{ kind: 'plane', ring, height: level, color: WATER, alpha: 0.22 }]);
}

/** Index of the level shown now in the loaded series. */
export function floodIndex(): number {
  const f = useAnalysis.getState().results.flood;
  return f ? f.levels.indexOf(f.level) : -1;
}

/** Plays the rise from the level shown (from the bottom when at the top) to the top of the range. */
export function playFlood(controller: TwinController): void {
  if (!run) return;
  stopFlood();
  if (floodIndex() >= run.levels.length - 1) setFloodLevel(controller, 0, true);
  useAnalysis.getState().setPlaying(true);
  playTimer = window.setInterval(() => {
    const n = run?.levels.length ?? 0, k = floodIndex();
    if (k < 0 || k >= n - 1) { stopFlood(); return; }
    setFloodLevel(controller, k + PLAY_STEP, true);
  }, PLAY_MS);
}

export function stopFlood(): void {
  window.clearInterval(playTimer);
  playTimer = undefined;
  if (useAnalysis.getState().playing) useAnalysis.getState().setPlaying(false);
}

function removeDrawings(controller: TwinController): void {
  window.clearTimeout(drapeTimer);
  controller.rasters.remove(FLOOD_RASTER);
  controller.sketches.remove(FLOOD_SKETCH);
}

export function clearFlood(controller: TwinController): void {
  stopFlood();
  removeDrawings(controller);
  run = undefined;
  useAnalysis.getState().clear('flood');
}
