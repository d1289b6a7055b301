// The planner's one search box: a project code, a project name or developer, a BeiDou grid code
// or a 不动产单元代码, told apart by shape (see searchPlanning), each answered against the data.
import { parseSpaceCode } from '../spacecode/parse.ts';
import type { BeidouCell } from '../spacecode/cell.ts';
import type { RealEstateUnitCode } from '../spacecode/unitCode.ts';
import { createPolygonIndex } from './parcelIndex.ts';
import type { LonLatBox, ParcelRecord, ProjectRecord } from './records.ts';

export interface PlanningIndex {
  readonly projects: readonly ProjectRecord[];
  readonly parcels: readonly ParcelRecord[];
  /** Case-insensitive, trimmed. */
  projectByCode(code: string): ProjectRecord | undefined;
  /** Case-insensitive, trimmed. */
  parcelByUnitCode(code: string): ParcelRecord | undefined;
  parcelById(id: string): ParcelRecord | undefined;
  /** Projects listing the parcel in parcelIds, in input order. */
  projectsOfParcel(parcelId: string): ProjectRecord[];
  parcelsAt(lon: number, lat: number): ParcelRecord[];
  parcelsIn(box: LonLatBox): ParcelRecord[];
  /** Projects whose bbox overlaps the box. */
  projectsIn(box: LonLatBox): ProjectRecord[];
}

const key = (code: string): string => code.trim().toUpperCase();

/** First record wins on duplicate keys, as a reader scanning the file top-down would find it. */
function byKey<T>(items: readonly T[], keyOf: (t: T) => string | undefined): Map<string, T> {
  const m = new Map<string, T>();
  for (const it of items) { const k = keyOf(it); if (k !== undefined && k !== '' && !m.has(k)) m.set(k, it); }
  return m;
}

export function buildPlanningIndex(projects: readonly ProjectRecord[], parcels: readonly ParcelRecord[]): PlanningIndex {
  const projectCodes = byKey(projects, (p) => key(p.projectCode));
  const unitCodes = byKey(parcels, (p) => (p.unitCode === undefined ? undefined : key(p.unitCode)));
  const parcelIds = byKey(parcels, (p) => p.parcelId);
  const ofParcel = new Map<string, ProjectRecord[]>();
  for (const p of projects) {
    for (const id of new Set(p.parcelIds)) {
      const list = ofParcel.get(id);
      if (list) list.push(p); else ofParcel.set(id, [p]);
    }
  }
  const parcelGrid = createPolygonIndex(parcels);
  const projectGrid = createPolygonIndex(projects);
  return {
    projects, parcels,
    projectByCode: (code) => projectCodes.get(key(code)),
    parcelByUnitCode: (code) => unitCodes.get(key(code)),
    parcelById: (id) => parcelIds.get(id),
    projectsOfParcel: (id) => [...(ofParcel.get(id) ?? [])],
    parcelsAt: (lon, lat) => parcelGrid.at(lon, lat),
    parcelsIn: (box) => parcelGrid.intersecting(box),
    projectsIn: (box) => projectGrid.intersecting(box),
  };
}

export type SearchOutcome =
  /** An exact project code (case-insensitive, trimmed). */
  | { readonly kind: 'project'; readonly project: ProjectRecord }
  /** Name, developer or code matches, best first: at most MAX_PROJECT_MATCHES, `more` counts the rest. */
  | { readonly kind: 'projects'; readonly query: string; readonly matches: readonly ProjectRecord[]; readonly more: number }
  /** A 不动产单元代码 found in the data. */
  | { readonly kind: 'parcel'; readonly parcel: ParcelRecord; readonly projects: readonly ProjectRecord[] }
  /**
   * A valid BeiDou code: parcels (at most MAX_CELL_PARCELS, nearest the cell centre first) and
   * projects whose bbox overlaps the cell. Empty arrays: nothing there, but the cell is still shown.
   */
  | { readonly kind: 'beidou'; readonly code: string; readonly cell: BeidouCell; readonly parcels: readonly ParcelRecord[]; readonly projects: readonly ProjectRecord[] }
  /** A valid 不动产单元代码 not in the data; `district` is the decoded Ningbo district name. */
  | { readonly kind: 'unitNotFound'; readonly code: string; readonly unit: RealEstateUnitCode; readonly district?: string }
  | { readonly kind: 'noMatch'; readonly query: string }
  /** `reason` names the wrong segment (from parseSpaceCode). */
  | { readonly kind: 'invalid'; readonly query: string; readonly reason: string };

export const MAX_PROJECT_MATCHES = 20;
export const MAX_CELL_PARCELS = 50;

const PROJECT_CODE = /^NB-\d{4}-\d{1,4}$/i;
/** Chinese project names never start like this, so the shape alone routes the query. */
const SPACE_CODE = /^([NS]\d|\d)/i;

/**
 * Precedence: empty → invalid; exact project code → project; project-code shape not found →
 * noMatch; N/S + digit or a leading digit → space code (invalid, beidou, parcel, unitNotFound);
 * anything else → text search over name, developer and code.
 */
export function searchPlanning(query: string, index: PlanningIndex): SearchOutcome {
  const q = query.trim();
  if (q === '') return { kind: 'invalid', query: q, reason: 'empty query: type a project code or name, a BeiDou grid code or a 不动产单元代码' };
  const project = index.projectByCode(q);
  if (project) return { kind: 'project', project };
  if (PROJECT_CODE.test(q)) return { kind: 'noMatch', query: q };
  if (SPACE_CODE.test(q)) return searchSpaceCode(q, index);
  return searchText(q, index);
}

function searchSpaceCode(q: string, index: PlanningIndex): SearchOutcome {
  const parsed = parseSpaceCode(q);
  if (parsed.kind === 'invalid') return { kind: 'invalid', query: q, reason: parsed.reason };
  if (parsed.kind === 'unitCode') {
    const parcel = index.parcelByUnitCode(parsed.code);
    if (parcel) return { kind: 'parcel', parcel, projects: index.projectsOfParcel(parcel.parcelId) };
    const district = parsed.unit.district?.name;
    return district === undefined
      ? { kind: 'unitNotFound', code: parsed.code, unit: parsed.unit }
      : { kind: 'unitNotFound', code: parsed.code, unit: parsed.unit, district };
  }
  const { cell } = parsed;
  // The cell is [west, east) × [south, north): a bbox only touching its east or north edge is outside.
  const box: LonLatBox = [cell.west, cell.south, cell.east, cell.north];
  const inCell = (b: LonLatBox): boolean => b[0] < cell.east && b[1] < cell.north;
  const { lon, lat } = cell.centre;
  const distance = (b: LonLatBox): number => ((b[0] + b[2]) / 2 - lon) ** 2 + ((b[1] + b[3]) / 2 - lat) ** 2;
  const parcels = index.parcelsIn(box).filter((p) => inCell(p.bbox))
    .map((p) => ({ p, d: distance(p.bbox) }))
    .sort((a, b) => a.d - b.d)
    .slice(0, MAX_CELL_PARCELS)
    .map((x) => x.p);
  const projects = index.projectsIn(box).filter((p) => inCell(p.bbox));
  return { kind: 'beidou', code: parsed.code, cell, parcels, projects };
}

function searchText(q: string, index: PlanningIndex): SearchOutcome {
  const needle = q.toLowerCase();
  const ranked: { p: ProjectRecord; rank: number }[] = [];
  for (const p of index.projects) {
    const name = p.name.toLowerCase();
    const rank = name.startsWith(needle) ? 0
      : name.includes(needle) ? 1
        : (p.developer ?? '').toLowerCase().includes(needle) || p.projectCode.toLowerCase().includes(needle) ? 2
          : -1;
    if (rank >= 0) ranked.push({ p, rank });
  }
  if (ranked.length === 0) return { kind: 'noMatch', query: q };
  ranked.sort((a, b) => a.rank - b.rank || (a.p.projectCode < b.p.projectCode ? -1 : a.p.projectCode > b.p.projectCode ? 1 : 0));
  return {
    kind: 'projects', query: q,
    matches: ranked.slice(0, MAX_PROJECT_MATCHES).map((x) => x.p),
    more: Math.max(0, ranked.length - MAX_PROJECT_MATCHES),
  };
}
