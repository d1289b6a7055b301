// A pipelines layer's legend: CJJ 61 classes with their colours and km, each a toggle, and the
// owners (权属单位) as toggles, both applied as the layer's style (no reload).
import { useEffect, useState } from 'react';
import { PIPE_CLASSES } from '../../domain/pipelines/index.ts';
import type { LayerConfig } from '../../domain/schemas/index.ts';
import { manifestUrl, type PipelinesLayerConfig } from '../../engine/layers/pipelines/config.ts';
import { fetchPipelineManifest, type PipelineManifestSummary } from '../../services/pipelineManifest.ts';
import { useLayers } from '../../state/layers.ts';
import { useT } from '../i18n/index.ts';
import { cssRgb } from '../planning/format.ts';

function toggled(list: readonly string[], id: string, on: boolean): string[] {
  return on ? list.filter((x) => x !== id) : [...list, id];
}

export function PipelineLegend({ layer }: { readonly layer: LayerConfig }) {
  const t = useT();
  const cfg = layer as PipelinesLayerConfig;
  const url = manifestUrl(cfg);
  const [manifest, setManifest] = useState<PipelineManifestSummary>();
  useEffect(() => {
    let live = true;
    void fetchPipelineManifest(url).then((m) => live && setManifest(m));
    return () => { live = false; };
  }, [url]);
  const { setOptions } = useLayers.getState();
  const km = manifest?.kmByClass ?? {};
  const classes = PIPE_CLASSES.filter((c) => !manifest || Object.keys(km).length === 0 || (km[c.code] ?? 0) > 0);
  return (
    <div className="pipe-legend">
      <ul className="legend" aria-label={t('pipe.legendClasses')} data-testid={`legend-${layer.id}`}>
        {classes.map((c) => {
          const name = t(`pipe.class.${c.code}`);
          return (
            <li key={c.code}>
              <label>
                <input type="checkbox" checked={!cfg.hiddenClasses.includes(c.code)} data-testid={`legend-toggle-${layer.id}-${c.code}`}
                  aria-label={t('legend.toggle', { name })}
                  onChange={(e) => setOptions(layer.id, { hiddenClasses: toggled(cfg.hiddenClasses, c.code, e.target.checked) })} />
                <span className="swatch" style={{ background: cssRgb(c.rgb), borderColor: cssRgb(c.rgb) }} />
                <span className="legend-name">{name} <small className="muted">{c.code}</small></span>
                {km[c.code] !== undefined && <span className="muted legend-count">{t('pipe.legendKm', { km: (km[c.code] ?? 0).toFixed(1) })}</span>}
              </label>
            </li>
          );
        })}
      </ul>
      {(manifest?.owners.length ?? 0) > 0 && (
        <details className="owner-filter" data-testid={`owners-${layer.id}`}>
          <summary>{t('pipe.legendOwners')}{cfg.hiddenOwners.length > 0 ? ` (−${cfg.hiddenOwners.length})` : ''}</summary>
          <ul className="legend">
            {manifest?.owners.map((o) => (
              <li key={o.name}>
                <label>
                  <input type="checkbox" checked={!cfg.hiddenOwners.includes(o.name)} data-testid={`owner-toggle-${o.name}`}
                    aria-label={t('legend.toggle', { name: o.name })}
                    onChange={(e) => setOptions(layer.id, { hiddenOwners: toggled(cfg.hiddenOwners, o.name, e.target.checked) })} />
                  <span className="legend-name">{o.name}</span>
                  {o.count > 0 && <span className="muted legend-count">{o.count}</span>}
                </label>
              </li>
            ))}
          </ul>
          {cfg.hiddenOwners.length > 0 && (
            <button type="button" className="link" onClick={() => setOptions(layer.id, { hiddenOwners: [] })}>{t('pipe.ownersAll')}</button>
          )}
        </details>
      )}
    </div>
  );
}
