// The swipe's divider over the map: alternative A shows left of it, B right of it. Dragged with
// the mouse or a finger, or moved with the arrow keys when focused.
import { useCallback, type KeyboardEvent, type PointerEvent } from 'react';
import { useSchemes } from '../../state/schemes.ts';
import { useLocalized, useT } from '../i18n/index.ts';

const KEY_STEP = 0.02;
const clamp = (x: number): number => Math.min(0.98, Math.max(0.02, x));

export function SwipeDivider() {
  const t = useT();
  const local = useLocalized();
  const mode = useSchemes((s) => s.mode);
  const swipe = useSchemes((s) => s.swipe);
  const alternatives = useSchemes((s) => s.alternatives);
  const drag = useCallback((e: PointerEvent<HTMLDivElement>) => {
    const el = e.currentTarget;
    el.setPointerCapture(e.pointerId);
    const width = el.parentElement?.clientWidth ?? window.innerWidth;
    const move = (ev: globalThis.PointerEvent): void => useSchemes.getState().setSwipe({ position: clamp(ev.clientX / width) });
    const up = (): void => { el.removeEventListener('pointermove', move); el.removeEventListener('pointerup', up); };
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
  }, []);
  const key = (e: KeyboardEvent<HTMLDivElement>): void => {
    const d = e.key === 'ArrowLeft' ? -KEY_STEP : e.key === 'ArrowRight' ? KEY_STEP : 0;
    if (d === 0) return;
    e.preventDefault();
    e.stopPropagation();
    useSchemes.getState().setSwipe({ position: clamp(swipe.position + d) });
  };
  if (mode !== 'swipe') return null;
  const name = (id: string | undefined): string => { const a = alternatives.find((x) => x.id === id); return a ? local(a.name) : ''; };
  return (
    <div className="swipe-divider" data-testid="swipe-divider" style={{ left: `${swipe.position * 100}%` }} role="slider" tabIndex={0}
      aria-label={t('scheme.divider')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(swipe.position * 100)}
      onPointerDown={drag} onKeyDown={key}>
      <span className="swipe-label left">{name(swipe.left)}</span>
      <span className="swipe-handle">⇔</span>
      <span className="swipe-label right">{name(swipe.right)}</span>
    </div>
  );
}
