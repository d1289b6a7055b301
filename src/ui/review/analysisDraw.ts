// From analysis results to what the scene and the panel show, free of Cesium and React so the
// rules are unit-tested: a per-cell class mask to a draped RGBA image (row 0 south, as the raster's
// rows run), the raster's lon/lat rectangle, a domain refusal to a message the planner can read,
// and the flood level range offered for a loaded surface.
import { localFrame, type LocalFrame } from '../../domain/review/frame.ts';
import type { HeightRaster } from '../../domain/review/raster.ts';
import type { ReviewProblem } from '../../domain/review/sight.ts';
import { FLOOD } from '../../domain/review/flood.ts';
import { LIMIT } from '../../domain/review/heightLimit.ts';
import { VIEW } from '../../domain/review/viewshed.ts';
import type { AnalysisMessage } from '../../state/analysis.ts';

export type Rgba = readonly [number, number, number, number];
/** Colour per mask class; classes not listed stay transparent. */
export type Palette = Readonly<Record<number, Rgba>>;

export const FLOOD_PALETTE: Palette = { [FLOOD.flooded]: [30, 136, 229, 150], [FLOOD.maybe]: [128, 222, 234, 120], [FLOOD.noData]: [158, 158, 158, 90] };
export const VIEW_PALETTE: Palette = { [VIEW.visible]: [0, 200, 83, 140], [VIEW.hidden]: [229, 57, 53, 120], [VIEW.unknown]: [158, 158, 158, 130] };
export const LIMIT_PALETTE: Palette = { [LIMIT.above]: [229, 57, 53, 170], [LIMIT.noData]: [158, 158, 158, 110] };

export const cssColour = (c: Rgba): string => `rgba(${c[0]},${c[1]},${c[2]},${(c[3] / 255).toFixed(2)})`;

/** One pixel per cell, coloured by class. The raster's row 0 is its south row, as the drape wants. */
export function maskRgba(mask: Uint8Array, palette: Palette): Uint8ClampedArray {
  const out = new Uint8ClampedArray(mask.length * 4);
  for (let k = 0; k < mask.length; k++) {
    const c = palette[mask[k]!];
    if (c) out.set(c, k * 4);
  }
  return out;
}

export interface LonLatRect { readonly west: number; readonly south: number; readonly east: number; readonly north: number }

/** The lon/lat rectangle the raster's cells cover (cell centres ± half a cell). */
export function rasterRect(r: HeightRaster, frame: LocalFrame = localFrame(r.origin)): LonLatRect {
  const h = r.cell / 2;
  const sw = frame.toGeodetic([r.x0 - h, r.y0 - h, 0]);
  const ne = frame.toGeodetic([r.x0 + (r.cols - 1) * r.cell + h, r.y0 + (r.rows - 1) * r.cell + h, 0]);
  return { west: sw.lon, south: sw.lat, east: ne.lon, north: ne.lat };
}

/** Whether every corner of a lon/lat box lies within the raster's cells, give or take half a cell (a loaded surface can be reused). */
export function rasterCovers(r: HeightRaster, box: LonLatRect, frame: LocalFrame = localFrame(r.origin)): boolean {
  // A whole cell of slack: meridians converge, so a lon/lat box's corners miss the ENU square's by centimetres.
  const h = r.cell;
  const minX = r.x0 - h, maxX = r.x0 + (r.cols - 1) * r.cell + h, minY = r.y0 - h, maxY = r.y0 + (r.rows - 1) * r.cell + h;
  for (const lon of [box.west, box.east]) {
    for (const lat of [box.south, box.north]) {
      const [x, y] = frame.fromGeodetic({ lon, lat, height: 0 });
      if (x < minX || x > maxX || y < minY || y > maxY) return false;
    }
  }
  return true;
}

/** What the domain's `what` names, as a message key (the domain words it in English for logs). */
function whatKey(what: string): `analysis.${string}` {
  if (what.startsWith('observer')) return 'analysis.what.observer';
  if (what.startsWith('target')) return 'analysis.what.target';
  if (what.startsWith('sight line')) return 'analysis.what.sightLine';
  if (what.includes('profile')) return 'analysis.what.profile';
  if (what.includes('control zone')) return 'analysis.what.zone';
  return 'analysis.what.area';
}

const fixed = (v: number, d: number): string => v.toFixed(d);

/** A refusal as a message naming what is missing and where (lon/lat, to 5 decimals ≈ 1 m). */
export function problemMessage(problem: ReviewProblem, frame: LocalFrame): AnalysisMessage {
  if (problem.kind === 'invalid') return { key: 'analysis.problem.invalid', params: { detail: problem.what } };
  const g = frame.toGeodetic([problem.where[0], problem.where[1], 0]);
  return {
    key: problem.kind === 'outside' ? 'analysis.problem.outside' : 'analysis.problem.noData',
    what: whatKey(problem.what), params: { lon: fixed(g.lon, 5), lat: fixed(g.lat, 5) },
  };
}

/** Share of cells holding no height (0…1). */
export function noDataShare(r: HeightRaster): number {
  let gaps = 0;
  for (const h of r.heights) if (!Number.isFinite(h)) gaps += 1;
  return gaps / r.heights.length;
}

/** Lowest and highest surface z, or undefined when the raster holds no data. */
export function surfaceRange(r: HeightRaster): { min: number; max: number } | undefined {
  let min = Infinity, max = -Infinity;
  for (const h of r.heights) {
    if (!Number.isFinite(h)) continue;
    if (h < min) min = h;
    if (h > max) max = h;
  }
  return min <= max ? { min, max } : undefined;
}

export const FLOOD_STEP_M = 0.05;
/** The slider reaches this far above the lowest surface: past a few metres a coastal flood is a different study. */
export const FLOOD_SPAN_M = 8;

/**
 * Levels (1985 datum) the flood slider steps through: from just below the lowest surface in the
 * square, in FLOOD_STEP_M steps, FLOOD_SPAN_M up (or to the highest surface, if lower). Rounded to
 * the step so the readout shows tidy numbers.
 */
export function floodLevels(min85: number, max85: number): number[] {
  const start = Math.floor(min85 / FLOOD_STEP_M) * FLOOD_STEP_M - 0.5;
  const top = Math.min(max85, min85 + FLOOD_SPAN_M) + FLOOD_STEP_M;
  const n = Math.max(2, Math.round((top - start) / FLOOD_STEP_M) + 1);
  return Array.from({ length: n }, (_, i) => Math.round((start + i * FLOOD_STEP_M) * 100) / 100);
}

/** The level index to start at: the first at which anything floods, else the middle. */
export function firstWetLevel(areas: readonly number[]): number {
  const k = areas.findIndex((a) => a > 0);
  return k >= 0 ? k : Math.floor(areas.length / 2);
}

/** The low percentile of the surface inside a zone (its ground, for a limit above ground), robust to a pit or two. */
export function groundOf(heights: readonly number[], percentile = 0.02): number | undefined {
  const known = heights.filter(Number.isFinite).sort((a, b) => a - b);
  if (known.length === 0) return undefined;
  return known[Math.min(known.length - 1, Math.floor(percentile * known.length))];
}

/** A limit height as typed: a finite number of metres, or undefined (refused with a message). */
export function parseLimit(text: string): number | undefined {
  const t = text.trim().replace(/\s*(m|米)$/i, '');
  if (t === '' || !/^[-+]?\d*\.?\d+$/.test(t)) return undefined;
  const v = Number(t);
  return Number.isFinite(v) ? v : undefined;
}

/** Points every `step` degrees on a circle of `radius` metres around an ENU point, for an outline. */
export function circleXY(cx: number, cy: number, radius: number, fromDeg = 0, toDeg = 360, step = 5): [number, number][] {
  const pts: [number, number][] = [];
  const n = Math.max(2, Math.ceil((toDeg - fromDeg) / step));
  for (let k = 0; k <= n; k++) {
    const a = ((fromDeg + ((toDeg - fromDeg) * k) / n) * Math.PI) / 180; // compass bearing
    pts.push([cx + radius * Math.sin(a), cy + radius * Math.cos(a)]);
  }
  return pts;
}

/**
 * The cells of `r` whose centres lie in an ENU box (r's frame), copied: an analysis over a part of a
 * loaded surface (a flood's square has its own edges; a smaller raster is faster). Undefined when
 * the box holds no cell centre.
 */
export function cropRaster(r: HeightRaster, minX: number, minY: number, maxX: number, maxY: number): HeightRaster | undefined {
  const i0 = Math.max(0, Math.ceil((minX - r.x0) / r.cell - 1e-9)), i1 = Math.min(r.cols - 1, Math.floor((maxX - r.x0) / r.cell + 1e-9));
  const j0 = Math.max(0, Math.ceil((minY - r.y0) / r.cell - 1e-9)), j1 = Math.min(r.rows - 1, Math.floor((maxY - r.y0) / r.cell + 1e-9));
  if (i1 < i0 || j1 < j0) return undefined;
  const cols = i1 - i0 + 1, rows = j1 - j0 + 1;
  const heights = new Float32Array(cols * rows);
  for (let j = 0; j < rows; j++) heights.set(r.heights.subarray((j0 + j) * r.cols + i0, (j0 + j) * r.cols + i0 + cols), j * cols);
  return { origin: r.origin, x0: r.x0 + i0 * r.cell, y0: r.y0 + j0 * r.cell, cell: r.cell, cols, rows, heights };
}
