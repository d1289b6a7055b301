// The one generic host for every layer kind: creates the kind's handle, updates live props in
// place, and rebuilds when a rebuild key changes. A failing layer reports its error; it never
// throws into React, so the rest of the map keeps working.
import { useEffect, useMemo, useRef } from 'react';
import type { Viewer } from 'cesium';
import { useCesium } from 'resium';
import type { LayerConfig } from '../../domain/schemas/index.ts';
import { layerKinds } from '../../engine/layers/registry.ts';
import type { MountedLayer, MountedLayers } from '../../engine/layers/mounted.ts';
import type { LayerContext } from '../../engine/layers/types.ts';
import { useLayers } from '../../state/layers.ts';
import { usePlanning } from '../../state/planning.ts';
import { useGround } from '../../state/ground.ts';
import { useView } from '../../state/view.ts';

interface Props {
  readonly layer: LayerConfig;
  /** Position among enabled layers of the same kind, in config order. */
  readonly order: number;
  readonly mounted: MountedLayers;
  /** Mount into this viewer rather than the map's (the side-by-side view's second scene). */
  readonly viewer?: Viewer;
  /**
   * A copy of a layer the main map already shows: it reports no state and publishes no data, so
   * the layer's status and the planning data stay the main map's.
   */
  readonly mirror?: boolean;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A ground mesh in underground mode draws with the user's ground opacity on top of its own. */
function useEffectiveConfig(layer: LayerConfig): LayerConfig {
  const underground = useGround((s) => s.underground);
  const opacity = useGround((s) => s.opacity);
  const isGround = layer['ground'] === true;
  return useMemo(() => (isGround && underground ? { ...layer, groundTranslucency: opacity } : layer), [layer, isGround, underground, opacity]);
}

export function LayerHost({ layer: configured, order, mounted, viewer: target, mirror = false }: Props) {
  const { viewer: map } = useCesium();
  const viewer = target ?? map;
  const layer = useEffectiveConfig(configured);
  const geoidOffsetMeters = useView((s) => s.geoid.offsetMeters);
  const kind = layerKinds[layer.kind];
  const latest = useRef(layer);
  latest.current = layer;
  const current = useRef<MountedLayer | undefined>(undefined);
  const rebuildKey = kind ? JSON.stringify(kind.rebuildKeys.map((k) => layer[k] ?? null)) : '';
  const { id } = layer;

  useEffect(() => {
    if (!viewer || !kind) return undefined;
    const report = mirror ? () => undefined : useLayers.getState().report;
    const ctx: LayerContext = {
      viewer, order, layerId: id, geoidOffsetMeters,
      requestRender: () => viewer.scene.requestRender(),
      report: (p) => report(id, p),
      publish: (data) => { if (!mirror) usePlanning.getState().setLayerData(id, data); },
    };
    const cfg = latest.current;
    let handle: unknown;
    try {
      handle = kind.create(ctx, cfg);
    } catch (e) {
      report(id, { state: 'error', message: message(e) });
      return undefined;
    }
    const m: MountedLayer = { id, kind, handle, ctx, cfg };
    mounted.add(m);
    current.current = m;
    return () => {
      mounted.remove(m);
      current.current = undefined;
      try {
        if (!viewer.isDestroyed()) kind.destroy(handle, ctx);
      } catch (e) {
        console.warn(`layer ${id}: destroy failed`, e);
      }
    };
  }, [viewer, kind, id, order, rebuildKey, mounted, geoidOffsetMeters, mirror]);

  useEffect(() => {
    const m = current.current;
    if (!m || m.cfg === layer) return;
    try {
      m.kind.update(m.handle, layer, m.cfg, m.ctx);
    } catch (e) {
      if (!mirror) useLayers.getState().report(id, { state: 'error', message: message(e) });
    }
    m.cfg = layer;
  }, [layer, id, mirror]);

  return null;
}
