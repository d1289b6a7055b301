// Keeps the engine's pits in step with state/ground: new entries are cut, removed ones restored;
// when a tileset appears (a layer becomes ready or is switched back on) clipping is re-attached.
import { useEffect, useRef } from 'react';
import { useGround } from '../../state/ground.ts';
import { useLayers } from '../../state/layers.ts';
import { useController } from './controllerContext.ts';

export function ExcavationBinder() {
  const controller = useController();
  const pits = useGround((s) => s.pits);
  const readyKey = useLayers((s) => Object.entries(s.status).filter(([, st]) => st.state !== 'loading').map(([id]) => id).sort().join(','));
  const shown = useRef(new Set<string>());

  useEffect(() => {
    if (!controller) return;
    const ex = controller.excavation;
    const wanted = new Set(pits.map((p) => p.id));
    for (const id of [...shown.current]) if (!wanted.has(id)) { ex.removePit(id); shown.current.delete(id); }
    for (const p of pits) {
      if (shown.current.has(p.id)) continue;
      shown.current.add(p.id);
      void ex.addPit({ id: p.id, ring: p.ring, depth: p.depth, ...(p.groundHeights ? { groundHeights: p.groundHeights } : {}) });
    }
  }, [controller, pits]);

  useEffect(() => {
    controller?.excavation.refreshTargets();
  }, [controller, readyKey]);

  return null;
}
