// The watermark over the map while any sensitive layer (pipelines) is visible: station, user and
// the time, repeated diagonally so a photo of any part of the screen carries it.
import { useEffect, useState } from 'react';
import { useLayers } from '../../state/layers.ts';
import { useView } from '../../state/view.ts';
import { useT } from '../i18n/index.ts';

const pad = (n: number): string => String(n).padStart(2, '0');
export function watermarkTime(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function Watermark() {
  const t = useT();
  const sensitiveShown = useLayers((s) => s.layers.some((l) => l.sensitive && l.show));
  const who = useView((s) => s.watermark);
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    if (!sensitiveShown) return undefined;
    setNow(new Date());
    const timer = window.setInterval(() => setNow(new Date()), 30_000);
    return () => window.clearInterval(timer);
  }, [sensitiveShown]);
  if (!sensitiveShown) return null;
  const text = t('watermark.text', { station: who.station ?? '', user: who.user ?? '', time: watermarkTime(now) }).trim();
  return (
    <div className="watermark" data-testid="watermark" aria-hidden="true">
      {Array.from({ length: 24 }, (_, i) => <span key={i}>{text}</span>)}
    </div>
  );
}
