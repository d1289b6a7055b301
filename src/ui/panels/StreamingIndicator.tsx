// Streaming progress: pending requests, tiles processing, bytes received. Per-frame numbers are
// polled a few times a second from the engine, and React re-renders only when they change.
import { useEffect, useState } from 'react';
import type { NetworkMeter } from '../../services/networkMeter.ts';
import { useT } from '../i18n/index.ts';
import { useController } from '../map/controllerContext.ts';

interface Reading { readonly pending: number; readonly processing: number; readonly mb: string }

const POLL_MS = 250;

export function StreamingIndicator({ meter }: { readonly meter: NetworkMeter }) {
  const t = useT();
  const controller = useController();
  const [reading, setReading] = useState<Reading>({ pending: 0, processing: 0, mb: '0.0' });
  useEffect(() => {
    if (!controller) return undefined;
    const timer = window.setInterval(() => {
      const s = controller.streaming();
      const next = { pending: s.pendingRequests, processing: s.tilesProcessing, mb: (meter.bytesReceived() / 1048576).toFixed(1) };
      setReading((prev) => (prev.pending === next.pending && prev.processing === next.processing && prev.mb === next.mb ? prev : next));
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [controller, meter]);
  const busy = reading.pending + reading.processing > 0;
  return (
    <section className={`panel streaming ${busy ? 'busy' : 'idle'}`} data-testid="loading-indicator" data-busy={busy} aria-live="polite" aria-label={t('streaming.title')}>
      <span className={`spinner ${busy ? 'on' : ''}`} aria-hidden="true" />
      {busy ? (
        <span>{t('streaming.pending', { n: reading.pending })} · {t('streaming.processing', { n: reading.processing })}</span>
      ) : (
        <span>{t('streaming.idle')}</span>
      )}
      <span className="mb">{t('streaming.received', { mb: reading.mb })}</span>
    </section>
  );
}
