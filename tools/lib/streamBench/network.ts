// What a page fetches, from the browser's own network events (CDP), so the three renderers are
// counted the same way: encoded (on-the-wire) bytes per request, cancelled requests included
// with the bytes they had received when cut off.
import type { CDPSession } from '@playwright/test';

export interface NetworkTotals {
  readonly bytes: number;
  readonly requests: number;
  readonly cancelled: number;
  readonly failed: number;
}

interface Pending { readonly url: string; received: number }

export class NetworkMeter {
  private readonly pending = new Map<string, Pending>();
  private bytes = 0;
  private requests = 0;
  private cancelled = 0;
  private failed = 0;
  /** Requests that left the page's own origin (the viewer must make none). */
  readonly foreign: string[] = [];

  constructor(private readonly counts: (url: string) => boolean, private readonly origin: string) {}

  async attach(cdp: CDPSession): Promise<void> {
    cdp.on('Network.requestWillBeSent', (e) => {
      const url = e.request.url;
      if (!url.startsWith(this.origin) && !url.startsWith('data:') && !url.startsWith('blob:')) this.foreign.push(url);
      // A redirect re-sends under the same id: count the request once.
      if (!this.counts(url) || this.pending.has(e.requestId)) return;
      this.pending.set(e.requestId, { url, received: 0 });
      this.requests += 1;
    });
    cdp.on('Network.dataReceived', (e) => {
      const p = this.pending.get(e.requestId);
      if (p) p.received += e.encodedDataLength;
    });
    cdp.on('Network.loadingFinished', (e) => {
      const p = this.pending.get(e.requestId);
      if (!p) return;
      // encodedDataLength here is the whole response on the wire (headers and body).
      this.bytes += Math.max(e.encodedDataLength, p.received);
      this.pending.delete(e.requestId);
    });
    cdp.on('Network.loadingFailed', (e) => {
      const p = this.pending.get(e.requestId);
      if (!p) return;
      this.bytes += p.received;
      if (e.canceled) this.cancelled += 1;
      else this.failed += 1;
      this.pending.delete(e.requestId);
    });
    await cdp.send('Network.enable');
    // Every renderer is measured on what it asks for: an evicted tile asked for again is fetched
    // again (no HTTP cache), and each run starts from nothing.
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  }

  get inFlight(): number {
    return this.pending.size;
  }

  totals(): NetworkTotals {
    return { bytes: this.bytes, requests: this.requests, cancelled: this.cancelled, failed: this.failed };
  }
}

export const diffTotals = (a: NetworkTotals, b: NetworkTotals): NetworkTotals => ({
  bytes: b.bytes - a.bytes, requests: b.requests - a.requests, cancelled: b.cancelled - a.cancelled, failed: b.failed - a.failed,
});
