// What the kiosk's home state is, and where its buttons and attract loop go. A kiosk left
// half-way through someone's visit (underground, a card open, a code typed) must come back to
// exactly this state for the next stranger, so it is written down once and compared against.
import type { Bookmark, CameraPose, Issue, KioskConfig } from '../schemas/index.ts';
import { joinPath } from '../schemas/issues.ts';

export const HOME_STOP = 'home';

export interface KioskPlace {
  readonly id: string;
  readonly pose: CameraPose;
  /** The bookmark's name; undefined for home (the UI names it 城市总览). */
  readonly bookmark?: Bookmark;
}

/**
 * The entry buttons' places and the attract loop's stops, from bookmark ids. An id that names no
 * bookmark is left out with an issue naming its config path, so the rest of the kiosk still works.
 */
export function resolveKioskPlaces(kiosk: KioskConfig, home: CameraPose, bookmarks: readonly Bookmark[]): {
  readonly places: readonly KioskPlace[];
  readonly attractStops: readonly KioskPlace[];
  readonly issues: readonly Issue[];
} {
  const issues: Issue[] = [];
  const known = bookmarks.map((b) => b.id);
  const resolve = (ids: readonly string[], path: string, allowHome: boolean): KioskPlace[] => ids.flatMap((id, i) => {
    if (allowHome && id === HOME_STOP) return [{ id, pose: home }];
    const bookmark = bookmarks.find((b) => b.id === id);
    if (bookmark) return [{ id, pose: bookmark, bookmark }];
    issues.push({ path: joinPath(path, i), message: `no bookmark "${id}" (bookmarks: ${[...known, ...(allowHome ? [HOME_STOP] : [])].join(', ') || 'none'})` });
    return [];
  });
  const places = resolve(kiosk.places, 'kiosk.places', false);
  const attractStops = resolve(kiosk.attract.stops, 'kiosk.attract.stops', true);
  return { places, attractStops, issues };
}

/** Which of the kiosk's panels is open: at most one at a time, so nothing overlaps. */
export type KioskPanel = 'none' | 'keypad' | 'underground' | 'seabed';

/** The parts of the viewer the kiosk resets, as the UI reads them back. */
export interface KioskSnapshot {
  readonly camera: CameraPose;
  /** Ids of the layers shown. */
  readonly visibleLayers: readonly string[];
  readonly underground: boolean;
  readonly pits: number;
  readonly panel: KioskPanel;
  /** What is selected ("project:NB-2015-0001"), if anything. */
  readonly selection?: string;
  /** Digits typed on the keypad, or a search outcome still shown. */
  readonly typed: string;
  readonly searchShown: boolean;
}

export interface KioskHome {
  readonly camera: CameraPose;
  readonly visibleLayers: readonly string[];
}

/** The home state: the configured home camera and the layers the kiosk started with, nothing else open. */
export function kioskHome(home: CameraPose, layers: readonly { readonly id: string; readonly show: boolean }[]): KioskHome {
  return { camera: home, visibleLayers: layers.filter((l) => l.show).map((l) => l.id) };
}

/** Metres and degrees within which a camera counts as at home (a flight lands to well under this). */
export const HOME_TOLERANCE = { metres: 5, degrees: 0.5 } as const;

const METRES_PER_DEGREE_LAT = 111_320;

function angleApart(a: number, b: number): number {
  const d = Math.abs(a - b) % 360;
  return Math.min(d, 360 - d);
}

/** How a snapshot differs from the home state, one short phrase per difference; empty when at home. */
export function differencesFromHome(s: KioskSnapshot, home: KioskHome): string[] {
  const out: string[] = [];
  const c = s.camera, h = home.camera;
  const dNorth = (c.lat - h.lat) * METRES_PER_DEGREE_LAT;
  const dEast = (c.lon - h.lon) * METRES_PER_DEGREE_LAT * Math.cos((h.lat * Math.PI) / 180);
  const apart = Math.hypot(dNorth, dEast, c.height - h.height);
  if (apart > HOME_TOLERANCE.metres) out.push(`camera ${apart.toFixed(0)} m from home`);
  if (angleApart(c.heading, h.heading) > HOME_TOLERANCE.degrees || Math.abs(c.pitch - h.pitch) > HOME_TOLERANCE.degrees) out.push('camera turned away from home');
  const shown = new Set(s.visibleLayers), wanted = new Set(home.visibleLayers);
  const extra = [...shown].filter((id) => !wanted.has(id)), missing = [...wanted].filter((id) => !shown.has(id));
  if (extra.length) out.push(`layers shown that home hides: ${extra.join(', ')}`);
  if (missing.length) out.push(`layers hidden that home shows: ${missing.join(', ')}`);
  if (s.underground) out.push('underground mode on');
  if (s.pits > 0) out.push(`${s.pits} pit(s) open`);
  if (s.panel !== 'none') out.push(`${s.panel} panel open`);
  if (s.selection !== undefined) out.push(`${s.selection} selected`);
  if (s.typed !== '' || s.searchShown) out.push('a search is still shown');
  return out;
}

/**
 * The layers 海底地形 turns on: the bathymetry (a depth-ramp legend marks it) and the water
 * surfaces over it, found by what they are rather than by id so a deployment's own ids work.
 */
export function seabedLayerIds(layers: readonly { readonly id: string; readonly kind: string; readonly [k: string]: unknown }[]): string[] {
  return layers.filter((l) => l.kind === 'water' || l['legend'] === 'depthRamp').map((l) => l.id);
}
