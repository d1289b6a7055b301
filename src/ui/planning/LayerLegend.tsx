// A planning layer's legend inside its layer row: one swatch per class with a toggle (control lines
// by type, parcels by land-use class), and what loading found (features, skipped, the issues).
// For projects the stage toggles are the project filter (so the statistics follow them).
import { useMemo } from 'react';
import { featureClasses, featureClassOf, isLifecycleStageId, type PlanningSchema } from '../../domain/planning/index.ts';
import type { LayerConfig } from '../../domain/schemas/index.ts';
import { useLayers, type LayerStatus } from '../../state/layers.ts';
import { usePlanning } from '../../state/planning.ts';
import { useUi } from '../../state/ui.ts';
import { useT } from '../i18n/index.ts';
import { cssRgb } from './format.ts';

/** Counted once per loaded file, not on every render (the row re-renders on each status report). */
function useClassCounts(layerId: string, schema: PlanningSchema): Record<string, number> {
  const source = usePlanning((s) => s.sources[layerId]);
  return useMemo(() => {
    const counts: Record<string, number> = {};
    for (const f of source?.features ?? []) {
      const c = featureClassOf(schema, f.properties);
      counts[c] = (counts[c] ?? 0) + 1;
    }
    return counts;
  }, [source, schema]);
}

export function LoadReport({ status }: { readonly status: LayerStatus | undefined }) {
  const t = useT();
  if (!status || status.featureCount === undefined) return null;
  const issues = status.issues ?? [];
  return (
    <div className="load-report small">
      <span data-testid="feature-count">{t('layers.features', { n: status.featureCount })}</span>
      {(status.skipped ?? 0) > 0 && <span className="warn" data-testid="skipped-count"> · {t('layers.skipped', { n: status.skipped ?? 0 })}</span>}
      {issues.length > 0 && (
        <details className="issue-list" data-testid="feature-issues">
          <summary>{t('layers.issuesTitle', { n: status.issueCount ?? issues.length, shown: issues.length })}</summary>
          <ul>{issues.map((m, i) => <li key={i}><code>{m}</code></li>)}</ul>
        </details>
      )}
    </div>
  );
}

export function LayerLegend({ layer }: { readonly layer: LayerConfig }) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const schema = layer['schema'] as PlanningSchema;
  const counts = useClassCounts(layer.id, schema);
  const hidden = (layer['hiddenClasses'] as readonly string[] | undefined) ?? [];
  const stages = usePlanning((s) => s.filter.stages);
  const classes = featureClasses(schema).filter((c) => (counts[c.id] ?? 0) > 0 || schema !== 'parcels');
  const isOn = (id: string): boolean => (schema === 'projects' && isLifecycleStageId(id) ? stages.includes(id) : !hidden.includes(id));
  const toggle = (id: string, on: boolean): void => {
    if (schema === 'projects' && isLifecycleStageId(id)) {
      const next = on ? [...stages, id] : stages.filter((s) => s !== id);
      usePlanning.getState().setFilter({ stages: next });
    } else {
      useLayers.getState().setOptions(layer.id, { hiddenClasses: on ? hidden.filter((h) => h !== id) : [...hidden, id] });
    }
  };
  return (
    <ul className="legend" aria-label={t('legend.title')} data-testid={`legend-${layer.id}`}>
      {classes.map((c) => {
        const name = lang === 'zh' ? c.zh : c.en;
        const swatch = c.fill ? { background: cssRgb(c.fill, 0.6), borderColor: cssRgb(c.stroke) } : { background: 'transparent', borderColor: cssRgb(c.stroke) };
        return (
          <li key={c.id}>
            <label>
              <input
                type="checkbox" checked={isOn(c.id)} data-testid={`legend-toggle-${layer.id}-${c.id}`}
                aria-label={t('legend.toggle', { name })} onChange={(e) => toggle(c.id, e.target.checked)}
              />
              <span className="swatch" style={swatch} />
              <span className="legend-name">{name}</span>
              <span className="muted legend-count">{counts[c.id] ?? 0}</span>
            </label>
          </li>
        );
      })}
    </ul>
  );
}
