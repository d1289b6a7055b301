// What the search box and the cards do with a result: select, fly, draw the cell. Kept out of the
// components so the search box, result lists and cards share one behaviour.
import { decodeBeidou } from '../../domain/spacecode/index.ts';
import type { ParcelRecord, ProjectRecord, SearchOutcome } from '../../domain/planning/index.ts';
import type { TwinController } from '../../engine/viewer/controller.ts';
import { usePlanning } from '../../state/planning.ts';
import { useSelection } from '../../state/selection.ts';
import { useView } from '../../state/view.ts';

function groundOf(parcels: readonly ParcelRecord[]): number {
  const e = parcels.find((p) => p.groundElevation !== undefined)?.groundElevation ?? 0;
  return e + useView.getState().geoid.offsetMeters;
}

export function openProject(p: ProjectRecord, controller: TwinController | undefined): void {
  const planning = usePlanning.getState();
  planning.select({ kind: 'project', code: p.projectCode });
  const parcels = p.parcelIds.flatMap((id) => planning.index.parcelById(id) ?? []);
  controller?.flyToBox(...p.bbox, groundOf(parcels));
}

export function openParcel(p: ParcelRecord, controller: TwinController | undefined): void {
  usePlanning.getState().select({ kind: 'parcel', id: p.parcelId });
  controller?.flyToBox(...p.bbox, groundOf([p]));
}

export function showCode(code: string, controller: TwinController | undefined): void {
  const r = decodeBeidou(code);
  if (!r.ok) return;
  useSelection.getState().setShownCell(code);
  const c = r.cell;
  controller?.flyToBox(c.west, c.south, c.east, c.north, c.centre.height ?? useView.getState().geoid.offsetMeters);
}

/** Acts on a search outcome: a single hit opens at once; lists and messages are shown by the search box. */
export function actOnSearch(o: SearchOutcome, controller: TwinController | undefined): void {
  if (o.kind === 'project') openProject(o.project, controller);
  else if (o.kind === 'parcel') openParcel(o.parcel, controller);
  else if (o.kind === 'projects' && o.matches.length === 1 && o.more === 0 && o.matches[0]) openProject(o.matches[0], controller);
  else if (o.kind === 'beidou') {
    showCode(o.code, controller);
    const only = o.projects.length === 1 ? o.projects[0] : undefined;
    if (only) usePlanning.getState().select({ kind: 'project', code: only.projectCode });
  }
}
