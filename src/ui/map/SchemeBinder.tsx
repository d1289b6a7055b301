// Keeps the scene's design alternatives in step with the schemes store: which models show (the
// active one, or both sides of the swipe), the split position, and the cleared site under them
// (the parcel, and any model outline reaching past it).
import { useEffect } from 'react';
import { shownAlternatives, useSchemes } from '../../state/schemes.ts';
import { useController } from './controllerContext.ts';

/** GeoJSON rings repeat their first point at the end; a clipping polygon takes each corner once. */
function openRing(ring: readonly (readonly number[])[]): { lon: number; lat: number }[] {
  const pts = ring.map((p) => ({ lon: p[0] ?? 0, lat: p[1] ?? 0 }));
  const a = pts[0], z = pts[pts.length - 1];
  return a && z && pts.length > 1 && a.lon === z.lon && a.lat === z.lat ? pts.slice(0, -1) : pts;
}

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
    const cut = alternatives.filter((a) => shown.includes(a.id) && a.outline && a.ground !== undefined);
    const ground = Math.min(...cut.map((a) => a.ground!));
    // The site is the parcel: what stands on it today goes, not just what the new footprint covers.
    // A model reaching past the parcel (or one without a parcel) clears its own outline too.
    const site = parcel?.polygons.map((poly) => ({ ring: openRing(poly[0] ?? []) })) ?? [];
    const rings = cut.length > 0 ? [...site, ...cut.map((a) => ({ ring: a.outline! }))] : [];
    controller.schemes.clearSite(clearSite ? rings : [], ground);
  }, [controller, alternatives, active, mode, swipe, clearSite, parcel]);
  return null;
}
