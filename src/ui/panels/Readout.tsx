// Coordinates under the cursor: lon/lat, CGCS2000 Gauss–Krüger E/N in the point's own 3° zone,
// ellipsoidal height and 1985 height (h − N, N from config), and the camera height.
import { ellipsoidalToHeight1985, toCgcs2000Grid } from '../../domain/geodesy/index.ts';
import { useSelection } from '../../state/selection.ts';
import { useView } from '../../state/view.ts';
import { useT } from '../i18n/index.ts';

const fixed = (v: number, digits: number) => v.toFixed(digits);
/** 3 306 469.98: thin-space digit groups, as survey sheets print coordinates. */
function grouped(v: number): string {
  const [int, frac] = v.toFixed(2).split('.');
  return `${(int ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, '\u2009')}.${frac ?? '00'}`;
}

export function Readout() {
  const t = useT();
  const pointer = useSelection((s) => s.pointer);
  const geoid = useView((s) => s.geoid);
  const cameraHeight = useView((s) => s.camera?.height);
  const grid = pointer ? toCgcs2000Grid(pointer) : undefined;
  return (
    <section className="panel readout" data-testid="readout" aria-label={t('readout.title')}>
      {pointer && grid ? (
        <dl>
          <dt>{t('readout.lonLat')}</dt>
          <dd data-testid="readout-lonlat">{fixed(pointer.lon, 6)}°E, {fixed(pointer.lat, 6)}°N</dd>
          <dt className="wide">{t('readout.gk', { epsg: grid.zone.epsg, cm: grid.zone.centralMeridian })}</dt>
          <dd data-testid="readout-gk" data-epsg={grid.zone.epsg}>
            {t('readout.easting')} {grouped(grid.easting)} · {t('readout.northing')} {grouped(grid.northing)}
          </dd>
          <dt>{t('readout.hEllipsoid')}</dt>
          <dd data-testid="readout-h">{fixed(pointer.height, 2)} m <small>({pointer.source === 'mesh' ? t('readout.onMesh') : t('readout.onGlobe')})</small></dd>
          <dt>{t('readout.h1985')}</dt>
          <dd data-testid="readout-h1985">{fixed(ellipsoidalToHeight1985(pointer.height, geoid), 2)} m</dd>
          {pointer.source === 'mesh' && ellipsoidalToHeight1985(pointer.height, geoid) < -0.05 && (
            <>
              <dt>{t('readout.depth')}</dt>
              <dd data-testid="readout-depth">{t('readout.depthValue', { v: fixed(-ellipsoidalToHeight1985(pointer.height, geoid), 1) })}</dd>
            </>
          )}
        </dl>
      ) : (
        <p className="muted">{t('readout.none')}</p>
      )}
      <p className="muted small" title={geoid.note}>{t('readout.geoid', { n: geoid.offsetMeters })}</p>
      <p data-testid="readout-camera">{t('readout.cameraHeight')} {cameraHeight === undefined ? '—' : `${fixed(cameraHeight, 0)} m`}</p>
    </section>
  );
}
