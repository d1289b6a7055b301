// Flood at a water level: which cells lie under it, by 4-neighbour connection from where the water
// comes in (the area's edges — sea and rivers —, chosen seed points) or everywhere below the level.
// The raster is the top surface, so a roof lower than the level reads as flooded to its roof and
// volume is water above the surface, not inside buildings. Levels are z in the raster's ENU frame:
// the caller converts a 1985 National Height Datum level (via the geoid) before asking.
//
// Gaps in the data are neither land nor water: a gap cell is reported as no data, and a cell below
// the level that water could reach only through a gap is 'maybe', never silently dry.
import type { HeightRaster } from './raster.ts';
import { cellIndexAt, refuse, type Refused, type Reviewed, type XY } from './sight.ts';

/** Per-cell values of `Flood.mask`. */
export const FLOOD = { dry: 0, flooded: 1, noData: 2, maybe: 3 } as const;

/** Where water enters: every cell below the level, the raster's edges, or seed points. */
export type FloodSource = 'all' | 'edges' | readonly XY[];
export interface FloodOptions { readonly connectedFrom?: FloodSource }

export interface FloodStats {
  readonly level: number;
  readonly cells: number;
  readonly areaM2: number;
  /** Deepest water above the surface, metres (0 when nothing floods). */
  readonly maxDepth: number;
  readonly volumeM3: number;
  /** Cells below the level that water reaches only through gaps in the data. */
  readonly maybeCells: number;
}
export interface Flood extends FloodStats {
  /** One `FLOOD` value per raster cell, row-major like `heights`. */
  readonly mask: Uint8Array;
  readonly noDataCells: number;
}

type Sources = { readonly kind: 'all' } | { readonly kind: 'cells'; readonly data: Int32Array; readonly gaps: Int32Array };

/** The cells water enters by (with data, and — for the 'maybe' pass — gap cells on the edges). */
function sources(r: HeightRaster, from: FloodSource): Sources | Refused {
  if (from === 'all') return { kind: 'all' };
  const data: number[] = [], gaps: number[] = [];
  if (from === 'edges') {
    const { cols, rows } = r;
    for (let j = 0; j < rows; j++) {
      for (let i = 0; i < cols; i++) {
        if (j !== 0 && j !== rows - 1 && i !== 0 && i !== cols - 1) continue;
        const k = j * cols + i;
        (Number.isFinite(r.heights[k]!) ? data : gaps).push(k);
      }
    }
  } else {
    for (let s = 0; s < from.length; s++) {
      const k = cellIndexAt(r, from[s]!, `connectedFrom[${s}]`);
      if (typeof k !== 'number') return k;
      data.push(k);
    }
  }
  return { kind: 'cells', data: Int32Array.from(data), gaps: Int32Array.from(gaps) };
}

function problemOf(r: HeightRaster, level: number, from: FloodSource): Sources | Refused {
  if (!Number.isFinite(level)) return refuse({ kind: 'invalid', what: `water level must be a finite z, got ${level}` });
  if (!r.heights.some(Number.isFinite)) return refuse({ kind: 'noData', where: [r.x0, r.y0], what: 'the raster holds no data' });
  return sources(r, from);
}

/**
 * Breadth-first fill over cells below `level` from `start`. With `throughGaps`, gap cells pass water
 * on (without being marked): what a gap might connect.
 */
function fill(r: HeightRaster, level: number, start: Int32Array, throughGaps: boolean): Uint8Array {
  const { cols, rows, heights } = r;
  const seen = new Uint8Array(cols * rows); // 1 reached, below level; 2 gap passed through
  const queue = new Int32Array(cols * rows);
  let head = 0, tail = 0;
  const visit = (k: number): void => {
    if (seen[k] !== 0) return;
    const h = heights[k]!;
    if (h < level) { seen[k] = 1; queue[tail++] = k; } else if (throughGaps && !Number.isFinite(h)) { seen[k] = 2; queue[tail++] = k; }
  };
  for (const k of start) visit(k);
  while (head < tail) {
    const k = queue[head++]!;
    const i = k % cols;
    if (i > 0) visit(k - 1);
    if (i < cols - 1) visit(k + 1);
    if (k >= cols) visit(k - cols);
    if (k < (rows - 1) * cols) visit(k + cols);
  }
  return seen;
}

/** The flood at one level. Default source: the raster's edges. */
export function floodAt(r: HeightRaster, level: number, options: FloodOptions = {}): Reviewed<Flood> {
  const from = options.connectedFrom ?? 'edges';
  const src = problemOf(r, level, from);
  if ('ok' in src) return src;
  const { heights, cell } = r;
  const n = heights.length;
  let wet: Uint8Array | undefined, maybe: Uint8Array | undefined;
  if (src.kind === 'cells') {
    wet = fill(r, level, src.data, false);
    const all = new Int32Array(src.data.length + src.gaps.length);
    all.set(src.data); all.set(src.gaps, src.data.length);
    maybe = fill(r, level, all, true);
  }
  const mask = new Uint8Array(n);
  let cells = 0, maxDepth = 0, volume = 0, maybeCells = 0, noDataCells = 0;
  for (let k = 0; k < n; k++) {
    const h = heights[k]!;
    if (!Number.isFinite(h)) { mask[k] = FLOOD.noData; noDataCells += 1; continue; }
    if (!(h < level)) continue;
    if (wet === undefined || wet[k] === 1) {
      mask[k] = FLOOD.flooded;
      cells += 1;
      volume += level - h;
      if (level - h > maxDepth) maxDepth = level - h;
    } else if (maybe?.[k] === 1) { mask[k] = FLOOD.maybe; maybeCells += 1; }
  }
  const a = cell * cell;
  return { ok: true, level, mask, cells, areaM2: cells * a, maxDepth, volumeM3: volume * a, maybeCells, noDataCells };
}

/** A binary min-heap of cell indices keyed by a float, sized once for every cell. */
class CellHeap {
  private readonly keys: Float64Array;
  private readonly cells: Int32Array;
  size = 0;
  constructor(capacity: number) { this.keys = new Float64Array(capacity); this.cells = new Int32Array(capacity); }
  push(key: number, cell: number): void {
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.keys[p]! <= key) break;
      this.keys[i] = this.keys[p]!; this.cells[i] = this.cells[p]!; i = p;
    }
    this.keys[i] = key; this.cells[i] = cell;
  }
  /** Pops the smallest; returns its cell (its key is read with `top` before). */
  pop(): number {
    const out = this.cells[0]!;
    const key = this.keys[--this.size]!, cell = this.cells[this.size]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= this.size) break;
      if (c + 1 < this.size && this.keys[c + 1]! < this.keys[c]!) c += 1;
      if (this.keys[c]! >= key) break;
      this.keys[i] = this.keys[c]!; this.cells[i] = this.cells[c]!; i = c;
    }
    this.keys[i] = key; this.cells[i] = cell;
    return out;
  }
  top(): number { return this.keys[0]!; }
}

/**
 * Per cell, the lowest level at which water from the sources reaches it: the minimax of surface
 * heights over 4-neighbour paths (Barnes' priority-flood). A cell floods at L iff its spill level < L.
 * With `throughGaps`, gap cells cost nothing to cross (what gaps might connect); otherwise they never carry water.
 */
function spillLevels(r: HeightRaster, src: Sources, throughGaps: boolean): Float64Array {
  const { cols, rows, heights } = r;
  const n = cols * rows;
  const spill = new Float64Array(n).fill(Infinity);
  if (src.kind === 'all') {
    for (let k = 0; k < n; k++) if (Number.isFinite(heights[k]!)) spill[k] = heights[k]!;
    return spill;
  }
  const cost = (k: number): number => { const h = heights[k]!; return Number.isFinite(h) ? h : throughGaps ? -Infinity : Infinity; };
  const heap = new CellHeap(n);
  const done = new Uint8Array(n);
  const start = throughGaps ? [src.data, src.gaps] : [src.data];
  for (const list of start) for (const k of list) if (!done[k]) { done[k] = 1; spill[k] = cost(k); heap.push(spill[k]!, k); }
  const reach = (w: number, k: number): void => {
    if (done[k]) return;
    done[k] = 1;
    const c = cost(k);
    if (c === Infinity) return; // a gap that carries nothing
    spill[k] = Math.max(w, c);
    heap.push(spill[k]!, k);
  };
  while (heap.size > 0) {
    const w = heap.top(), k = heap.pop();
    const i = k % cols;
    if (i > 0) reach(w, k - 1);
    if (i < cols - 1) reach(w, k + 1);
    if (k >= cols) reach(w, k - cols);
    if (k < (rows - 1) * cols) reach(w, k + cols);
  }
  return spill;
}

/**
 * Flood statistics for many levels (an animated rising tide) from one priority-flood pass instead
 * of one fill per level; the same cells as `floodAt` at each level, so area never shrinks as the level rises.
 */
export function floodSeries(r: HeightRaster, levels: readonly number[], options: FloodOptions = {}): Reviewed<{ readonly series: readonly FloodStats[] }> {
  const from = options.connectedFrom ?? 'edges';
  const src = problemOf(r, levels.find((l) => !Number.isFinite(l)) ?? 0, from);
  if ('ok' in src) return src;
  const spill = spillLevels(r, src, false);
  const spillThroughGaps = src.kind === 'all' ? spill : spillLevels(r, src, true);
  const { heights, cell } = r;
  const a = cell * cell;
  const series = levels.map((level): FloodStats => {
    let cells = 0, maxDepth = 0, volume = 0, maybeCells = 0;
    for (let k = 0; k < heights.length; k++) {
      const h = heights[k]!;
      if (!(h < level)) continue; // also skips gaps
      if (spill[k]! < level) {
        cells += 1;
        volume += level - h;
        if (level - h > maxDepth) maxDepth = level - h;
      } else if (spillThroughGaps[k]! < level) maybeCells += 1;
    }
    return { level, cells, areaM2: cells * a, maxDepth, volumeM3: volume * a, maybeCells };
  });
  return { ok: true, series };
}
