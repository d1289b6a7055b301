// Keeps the engine's overlays in step with the stores: the selected project/parcel outlined, its
// parcels' 建筑限高 volumes, and the BeiDou cell being shown. Renders nothing itself.
import { useEffect } from 'react';
import { decodeBeidou } from '../../domain/spacecode/index.ts';
import type { ParcelRecord } from '../../domain/planning/index.ts';
import type { HeightLimitVolume, Polygon } from '../../engine/analysis/overlays.ts';
import { selectedParcel, selectedProject, usePlanning } from '../../state/planning.ts';
import { useSelection } from '../../state/selection.ts';
import { useView } from '../../state/view.ts';
import { useController } from './controllerContext.ts';

const asPolygons = (polys: ParcelRecord['polygons']): Polygon[] => polys.map((poly) => poly.map((ring) => ring.map((p) => [p[0], p[1]] as const)));

export function OverlayBinder() {
  const controller = useController();
  const project = usePlanning(selectedProject);
  const parcel = usePlanning(selectedParcel);
  const index = usePlanning((s) => s.index);
  const shownCell = useSelection((s) => s.shownCell);
  const showLimit = useSelection((s) => s.showHeightLimit);
  const geoid = useView((s) => s.geoid);

  useEffect(() => {
    if (!controller) return;
    const key = project ? `project:${project.projectCode}` : parcel ? `parcel:${parcel.parcelId}` : undefined;
    controller.overlays.showSelection(key, asPolygons(project?.polygons ?? parcel?.polygons ?? []));
    const parcels = project ? project.parcelIds.flatMap((id) => index.parcelById(id) ?? []) : parcel ? [parcel] : [];
    const volumes: HeightLimitVolume[] = parcels.flatMap((p) => (p.heightLimit !== undefined && p.groundElevation !== undefined
      ? [{ polygons: asPolygons(p.polygons), ground: p.groundElevation + geoid.offsetMeters, limit: p.groundElevation + geoid.offsetMeters + p.heightLimit }]
      : []));
    controller.overlays.showHeightLimit(showLimit && volumes.length ? key : undefined, volumes);
  }, [controller, project, parcel, index, showLimit, geoid]);

  useEffect(() => {
    if (!controller) return;
    const r = shownCell ? decodeBeidou(shownCell) : undefined;
    if (!r?.ok) {
      controller.overlays.showCell(undefined, undefined);
      return;
    }
    const c = r.cell;
    controller.overlays.showCell(shownCell, {
      west: c.west, south: c.south, east: c.east, north: c.north,
      ...(c.height ? { bottom: c.height.bottom, top: c.height.top } : {}),
    });
  }, [controller, shownCell]);

  return null;
}
