// A water layer's level slider (1985 datum): tide or flood level, moved live.
import type { LayerConfig } from '../../domain/schemas/index.ts';
import type { WaterLayerConfig } from '../../engine/layers/water/config.ts';
import { useLayers } from '../../state/layers.ts';
import { useT } from '../i18n/index.ts';

export function WaterLevel({ layer }: { readonly layer: LayerConfig }) {
  const t = useT();
  const cfg = layer as WaterLayerConfig;
  return (
    <label className="water-level">
      <span>{t('water.level')}</span>
      <input type="range" min={cfg.minLevel} max={cfg.maxLevel} step={0.1} value={cfg.level} data-testid={`water-level-${layer.id}`}
        onChange={(e) => useLayers.getState().setOptions(layer.id, { level: Number(e.target.value) })} />
      <output data-testid={`water-level-value-${layer.id}`}>{cfg.level.toFixed(1)}</output>
    </label>
  );
}
