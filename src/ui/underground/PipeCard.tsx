// The attribute card of the picked pipe or well (its layer highlights it meanwhile).
import { usePipes } from '../../state/pipes.ts';
import { useT } from '../i18n/index.ts';
import { pipeRows } from './pipeText.ts';

export function PipeCard() {
  const t = useT();
  const picked = usePipes((s) => s.picked);
  if (!picked) return null;
  const p = picked.properties;
  const isWell = p['featureType'] === 'well';
  return (
    <section className="panel pipe-card" data-testid="pipe-card" data-feature-id={String(p['featureId'] ?? '')} aria-label={t(isWell ? 'pipe.cardWell' : 'pipe.card')}>
      <header className="card-head">
        <h2>{t(isWell ? 'pipe.cardWell' : 'pipe.card')}</h2>
        <button type="button" className="link" onClick={() => usePipes.getState().pick(undefined)} data-testid="pipe-card-close">{t('pipe.close')}</button>
      </header>
      <dl className="facts">
        {pipeRows(t, p).map((r) => (
          <div key={r.testId} className="fact">
            <dt>{t(r.key)}</dt>
            <dd data-testid={`pipe-${r.testId}`}>{r.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
