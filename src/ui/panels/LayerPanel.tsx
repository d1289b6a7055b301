// Per layer: show/hide, opacity, zoom-to, and its loading / streaming / error state.
import type { LayerConfig } from '../../domain/schemas/index.ts';
import { useLayers, type LayerStatus } from '../../state/layers.ts';
import { useLocalized, useT } from '../i18n/index.ts';
import { useController } from '../map/controllerContext.ts';
import { LayerLegend, LoadReport } from '../planning/LayerLegend.tsx';
import { DepthRampLegend } from '../underground/DepthRampLegend.tsx';
import { PipelineLegend } from '../underground/PipelineLegend.tsx';
import { WaterLevel } from '../underground/WaterLevel.tsx';

function StatusBadge({ status }: { readonly status: LayerStatus | undefined }) {
  const t = useT();
  if (!status || status.state === 'loading') return <span className="badge badge-loading">{t('layers.loading')}</span>;
  if (status.state === 'error') return <span className="badge badge-error">{t('layers.error')}</span>;
  if (status.streaming) return <span className="badge badge-loading">{t('layers.streaming')}</span>;
  return <span className="badge badge-ready">{t('layers.ready')}</span>;
}

function LayerRow({ layer }: { readonly layer: LayerConfig }) {
  const t = useT();
  const name = useLocalized()(layer.name);
  const status = useLayers((s) => s.status[layer.id]);
  const { setShow, setOpacity } = useLayers.getState();
  const controller = useController();
  return (
    <li className="layer" data-testid={`layer-${layer.id}`} data-state={status?.state ?? 'loading'}>
      <div className="layer-head">
        <label className="layer-name">
          <input
            type="checkbox"
            data-testid={`layer-toggle-${layer.id}`}
            checked={layer.show}
            onChange={(e) => setShow(layer.id, e.target.checked)}
            aria-label={t('layers.show', { name })}
          />
          <span>{name}</span>
        </label>
        {layer.synthetic && <span className="tag-synthetic">{t('layers.synthetic')}</span>}
        {layer.sensitive && <span className="tag-sensitive">{t('pipe.sensitive')}</span>}
        <StatusBadge status={status} />
      </div>
      <div className="layer-tools">
        <label className="opacity">
          <span>{t('layers.opacity')}</span>
          <input
            type="range" min={0} max={1} step={0.05} value={layer.opacity}
            data-testid={`layer-opacity-${layer.id}`}
            onChange={(e) => setOpacity(layer.id, Number(e.target.value))}
          />
        </label>
        <button type="button" className="link" title={t('layers.zoomToTitle', { name })} onClick={() => controller?.zoomToLayer(layer.id)} data-testid={`layer-zoom-${layer.id}`}>
          {t('layers.zoomTo')}
        </button>
      </div>
      {layer.kind === 'geojson' && <LoadReport status={status} />}
      {layer.kind === 'geojson' && status?.state === 'ready' && <LayerLegend layer={layer} />}
      {layer.kind === 'pipelines' && <PipelineLegend layer={layer} />}
      {layer['legend'] === 'depthRamp' && <DepthRampLegend layerId={layer.id} />}
      {layer.kind === 'water' && <WaterLevel layer={layer} />}
      {status?.state === 'error' && (
        <div className="layer-error" role="alert" data-testid={`layer-error-${layer.id}`}>
          <div className="layer-error-message">{status.message}</div>
          {layer.kind !== 'geojson' && <div className="layer-error-count">{t('layers.failedTiles', { n: status.failedTiles })}</div>}
        </div>
      )}
    </li>
  );
}

export function LayerPanel() {
  const t = useT();
  const layers = useLayers((s) => s.layers);
  return (
    <section className="panel layer-panel" aria-label={t('layers.heading')}>
      <h2>{t('layers.heading')}</h2>
      <ul className="layer-list">
        {layers.map((l) => <LayerRow key={l.id} layer={l} />)}
      </ul>
    </section>
  );
}
