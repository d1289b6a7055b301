// The config's `streaming` section: how the viewer schedules tile work across all its tilesets.
// Cesium's own limits assume 60 frames a second: at most 20 new requests considered per frame
// (RequestScheduler.priorityHeapLength; 18 in flight per server, 50 in all) and 50 ms of GPU
// uploads per frame (JobScheduler). Where a frame takes a second (a software renderer, an 8K wall,
// a scene full of tiles) those limits, not the network, set the pace: the streaming benchmark
// (npm run bench) measured a street view settle in half the time with them scaled.
import { FieldChecker, describeType, isObject, type Issue } from './issues.ts';

export interface StreamingConfig {
  /** New tile requests considered per frame and in flight at once (all from our own server);
   *  absent: Cesium's limits (20 per frame, 18 per server, 50 in all). */
  readonly maximumRequests?: number;
  /** Share of a frame's time GPU uploads may take (0–0.9): the upload budget grows with slow
   *  frames. 0: Cesium's fixed 50 ms a frame. */
  readonly uploadFrameShare: number;
}

export const STREAMING_DEFAULTS: StreamingConfig = { uploadFrameShare: 0 };
export const STREAMING_KEYS: readonly string[] = ['$comment', 'maximumRequests', 'uploadFrameShare'];

export function validateStreamingConfig(raw: unknown, issues: Issue[]): StreamingConfig {
  if (raw === undefined) return STREAMING_DEFAULTS;
  if (!isObject(raw)) {
    issues.push({ path: 'streaming', message: `expected an object, found ${describeType(raw)}` });
    return STREAMING_DEFAULTS;
  }
  const c = new FieldChecker(issues, raw, 'streaming');
  c.unknownKeys(STREAMING_KEYS);
  const requestsOk = c.number('maximumRequests', { min: 1, max: 1024, integer: true });
  const shareOk = c.number('uploadFrameShare', { min: 0, max: 0.9 });
  return {
    ...(requestsOk && typeof raw['maximumRequests'] === 'number' ? { maximumRequests: raw['maximumRequests'] } : {}),
    uploadFrameShare: shareOk && typeof raw['uploadFrameShare'] === 'number' ? raw['uploadFrameShare'] : STREAMING_DEFAULTS.uploadFrameShare,
  };
}
