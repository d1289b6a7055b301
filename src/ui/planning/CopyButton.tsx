// Copies a code to the clipboard and says so; where the clipboard is refused (http on an intranet
// host), it selects the text so Ctrl-C works.
import { useState } from 'react';
import { useT } from '../i18n/index.ts';

export function CopyButton({ text, testId }: { readonly text: string; readonly testId?: string }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  const copy = (e: React.MouseEvent<HTMLButtonElement>): void => {
    const done = (): void => { setCopied(true); window.setTimeout(() => setCopied(false), 1500); };
    const code = e.currentTarget.previousElementSibling;
    navigator.clipboard?.writeText(text).then(done, () => {
      if (code) window.getSelection()?.selectAllChildren(code);
    });
  };
  return (
    <button type="button" className="copy" data-testid={testId} onClick={copy} title={t('card.copy')}>
      {copied ? t('card.copied') : t('card.copy')}
    </button>
  );
}

export function Code({ value, testId }: { readonly value: string; readonly testId?: string }) {
  return (
    <span className="code-line">
      <code data-testid={testId}>{value}</code>
      <CopyButton text={value} {...(testId ? { testId: `${testId}-copy` } : {})} />
    </span>
  );
}
