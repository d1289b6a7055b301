// 方案比选: load the demo package, a package from files, or one model (picker or drop); switch
// between alternatives or swipe two against each other; move, turn or snap the shown one; read the
// comparison table against the parcel's limits. Problems are listed by place; what loads shows.
import { useState, type DragEvent } from 'react';
import { formatIssue } from '../../domain/schemas/issues.ts';
import { loadSchemePackage, loadSingleModel, fileModels, serverModels, moveAlternative } from '../../services/schemeLoader.ts';
import { useSchemes, type AlternativeEntry } from '../../state/schemes.ts';
import { useController } from '../map/controllerContext.ts';
import { useLocalized, useT } from '../i18n/index.ts';
import { SchemeTable } from './SchemeTable.tsx';
import { snapToParcel } from './schemeSnap.ts';

export const DEMO_PACKAGE_URL = 'tilesets/schemes/demo/package.json';
const STEP_M = 2;
const TURN_DEG = 5;
const M_PER_DEG_LAT = 110_900;

function useLoaders() {
  const controller = useController();
  const t = useT();
  const [error, setError] = useState<string | undefined>();
  const run = (job: () => Promise<void>): void => {
    setError(undefined);
    useSchemes.getState().setLoading(true);
    job().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e))).finally(() => useSchemes.getState().setLoading(false));
  };
  const demo = (): void => run(async () => {
    if (!controller) return;
    const res = await fetch(DEMO_PACKAGE_URL);
    if (!res.ok) throw new Error(t('scheme.demoMissing', { status: res.status }));
    await loadSchemePackage(controller, await res.json(), serverModels(new URL(DEMO_PACKAGE_URL, location.href).href));
  });
  const files = (list: readonly File[]): void => run(async () => {
    if (!controller || list.length === 0) return;
    const json = list.find((f) => /\.json$/i.test(f.name));
    if (json) {
      let raw: unknown;
      try {
        raw = JSON.parse(await json.text());
      } catch (e) {
        throw new Error(`${json.name}: ${t('scheme.notJson')} (${e instanceof Error ? e.message : String(e)})`);
      }
      await loadSchemePackage(controller, raw, fileModels(list));
      return;
    }
    const model = list.find((f) => /\.(glb|gltf)$/i.test(f.name)) ?? list[0]!;
    const c = controller.cameraPose();
    const at = controller.viewCentre() ?? { lon: c.lon, lat: c.lat };
    await loadSingleModel(controller, model, at);
  });
  return { demo, files, error };
}

function Adjust({ alt }: { readonly alt: AlternativeEntry }) {
  const t = useT();
  const controller = useController();
  const parcel = useSchemes((s) => s.parcel);
  const p = alt.placement;
  if (!controller || !p) return null;
  const move = (de: number, dn: number, turn = 0): void => moveAlternative(controller, alt.id, {
    ...p, lon: p.lon + de / (M_PER_DEG_LAT * Math.cos((p.lat * Math.PI) / 180)), lat: p.lat + dn / M_PER_DEG_LAT, heading: (p.heading + turn + 360) % 360,
  });
  return (
    <div className="row scheme-adjust" data-testid="scheme-adjust">
      <button type="button" title={t('scheme.west')} onClick={() => move(-STEP_M, 0)}>←</button>
      <button type="button" title={t('scheme.east')} onClick={() => move(STEP_M, 0)}>→</button>
      <button type="button" title={t('scheme.north')} onClick={() => move(0, STEP_M)}>↑</button>
      <button type="button" title={t('scheme.south')} onClick={() => move(0, -STEP_M)}>↓</button>
      <button type="button" title={t('scheme.turnLeft')} onClick={() => move(0, 0, -TURN_DEG)}>⟲</button>
      <button type="button" title={t('scheme.turnRight')} onClick={() => move(0, 0, TURN_DEG)}>⟳</button>
      <button type="button" data-testid="scheme-snap" disabled={!parcel} title={t('scheme.snapTitle')} onClick={() => parcel && moveAlternative(controller, alt.id, snapToParcel(p, parcel))}>{t('scheme.snap')}</button>
      <span className="muted">{t('scheme.heading', { deg: p.heading.toFixed(0) })}</span>
    </div>
  );
}

export function SchemeTools() {
  const t = useT();
  const local = useLocalized();
  const s = useSchemes();
  const { demo, files, error } = useLoaders();
  const [over, setOver] = useState(false);
  const ready = s.alternatives.filter((a) => a.status === 'ready');
  const active = s.alternatives.find((a) => a.id === s.active);
  const onDrop = (e: DragEvent): void => {
    e.preventDefault();
    setOver(false);
    files([...e.dataTransfer.files]);
  };
  return (
    <div className={`scheme-tools${over ? ' drop-over' : ''}`} data-testid="scheme-tools"
      onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)} onDrop={onDrop}>
      <div className="row">
        <button type="button" data-testid="scheme-load-demo" onClick={demo} disabled={s.loading}>{t('scheme.loadDemo')}</button>
        <label className="file-button">
          {t('scheme.chooseFiles')}
          <input type="file" multiple accept=".json,.glb,.gltf" data-testid="scheme-files" onChange={(e) => files([...(e.target.files ?? [])])} />
        </label>
      </div>
      <p className="muted">{t('scheme.dropHint')}</p>
      {s.loading ? <p className="muted" data-testid="scheme-loading">{t('scheme.loading')}</p> : null}
      {error ? <p className="error" data-testid="scheme-error">{error}</p> : null}
      {s.source ? (
        <p data-testid="scheme-source">
          <strong>{local(s.source.name)}</strong>
          {s.source.synthetic ? <span className="tag-synthetic">{t('app.synthetic')}</span> : null}
          {s.source.parcelCode ? <span className="muted"> · {t('scheme.parcel', { code: s.source.parcelCode })}</span> : null}
        </p>
      ) : null}
      {s.issues.length + s.warnings.length > 0 ? (
        <ul className="scheme-issues" data-testid="scheme-issues">
          {s.issues.map((i) => <li key={formatIssue(i)} className="error">{formatIssue(i)}</li>)}
          {s.warnings.map((i) => <li key={formatIssue(i)} className="muted">{formatIssue(i)}</li>)}
        </ul>
      ) : null}
      {s.alternatives.length > 0 ? (
        <>
          <div className="row" role="radiogroup" aria-label={t('scheme.alternatives')}>
            {s.alternatives.map((a) => (
              <label key={a.id} className="scheme-alt" data-status={a.status}>
                <input type="radio" name="scheme-alt" data-testid={`scheme-alt-${a.id}`} checked={s.active === a.id} disabled={a.status !== 'ready'}
                  onChange={() => { s.setActive(a.id); s.setMode('single'); }} />
                {local(a.name)}{a.status === 'loading' ? ' …' : a.status === 'failed' ? ` (${t('scheme.failed')})` : ''}
              </label>
            ))}
          </div>
          <div className="row" role="radiogroup" aria-label={t('scheme.compare')}>
            {(['single', 'swipe', 'sideBySide'] as const).map((m) => (
              <label key={m}><input type="radio" name="scheme-mode" data-testid={m === 'swipe' ? 'scheme-swipe' : `scheme-mode-${m}`} checked={s.mode === m}
                disabled={m !== 'single' && ready.length < 2} onChange={() => s.setMode(m)} /> {t(`scheme.mode.${m}`)}</label>
            ))}
          </div>
          <label><input type="checkbox" data-testid="scheme-clear-site" checked={s.clearSite} onChange={(e) => s.setClearSite(e.target.checked)} /> {t('scheme.clearSite')}</label>
          {s.mode !== 'single' ? (
            <div className="row">
              {(['left', 'right'] as const).map((side) => (
                <label key={side}>{t(`scheme.${side}`)}
                  <select data-testid={`scheme-swipe-${side}`} value={s.swipe[side] ?? ''} onChange={(e) => s.setSwipe({ [side]: e.target.value })}>
                    {ready.map((a) => <option key={a.id} value={a.id}>{local(a.name)}</option>)}
                  </select>
                </label>
              ))}
            </div>
          ) : active?.status === 'ready' ? <Adjust alt={active} /> : null}
          <SchemeTable alternatives={s.alternatives} />
        </>
      ) : null}
    </div>
  );
}
