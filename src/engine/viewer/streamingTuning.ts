// Applies the config's `streaming` section (src/domain/schemas/streamingConfig.ts) to Cesium:
// request limits on the global RequestScheduler, and an upload budget that follows the frame time.
import { RequestScheduler, type Viewer } from 'cesium';
import type { StreamingConfig } from '../../domain/schemas/index.ts';
import { uploadBudgetScale } from '../../domain/streaming/uploadBudget.ts';

/** The readable but undocumented parts of Cesium's JobScheduler (scene.jobScheduler). */
interface JobSchedulerInternals {
  /** Per job type (texture, program, buffer); `total` is a getter over `_total`. */
  _budgets?: { _total: number }[];
  _totalBudget?: number;
}

/** RequestScheduler's priority heap length is public in Cesium's JS but missing from its typings. */
const scheduler = RequestScheduler as typeof RequestScheduler & { priorityHeapLength: number };

/** RequestScheduler's limits; it is global (every viewer and tileset in the page shares it). */
function setRequestLimits(maximumRequests: number): () => void {
  const before = { heap: scheduler.priorityHeapLength, perServer: RequestScheduler.maximumRequestsPerServer, total: RequestScheduler.maximumRequests };
  // All tiles come from our own server: one limit for requests considered per frame (the
  // priority heap), in flight from one server, and in flight in all.
  scheduler.priorityHeapLength = maximumRequests;
  RequestScheduler.maximumRequestsPerServer = maximumRequests;
  RequestScheduler.maximumRequests = maximumRequests;
  return () => {
    scheduler.priorityHeapLength = before.heap;
    RequestScheduler.maximumRequestsPerServer = before.perServer;
    RequestScheduler.maximumRequests = before.total;
  };
}

function scaleUploadBudget(viewer: Viewer, share: number): () => void {
  const jobs = (viewer.scene as unknown as { jobScheduler?: JobSchedulerInternals }).jobScheduler ?? {};
  const budgets = jobs._budgets;
  if (!Array.isArray(budgets) || budgets.some((b) => typeof b._total !== 'number') || typeof jobs._totalBudget !== 'number') {
    console.warn('streaming.uploadFrameShare: this Cesium has no JobScheduler budgets to scale; its fixed 50 ms a frame applies');
    return () => undefined;
  }
  const base = budgets.map((b) => b._total);
  const apply = (scale: number): void => {
    budgets.forEach((b, i) => { b._total = base[i]! * scale; });
    jobs._totalBudget = base.reduce((a, t) => a + t, 0) * scale;
  };
  let last: number | undefined;
  const off = viewer.scene.postRender.addEventListener(() => {
    const now = performance.now();
    if (last !== undefined) apply(uploadBudgetScale(now - last, share));
    last = now;
  });
  return () => {
    off();
    apply(1);
  };
}

/** Applies the section; the returned function puts Cesium's own limits back. */
export function applyStreamingTuning(viewer: Viewer, cfg: StreamingConfig): () => void {
  const undo: (() => void)[] = [];
  if (cfg.maximumRequests !== undefined) undo.push(setRequestLimits(cfg.maximumRequests));
  if (cfg.uploadFrameShare > 0) undo.push(scaleUploadBudget(viewer, cfg.uploadFrameShare));
  return () => undo.splice(0).reverse().forEach((u) => u());
}
