// Bytes received by the page, from Resource Timing (same-origin, so sizes are visible). An
// observer rather than getEntries(): the entry buffer fills after 250 requests, observers do not.
export interface NetworkMeter {
  bytesReceived(): number;
  requests(): number;
  stop(): void;
}

export function startNetworkMeter(): NetworkMeter {
  let bytes = 0;
  let count = 0;
  const add = (entries: PerformanceEntryList) => {
    for (const e of entries) {
      const r = e as PerformanceResourceTiming;
      // transferSize is 0 for cache hits; encodedBodySize still tells what the content weighs.
      bytes += r.transferSize > 0 ? r.transferSize : r.encodedBodySize;
      count += 1;
    }
  };
  if (typeof PerformanceObserver === 'undefined') return { bytesReceived: () => 0, requests: () => 0, stop: () => undefined };
  const observer = new PerformanceObserver((list) => add(list.getEntries()));
  observer.observe({ type: 'resource', buffered: true });
  return { bytesReceived: () => bytes, requests: () => count, stop: () => observer.disconnect() };
}
