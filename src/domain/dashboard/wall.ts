// The command-centre wall's numbers, from the project records: projects per lifecycle stage, area
// per district and stage, stage transitions per month, and what changed between two snapshots of
// the project data (the ticker). Pure and summed from the same records, so totals always agree.
import { ALL_PROJECTS } from '../planning/filter.ts';
import type { ProjectRecord } from '../planning/records.ts';
import { LIFECYCLE_STAGE_IDS, stageOrder, type LifecycleStageId } from '../planning/stages.ts';
import { projectStatistics } from '../planning/statistics.ts';

export interface StageBar {
  readonly stage: LifecycleStageId;
  readonly count: number;
  /** ha. */
  readonly areaHa: number;
}

export interface DistrictAreas {
  readonly district: string;
  /** ha per stage, in LIFECYCLE_STAGE_IDS order. */
  readonly areaHa: readonly number[];
}

export interface WallFigures {
  readonly total: number;
  readonly totalAreaHa: number;
  readonly byStage: readonly StageBar[];
  readonly byDistrict: readonly DistrictAreas[];
}

const ha = (m2: number): number => Math.round(m2 / 100) / 100;

export function wallFigures(projects: readonly ProjectRecord[], unnamedDistrict: string): WallFigures {
  const s = projectStatistics(projects, ALL_PROJECTS);
  return {
    total: s.total.count,
    totalAreaHa: ha(s.total.area),
    byStage: LIFECYCLE_STAGE_IDS.map((stage) => ({ stage, count: s.byStage[stage].count, areaHa: ha(s.byStage[stage].area) })),
    byDistrict: s.byDistrict.map((d) => ({
      district: d.districtName || d.districtCode || unnamedDistrict,
      areaHa: LIFECYCLE_STAGE_IDS.map((stage) => ha(d.byStage[stage].area)),
    })),
  };
}

export interface MonthTransitions {
  /** YYYY-MM. */
  readonly month: string;
  /** Projects that reached each stage in that month, in LIFECYCLE_STAGE_IDS order. */
  readonly counts: readonly number[];
}

const monthKey = (d: Date): string => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;

/**
 * Stage transitions per month over the `months` months ending with the month of `now`: each date
 * in a project's stageDates (other than the first stage, which is an entry, not a transition)
 * counts in its month. Months without transitions are present with zeros, so the axis is even.
 */
export function transitionsByMonth(projects: readonly ProjectRecord[], now: Date, months = 12): MonthTransitions[] {
  const keys: string[] = [];
  for (let i = months - 1; i >= 0; i--) keys.push(monthKey(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1))));
  const rows = new Map(keys.map((k) => [k, LIFECYCLE_STAGE_IDS.map(() => 0)]));
  for (const p of projects) {
    for (const stage of LIFECYCLE_STAGE_IDS) {
      if (stageOrder(stage) === 0) continue;
      const date = p.stageDates[stage];
      const row = date ? rows.get(date.slice(0, 7)) : undefined;
      if (row) row[stageOrder(stage)] = (row[stageOrder(stage)] ?? 0) + 1;
    }
  }
  return keys.map((month) => ({ month, counts: rows.get(month) ?? [] }));
}

export type ProjectChange =
  | { readonly kind: 'stage'; readonly code: string; readonly name: string; readonly from: LifecycleStageId; readonly to: LifecycleStageId }
  | { readonly kind: 'added'; readonly code: string; readonly name: string; readonly to: LifecycleStageId }
  | { readonly kind: 'removed'; readonly code: string; readonly name: string };

/** What changed from one snapshot of the projects to the next: stage moves, new and withdrawn projects. */
export function diffProjects(before: readonly ProjectRecord[], after: readonly ProjectRecord[]): ProjectChange[] {
  const old = new Map(before.map((p) => [p.projectCode, p]));
  const changes: ProjectChange[] = [];
  const seen = new Set<string>();
  for (const p of after) {
    seen.add(p.projectCode);
    const o = old.get(p.projectCode);
    if (!o) changes.push({ kind: 'added', code: p.projectCode, name: p.name, to: p.stage });
    else if (o.stage !== p.stage) changes.push({ kind: 'stage', code: p.projectCode, name: p.name, from: o.stage, to: p.stage });
  }
  for (const o of before) if (!seen.has(o.projectCode)) changes.push({ kind: 'removed', code: o.projectCode, name: o.name });
  return changes;
}

/** The latest stage date in the data: the wall's charts end at the data's own "now". */
export function latestStageDate(projects: readonly ProjectRecord[]): Date | undefined {
  let latest = '';
  for (const p of projects) for (const d of Object.values(p.stageDates)) if (d && d > latest) latest = d;
  const t = latest ? Date.parse(latest) : Number.NaN;
  return Number.isFinite(t) ? new Date(t) : undefined;
}
