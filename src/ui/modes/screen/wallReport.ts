// The wall's state as the test API reports it.
import type { TwinController } from '../../../engine/viewer/controller.ts';
import { useWall } from './wallStore.ts';

export interface WallReport {
  readonly tour?: { readonly index: number; readonly phase: string; readonly loops: number };
  readonly feed: string;
  readonly updates: number;
  readonly ticker: number;
  readonly scene: ReturnType<TwinController['sceneCounts']>;
  /** Rendered pixels of the 3D view (after the display profile). */
  readonly drawingBuffer: { readonly width: number; readonly height: number };
}

export function wallReport(controller: TwinController): WallReport {
  const w = useWall.getState();
  const scene = controller.viewer.scene;
  return {
    ...(w.tour ? { tour: { index: w.tour.index, phase: w.tour.phase, loops: w.tour.loops } } : {}),
    feed: w.feed.state,
    updates: w.updates,
    ticker: w.ticker.length,
    scene: controller.sceneCounts(),
    drawingBuffer: { width: scene.drawingBufferWidth, height: scene.drawingBufferHeight },
  };
}
