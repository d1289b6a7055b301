// The keyboard help overlay (? key or the toolbar): map navigation and the planner's shortcuts.
import { useT } from '../../i18n/index.ts';
import { NAVIGATION_HELP, PLANNER_SHORTCUTS } from './shortcuts.ts';

export function ShortcutHelp({ onClose }: { readonly onClose: () => void }) {
  const t = useT();
  return (
    <div className="shortcut-help-backdrop" onClick={onClose}>
      <section className="panel shortcut-help" role="dialog" aria-label={t('keys.title')} data-testid="shortcut-help" onClick={(e) => e.stopPropagation()}>
        <h2>{t('keys.title')}</h2>
        <h3>{t('keys.navigation')}</h3>
        <ul>{NAVIGATION_HELP.map((k) => <li key={k}>{t(k)}</li>)}</ul>
        <h3>{t('keys.tools')}</h3>
        <dl>
          {PLANNER_SHORTCUTS.map((s) => (
            <div key={s.action} className="shortcut-row"><dt><kbd>{s.label}</kbd></dt><dd>{t(s.help)}</dd></div>
          ))}
        </dl>
        <button type="button" onClick={onClose} data-testid="shortcut-help-close">{t('keys.closeButton')}</button>
      </section>
    </div>
  );
}
