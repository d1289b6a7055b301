// The resium <Viewer> with the offline options, the controller that binds engine and stores, and
// one <LayerHost> per enabled layer.
import { useEffect, useMemo } from 'react';
import { useCesium, Viewer } from 'resium';
import type { CameraPose } from '../../domain/schemas/index.ts';
import { MountedLayers } from '../../engine/layers/mounted.ts';
import { TwinController } from '../../engine/viewer/controller.ts';
import { offlineViewerOptions } from '../../engine/viewer/offline.ts';
import type { NetworkMeter } from '../../services/networkMeter.ts';
import { useLayers } from '../../state/layers.ts';
import { useSelection } from '../../state/selection.ts';
import { useView } from '../../state/view.ts';
import { LayerHost } from './LayerHost.tsx';
import { orderWithinKind } from './layerOrder.ts';
import { installTestApi } from './testApi.ts';
import { installBenchApi } from './benchApi.ts';
import { onMapClick } from './mapClick.ts';
import { currentConfig } from '../boot.ts';

interface Props {
  readonly initialCamera: CameraPose;
  readonly meter: NetworkMeter;
  onController(controller: TwinController | undefined): void;
}

function setSettledFlag(settled: boolean): void {
  document.documentElement.dataset['tilesSettled'] = String(settled);
}

function ControllerBinder({ mounted, initialCamera, meter, onController }: Props & { readonly mounted: MountedLayers }) {
  const { viewer } = useCesium();
  useEffect(() => {
    if (!viewer) return undefined;
    setSettledFlag(false);
    const controller = new TwinController(viewer, mounted, {
      onCamera: (pose) => useView.getState().setCamera(pose),
      onPointer: (p) => useSelection.getState().setPointer(p),
      onSettled: setSettledFlag,
      onClick: (point, feature, pipe) => onMapClick(point, feature, pipe),
      home: () => useView.getState().home ?? initialCamera,
    }, currentConfig()?.streaming);
    controller.setView(initialCamera);
    const uninstall = installTestApi(controller, meter, currentConfig);
    const uninstallBench = installBenchApi(controller);
    onController(controller);
    return () => {
      uninstall();
      uninstallBench();
      onController(undefined);
      controller.destroy();
    };
    // Deliberately keyed on the viewer only: the initial camera applies once, at creation.
  }, [viewer, mounted]);
  return null;
}

export function TwinMap(props: Props) {
  const layers = useLayers((s) => s.layers);
  const mounted = useMemo(() => new MountedLayers(), []);
  const orderById = useMemo(() => orderWithinKind(layers), [layers]);
  return (
    <Viewer full className="twin-map" {...offlineViewerOptions}>
      <ControllerBinder {...props} mounted={mounted} />
      {layers.map((l) => (
        <LayerHost key={l.id} layer={l} order={orderById[l.id] ?? 0} mounted={mounted} />
      ))}
    </Viewer>
  );
}
