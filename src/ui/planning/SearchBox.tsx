// One search box for every way a planner names a place: project code, project name, 不动产单元代码
// or BeiDou grid code. A single hit flies there, highlights it and opens its card; an invalid code
// says which segment is wrong; a valid code with nothing in the data says so and still shows the place.
import { useState, type FormEvent } from 'react';
import type { SearchOutcome } from '../../domain/planning/index.ts';
import { usePlanning } from '../../state/planning.ts';
import { useT } from '../i18n/index.ts';
import { useController } from '../map/controllerContext.ts';
import { actOnSearch, openProject } from './actions.ts';

function Message({ outcome }: { readonly outcome: SearchOutcome }) {
  const t = useT();
  const controller = useController();
  switch (outcome.kind) {
    case 'invalid': return <p className="search-message error" role="alert">{t('search.invalid', { reason: outcome.reason })}</p>;
    case 'noMatch': return <p className="search-message">{t('search.noMatch', { q: outcome.query })}</p>;
    case 'unitNotFound': return <p className="search-message">{t('search.unitNotFound', { code: outcome.code, district: outcome.district ?? outcome.unit.adminCode })}</p>;
    case 'beidou': return (
      <p className="search-message">
        {outcome.parcels.length + outcome.projects.length === 0
          ? t('search.cellNoMatch', { code: outcome.code })
          : t('search.cellFound', { code: outcome.code, parcels: outcome.parcels.length, projects: outcome.projects.length })}
      </p>
    );
    case 'projects': return (
      <div className="search-results" data-testid="search-results">
        <p className="search-message">{t('search.projects', { n: outcome.matches.length + outcome.more })}</p>
        <ul>
          {outcome.matches.map((p) => (
            <li key={p.projectCode}>
              <button type="button" className="link" data-testid={`search-hit-${p.projectCode}`} onClick={() => openProject(p, controller)}>
                <code>{p.projectCode}</code> {p.name}
              </button>
            </li>
          ))}
        </ul>
        {outcome.more > 0 && <p className="muted small">{t('search.more', { n: outcome.more })}</p>}
      </div>
    );
    default: return null;
  }
}

export function SearchBox() {
  const t = useT();
  const controller = useController();
  const [query, setQuery] = useState('');
  const [waiting, setWaiting] = useState(false);
  const outcome = usePlanning((s) => s.search?.outcome);
  const loaded = usePlanning((s) => s.projects.length > 0 || s.parcels.length > 0);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (!loaded) { setWaiting(true); return; }
    setWaiting(false);
    actOnSearch(usePlanning.getState().runSearch(query), controller);
  };
  return (
    <div className="search" data-testid="search">
      <form onSubmit={submit} role="search">
        <input
          type="search" data-testid="search-input" value={query} placeholder={t('search.placeholder')} aria-label={t('search.placeholder')}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="submit" data-testid="search-submit">{t('search.submit')}</button>
        {outcome && <button type="button" data-testid="search-clear" onClick={() => { setQuery(''); usePlanning.getState().clearSearch(); }}>{t('search.clear')}</button>}
      </form>
      <div data-testid="search-message" data-kind={waiting ? 'loading' : outcome?.kind ?? ''}>
        {waiting ? <p className="search-message">{t('search.dataLoading')}</p> : outcome && <Message outcome={outcome} />}
      </div>
    </div>
  );
}
