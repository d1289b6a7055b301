// Pieces every analysis tool shows: its busy line (surface loading, computing) and its refusal,
// both worded from the store's message keys in the UI's language, and a colour legend.
import { useCallback } from 'react';
import { useAnalysis, type AnalysisKind, type AnalysisMessage } from '../../state/analysis.ts';
import { useUi } from '../../state/ui.ts';
import { dictionaries, translate, type MessageKey } from '../i18n/index.ts';

const isKey = (k: string): k is MessageKey => k in dictionaries.zh;

/** Words a stored message (its {what} filled from its own key) in the UI's language. */
export function useSay(): (m: AnalysisMessage) => string {
  const lang = useUi((s) => s.lang);
  return useCallback((m: AnalysisMessage) => {
    const what: Record<string, string> = m.what && isKey(m.what) ? { what: translate(lang, m.what) } : {};
    return isKey(m.key) ? translate(lang, m.key, { ...m.params, ...what }) : m.key;
  }, [lang]);
}

export function AnalysisStatus({ kind }: { readonly kind: AnalysisKind }) {
  const say = useSay();
  const busy = useAnalysis((s) => s.busy[kind]);
  const problem = useAnalysis((s) => s.problems[kind]);
  return (
    <>
      {busy ? <p className="muted" role="status" data-testid={`analysis-busy-${kind}`}>{say(busy)}</p> : null}
      {problem ? <p className="error" role="alert" data-testid={`analysis-problem-${kind}`}>{say(problem)}</p> : null}
    </>
  );
}

export interface LegendEntry { readonly colour: string; readonly label: string }

export function AnalysisLegend({ entries, testId, label }: { readonly entries: readonly LegendEntry[]; readonly testId: string; readonly label: string }) {
  return (
    <ul className="sun-legend" data-testid={testId} aria-label={label}>
      {entries.map((e) => <li key={e.label}><span className="swatch" style={{ background: e.colour }} />{e.label}</li>)}
    </ul>
  );
}
