// A click on the map: the space-code panel describes the point, and a planning feature under it
// becomes the selection (its card opens). A click elsewhere closes the card; the space-code panel
// still names the parcel under the point and offers to open it.
import type { PickedFeature, PickedTileFeature, SurfacePoint } from '../../engine/viewer/picking.ts';
import { usePlanning } from '../../state/planning.ts';
import { usePipes } from '../../state/pipes.ts';
import { useSelection } from '../../state/selection.ts';

export function onMapClick(point: SurfacePoint | undefined, feature: PickedFeature | undefined, pipe?: PickedTileFeature): void {
  useSelection.getState().setClicked(point);
  const planning = usePlanning.getState();
  // A pipe or well (reachable through the translucent ground) wins over the parcel around it.
  usePipes.getState().pick(pipe);
  if (pipe) {
    planning.select(undefined);
    return;
  }
  const schema = feature ? planning.sources[feature.layerId]?.schema : undefined;
  if (feature && schema === 'projects') planning.select({ kind: 'project', code: feature.featureId });
  else if (feature && schema === 'parcels') planning.select({ kind: 'parcel', id: feature.featureId });
  else planning.select(undefined);
}
