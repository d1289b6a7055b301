// Sunlight-hours analysis (日照分析), from a drawn area or a facade line to a draped colour map or
// a per-window list: the surface around it (mesh + proposals) is loaded wide enough for the low
// sun's shadows, every point's rays are walked for each sun sample of the standard day's window,
// and the hours are judged against the rule. Timings are kept for the record.
import { localFrame, type LonLatHeight } from '../../domain/review/frame.ts';
import { heightAt, maxHeight, type HeightRaster } from '../../domain/review/raster.ts';
import { sunSamples } from '../../domain/review/sun.ts';
import {
  facadePoints, groundPoints, requiredMarginMeters, sunlightColour, sunlightHours, sunlightVerdict, VERDICT_PASS, type XY,
} from '../../domain/review/sunlight.ts';
import type { TwinController } from '../../engine/viewer/controller.ts';
import { analysisSurface } from '../../services/surfaceRaster.ts';
import { useSun } from '../../state/sun.ts';
import type { Lang } from '../../state/ui.ts';
import { translate } from '../i18n/index.ts';

export const SUNLIGHT_SPACING_M = 2;
const CELL_M = 1;
const SILL_M = 0.9;
/** The first load reaches this far around the area; wider when its tallest roof casts further. */
const FIRST_MARGIN_M = 150;
/** Beyond this the load would be a district: shadows from farther away count as no data. */
const MAX_MARGIN_M = 600;

export const RASTER_KEY = 'sunlight';
export const SKETCH_KEY = 'sunlight-facade';

async function surfaceFor(centre: { lon: number; lat: number }, halfW: number, halfH: number, samples: ReturnType<typeof sunSamples>, lang: Lang) {
  const busy = (done: number, total: number): void => useSun.getState().setBusy(translate(lang, 'sun.loadingSurface', { done, total }));
  const area = (m: number) => ({ center: { lon: centre.lon, lat: centre.lat, height: 0 }, halfWidth: halfW + m, halfHeight: halfH + m });
  let s = await analysisSurface(area(FIRST_MARGIN_M), CELL_M, busy);
  let tiles = s.tiles;
  let ground = Infinity;
  for (const z of s.raster.heights) if (z < ground) ground = z; // NaN compares false: gaps are skipped
  const need = Math.min(MAX_MARGIN_M, requiredMarginMeters(maxHeight(s.raster) - ground, samples));
  if (need > FIRST_MARGIN_M) {
    s = await analysisSurface(area(need), CELL_M, busy);
    tiles += s.tiles;
  }
  return { ...s, tiles };
}

const rectOf = (frame: ReturnType<typeof localFrame>, minX: number, minY: number, maxX: number, maxY: number) => {
  const sw = frame.toGeodetic([minX, minY, 0]), ne = frame.toGeodetic([maxX, maxY, 0]);
  return { west: sw.lon, south: sw.lat, east: ne.lon, north: ne.lat };
};

/** Hours over a drawn area (ground and roofs at 2 m), draped as a colour map. */
export async function runAreaSunlight(controller: TwinController, ring: readonly LonLatHeight[], lang: Lang): Promise<void> {
  const sun = useSun.getState();
  const n = ring.length;
  const centre = { lon: ring.reduce((a, p) => a + p.lon, 0) / n, lat: ring.reduce((a, p) => a + p.lat, 0) / n };
  const samples = sunSamples(sun.rule, sun.date.year, centre.lon, centre.lat);
  const frame0 = localFrame({ ...centre, height: 0 });
  const xy0 = ring.map((p) => frame0.fromGeodetic({ ...p, height: 0 }));
  const halfW = Math.max(...xy0.map((p) => Math.abs(p[0]))), halfH = Math.max(...xy0.map((p) => Math.abs(p[1])));
  const t0 = performance.now();
  const surface = await surfaceFor(centre, halfW, halfH, samples, lang);
  const t1 = performance.now();
  const r = surface.raster;
  const frame = localFrame(r.origin);
  const area: XY[] = ring.map((p) => { const v = frame.fromGeodetic({ ...p, height: 0 }); return [v[0], v[1]] as const; });
  const { points, xy } = groundPoints(r, area, SUNLIGHT_SPACING_M, SILL_M);
  useSun.getState().setBusy(translate(lang, 'sun.computing', { points: points.length, samples: samples.length }));
  await new Promise((res) => setTimeout(res, 0)); // let the panel say so before the work blocks
  const t2 = performance.now();
  const hours = sunlightHours(r, points, samples);
  const t3 = performance.now();
  const { summary } = sunlightVerdict(hours, sun.rule);
  if (points.length === 0 || summary.noData === summary.count) {
    useSun.getState().setResult(undefined, translate(lang, 'sun.noData', { notes: surface.notes.join('; ') || surface.missing.join('; ') }));
    return;
  }
  // The colour map: one pixel per point on the point grid over the area's box.
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const [x, y] of xy) { minX = Math.min(minX, x); minY = Math.min(minY, y); maxX = Math.max(maxX, x); maxY = Math.max(maxY, y); }
  const width = Math.round((maxX - minX) / SUNLIGHT_SPACING_M) + 1, height = Math.round((maxY - minY) / SUNLIGHT_SPACING_M) + 1;
  const rgba = new Uint8ClampedArray(width * height * 4);
  xy.forEach(([x, y], k) => {
    const i = Math.round((x - minX) / SUNLIGHT_SPACING_M), j = Math.round((y - minY) / SUNLIGHT_SPACING_M);
    rgba.set(sunlightColour(hours[k]!, sun.rule), (j * width + i) * 4);
  });
  const h = SUNLIGHT_SPACING_M / 2;
  controller.rasters.show(RASTER_KEY, rectOf(frame, minX - h, minY - h, minX + (width - 1) * SUNLIGHT_SPACING_M + h, minY + (height - 1) * SUNLIGHT_SPACING_M + h), { width, height, rgba });
  useSun.getState().setResult({
    kind: 'area', points: summary.count, passing: summary.passing, failing: summary.failing, noData: summary.noData,
    minHours: summary.min, maxHours: summary.max, timings: { surfaceMs: t1 - t0, hoursMs: t3 - t2, tiles: surface.tiles },
  });
}

/** Which side of a wall line is outside: the side whose surface is lower 3 m out. */
function outsideRight(r: HeightRaster, a: XY, b: XY): boolean {
  const len = Math.hypot(b[0] - a[0], b[1] - a[1]) || 1;
  const nx = (b[1] - a[1]) / len, ny = -(b[0] - a[0]) / len;
  const mx = (a[0] + b[0]) / 2, my = (a[1] + b[1]) / 2;
  const right = heightAt(r, mx + nx * 3, my + ny * 3), left = heightAt(r, mx - nx * 3, my - ny * 3);
  return !(right > left);
}

/** Hours at every window of a facade (clicked at its foot, either direction), floor by floor. */
export async function runFacadeSunlight(controller: TwinController, a: LonLatHeight, b: LonLatHeight, floors: number, floorHeight: number, lang: Lang): Promise<void> {
  const sun = useSun.getState();
  const centre = { lon: (a.lon + b.lon) / 2, lat: (a.lat + b.lat) / 2 };
  const samples = sunSamples(sun.rule, sun.date.year, centre.lon, centre.lat);
  const frame0 = localFrame({ ...centre, height: 0 });
  const half = Math.hypot(...frame0.fromGeodetic({ ...a, height: 0 }).slice(0, 2) as [number, number]) + 5;
  const t0 = performance.now();
  const surface = await surfaceFor(centre, half, half, samples, lang);
  const t1 = performance.now();
  const r = surface.raster;
  const frame = localFrame(r.origin);
  let from: XY = frame.fromGeodetic(a).slice(0, 2) as unknown as XY, to: XY = frame.fromGeodetic(b).slice(0, 2) as unknown as XY;
  if (!outsideRight(r, from, to)) [from, to] = [to, from];
  const baseZ = Math.min(frame.fromGeodetic(a)[2], frame.fromGeodetic(b)[2]);
  const windows = facadePoints({ from, to, baseZ, floors, floorHeight, spacing: 3, offset: 0.71 * r.cell + 0.15 });
  const t2 = performance.now();
  const hours = sunlightHours(r, windows.map((w) => w.point), samples, { normals: windows.map((w) => w.normal) });
  const t3 = performance.now();
  const { verdict, summary } = sunlightVerdict(hours, sun.rule);
  const byFloor = new Map<number, { floor: number; passing: number; windows: number; minHours: number }>();
  windows.forEach((w, k) => {
    const f = byFloor.get(w.floor) ?? { floor: w.floor + 1, passing: 0, windows: 0, minHours: Infinity };
    f.windows += 1;
    if (verdict[k] === VERDICT_PASS) f.passing += 1;
    if (Number.isFinite(hours[k]!)) f.minHours = Math.min(f.minHours, hours[k]!);
    byFloor.set(w.floor, f);
  });
  controller.sketches.show(SKETCH_KEY, windows.map((w, k) => {
    const g = frame.toGeodetic(w.point);
    const c = sunlightColour(hours[k]!, sun.rule);
    return { kind: 'point' as const, at: g, size: 7, color: `rgb(${c[0]},${c[1]},${c[2]})` };
  }));
  useSun.getState().setResult({
    kind: 'facade', points: summary.count, passing: summary.passing, failing: summary.failing, noData: summary.noData,
    minHours: summary.min, maxHours: summary.max, floors: [...byFloor.values()],
    timings: { surfaceMs: t1 - t0, hoursMs: t3 - t2, tiles: surface.tiles },
  });
}
