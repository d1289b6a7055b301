// How much of a frame GPU uploads may take. Cesium creates textures, buffers and shader programs
// under a fixed budget of 50 ms a frame (its JobScheduler: 10 + 10 + 30 ms), the right size at 60
// frames a second. When a frame takes a second or more (software rendering, a wall at 8K, a scene
// full of tiles) 50 ms is a few tiles' textures, and tiles that have arrived wait frame after
// frame to be drawn. Scaling the budget with the frame keeps uploads to a fixed share of it.

/** Cesium's JobScheduler budget per frame, ms (textures 10, programs 10, buffers 30). */
export const CESIUM_UPLOAD_BUDGET_MS = 50;

/** Frame intervals above this are idle gaps (render on demand), not frames: they count as this. */
export const LONGEST_FRAME_MS = 4000;

/**
 * The factor for Cesium's budgets so that uploads may take `share` of a frame lasting `frameMs`.
 * Never below 1 (Cesium's own budget); 1 when share is 0 or the frame time is unknown. Uploads
 * lengthen the frame they run in, so with the measured frame as input the frame settles where
 * uploads take `share` of it: t = render + share·t.
 */
export function uploadBudgetScale(frameMs: number, share: number): number {
  if (!(share > 0) || !(frameMs > 0)) return 1;
  return Math.max(1, (share * Math.min(frameMs, LONGEST_FRAME_MS)) / CESIUM_UPLOAD_BUDGET_MS);
}
