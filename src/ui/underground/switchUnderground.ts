// Underground mode on or off, as the 地下模式 switch and the U key do it.
import { useGround } from '../../state/ground.ts';
import { useLayers } from '../../state/layers.ts';

export function switchUnderground(on: boolean): void {
  useGround.getState().setUnderground(on);
  // Going underground is for the pipes: show the pipeline layers if they are off.
  const layers = useLayers.getState();
  if (on) for (const l of layers.layers) if (l.kind === 'pipelines' && !l.show) layers.setShow(l.id, true);
}
