// Which projects the planner shows: by lifecycle stage, district and first-level 用地用海 class.
// One filter value drives both the map and the statistics, so the two never disagree.
import { landUseFirstLevel } from './landUse.ts';
import type { ProjectRecord } from './records.ts';
import { LIFECYCLE_STAGE_IDS, type LifecycleStageId } from './stages.ts';

export interface ProjectFilter {
  /** Stages shown. */
  readonly stages: readonly LifecycleStageId[];
  /** District codes shown; null = all. */
  readonly districts: readonly string[] | null;
  /** First-level 用地用海 codes (2 digits) shown; null = all. */
  readonly landUse: readonly string[] | null;
}

export const ALL_PROJECTS: ProjectFilter = { stages: LIFECYCLE_STAGE_IDS, districts: null, landUse: null };

/** The first-level class of a code; unknown classes still group by their first two digits. */
const firstLevel = (code: string): string => landUseFirstLevel(code)?.code ?? code.slice(0, 2);

/** A project with no districtCode (landUseCode) matches only while that dimension is null (all). */
export function matchesProjectFilter(p: ProjectRecord, f: ProjectFilter): boolean {
  if (!f.stages.includes(p.stage)) return false;
  if (f.districts !== null && (p.districtCode === undefined || !f.districts.includes(p.districtCode))) return false;
  if (f.landUse !== null && (p.landUseCode === undefined || !f.landUse.includes(firstLevel(p.landUseCode)))) return false;
  return true;
}

/** Whether the filter hides anything: a stage left out, or a district or land-use list given (even a full one). */
export function isFilterActive(f: ProjectFilter): boolean {
  return LIFECYCLE_STAGE_IDS.some((s) => !f.stages.includes(s)) || f.districts !== null || f.landUse !== null;
}
