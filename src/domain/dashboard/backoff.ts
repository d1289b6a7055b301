// Reconnect delays for a feed that failed: doubling from the normal interval, capped, so a wall
// whose source is down neither hammers it nor waits an hour once it is back.
export const MAX_BACKOFF_SECONDS = 300;

export function backoffSeconds(failures: number, intervalSeconds: number, cap = MAX_BACKOFF_SECONDS): number {
  if (failures <= 0) return intervalSeconds;
  return Math.min(cap, intervalSeconds * 2 ** Math.min(failures, 16));
}
