// The seabed's depth ramp as a legend: the same stops the tiles were coloured with.
import { DEPTH_RAMP } from '../../domain/seabed/ramp.ts';
import { useT } from '../i18n/index.ts';
import { cssRgb } from '../planning/format.ts';

export function DepthRampLegend({ layerId }: { readonly layerId: string }) {
  const t = useT();
  const last = DEPTH_RAMP[DEPTH_RAMP.length - 1]?.depth ?? 1;
  const stops = DEPTH_RAMP.map((s) => `${cssRgb(s.rgb)} ${((s.depth / last) * 100).toFixed(1)}%`).join(', ');
  return (
    <div className="depth-ramp" data-testid={`depth-ramp-${layerId}`}>
      <div className="small muted">{t('seabed.legend')}</div>
      <div className="ramp-bar" style={{ background: `linear-gradient(to right, ${stops})` }} />
      <div className="ramp-ticks">
        {DEPTH_RAMP.map((s) => <span key={s.depth} style={{ left: `${(s.depth / last) * 100}%` }}>{s.depth === last ? `${s.depth}+` : s.depth}</span>)}
      </div>
    </div>
  );
}
