// Measuring: pick a kind, click on the mesh; every measurement stays listed (and labelled in the
// scene) with copyable values until undone or cleared.
import { useState } from 'react';
import { useMeasure, type MeasureKind, type Measurement } from '../../state/measure.ts';
import { useUi } from '../../state/ui.ts';
import { useController } from '../map/controllerContext.ts';
import { useT } from '../i18n/index.ts';
import { measurementLines, startMeasuring, undoMeasuring } from './measureActions.ts';

const KINDS: readonly MeasureKind[] = ['distance', 'area', 'height', 'angle'];

function MeasurementRow({ m, n }: { readonly m: Measurement; readonly n: number }) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const [copied, setCopied] = useState(false);
  const lines = measurementLines(m, lang);
  const copy = (): void => {
    const text = `${t('measure.number', { kind: t(`measure.${m.kind}`), n })}\n${lines.join('\n')}`;
    void navigator.clipboard?.writeText(text).then(() => { setCopied(true); window.setTimeout(() => setCopied(false), 1500); }, () => undefined);
  };
  return (
    <li className="measurement" data-testid={`measurement-${m.id}`} data-kind={m.kind}>
      <header className="row">
        <strong>{t('measure.number', { kind: t(`measure.${m.kind}`), n })}</strong>
        <button type="button" className="copy" data-testid={`measurement-copy-${m.id}`} onClick={copy}>{copied ? t('measure.copied') : t('measure.copy')}</button>
        <button type="button" className="close" title={t('measure.undo')} onClick={() => useMeasure.getState().remove(m.id)}>×</button>
      </header>
      <ul className="measure-values">
        {lines.map((line) => <li key={line}>{line}</li>)}
        {m.sampling ? <li className="muted">{t('measure.sampling')}</li> : null}
        {m.problem ? <li className="error" data-testid={`measurement-problem-${m.id}`}>{t(m.problem === 'noSurface' ? 'measure.noSurface' : 'measure.heightReversed')}</li> : null}
      </ul>
    </li>
  );
}

export function MeasureTools() {
  const t = useT();
  const controller = useController();
  const drawing = useMeasure((s) => s.drawing);
  const measurements = useMeasure((s) => s.measurements);
  return (
    <div className="measure-tools" data-testid="measure-tools">
      <div className="row measure-kinds">
        {KINDS.map((k) => (
          <button key={k} type="button" aria-pressed={drawing === k} data-testid={`measure-${k}`} title={t(`measure.${k}Title`)} disabled={!controller}
            onClick={() => controller && startMeasuring(controller, k)}>
            {t(`measure.${k}`)}
          </button>
        ))}
      </div>
      {drawing ? <p className="muted" data-testid="measure-hint">{t(`measure.hint.${drawing}`)}</p> : null}
      {measurements.length === 0 && !drawing ? <p className="muted">{t('measure.empty')}</p> : null}
      <ol className="measurement-list">
        {measurements.map((m, i) => <MeasurementRow key={m.id} m={m} n={i + 1} />)}
      </ol>
      <div className="row">
        <button type="button" data-testid="measure-undo" title={t('measure.undoTitle')} disabled={!controller || (measurements.length === 0 && !drawing)}
          onClick={() => controller && undoMeasuring(controller)}>{t('measure.undo')}</button>
        <button type="button" data-testid="measure-clear" disabled={measurements.length === 0} onClick={() => useMeasure.getState().clear()}>{t('measure.clear')}</button>
      </div>
    </div>
  );
}
