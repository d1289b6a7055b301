// The lifecycle of a project in the bureau's "多审合一、多证合一" process: 规 (plan) → 批 (approve)
// → 供 (land supply) → 用 (use, construction) → 登 (registration) → 管 (supervision).
export const LIFECYCLE_STAGE_IDS = ['plan', 'approve', 'supply', 'use', 'register', 'supervise'] as const;
export type LifecycleStageId = (typeof LIFECYCLE_STAGE_IDS)[number];

export interface LifecycleStage {
  readonly id: LifecycleStageId;
  /** One-character short name as used on the bureau's boards: 规 批 供 用 登 管. */
  readonly short: string;
  readonly zh: string;
  readonly en: string;
  /** 0-based position in the lifecycle. */
  readonly order: number;
}

export const LIFECYCLE_STAGES: readonly LifecycleStage[] = [
  { id: 'plan', short: '规', zh: '规划', en: 'Planning', order: 0 },
  { id: 'approve', short: '批', zh: '审批', en: 'Approval', order: 1 },
  { id: 'supply', short: '供', zh: '供地', en: 'Land supply', order: 2 },
  { id: 'use', short: '用', zh: '用地', en: 'Construction', order: 3 },
  { id: 'register', short: '登', zh: '登记', en: 'Registration', order: 4 },
  { id: 'supervise', short: '管', zh: '监管', en: 'Supervision', order: 5 },
];

export function isLifecycleStageId(v: unknown): v is LifecycleStageId {
  return typeof v === 'string' && (LIFECYCLE_STAGE_IDS as readonly string[]).includes(v);
}

export function stageOrder(id: LifecycleStageId): number {
  return LIFECYCLE_STAGE_IDS.indexOf(id);
}
