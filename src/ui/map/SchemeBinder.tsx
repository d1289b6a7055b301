// Keeps the scene's design alternatives in step with the schemes store: which models show (the
// active one, both sides of the swipe, or the left of a side-by-side), the split position, and
// the cleared site under them (state/schemes.ts siteClearing).
import { useEffect } from 'react';
import { shownAlternatives, siteClearing, useSchemes } from '../../state/schemes.ts';
import { useController } from './controllerContext.ts';

export function SchemeBinder() {
  const controller = useController();
  const alternatives = useSchemes((s) => s.alternatives);
  const active = useSchemes((s) => s.active);
  const mode = useSchemes((s) => s.mode);
  const swipe = useSchemes((s) => s.swipe);
  const clearSite = useSchemes((s) => s.clearSite);
  const parcel = useSchemes((s) => s.parcel);
  useEffect(() => {
    if (!controller) return;
    const shown = shownAlternatives({ alternatives, active, mode, swipe });
    controller.schemes.show(shown, mode === 'swipe' && swipe.left && swipe.right ? { left: swipe.left, right: swipe.right, position: swipe.position } : undefined);
    const { rings, ground } = siteClearing({ alternatives, parcel, clearSite }, shown);
    controller.schemes.clearSite(rings, ground);
  }, [controller, alternatives, active, mode, swipe, clearSite, parcel]);
  return null;
}
