// The wall's live project feed: polls the projects GeoJSON at an interval, or listens to a
// server-sent-events stream whose messages are the whole FeatureCollection. A message that is not
// valid project data, or a dropped connection, keeps the last good data: the status says since
// when the data is stale, and the feed reconnects with back-off.
import { backoffSeconds } from '../domain/dashboard/backoff.ts';
import { validatePlanningCollection, type Feature } from '../domain/planning/index.ts';
import type { ScreenFeedConfig } from '../domain/schemas/index.ts';

export type FeedStatus =
  | { readonly state: 'connecting' }
  | { readonly state: 'live'; readonly asOf: number }
  | { readonly state: 'stale'; readonly asOf?: number; readonly error: string; readonly retryInSeconds: number };

export interface FeedHooks {
  /** Valid new data (unchanged data is not reported again). */
  onData(raw: unknown, features: readonly Feature[], skipped: number): void;
  onStatus(status: FeedStatus): void;
}

export interface ProjectFeed {
  stop(): void;
}

type Source = { readonly kind: 'poll'; readonly url: string } | { readonly kind: 'sse'; readonly url: string };

/** Parses and validates one message; an Error says what is wrong with it. */
function readMessage(text: string): { raw: unknown; features: Feature[]; skipped: number } | Error {
  let raw: unknown;
  try {
    raw = JSON.parse(text) as unknown;
  } catch (e) {
    return new Error(`not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const r = validatePlanningCollection('projects', raw);
  if (r.valid.length === 0) return new Error(r.issues[0] ? `no valid projects (${r.issues[0].message})` : 'no projects in the message');
  return { raw, features: r.valid, skipped: r.skipped };
}

export function startProjectFeed(cfg: ScreenFeedConfig, defaultUrl: string, hooks: FeedHooks): ProjectFeed {
  const source: Source = cfg.sse ? { kind: 'sse', url: cfg.sse } : { kind: 'poll', url: cfg.url ?? defaultUrl };
  let stopped = false;
  let failures = 0;
  let lastText: string | undefined;
  let asOf: number | undefined;
  // Plain timers (not window's): the feed runs in a page and, for its tests, in Node.
  let timer: ReturnType<typeof setTimeout> | undefined;
  let events: EventSource | undefined;
  let abort: AbortController | undefined;

  const accept = (text: string): void => {
    const m = readMessage(text);
    if (m instanceof Error) return fail(m.message);
    failures = 0;
    asOf = Date.now();
    hooks.onStatus({ state: 'live', asOf });
    if (text === lastText) return;
    lastText = text;
    hooks.onData(m.raw, m.features, m.skipped);
  };
  const fail = (error: string): void => {
    failures++;
    const retryInSeconds = backoffSeconds(failures, cfg.intervalSeconds);
    hooks.onStatus({ state: 'stale', ...(asOf !== undefined ? { asOf } : {}), error, retryInSeconds });
    if (source.kind === 'sse') {
      events?.close();
      events = undefined;
      clearTimeout(timer);
      timer = setTimeout(connect, retryInSeconds * 1000);
    }
  };
  const poll = async (): Promise<void> => {
    abort = new AbortController();
    try {
      const res = await fetch(source.url, { cache: 'no-store', signal: abort.signal });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      accept(await res.text());
    } catch (e) {
      if (stopped) return;
      fail(`${source.url}: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (!stopped) timer = setTimeout(() => void poll(), backoffSeconds(failures, cfg.intervalSeconds) * 1000);
  };
  function connect(): void {
    if (stopped) return;
    if (source.kind === 'poll') {
      void poll();
      return;
    }
    const es = new EventSource(source.url);
    events = es;
    es.onmessage = (e: MessageEvent<string>) => accept(e.data);
    // EventSource would retry on its own at a fixed pace; we close it and back off instead.
    es.onerror = () => { if (events === es) fail(`${source.url}: the stream dropped`); };
  }
  hooks.onStatus({ state: 'connecting' });
  connect();
  return {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      abort?.abort();
      events?.close();
    },
  };
}
