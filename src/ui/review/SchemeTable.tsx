// The comparison table: each alternative's indicators measured from its model against the
// parcel's limits (建筑限高, 容积率, 建筑密度), with a pass/fail mark and the designer's declared figure.
import type { ComparisonRow, IndicatorId } from '../../domain/review/schemeIndicators.ts';
import type { AlternativeEntry } from '../../state/schemes.ts';
import { useLocalized, useT } from '../i18n/index.ts';

const ORDER: readonly IndicatorId[] = ['height', 'footprint', 'gfa', 'far', 'density'];

function format(id: IndicatorId, v: number): string {
  if (id === 'far') return v.toFixed(2);
  if (id === 'density') return `${v.toFixed(1)}%`;
  if (id === 'height') return `${v.toFixed(1)} m`;
  return `${Math.round(v).toLocaleString('en-US')} m²`;
}

function Cell({ row }: { readonly row: ComparisonRow | undefined }) {
  const t = useT();
  const local = useLocalized();
  if (!row || row.value === null) return <td className="muted">—</td>;
  const mark = row.pass === undefined ? '' : row.pass ? '✓' : '✗';
  return (
    <td className={row.pass === false ? 'fail' : row.pass ? 'pass' : undefined} data-pass={row.pass === undefined ? 'none' : String(row.pass)}
      title={[row.declared !== undefined ? t('scheme.declaredValue', { value: format(row.id, row.declared) }) : '', row.note ? local(row.note) : ''].filter(Boolean).join('\n')}>
      {format(row.id, row.value)} {mark}{row.mismatch ? ' ⚠' : ''}
    </td>
  );
}

export function SchemeTable({ alternatives }: { readonly alternatives: readonly AlternativeEntry[] }) {
  const t = useT();
  const local = useLocalized();
  const ready = alternatives.filter((a) => a.rows);
  if (ready.length === 0) return null;
  const limitOf = (id: IndicatorId): number | undefined => ready.flatMap((a) => a.rows ?? []).find((r) => r.id === id)?.limit;
  return (
    <table className="scheme-table" data-testid="scheme-table">
      <thead>
        <tr>
          <th>{t('scheme.indicator')}</th>
          <th>{t('scheme.limit')}</th>
          {ready.map((a) => <th key={a.id} data-testid={`scheme-col-${a.id}`}>{local(a.name)}</th>)}
        </tr>
      </thead>
      <tbody>
        {ORDER.map((id) => {
          const limit = limitOf(id);
          return (
            <tr key={id} data-testid={`scheme-row-${id}`}>
              <th>{t(`scheme.ind.${id}`)}</th>
              <td>{limit === undefined ? '—' : `≤ ${format(id, limit)}`}</td>
              {ready.map((a) => <Cell key={a.id} row={a.rows?.find((r) => r.id === id)} />)}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
