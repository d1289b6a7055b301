// Counts and areas of the projects a filter shows, by lifecycle stage and by district: the
// numbers on the planner's board. Pure sums, so totals always equal the sums of their parts.
import { matchesProjectFilter, type ProjectFilter } from './filter.ts';
import type { ProjectRecord } from './records.ts';
import { LIFECYCLE_STAGE_IDS, type LifecycleStageId } from './stages.ts';

export interface Tally {
  readonly count: number;
  /** m². */
  readonly area: number;
}

export interface DistrictStatistics {
  /** '' for projects without a district. */
  readonly districtCode: string;
  readonly districtName: string;
  readonly total: Tally;
  readonly byStage: Readonly<Record<LifecycleStageId, Tally>>;
}

export interface ProjectStatistics {
  readonly total: Tally;
  readonly byStage: Readonly<Record<LifecycleStageId, Tally>>;
  /** Sorted by count descending, then district code. */
  readonly byDistrict: readonly DistrictStatistics[];
}

interface MutableTally { count: number; area: number }
interface Bucket { readonly code: string; name: string; readonly total: MutableTally; readonly byStage: Record<LifecycleStageId, MutableTally> }

const emptyByStage = (): Record<LifecycleStageId, MutableTally> =>
  Object.fromEntries(LIFECYCLE_STAGE_IDS.map((s) => [s, { count: 0, area: 0 }])) as Record<LifecycleStageId, MutableTally>;

const add = (t: MutableTally, area: number): void => { t.count++; t.area += area; };

export function projectStatistics(projects: readonly ProjectRecord[], filter: ProjectFilter): ProjectStatistics {
  const total: MutableTally = { count: 0, area: 0 };
  const byStage = emptyByStage();
  const districts = new Map<string, Bucket>();
  for (const p of projects) {
    if (!matchesProjectFilter(p, filter)) continue;
    add(total, p.area);
    add(byStage[p.stage], p.area);
    const code = p.districtCode ?? '';
    let b = districts.get(code);
    if (!b) { b = { code, name: '', total: { count: 0, area: 0 }, byStage: emptyByStage() }; districts.set(code, b); }
    // The first name given wins: data from one source names a district one way.
    if (b.name === '' && code !== '' && p.districtName) b.name = p.districtName;
    add(b.total, p.area);
    add(b.byStage[p.stage], p.area);
  }
  const byDistrict = [...districts.values()]
    .sort((a, b) => b.total.count - a.total.count || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((b): DistrictStatistics => ({ districtCode: b.code, districtName: b.name, total: b.total, byStage: b.byStage }));
  return { total, byStage, byDistrict };
}
