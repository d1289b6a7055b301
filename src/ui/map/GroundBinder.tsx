// Keeps the globe's see-through state in step with underground mode and with the visible layers
// that cut the globe away (the seabed). Renders nothing itself.
import { useEffect, useMemo } from 'react';
import { useGround } from '../../state/ground.ts';
import { useLayers } from '../../state/layers.ts';
import { useController } from './controllerContext.ts';

type Cutout = readonly [number, number, number, number];

export function GroundBinder() {
  const controller = useController();
  const underground = useGround((s) => s.underground);
  const opacity = useGround((s) => s.opacity);
  const layers = useLayers((s) => s.layers);
  const cutoutKey = JSON.stringify(layers.filter((l) => l.show && Array.isArray(l['globeCutout'])).map((l) => l['globeCutout']));
  const cutouts = useMemo(() => JSON.parse(cutoutKey) as Cutout[], [cutoutKey]);
  useEffect(() => {
    controller?.setGround({ underground, opacity, cutouts });
  }, [controller, underground, opacity, cutouts]);
  return null;
}
