// Gravity sewers (排水 PS): 雨水 YS and 污水 WS near the street centre. Each street is cut into
// reaches that drain to an arterial crossing (side streets from their middle outwards, arterials
// toward the nearer river), with manholes every 30–50 m. Depth is to the invert (管内底) and
// grows downstream at the design slope; where the ground rises downstream the sewer goes deeper
// still, so the invert falls all the way and flow is never uphill.
import { OWNERS, yearAt } from './attributes.ts';
import { rngFor, type Rng } from './random.ts';
import { runPoint, type StreetRun } from './streets.ts';
import type { SurveyBook } from './tables.ts';
import { riverEdgeDistance } from '../../world/rivers.ts';
import type { World } from '../../world/index.ts';
import { toLat, toLon } from '../../world/frame.ts';

export interface SewerNetwork {
  readonly prefix: 'YS' | 'WS';
  readonly subtype: '雨水' | '污水';
  readonly side: -1 | 1;
  /** Diameters (mm), start invert depth (m) and slope by street class. */
  readonly local: { readonly d: readonly number[]; readonly depth: readonly [number, number]; readonly slope: readonly [number, number] };
  readonly arterial: { readonly d: readonly number[]; readonly depth: readonly [number, number]; readonly slope: readonly [number, number] };
}

export const SEWERS: readonly SewerNetwork[] = [
  { prefix: 'YS', subtype: '雨水', side: -1, local: { d: [400, 500, 600, 800], depth: [1.3, 1.8], slope: [0.002, 0.003] }, arterial: { d: [1000, 1200, 1500], depth: [2.0, 2.6], slope: [0.001, 0.0015] } },
  { prefix: 'WS', subtype: '污水', side: 1, local: { d: [300, 400, 500], depth: [1.8, 2.3], slope: [0.002, 0.003] }, arterial: { d: [600, 800, 1000], depth: [2.5, 3.0], slope: [0.001, 0.0015] } },
];

/** A rain outfall is only built where a river is this close to the end of a reach. */
const OUTFALL_REACH_M = 250;
/** The first manhole of a reach sits this far from the intersection, clear of the neighbouring reach. */
const START_SETBACK_M = 5;
const SUMP_M = 0.2;

/** Reaches of a run as [upstream, …, downstream] node positions. `crossings` are the arterial lines across this run. */
export function sewerReaches(run: StreetRun, crossings: ReadonlySet<string>, downstreamEnd: (a: number, b: number) => number): number[][] {
  const pieces: number[][] = [];
  let piece: number[] = [];
  run.nodes.forEach((n, i) => {
    piece.push(n);
    if (piece.length > 1 && (crossings.has(n.toFixed(1)) || i === run.nodes.length - 1)) { pieces.push(piece); piece = [n]; }
  });
  const reaches: number[][] = [];
  for (const p of pieces) {
    if (run.cls === 'local' && p.length >= 3) {
      // A side street drains from its middle out to the arterials at both ends.
      const m = Math.floor(p.length / 2);
      reaches.push(p.slice(0, m + 1).reverse(), p.slice(m));
    } else {
      const a = p[0]!;
      const b = p[p.length - 1]!;
      reaches.push(downstreamEnd(a, b) === b ? p : [...p].reverse());
    }
  }
  return reaches;
}

export function laySewerRun(book: SurveyBook, world: World, seed: number, net: SewerNetwork, run: StreetRun, crossings: ReadonlySet<string>, sinks: Map<string, string>): void {
  const rng = rngFor(seed, net.prefix, run.street);
  const design = run.cls === 'arterial' ? net.arterial : net.local;
  const offset = net.side * Math.max(1.8, run.width * 0.1);
  const owner = rng.pick(OWNERS.drainage);
  const river = (along: number): number => { const p = runPoint(run, along, 0); return riverEdgeDistance(p.x, p.y, 5000); };
  const ground = (along: number): number => { const p = runPoint(run, along, offset); return world.groundHeight(toLon(p.x), toLat(p.y)); };
  const downstreamEnd = (a: number, b: number): number => {
    const ra = river(a), rb = river(b);
    if (ra !== rb) return ra < rb ? a : b;
    return ground(a) < ground(b) ? a : b;
  };
  for (const reach of sewerReaches(run, crossings, downstreamEnd)) layReach(book, net, run, reach, offset, owner, design, rng, river, sinks);
}

function layReach(
  book: SurveyBook, net: SewerNetwork, run: StreetRun, reach: number[], offset: number, owner: string,
  design: SewerNetwork['local'], rng: Rng, river: (along: number) => number, sinks: Map<string, string>,
): void {
  const up = reach[0]!;
  const down = reach[reach.length - 1]!;
  const dir = Math.sign(down - up);
  const start = up + dir * START_SETBACK_M;
  const length = Math.abs(down - start);
  if (length < 10) return;
  const parts = Math.max(1, Math.round(length / rng.range(30, 50)));
  const d = rng.pick(design.d);
  const slope = rng.range(design.slope[0], design.slope[1]);
  const year = yearAt(runPoint(run, up, 0).x, rng);
  const spec = String(d);
  const material = d <= 500 ? '聚氯乙烯' : '混凝土';
  // Cover over the pipe's top of at least 0.8 m.
  let depth = ceil2(Math.max(rng.range(design.depth[0], design.depth[1]), d / 1000 + 0.8));
  let prev: { id: string; ground: number; depth: number } | null = null;
  for (let i = 0; i <= parts; i++) {
    const along = start + ((down - start) * i) / parts;
    const p = runPoint(run, along, offset);
    const sinkKey = `${net.prefix}|${run.key}|${down.toFixed(1)}`;
    const isSink = i === parts;
    let id = isSink ? sinks.get(sinkKey) : undefined;
    let groundHere: number;
    if (id === undefined) {
      const outfall = isSink && net.prefix === 'YS' && river(along) < OUTFALL_REACH_M;
      const row = book.addPoint(net.prefix, p.x, p.y, outfall ? '出水口' : isSink ? '三通' : i === 0 ? '起始井' : '直线点', outfall ? '出水口' : '检查井');
      id = row.id;
      if (isSink) sinks.set(sinkKey, id);
      groundHere = row.ground;
    } else {
      groundHere = book.pointById(id).ground;
    }
    if (prev) {
      const ds = length / parts;
      // Invert falls at least at the design slope, and depth never decreases downstream.
      depth = ceil2(Math.max(prev.depth + slope * ds, groundHere - (prev.ground - prev.depth) + slope * ds));
      book.addPipe({
        from: prev.id, to: id, cls: 'PS', subtype: net.subtype, startDepth: prev.depth, endDepth: depth, spec, material,
        burial: '直埋', owner, year, status: 0,
      });
    }
    const row = book.pointById(id);
    if (row.appurtenance === '检查井') row.wellDepth = Math.max(row.wellDepth ?? 0, ceil2(depth + SUMP_M));
    prev = { id, ground: groundHere, depth };
  }
}

const ceil2 = (v: number): number => Math.ceil(v * 100 - 1e-9) / 100;
