// The synthetic survey: plausible 管点/管线 tables for every network along the world's streets
// in a lon/lat rectangle, as a survey company would deliver them. 合成数据 synthetic: derived
// from the synthetic world, never a real survey.
import type { GkZone, PipeClassCode } from '../../../src/domain/pipelines/index.ts';
import type { World } from '../../world/index.ts';
import type { LonLatRect } from '../../world/frame.ts';
import { PRESSURE_NETWORKS, layPressureRun, type CrossingWidth } from './pressure.ts';
import { SEWERS, laySewerRun, type Junctions } from './drainage.ts';
import { layTunnel } from './tunnel.ts';
import { streetRuns, type StreetRun } from './streets.ts';
import { SurveyBook, type SurveyPipeRow, type SurveyPointRow } from './tables.ts';

export const SYNTHETIC_LABEL = '合成数据 synthetic';
/** The default data area: 三江口 to 东部新城. */
export const DEFAULT_SURVEY_BOUNDS: LonLatRect = { west: 121.54, south: 29.855, east: 121.64, north: 29.885 };

export interface SurveySummary {
  readonly label: typeof SYNTHETIC_LABEL;
  readonly zone: GkZone;
  readonly bounds: LonLatRect;
  readonly points: number;
  readonly pipes: number;
  /** Points with a 井深 (manholes, cable wells, valve chambers). */
  readonly wells: number;
  readonly byClass: Readonly<Partial<Record<PipeClassCode, { readonly pipes: number; readonly km: number }>>>;
  readonly bySubtype: Readonly<Record<string, { readonly pipes: number; readonly km: number }>>;
}

export interface SurveyTables {
  readonly zone: GkZone;
  readonly points: readonly SurveyPointRow[];
  readonly pipes: readonly SurveyPipeRow[];
  readonly summary: SurveySummary;
}

/** Zone of the bounds' centre: CM 120°E west of 121°30′E, else CM 123°E (standards.md §6). */
export const zoneForBounds = (b: LonLatRect): GkZone => ((b.west + b.east) / 2 < 121.5 ? 120 : 123);

export function generateSurveyTables(world: World, bounds: LonLatRect, opts: { zone?: GkZone } = {}): SurveyTables {
  const zone = opts.zone ?? zoneForBounds(bounds);
  const book = new SurveyBook(world, zone);
  const runs = streetRuns(world, bounds);
  // Arterial lines across each axis: where side-street sewers end and trunk reaches break.
  const arterialLines = { v: new Set<string>(), h: new Set<string>() };
  for (const r of runs) if (r.cls === 'arterial') arterialLines[r.axis].add(r.line.toFixed(1));
  const crossingsOf = (r: StreetRun): ReadonlySet<string> => (r.axis === 'v' ? arterialLines.h : arterialLines.v);
  const crossingWidth = crossingWidths(runs);
  const shared = new Map<string, string>();
  for (const run of runs) for (const net of PRESSURE_NETWORKS) layPressureRun(book, world.seed, net, run, crossingWidth, shared);
  // Side streets first, so each trunk knows how deep the side sewers joining it arrive.
  const junctions: Junctions = new Map();
  for (const cls of ['local', 'arterial'] as const) {
    for (const run of runs) if (run.cls === cls) for (const net of SEWERS) laySewerRun(book, world, world.seed, net, run, crossingsOf(run), junctions);
  }
  layTunnel(book, world.seed, runs);
  book.nameJunctions();
  return { zone, points: book.points, pipes: book.pipes, summary: summarise(book, zone, bounds) };
}

/** The width of the street that crosses a run at a node, looked up among the other axis's runs. */
function crossingWidths(runs: readonly StreetRun[]): CrossingWidth {
  const byLine = new Map<string, StreetRun[]>();
  for (const r of runs) {
    const key = `${r.axis}${r.line.toFixed(1)}`;
    const list = byLine.get(key);
    if (list) list.push(r); else byLine.set(key, [r]);
  }
  return (run, along) => {
    const other = byLine.get(`${run.axis === 'v' ? 'h' : 'v'}${along.toFixed(1)}`) ?? [];
    return other.find((r) => r.nodes[0]! <= run.line + 0.01 && run.line - 0.01 <= r.nodes[r.nodes.length - 1]!)?.width;
  };
}

function summarise(book: SurveyBook, zone: GkZone, bounds: LonLatRect): SurveySummary {
  const byClass: Partial<Record<PipeClassCode, { pipes: number; km: number }>> = {};
  const bySubtype: Record<string, { pipes: number; km: number }> = {};
  for (const p of book.pipes) {
    const km = book.length(p) / 1000;
    const c = (byClass[p.cls] ??= { pipes: 0, km: 0 });
    const s = (bySubtype[p.subtype] ??= { pipes: 0, km: 0 });
    c.pipes++; c.km += km; s.pipes++; s.km += km;
  }
  for (const v of [...Object.values(byClass), ...Object.values(bySubtype)]) v.km = Math.round(v.km * 100) / 100;
  return {
    label: SYNTHETIC_LABEL, zone, bounds, points: book.points.length, pipes: book.pipes.length,
    wells: book.points.filter((p) => p.wellDepth !== undefined).length, byClass, bySubtype,
  };
}
