// Underground mode (translucent ground, camera below the surface) and excavation pits.
import { useGround } from '../../state/ground.ts';
import { switchUnderground } from './switchUnderground.ts';
import { useT } from '../i18n/index.ts';
import { ExcavationTools } from './ExcavationTools.tsx';

export function UndergroundPanel() {
  const t = useT();
  const underground = useGround((s) => s.underground);
  const opacity = useGround((s) => s.opacity);
  const { setOpacity } = useGround.getState();
  const toggle = switchUnderground;
  return (
    <section className="panel underground-panel" aria-label={t('underground.heading')} data-testid="underground-panel">
      <h2>{t('underground.heading')}</h2>
      <label className="toggle" title={t('underground.modeHint')}>
        <input type="checkbox" checked={underground} data-testid="underground-toggle" onChange={(e) => toggle(e.target.checked)} />
        <span>{t('underground.mode')}</span>
      </label>
      {underground && (
        <label className="opacity">
          <span>{t('underground.opacity')}</span>
          <input type="range" min={0} max={1} step={0.05} value={opacity} data-testid="underground-opacity" onChange={(e) => setOpacity(Number(e.target.value))} />
          <output>{Math.round(opacity * 100)}%</output>
        </label>
      )}
      <ExcavationTools />
    </section>
  );
}
