// The wall's polled project feed against a real HTTP server on localhost that answers from the
// fixture files: new data is reported once, garbage and HTTP errors keep the last good data and
// mark it stale with a growing retry delay, and the feed recovers when the source does.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startProjectFeed, type FeedStatus, type ProjectFeed } from '../../../src/services/projectFeed.ts';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/feed/${name}`, import.meta.url), 'utf8');
const before = fixture('projects-before.json');
const after = fixture('projects-after.json');

type Answer = { readonly status: number; readonly body: string };

let server: Server | undefined;
let feed: ProjectFeed | undefined;

afterEach(async () => {
  feed?.stop();
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  server = undefined;
});

/** Serves each request the next answer of the script (the last one repeats) and counts requests. */
async function serve(script: readonly Answer[]): Promise<{ url: string; requests: () => number }> {
  let n = 0;
  server = createServer((_req, res) => {
    const a = script[Math.min(n++, script.length - 1)]!;
    res.writeHead(a.status, { 'content-type': 'application/json' });
    res.end(a.body);
  });
  await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/projects.geojson`, requests: () => n };
}

function record() {
  const data: string[][] = [];
  const statuses: FeedStatus[] = [];
  return {
    data, statuses,
    hooks: {
      onData: (_raw: unknown, features: readonly { properties: Readonly<Record<string, unknown>> }[]) => data.push(features.map((f) => `${String(f.properties['projectCode'])}:${String(f.properties['stage'])}`)),
      onStatus: (s: FeedStatus) => statuses.push(s),
    },
  };
}

const until = async (done: () => boolean, ms = 5_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('project feed (polling)', () => {
  it('reports new data once, keeps the last good data through garbage and errors, backs off, recovers', async () => {
    const ok = (body: string): Answer => ({ status: 200, body });
    const src = await serve([ok(before), ok(before), ok('<html>502 Bad Gateway</html>'), { status: 503, body: '' }, ok('{"type":"FeatureCollection","features":[{}]}'), ok(after)]);
    const r = record();
    feed = startProjectFeed({ layer: 'projects', intervalSeconds: 0.05 }, src.url, r.hooks);
    await until(() => r.data.length === 2);
    // The same data twice is one update; then the changed data.
    expect(r.data[0]).toEqual(['NB-2015-0001:approve', 'NB-2015-0004:supply', 'NB-2015-0010:plan']);
    expect(r.data[1]).toEqual(['NB-2015-0001:approve', 'NB-2015-0004:supply', 'NB-2015-0010:approve', 'NB-2026-9001:approve']);
    expect(src.requests()).toBe(6);
    const states = r.statuses.map((s) => s.state);
    expect(states).toEqual(['connecting', 'live', 'live', 'stale', 'stale', 'stale', 'live']);
    const stale = r.statuses.filter((s): s is Extract<FeedStatus, { state: 'stale' }> => s.state === 'stale');
    // The last good data's time stays on the badge; each failure doubles the wait.
    const firstLive = r.statuses[1] as Extract<FeedStatus, { state: 'live' }>;
    expect(stale.every((s) => s.asOf !== undefined && s.asOf >= firstLive.asOf)).toBe(true);
    expect(stale.map((s) => s.retryInSeconds)).toEqual([0.1, 0.2, 0.4]);
    expect(stale[0]?.error).toMatch(/^not valid JSON/);
    expect(stale[1]?.error).toMatch(/HTTP 503$/);
    expect(stale[2]?.error).toMatch(/^no valid projects/);
  });

  it('a source that never answers well: stale without a time, each retry waits twice as long', async () => {
    const src = await serve([{ status: 500, body: 'down' }]);
    const r = record();
    feed = startProjectFeed({ layer: 'projects', intervalSeconds: 0.01 }, src.url, r.hooks);
    await until(() => r.statuses.length >= 6);
    feed.stop();
    const stale = r.statuses.slice(1, 6) as Extract<FeedStatus, { state: 'stale' }>[];
    expect(stale.map((s) => s.retryInSeconds)).toEqual([0.02, 0.04, 0.08, 0.16, 0.32]);
    expect(stale.every((s) => s.state === 'stale' && s.asOf === undefined)).toBe(true);
    expect(r.data).toEqual([]);
  });

  it('stops polling when stopped', async () => {
    const src = await serve([{ status: 200, body: before }]);
    const r = record();
    feed = startProjectFeed({ layer: 'projects', url: src.url, intervalSeconds: 0.02 }, 'http://127.0.0.1:1/unused', r.hooks);
    await until(() => src.requests() >= 2);
    feed.stop();
    const n = src.requests();
    await new Promise((res) => setTimeout(res, 150));
    expect(src.requests()).toBeLessThanOrEqual(n + 1);
    expect(r.data).toHaveLength(1);
  });
});
