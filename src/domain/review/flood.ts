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
 * The data cells in order of the lowest level at which water from the sources reaches them, with
 * that spill level: the minimax of surface heights over 4-neighbour paths (Barnes' priority-flood,
 * which pops cells in non-decreasing spill level, so the order comes sorted for free). A cell floods
 * at L iff its spill level < L. With `throughGaps`, gap cells cost nothing to cross (what gaps might
 * connect); otherwise they carry no water. Cells water never reaches are left out.
 */
function spillOrder(r: HeightRaster, src: Sources, throughGaps: boolean): { readonly spill: Float64Array; readonly surface: Float64Array; readonly size: number } {
  const { cols, rows, heights } = r;
  const n = cols * rows;
  const spill = new Float64Array(n), surface = new Float64Array(n);
  let size = 0;
  if (src.kind === 'all') {
    // Every cell is its own source: spill level = its height, and a plain numeric sort orders them.
    for (let k = 0; k < n; k++) if (Number.isFinite(heights[k]!)) spill[size++] = heights[k]!;
    const sorted = spill.subarray(0, size).sort();
    return { spill: sorted, surface: sorted, size };
  }
  const cost = (k: number): number => { const h = heights[k]!; return Number.isFinite(h) ? h : throughGaps ? -Infinity : Infinity; };
  const heap = new CellHeap(n);
  const done = new Uint8Array(n);
  const push = (w: number, k: number): void => {
    if (done[k]) return;
    done[k] = 1;
    const c = cost(k);
    if (c === Infinity) return; // a gap that carries nothing
    heap.push(Math.max(w, c), k);
  };
  for (const k of src.data) push(-Infinity, k);
  if (throughGaps) for (const k of src.gaps) push(-Infinity, k);
  while (heap.size > 0) {
    const w = heap.top(), k = heap.pop();
    if (Number.isFinite(heights[k]!)) { surface[size] = heights[k]!; spill[size++] = w; }
    const i = k % cols;
    if (i > 0) push(w, k - 1);
    if (i < cols - 1) push(w, k + 1);
    if (k >= cols) push(w, k - cols);
    if (k < (rows - 1) * cols) push(w, k + cols);
  }
  return { spill, surface, size };
}

/** How many of the first `size` sorted values are < level. */
function countBelow(sorted: Float64Array, size: number, level: number): number {
  let lo = 0, hi = size;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (sorted[mid]! < level) lo = mid + 1; else hi = mid; }
  return lo;
}

/**
 * Flood statistics for many levels (an animated rising tide) from one priority-flood pass and
 * prefix sums, instead of one fill per level: the same cells as `floodAt` at each level, so area
 * never shrinks as the level rises. Cells flooded at L are a prefix of the spill order, so volume is
 * count·L − Σh over that prefix, and max depth L − the prefix's lowest surface.
 */
export function floodSeries(r: HeightRaster, levels: readonly number[], options: FloodOptions = {}): Reviewed<{ readonly series: readonly FloodStats[] }> {
  const from = options.connectedFrom ?? 'edges';
  const src = problemOf(r, levels.find((l) => !Number.isFinite(l)) ?? 0, from);
  if ('ok' in src) return src;
  const wet = spillOrder(r, src, false);
  // Spill through gaps is never above spill without them, and ≥ the cell's own height: the
  // 'maybe' cells at L are exactly the difference of the two counts.
  const gapless = r.heights.every(Number.isFinite);
  const withGaps = src.kind === 'all' || gapless ? wet : spillOrder(r, src, true);
  const { cell } = r;
  const sumH = new Float64Array(wet.size + 1), minH = new Float64Array(wet.size + 1);
  minH[0] = Infinity;
  for (let q = 0; q < wet.size; q++) {
    const h = wet.surface[q]!;
    sumH[q + 1] = sumH[q]! + h;
    minH[q + 1] = Math.min(minH[q]!, h);
  }
  const a = cell * cell;
  const series = levels.map((level): FloodStats => {
    const cells = countBelow(wet.spill, wet.size, level);
    const maybeCells = withGaps === wet ? 0 : countBelow(withGaps.spill, withGaps.size, level) - cells;
    return {
      level, cells, areaM2: cells * a,
      maxDepth: cells > 0 ? level - minH[cells]! : 0,
      volumeM3: (cells * level - sumH[cells]!) * a,
      maybeCells,
    };
  });
  return { ok: true, series };
}
