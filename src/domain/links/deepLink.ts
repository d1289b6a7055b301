// Deep links: the view a URL carries (camera, visible layers, selection, mode, language, underground
// state) and how it is written, so that opening a link restores the exact view and the browser's
// back/forward steps between views. Parameters the link does not own (?config, ?ui) are kept.
import type { CameraPose } from '../schemas/cameraPose.ts';
import type { DisplayMode } from '../modes/displayMode.ts';

export type LinkSelection =
  | { readonly kind: 'project'; readonly code: string }
  | { readonly kind: 'parcel'; readonly id: string };

export interface LinkedView {
  readonly camera: CameraPose;
  /** Ids of the visible layers, in config order. */
  readonly layers: readonly string[];
  readonly selection?: LinkSelection;
  readonly mode: DisplayMode;
  readonly lang: 'zh' | 'en';
  /** Ground opacity in underground mode; undefined when underground mode is off. */
  readonly underground?: number;
  /** Preset excavation pits that are open. */
  readonly pits: readonly string[];
}

/** The parameters a linked view writes; any others in the URL are left as they are. */
export const LINK_PARAMS = ['camera', 'layers', 'select', 'mode', 'lang', 'underground', 'pits'] as const;

/** Rounding that keeps a link short yet exact to well under a metre and a tenth of a degree. */
const fixed = (v: number, digits: number): string => {
  const s = v.toFixed(digits);
  // Trim trailing zeros (and a bare point) so "1200.0" reads "1200"; "-0" reads "0".
  const trimmed = s.includes('.') ? s.replace(/\.?0+$/, '') : s;
  return trimmed === '-0' ? '0' : trimmed;
};

/** An angle in [0, 360) to a tenth of a degree: 359.96° and −0.01° both read "0". */
const angle = (deg: number): string => {
  const a = Number((((deg % 360) + 360) % 360).toFixed(1));
  return fixed(a >= 360 ? 0 : a, 1);
};

export function formatCameraParam(p: CameraPose): string {
  return [fixed(p.lon, 6), fixed(p.lat, 6), fixed(p.height, 1), angle(p.heading), fixed(p.pitch, 1), angle(p.roll)].join(',');
}

export function formatSelection(s: LinkSelection): string {
  return s.kind === 'project' ? `project:${s.code}` : `parcel:${s.id}`;
}

/** `project:CODE` or `parcel:ID`; undefined with a message for anything else. */
export function parseSelection(text: string): { selection?: LinkSelection; message?: string } {
  const i = text.indexOf(':');
  const kind = i > 0 ? text.slice(0, i) : '';
  const value = i > 0 ? text.slice(i + 1).trim() : '';
  if ((kind === 'project' || kind === 'parcel') && value !== '') {
    return { selection: kind === 'project' ? { kind, code: value } : { kind, id: value } };
  }
  return { message: `expected project:CODE or parcel:ID, found "${text}"` };
}

/** The query string for a view, keeping the parameters of `current` that links do not own. */
export function encodeLinkedView(view: LinkedView, current = ''): string {
  const params = new URLSearchParams(current);
  for (const k of LINK_PARAMS) params.delete(k);
  params.set('mode', view.mode);
  params.set('lang', view.lang);
  params.set('camera', formatCameraParam(view.camera));
  params.set('layers', view.layers.join(','));
  if (view.selection) params.set('select', formatSelection(view.selection));
  if (view.underground !== undefined) params.set('underground', fixed(Math.min(0.99, Math.max(0, view.underground)), 2));
  if (view.pits.length) params.set('pits', view.pits.join(','));
  // Commas are safe in a query and keep links readable ("camera=121.5,29.8,…").
  return `?${params.toString().replace(/%2C/g, ',').replace(/%3A/g, ':')}`;
}

/** Whether two views differ enough to be separate steps in the browser history. */
export function isSameView(a: LinkedView, b: LinkedView): boolean {
  return encodeLinkedView(a) === encodeLinkedView(b);
}

export type HistoryStep = 'push' | 'replace' | 'none';

/**
 * How a new state of the view enters the browser history. The first state after opening a link
 * (or after stepping back/forward) replaces the entry: it is the same view, only written exactly,
 * and pushing it would cut off the forward history. Later changes push, so back returns to them.
 */
export function historyStep(entry: string, next: string, settling: boolean): HistoryStep {
  if (entry === next) return 'none';
  return settling ? 'replace' : 'push';
}
