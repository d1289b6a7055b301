// Home, zoom, rotate, tilt and a compass (click for north up), plus the keyboard reference.
import { useState } from 'react';
import { useView } from '../../state/view.ts';
import { useT } from '../i18n/index.ts';
import { useController } from '../map/controllerContext.ts';

const TURN_DEG = 15;
const TILT_DEG = 10;

export function NavigationControls() {
  const t = useT();
  const controller = useController();
  const heading = useView((s) => s.camera?.heading ?? 0);
  const [helpOpen, setHelpOpen] = useState(false);
  const headingShown = Math.round(((heading % 360) + 360) % 360);
  return (
    <nav className="panel nav-controls" aria-label={t('nav.keysTitle')}>
      <button type="button" data-testid="nav-compass" className="compass" title={t('nav.compass', { deg: headingShown })} aria-label={t('nav.compass', { deg: headingShown })} onClick={() => controller?.northUp()}>
        <span className="needle" style={{ transform: `rotate(${-heading}deg)` }}>▲</span>
      </button>
      <button type="button" data-testid="nav-home" title={t('nav.home')} aria-label={t('nav.home')} onClick={() => void controller?.flyHome()}>⌂</button>
      <button type="button" data-testid="nav-zoom-in" title={t('nav.zoomIn')} aria-label={t('nav.zoomIn')} onClick={() => controller?.zoom('in')}>+</button>
      <button type="button" data-testid="nav-zoom-out" title={t('nav.zoomOut')} aria-label={t('nav.zoomOut')} onClick={() => controller?.zoom('out')}>−</button>
      <button type="button" data-testid="nav-rotate-left" title={t('nav.rotateLeft')} aria-label={t('nav.rotateLeft')} onClick={() => controller?.rotate(-TURN_DEG)}>⟲</button>
      <button type="button" data-testid="nav-rotate-right" title={t('nav.rotateRight')} aria-label={t('nav.rotateRight')} onClick={() => controller?.rotate(TURN_DEG)}>⟳</button>
      <button type="button" data-testid="nav-tilt-up" title={t('nav.tiltUp')} aria-label={t('nav.tiltUp')} onClick={() => controller?.tilt(TILT_DEG)}>◠</button>
      <button type="button" data-testid="nav-tilt-down" title={t('nav.tiltDown')} aria-label={t('nav.tiltDown')} onClick={() => controller?.tilt(-TILT_DEG)}>◡</button>
      <button type="button" data-testid="nav-keys" title={t('nav.keysTitle')} aria-expanded={helpOpen} onClick={() => setHelpOpen(!helpOpen)}>⌨</button>
      {helpOpen && (
        <ul className="keys-help" data-testid="keys-help">
          <li>{t('nav.keysPan')}</li>
          <li>{t('nav.keysZoom')}</li>
          <li>{t('nav.keysRotate')}</li>
          <li>{t('nav.keysTilt')}</li>
          <li>{t('nav.keysNorth')}</li>
        </ul>
      )}
    </nav>
  );
}
