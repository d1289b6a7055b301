// Click anywhere → the point's BeiDou 2D and 3D grid codes at the chosen level (default 3D level 7,
// a cell of about 7.7 m), the cell drawn on the map, and the 不动产单元代码 of the parcel the point
// lies in. Every code can be copied.
import { useEffect, useMemo } from 'react';
import { decodeBeidou, encodeBeidou, MAX_LEVEL, MIN_LEVEL } from '../../domain/spacecode/index.ts';
import { usePlanning } from '../../state/planning.ts';
import { useSelection } from '../../state/selection.ts';
import { useT } from '../i18n/index.ts';
import { useController } from '../map/controllerContext.ts';
import { openParcel } from './actions.ts';
import { Code } from './CopyButton.tsx';

const LEVELS = Array.from({ length: MAX_LEVEL - MIN_LEVEL + 1 }, (_, i) => MIN_LEVEL + i);

function sizeLabel(m: number): string {
  if (m >= 1000) return `${(m / 1000).toFixed(m >= 10000 ? 0 : 1)} km`;
  if (m >= 1) return `${m.toFixed(m >= 10 ? 0 : 1)} m`;
  return `${(m * 100).toFixed(0)} cm`;
}

export function SpaceCodePanel() {
  const t = useT();
  const controller = useController();
  const clicked = useSelection((s) => s.clicked);
  const level = useSelection((s) => s.codeLevel);
  const index = usePlanning((s) => s.index);
  const codes = useMemo(() => (clicked ? encodeBeidou(clicked, level) : undefined), [clicked, level]);
  const cell = useMemo(() => {
    const r = codes?.code3D ? decodeBeidou(codes.code3D) : undefined;
    return r?.ok ? r.cell : undefined;
  }, [codes]);
  const sizes = useMemo(() => LEVELS.map((l) => {
    if (!clicked) return '';
    const r = decodeBeidou(encodeBeidou(clicked, l).code2D);
    return r.ok ? sizeLabel(r.cell.sizeMetres.eastWest) : '';
  }), [clicked]);
  const parcel = clicked ? index.parcelsAt(clicked.lon, clicked.lat)[0] : undefined;

  useEffect(() => {
    useSelection.getState().setShownCell(codes?.code3D);
  }, [codes]);

  if (!clicked || !codes) return null;
  return (
    <section className="panel spacecode-panel" data-testid="spacecode-panel" aria-label={t('spacecode.heading')}>
      <header className="row">
        <h2>{t('spacecode.heading')}</h2>
        <button type="button" className="link" data-testid="spacecode-clear" onClick={() => { useSelection.getState().setClicked(undefined); }}>{t('spacecode.clear')}</button>
      </header>
      <label className="row small">
        <span>{t('spacecode.level')}</span>
        <select data-testid="spacecode-level" value={level} onChange={(e) => useSelection.getState().setCodeLevel(Number(e.target.value))}>
          {LEVELS.map((l, i) => <option key={l} value={l}>{t('spacecode.levelOption', { level: l, size: sizes[i] ?? '' })}</option>)}
        </select>
      </label>
      <dl className="facts">
        <dt>{t('spacecode.point')}</dt>
        <dd className="small">{clicked.lon.toFixed(6)}°E, {clicked.lat.toFixed(6)}°N, h {clicked.height.toFixed(1)} m</dd>
        <dt>{t('spacecode.code2d')}</dt><dd><Code value={codes.code2D} testId="spacecode-2d" /></dd>
        {codes.code3D && <><dt>{t('spacecode.code3d')}</dt><dd><Code value={codes.code3D} testId="spacecode-3d" /></dd></>}
        {cell && <><dt>{t('spacecode.cellSize')}</dt><dd className="small">{cell.sizeMetres.eastWest.toFixed(1)} × {cell.sizeMetres.northSouth.toFixed(1)}{cell.sizeMetres.vertical !== undefined ? ` × ${cell.sizeMetres.vertical.toFixed(1)}` : ''} m</dd></>}
        <dt>{t('spacecode.unit')}</dt>
        <dd>
          {parcel?.unitCode
            ? <><Code value={parcel.unitCode} testId="spacecode-unit" /> <button type="button" className="link" data-testid="spacecode-open-parcel" onClick={() => openParcel(parcel, controller)}>{t('card.openParcel')}</button></>
            : <span className="muted" data-testid="spacecode-unit-none">{t('spacecode.noParcel')}</span>}
        </dd>
      </dl>
    </section>
  );
}
