// Streets of the synthetic world as survey runs: the world's block-edge segments joined into
// straight runs along each lattice line, clipped to the survey bounds and broken where a street
// crosses water (pipes there would hang under bridges or be jacked under the river bed, which
// this survey does not model) or changes class.
import type { World } from '../../world/index.ts';
import { rectFromLonLat, toLat, toLon, type LonLatRect } from '../../world/frame.ts';

export type StreetClass = 'arterial' | 'local';

export interface StreetRun {
  /** The street (axis and lattice line, e.g. `v1234.50`): the same whatever the survey bounds. */
  readonly street: string;
  /** The run: street and first node, e.g. `v1234.50@-800.0` (a street broken by a river has several). */
  readonly key: string;
  /** 'v' runs north–south along x = line; 'h' runs west–east along y = line. */
  readonly axis: 'v' | 'h';
  readonly line: number;
  readonly cls: StreetClass;
  readonly width: number;
  /** Intersection positions along the run (frame metres, increasing), at least two. */
  readonly nodes: readonly number[];
}

/** Frame point of a run at `along`, offset `offset` metres across it (east for 'v', north for 'h'). */
export function runPoint(run: Pick<StreetRun, 'axis' | 'line'>, along: number, offset: number): { x: number; y: number } {
  return run.axis === 'v' ? { x: run.line + offset, y: along } : { x: along, y: run.line + offset };
}

const WATER_SAMPLE_M = 20;

export function streetRuns(world: World, bounds: LonLatRect): StreetRun[] {
  const rect = rectFromLonLat(bounds);
  interface Piece { axis: 'v' | 'h'; line: number; a: number; b: number; cls: StreetClass; width: number }
  const lines = new Map<string, Piece[]>();
  for (const s of world.roadsIn(rect)) {
    // Expressways are elevated and tracks are field paths: neither carries a city's utilities.
    if (s.cls !== 'arterial' && s.cls !== 'local') continue;
    const axis = s.ax === s.bx ? 'v' : 'h';
    const line = axis === 'v' ? s.ax : s.ay;
    if (axis === 'v' ? line < rect.x0 || line > rect.x1 : line < rect.y0 || line > rect.y1) continue;
    const [lo, hi] = axis === 'v' ? [rect.y0, rect.y1] : [rect.x0, rect.x1];
    const a = Math.max(lo, Math.min(axis === 'v' ? s.ay : s.ax, axis === 'v' ? s.by : s.bx));
    const b = Math.min(hi, Math.max(axis === 'v' ? s.ay : s.ax, axis === 'v' ? s.by : s.bx));
    if (b - a < 1) continue;
    const piece: Piece = { axis, line, a, b, cls: s.cls, width: s.width };
    if (!onLand(world, piece)) continue;
    const key = `${axis}${line.toFixed(2)}`;
    const list = lines.get(key);
    if (list) list.push(piece); else lines.set(key, [piece]);
  }
  const runs: StreetRun[] = [];
  for (const pieces of [...lines.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, p]) => p)) {
    pieces.sort((p, q) => p.a - q.a);
    let current: { piece: Piece; nodes: number[] } | null = null;
    const flush = (): void => {
      if (!current) return;
      const { piece, nodes } = current;
      const street = `${piece.axis}${piece.line.toFixed(2)}`;
      runs.push({ street, key: `${street}@${nodes[0]!.toFixed(1)}`, axis: piece.axis, line: piece.line, cls: piece.cls, width: piece.width, nodes });
      current = null;
    };
    for (const p of pieces) {
      if (current && Math.abs(current.nodes[current.nodes.length - 1]! - p.a) < 0.01 && current.piece.cls === p.cls) current.nodes.push(p.b);
      else { flush(); current = { piece: p, nodes: [p.a, p.b] }; }
    }
    flush();
  }
  return runs;
}

function onLand(world: World, p: { axis: 'v' | 'h'; line: number; a: number; b: number }): boolean {
  const n = Math.max(1, Math.ceil((p.b - p.a) / WATER_SAMPLE_M));
  for (let i = 0; i <= n; i++) {
    const q = runPoint(p, p.a + ((p.b - p.a) * i) / n, 0);
    if (world.surface(toLon(q.x), toLat(q.y)) !== 'land') return false;
  }
  return true;
}
