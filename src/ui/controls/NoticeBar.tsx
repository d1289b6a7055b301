// Short notices that the viewer went on without something (a mistyped deep link, an unknown
// mode): each names the parameter and what was wrong, and can be dismissed.
import { formatIssue } from '../../domain/schemas/index.ts';
import { useUi } from '../../state/ui.ts';
import { useT } from '../i18n/index.ts';

export function NoticeBar() {
  const t = useT();
  const notices = useUi((s) => s.notices);
  const dismiss = useUi((s) => s.dismissNotice);
  if (!notices.length) return null;
  return (
    <div className="notice-bar" data-testid="notices" role="status">
      {notices.map((n) => (
        <div className="notice" key={n.id} data-testid="notice">
          <strong>{t('notice.ignored')}</strong>
          <ul>
            {n.issues.map((i, k) => <li key={k}><code>{formatIssue(i)}</code></li>)}
          </ul>
          <button type="button" className="notice-dismiss" aria-label={t('notice.dismiss')} title={t('notice.dismiss')} onClick={() => dismiss(n.id)}>×</button>
        </div>
      ))}
    </div>
  );
}
