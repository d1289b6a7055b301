// Networks laid along whole streets at one depth band: water (JS), gas (RQ), power (DL),
// telecom (TX) and heat (RL). Each sits at its place in the road cross-section (power and telecom
// under the sidewalks, water and gas at the carriageway edges, heat beside gas on arterials) so
// parallel networks never overlap, and gets points at intersections and at its fittings.
import type { PipeClassCode } from '../../../src/domain/pipelines/index.ts';
import { OWNERS, boxSpec, dn, ductStatus, yearAt } from './attributes.ts';
import { rngFor, type Rng } from './random.ts';
import { runPoint, type StreetRun } from './streets.ts';
import { round2, type SurveyBook } from './tables.ts';
import { toLon } from '../../world/frame.ts';

const HEAT_WEST_LON = 121.6;
const OLD_CITY_EAST_LON = 121.58;

interface Fitting { readonly appurtenance: string; readonly well: boolean }

export interface PressureNetwork {
  /** Key of the network's random stream, when it shares a prefix with another network. */
  readonly key?: string;
  readonly prefix: string;
  readonly cls: PipeClassCode;
  readonly subtype: string;
  /** Whether this street carries the network. */
  applies(run: StreetRun, rng: Rng): boolean;
  /** Lateral offset from the street centreline (m, east/north positive) in a street this wide. */
  offset(street: { readonly width: number }): number;
  /** Spacing of fittings between intersections, and what they are. */
  readonly spacing: number;
  fitting(k: number): Fitting | null;
  /** Per-run section, material, burial, owner and depth band (to the top). */
  design(run: StreetRun, rng: Rng): { spec: string; heightM: number; material: string; burial: string; owner: string; depth: [number, number] };
  /** An abandoned network: every pipe 废弃, built in this span of years. */
  readonly abandoned?: readonly [number, number];
}

const sidewalk = (street: { readonly width: number }): number => street.width / 2 - 2;
const kerb = (street: { readonly width: number }): number => street.width / 2 - 5;
const arterial = (run: StreetRun): boolean => run.cls === 'arterial';

export const PRESSURE_NETWORKS: readonly PressureNetwork[] = [
  {
    prefix: 'JS', cls: 'JS', subtype: '配水', applies: () => true, offset: (r) => -kerb(r), spacing: 120,
    fitting: (k) => ({ appurtenance: k % 2 === 0 ? '阀门' : '消防栓', well: false }),
    design: (r, rng) => {
      // Arterials carry the DN800–1200 mains; side streets the distribution pipes.
      const d = arterial(r) ? rng.pick([800, 1000, 1200]) : rng.pick([100, 150, 200, 300, 400, 500, 600]);
      return { spec: dn(d), heightM: d / 1000, material: d <= 300 && rng.chance(0.5) ? '聚乙烯' : '球墨铸铁', burial: '直埋', owner: OWNERS.water, depth: d >= 800 ? [1.2, 1.5] : [0.8, 1.3] };
    },
  },
  {
    prefix: 'RQ', cls: 'RQ', subtype: '天然气', applies: (_r, rng) => rng.chance(0.6), offset: (r) => kerb(r), spacing: 125,
    fitting: (k) => (k % 2 === 0 ? { appurtenance: '阀门', well: false } : { appurtenance: '凝水缸', well: false }),
    design: (r, rng) => {
      const d = arterial(r) ? rng.pick([250, 300, 400]) : rng.pick([100, 160, 200]);
      return { spec: dn(d), heightM: d / 1000, material: d <= 250 ? '聚乙烯' : '钢', burial: '直埋', owner: OWNERS.gas, depth: [0.9, 1.5] };
    },
  },
  {
    prefix: 'DL', cls: 'DL', subtype: '供电', applies: () => true, offset: (r) => sidewalk(r), spacing: 90,
    fitting: () => ({ appurtenance: '工作井', well: true }),
    design: (r, rng) => {
      const [w, h] = arterial(r) ? rng.pick([[1200, 800], [1400, 900]] as const) : rng.pick([[800, 500], [1000, 600]] as const);
      return { spec: boxSpec(w, h), heightM: h / 1000, material: arterial(r) ? '混凝土' : '聚氯乙烯', burial: '管块', owner: OWNERS.power, depth: [0.7, 1.2] };
    },
  },
  {
    prefix: 'TX', cls: 'TX', subtype: '信息网络', applies: () => true, offset: (r) => -sidewalk(r), spacing: 100,
    fitting: () => ({ appurtenance: '人孔', well: true }),
    design: (r, rng) => {
      const [w, h] = arterial(r) ? rng.pick([[600, 400], [800, 500]] as const) : rng.pick([[400, 300], [500, 300]] as const);
      return { spec: boxSpec(w, h), heightM: h / 1000, material: '聚氯乙烯', burial: '管块', owner: rng.pick(OWNERS.telecom), depth: [0.6, 1.0] };
    },
  },
  {
    // Old grey-iron mains of the 1980s left in the ground beside their replacements in the old
    // city: what makes 废弃 pipes show up in a real survey.
    key: 'JS-abandoned', prefix: 'JS', cls: 'JS', subtype: '配水', abandoned: [1985, 1994], spacing: 250, fitting: () => null,
    applies: (r, rng) => r.cls === 'local' && toLon(r.axis === 'v' ? r.line : (r.nodes[0]! + r.nodes[r.nodes.length - 1]!) / 2) < OLD_CITY_EAST_LON && rng.chance(0.12),
    offset: (r) => -kerb(r) + 1.2,
    design: (_r, rng) => {
      const d = rng.pick([100, 150, 200]);
      return { spec: dn(d), heightM: d / 1000, material: '铸铁', burial: '直埋', owner: OWNERS.water, depth: [0.8, 1.2] };
    },
  },
  {
    // District heating is rare in Ningbo: a few arterials of 东部新城 only.
    prefix: 'RL', cls: 'RL', subtype: '热水', applies: (r, rng) => arterial(r) && rng.chance(0.5), offset: (r) => kerb(r) - 2, spacing: 150,
    fitting: () => ({ appurtenance: '阀门井', well: true }),
    design: (_r, rng) => {
      const d = rng.pick([200, 300, 400, 500]);
      return { spec: dn(d), heightM: d / 1000, material: '钢', burial: '直埋', owner: OWNERS.heat, depth: [1.2, 1.8] };
    },
  },
];

/** Width of the street crossing a run at `along`, if one does. */
export type CrossingWidth = (run: StreetRun, along: number) => number | undefined;

/**
 * Lays one pressure network along a street run. At each intersection the station sits where
 * this network's line crosses the same network's line in the other street, so both streets share
 * that point and the network is one connected mesh (its 三通/四通 are named once all streets are
 * laid, from how many pipes meet there).
 */
export function layPressureRun(book: SurveyBook, seed: number, net: PressureNetwork, run: StreetRun, crossingWidth: CrossingWidth, shared: Map<string, string>): void {
  const rng = rngFor(seed, net.key ?? net.prefix, run.street);
  if (!net.applies(run, rng)) return;
  // District heating only in 东部新城: keep the part of the street east of 121.6°E.
  const nodes = net.cls === 'RL' ? run.nodes.filter((n) => toLon(runPoint(run, n, 0).x) > HEAT_WEST_LON) : run.nodes;
  if (nodes.length < 2) return;
  const design = net.design(run, rng);
  const offset = net.offset(run);
  const [dMin, dMax] = design.depth;
  const base = rng.range(dMin + 0.1, dMax - 0.1);
  // Cable wells and valve chambers also stand at the corners; water and gas have plain tees there.
  const cornerFitting = net.fitting(0)?.well ? net.fitting(0) : null;
  const stations: { along: number; node: boolean; fitting: Fitting | null; year: number }[] = [];
  let k = 0;
  // Streets are built (and rebuilt) block by block: each block's pipes have their own year, the
  // one stored with the station that ends them.
  let year = 0;
  nodes.forEach((n, i) => {
    const next = nodes[i + 1];
    const w = crossingWidth(run, n);
    stations.push({ along: n + (w === undefined ? 0 : net.offset({ width: w })), node: true, fitting: cornerFitting, year });
    if (next === undefined) return;
    year = net.abandoned ? rng.int(net.abandoned[0], net.abandoned[1]) : yearAt(runPoint(run, (n + next) / 2, 0).x, rng);
    const parts = Math.max(1, Math.round((next - n) / net.spacing));
    for (let j = 1; j < parts; j++) stations.push({ along: n + ((next - n) * j) / parts, node: false, fitting: net.fitting(k++), year });
  });
  let prev: { id: string; depth: number } | null = null;
  for (const s of stations) {
    const p = runPoint(run, s.along, offset);
    const key = s.node ? `${net.key ?? net.prefix}@${p.x.toFixed(2)},${p.y.toFixed(2)}` : undefined;
    const known = key === undefined ? undefined : shared.get(key);
    const pt = known ? book.pointById(known) : book.addPoint(net.prefix, p.x, p.y, s.node ? '' : '直线点', s.fitting?.appurtenance ?? '');
    if (key !== undefined && !known) { shared.set(key, pt.id); book.markJunction(pt.id); }
    const depth = round2(Math.min(dMax, Math.max(dMin, base + rng.range(-0.1, 0.1))));
    if (s.fitting?.well) pt.wellDepth = Math.max(pt.wellDepth ?? 0, round2(depth + design.heightM + 0.3));
    if (prev) {
      book.addPipe({
        from: prev.id, to: pt.id, cls: net.cls, subtype: net.subtype, startDepth: prev.depth, endDepth: depth, spec: design.spec,
        material: design.material, burial: design.burial, owner: design.owner, year: s.year,
        status: net.abandoned ? 1 : design.burial === '管块' ? ductStatus(rng) : 0,
      });
    }
    prev = { id: pt.id, depth };
  }
}
