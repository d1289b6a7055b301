// The wall's right side: clock, the feed's freshness, the ticker of latest changes, and the card
// of the project the tour is showing.
import { useEffect, useState } from 'react';
import { LIFECYCLE_STAGES, type LifecycleStageId } from '../../../domain/planning/index.ts';
import { useUi } from '../../../state/ui.ts';
import { FeatureCard } from '../../planning/FeatureCard.tsx';
import { useT } from '../../i18n/index.ts';
import { useWall, type TickerEntry } from './wallStore.ts';

const pad = (n: number): string => String(n).padStart(2, '0');
const hhmm = (t: number): string => { const d = new Date(t); return `${pad(d.getHours())}:${pad(d.getMinutes())}`; };

export function WallClock() {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return (
    <div className="wall-clock" data-testid="wall-clock">
      <span className="wall-time">{`${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}`}</span>
      <span className="wall-date">{`${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`}</span>
    </div>
  );
}

export function FeedBadge() {
  const t = useT();
  const feed = useWall((s) => s.feed);
  const skipped = useWall((s) => s.skipped);
  if (feed.state === 'live') {
    return (
      <div className="feed-badge live" data-testid="feed-badge" data-state="live">
        {t('wall.live', { time: hhmm(feed.asOf) })}
        {skipped > 0 && <span className="feed-skipped" data-testid="feed-skipped">{t('wall.skipped', { n: skipped })}</span>}
      </div>
    );
  }
  if (feed.state === 'connecting') return <div className="feed-badge" data-testid="feed-badge" data-state="connecting">{t('wall.connecting')}</div>;
  return (
    <div className="feed-badge stale" data-testid="feed-badge" data-state="stale" title={feed.error}>
      {feed.asOf !== undefined ? t('wall.stale', { time: hhmm(feed.asOf) }) : t('wall.noData')}
      {skipped > 0 && <span className="feed-skipped" data-testid="feed-skipped">{t('wall.skipped', { n: skipped })}</span>}
      <span className="feed-retry">{t('wall.retry', { s: feed.retryInSeconds })}</span>
    </div>
  );
}

function stageName(id: LifecycleStageId, lang: 'zh' | 'en'): string {
  const s = LIFECYCLE_STAGES.find((x) => x.id === id);
  return s ? `${s.short} ${lang === 'zh' ? s.zh : s.en}` : id;
}

function TickerLine({ entry }: { readonly entry: TickerEntry }) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const c = entry.change;
  const what = c.kind === 'stage' ? t('wall.moved', { from: stageName(c.from, lang), to: stageName(c.to, lang) })
    : c.kind === 'added' ? t('wall.added', { to: stageName(c.to, lang) }) : t('wall.removed');
  return (
    <li data-testid="ticker-entry" data-code={c.code}>
      <time>{hhmm(entry.at)}</time> <strong>{c.name}</strong> <span className="ticker-code">{c.code}</span> {what}
    </li>
  );
}

export function Ticker() {
  const t = useT();
  const ticker = useWall((s) => s.ticker);
  return (
    <section className="wall-panel wall-ticker">
      <h2>{t('wall.ticker')}</h2>
      {ticker.length === 0 ? <p className="wall-muted">{t('wall.noChanges')}</p> : (
        <ol data-testid="ticker">{ticker.slice(0, 8).map((e) => <TickerLine key={e.id} entry={e} />)}</ol>
      )}
    </section>
  );
}

export function TourCard() {
  return (
    <div className="wall-card">
      <FeatureCard />
    </div>
  );
}
