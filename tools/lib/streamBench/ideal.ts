// The ideal bytes of each step of a bench path (streaming.md "The ideal"): the oracle's minimal
// cut of the reality mesh at the step's final pose, and that cut with its content ancestors.
import { cameraFrame, cesiumFovy } from '../../../src/domain/bench/camera.ts';
import { CESIUM_RELIEF, cesiumReliefDensity, minimalCut, type OracleCut, type OracleTile, type OracleView } from '../../../src/domain/bench/oracle.ts';
import { stepPose } from '../../../src/domain/bench/path.ts';
import type { BenchPath, BenchPose, IdealStep } from '../../../src/domain/bench/types.ts';
import { contentBytes, loadRealityTree } from './realityTree.ts';

export interface Viewport { readonly width: number; readonly height: number }

/** The cut for one pose in a viewport of CSS pixels (pixel ratio 1), Cesium's 60° frustum. With
 *  `relief`, Cesium's default dynamic-SSE term applies too, as every Cesium configuration has it. */
export function cutForPose(root: OracleTile, pose: BenchPose, viewport: Viewport, maxSse: number, relief = false): OracleCut {
  const frame = cameraFrame(pose);
  const view: OracleView = { frame, widthPx: viewport.width, heightPx: viewport.height, fovy: cesiumFovy(viewport.width, viewport.height) };
  const r = root.volume;
  if (relief && r.kind === 'region') {
    const density = cesiumReliefDensity(frame, pose.height, r.minHeight, r.maxHeight);
    return minimalCut(root, { ...view, relief: { density, factor: CESIUM_RELIEF.factor } }, maxSse);
  }
  return minimalCut(root, view, maxSse);
}

/** One IdealStep per path step; tiles missing on disk are generated to be weighed (`onProgress`). */
export async function idealForPath(tilesetsDir: string, path: BenchPath, viewport: Viewport, maxSse: number, onProgress?: (done: number, total: number) => void, relief = false): Promise<IdealStep[]> {
  const root = await loadRealityTree(tilesetsDir);
  const cuts = path.steps.map((step) => ({ step, ...cutForPose(root, stepPose(step), viewport, maxSse, relief) }));
  const all = new Set(cuts.flatMap((c) => c.hlod.map((t) => t.id)));
  const sizes = await contentBytes(tilesetsDir, [...all], onProgress);
  const size = (id: string): number => {
    const s = sizes.get(id);
    if (s === undefined) throw new Error(`${id}: no size`);
    return s;
  };
  return cuts.map(({ step, cut, hlod }) => {
    const cutIds = cut.map((t) => t.id);
    const hlodIds = hlod.map((t) => t.id);
    return {
      stepId: step.id,
      skipBytes: cutIds.reduce((s, id) => s + size(id), 0),
      hlodBytes: hlodIds.reduce((s, id) => s + size(id), 0),
      cutTiles: cutIds.length,
      hlodTiles: hlodIds.length,
      cutIds,
      hlodIds,
      tileSizes: Object.fromEntries(hlodIds.map((id) => [id, size(id)])),
    };
  });
}
