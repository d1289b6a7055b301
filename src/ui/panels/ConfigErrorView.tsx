// Shown instead of the map when the config is invalid (URL parameters only raise notices): every problem, each
// with the path of its place, so one round of fixes is enough.
import { formatIssue } from '../../domain/schemas/index.ts';
import { useUi } from '../../state/ui.ts';
import { useT } from '../i18n/index.ts';

export function ConfigErrorView() {
  const t = useT();
  const boot = useUi((s) => s.boot);
  if (boot.phase !== 'invalid') return null;
  return (
    <main className="config-errors" data-testid="config-errors" role="alert">
      <h1>{t('config.errorsTitle')}</h1>
      <p>{t('config.source', { source: boot.source })}</p>
      <p>{t('config.errorsIntro', { n: boot.issues.length })}</p>
      <ol>
        {boot.issues.map((issue, i) => (
          <li key={i} data-path={issue.path}><code>{formatIssue(issue)}</code></li>
        ))}
      </ol>
    </main>
  );
}
