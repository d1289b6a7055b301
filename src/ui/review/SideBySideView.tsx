// Side by side (并排对比): the main map narrows to the left half showing the left alternative, and
// a second, synchronized view on the right shows the right one, with the same layers (mounted
// again as mirrors through the layer kinds); the main view steers both.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CompanionView } from '../../engine/analysis/companionView.ts';
import { alternativeGlb } from '../../services/schemeLoader.ts';
import { useLayers } from '../../state/layers.ts';
import { siteClearing, useSchemes } from '../../state/schemes.ts';
import { useController } from '../map/controllerContext.ts';
import { LayerHost } from '../map/LayerHost.tsx';
import { orderWithinKind } from '../map/layerOrder.ts';
import { useLocalized } from '../i18n/index.ts';

export function SideBySideView() {
  const controller = useController();
  const local = useLocalized();
  const mode = useSchemes((s) => s.mode);
  const swipe = useSchemes((s) => s.swipe);
  const alternatives = useSchemes((s) => s.alternatives);
  const parcel = useSchemes((s) => s.parcel);
  const clearSite = useSchemes((s) => s.clearSite);
  const layers = useLayers((s) => s.layers);
  const mapRef = useRef<HTMLDivElement>(null);
  const [companion, setCompanion] = useState<CompanionView | undefined>(undefined);
  const on = mode === 'sideBySide';
  const orderById = useMemo(() => orderWithinKind(layers), [layers]);

  useEffect(() => {
    if (!on || !controller || !mapRef.current) return undefined;
    document.documentElement.dataset['sideBySide'] = 'true';
    controller.resize();
    setCompanion(controller.openCompanion(mapRef.current));
    return () => {
      setCompanion(undefined);
      controller.closeCompanion();
      delete document.documentElement.dataset['sideBySide'];
      controller.resize();
    };
  }, [on, controller]);

  useEffect(() => {
    const right = alternatives.find((a) => a.id === swipe.right);
    const glb = right ? alternativeGlb(right.id) : undefined;
    if (!companion || !right?.placement || !glb) return;
    const { rings, ground } = siteClearing({ alternatives, parcel, clearSite }, [right.id]);
    void companion.show(right.id, glb, right.placement, rings, ground);
  }, [companion, swipe.right, alternatives, parcel, clearSite]);

  if (!on) return null;
  const name = (id: string | undefined): string => { const a = alternatives.find((x) => x.id === id); return a ? local(a.name) : ''; };
  return (
    <>
      <span className="side-label left" data-testid="side-label-left">{name(swipe.left)}</span>
      <div className="companion-view" data-testid="companion-view">
        <div className="companion-map" ref={mapRef} />
        <span className="side-label right" data-testid="side-label-right">{name(swipe.right)}</span>
      </div>
      {companion && layers.map((l) => (
        <LayerHost key={l.id} layer={l} order={orderById[l.id] ?? 0} mounted={companion.mounted} viewer={companion.viewer} mirror />
      ))}
    </>
  );
}
