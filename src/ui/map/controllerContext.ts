// The map's controller, for panels that live outside the resium <Viewer> tree.
import { createContext, useContext } from 'react';
import type { TwinController } from '../../engine/viewer/controller.ts';

export const ControllerContext = createContext<TwinController | undefined>(undefined);

export function useController(): TwinController | undefined {
  return useContext(ControllerContext);
}
