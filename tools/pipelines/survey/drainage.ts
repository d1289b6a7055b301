// Gravity sewers (排水 PS): 雨水 YS and 污水 WS near the street centre. Each street is cut into
// reaches that drain to an arterial crossing (side streets from their middle outwards into a
// junction manhole of the trunk in the arterial, trunks toward the nearer river, where rain
// trunks end in an outfall 出水口), with manholes every 30–50 m. Depth is to the invert (管内底) and
// grows downstream at the design slope; where the ground rises downstream the sewer goes deeper
// still, so the invert falls all the way and flow is never uphill.
import { OWNERS, yearAt } from './attributes.ts';
import { rngFor, type Rng } from './random.ts';
import { runPoint, type StreetRun } from './streets.ts';
import type { SurveyBook } from './tables.ts';
import { riverEdgeDistance } from '../../world/rivers.ts';
import type { World } from '../../world/index.ts';
import { toLat, toLon } from '../../world/frame.ts';
import { ROAD_WIDTH } from '../../world/roads.ts';

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
const START_SETBACK_M = 10;
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

/** Manholes shared between sewers of one network, by position: a side street's last manhole is
 *  a manhole of the trunk it drains into, whichever is laid first. */
export type Junctions = Map<string, { readonly id: string; inflowDepth: number }>;
const junctionKey = (prefix: string, p: { x: number; y: number }): string => `${prefix}@${p.x.toFixed(2)},${p.y.toFixed(2)}`;

/** Lateral place of a network's sewer in a street of this width (m, before the side's sign). */
const sewerOffset = (width: number): number => Math.max(1.8, width * 0.1);

/**
 * Lays one network's sewers along a run. Lay side streets before arterials: a trunk then knows
 * how deep each side sewer arrives and stays at least that deep there, so nothing drains uphill.
 */
export function laySewerRun(book: SurveyBook, world: World, seed: number, net: SewerNetwork, run: StreetRun, crossings: ReadonlySet<string>, junctions: Junctions): void {
  const rng = rngFor(seed, net.prefix, run.street);
  const design = run.cls === 'arterial' ? net.arterial : net.local;
  const offset = net.side * sewerOffset(run.width);
  const owner = rng.pick(OWNERS.drainage);
  const river = (along: number): number => { const p = runPoint(run, along, 0); return riverEdgeDistance(p.x, p.y, 5000); };
  const ground = (along: number): number => { const p = runPoint(run, along, offset); return world.groundHeight(toLon(p.x), toLat(p.y)); };
  const downstreamEnd = (a: number, b: number): number => {
    const ra = river(a), rb = river(b);
    if (ra !== rb) return ra < rb ? a : b;
    return ground(a) < ground(b) ? a : b;
  };
  for (const reach of sewerReaches(run, crossings, downstreamEnd)) {
    const up = reach[0]!;
    let down = reach[reach.length - 1]!;
    const dir = Math.sign(down - up);
    // A side street's sewer runs on to the trunk of its network in the arterial it meets.
    if (run.cls === 'local' && crossings.has(down.toFixed(1))) down += net.side * sewerOffset(ROAD_WIDTH.arterial);
    const start = up + dir * START_SETBACK_M;
    // A trunk has a junction manhole wherever a side street's sewer can join it.
    const joins = run.cls === 'arterial'
      ? reach.slice(1, -1).filter((n) => !crossings.has(n.toFixed(1))).map((n) => n + net.side * sewerOffset(ROAD_WIDTH.local)).filter((a) => (a - start) * dir > 10 && (down - a) * dir > 10)
      : [];
    layReach(book, net, run, [start, ...joins, down], offset, owner, design, rng, river, junctions);
  }
}

/** Lays a reach through its fixed stations (start, junctions, end), with manholes every 30–50 m between them. */
function layReach(
  book: SurveyBook, net: SewerNetwork, run: StreetRun, fixed: number[], offset: number, owner: string,
  design: SewerNetwork['local'], rng: Rng, river: (along: number) => number, junctions: Junctions,
): void {
  const start = fixed[0]!;
  const down = fixed[fixed.length - 1]!;
  if (Math.abs(down - start) < 10) return;
  const stations: { along: number; fixed: boolean }[] = [{ along: start, fixed: true }];
  fixed.slice(1).forEach((b, i) => {
    const a = fixed[i]!;
    const parts = Math.max(1, Math.round(Math.abs(b - a) / rng.range(30, 50)));
    for (let j = 1; j <= parts; j++) stations.push({ along: a + ((b - a) * j) / parts, fixed: j === parts });
  });
  const d = rng.pick(design.d);
  const slope = rng.range(design.slope[0], design.slope[1]);
  const year = yearAt(runPoint(run, start, 0).x, rng);
  const spec = String(d);
  const material = d <= 500 ? '聚氯乙烯' : '混凝土';
  const local = run.cls === 'local';
  // Cover over the pipe's top of at least 0.8 m.
  let depth = ceil2(Math.max(rng.range(design.depth[0], design.depth[1]), d / 1000 + 0.8));
  let prev: { id: string; ground: number; depth: number; along: number } | null = null;
  stations.forEach((s, i) => {
    const p = runPoint(run, s.along, offset);
    const last = i === stations.length - 1;
    const key = s.fixed && i > 0 ? junctionKey(net.prefix, p) : undefined;
    const known = key === undefined ? undefined : junctions.get(key);
    let row = known ? book.pointById(known.id) : undefined;
    if (!row) {
      const outfall = last && net.prefix === 'YS' && river(s.along) < OUTFALL_REACH_M && !local;
      row = book.addPoint(net.prefix, p.x, p.y, outfall ? '出水口' : s.fixed && i > 0 ? '三通' : i === 0 ? '起始井' : '直线点', outfall ? '出水口' : '检查井');
      if (key !== undefined) junctions.set(key, { id: row.id, inflowDepth: 0 });
    }
    if (prev) {
      // Invert falls at least at the design slope, depth never decreases downstream, and a trunk
      // passes under every side sewer that joins it.
      const ds = Math.abs(s.along - prev.along);
      depth = ceil2(Math.max(prev.depth + slope * ds, row.ground - (prev.ground - prev.depth) + slope * ds, local ? 0 : (known?.inflowDepth ?? 0) + JUNCTION_DROP_M));
      book.addPipe({
        from: prev.id, to: row.id, cls: 'PS', subtype: net.subtype, startDepth: prev.depth, endDepth: depth, spec, material,
        burial: '直埋', owner, year, status: 0,
      });
      if (local && last && key !== undefined) { const j = junctions.get(key)!; j.inflowDepth = Math.max(j.inflowDepth, depth); }
    }
    if (row.appurtenance === '检查井') row.wellDepth = Math.max(row.wellDepth ?? 0, ceil2(depth + SUMP_M));
    prev = { id: row.id, ground: row.ground, depth, along: s.along };
  });
}

/** A side sewer enters a trunk manhole a little above the trunk's invert. */
const JUNCTION_DROP_M = 0.05;
const ceil2 = (v: number): number => Math.ceil(v * 100 - 1e-9) / 100;
