// Title, the always-visible synthetic-data label, and the language switch.
import type { ReactNode } from 'react';
import { useUi } from '../../state/ui.ts';
import { useView } from '../../state/view.ts';
import { useLocalized, useT } from '../i18n/index.ts';

export function SyntheticLabel() {
  const t = useT();
  return (
    <div className="synthetic-label" data-testid="synthetic-label" title={t('app.syntheticNote')}>
      {t('app.synthetic')}
    </div>
  );
}

export function LangSwitch() {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const setLang = useUi((s) => s.setLang);
  return (
    <button
      type="button" className="lang-switch" data-testid="lang-switch" title={t('lang.switchTitle')}
      onClick={() => {
        const next = lang === 'zh' ? 'en' : 'zh';
        setLang(next);
        document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
      }}
    >
      {t('lang.switch')}
    </button>
  );
}

/** The title bar; a mode may put its own tools after the language switch. */
export function HeaderBar({ children }: { readonly children?: ReactNode }) {
  const title = useView((s) => s.title);
  const localized = useLocalized();
  return (
    <header className="panel header-bar">
      <h1>{title ? localized(title) : ''}</h1>
      <LangSwitch />
      {children}
    </header>
  );
}
