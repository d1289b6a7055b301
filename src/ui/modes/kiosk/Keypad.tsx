// The on-screen keypad for project codes: NB- and the dashes are fixed, the visitor types eight
// digits; every wrong code says which part is wrong, and a found code opens the project's card.
import { formatKeypadCode, KEYPAD_KEYS, pressKey, type KeypadKey } from '../../../domain/kiosk/keypad.ts';
import { useT, type MessageKey } from '../../i18n/index.ts';
import { useController } from '../../map/controllerContext.ts';
import { submitCode } from './actions.ts';
import { useKiosk, type KeypadAnswer } from './kioskState.ts';

const KEY_LABELS: Partial<Record<KeypadKey, MessageKey>> = { back: 'kiosk.keypad.back', clear: 'kiosk.keypad.clear' };

function AnswerText({ answer }: { readonly answer: KeypadAnswer }) {
  const t = useT();
  switch (answer.kind) {
    case 'found': return <>{t('kiosk.keypad.found', { code: answer.code })}</>;
    case 'notFound': return <>{t('kiosk.keypad.notFound', { code: answer.code })}</>;
    case 'loading': return <>{t('kiosk.keypad.loading')}</>;
    case 'invalid': {
      const c = answer.check;
      if (c.problem === 'incomplete') return <>{t('kiosk.keypad.incomplete', { n: c.missing })}</>;
      if (c.problem === 'year') return <>{t('kiosk.keypad.year', { year: c.year, first: c.first, latest: c.latest })}</>;
      return <>{t('kiosk.keypad.sequence')}</>;
    }
  }
}

export function Keypad() {
  const t = useT();
  const controller = useController();
  const digits = useKiosk((s) => s.digits);
  const answer = useKiosk((s) => s.answer);
  const press = (key: KeypadKey): void => useKiosk.getState().setDigits(pressKey(useKiosk.getState().digits, key));
  return (
    <section className="panel kiosk-panel kiosk-keypad" data-testid="kiosk-keypad" aria-label={t('kiosk.keypad.title')}>
      <header className="kiosk-panel-head">
        <h2>{t('kiosk.keypad.title')}</h2>
        <button type="button" className="kiosk-close" data-testid="kiosk-close" onClick={() => useKiosk.getState().openPanel('none')}>{t('kiosk.close')}</button>
      </header>
      <output className="kiosk-code" data-testid="kiosk-code" data-digits={digits}>{formatKeypadCode(digits)}</output>
      <p className={`kiosk-answer ${answer && answer.kind !== 'found' ? 'error' : ''}`} data-testid="kiosk-answer" data-kind={answer?.kind ?? ''} role={answer && answer.kind !== 'found' ? 'alert' : undefined}>
        {answer ? <AnswerText answer={answer} /> : t('kiosk.keypad.hint')}
      </p>
      <div className="kiosk-keys">
        {KEYPAD_KEYS.map((k) => {
          const label = KEY_LABELS[k];
          return (
            <button key={k} type="button" className={`kiosk-key${label ? ' kiosk-key-edit' : ''}`} data-testid={`kiosk-key-${k}`} onClick={() => press(k)}>
              {label ? t(label) : k}
            </button>
          );
        })}
      </div>
      <button type="button" className="kiosk-submit" data-testid="kiosk-submit" onClick={() => submitCode(controller)}>{t('kiosk.keypad.submit')}</button>
    </section>
  );
}
