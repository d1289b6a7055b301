// Indicators of a scheme alternative measured from its model, not taken from what its designer
// declares: the model's top surface rasterised into a HeightRaster (z above the model's base per
// cell), from which height, footprint, gross floor area, FAR (容积率) and building density (建筑密度)
// follow, and the comparison-table rows that hold them against the parcel's planning limits.
import type { HeightRaster } from './raster.ts';
import type { DeclaredFigures } from './scheme.ts';
import type { ParcelRecord } from '../planning/records.ts';
import type { LocalizedText } from '../schemas/viewerConfig.ts';

/** Storey height assumed when the package states neither storeyHeight nor height (住宅 层高 ≈ 3 m). */
export const DEFAULT_STOREY_HEIGHT = 3;
/** Declared and measured GFA further apart than this (relative to the declared) are flagged. */
export const GFA_MISMATCH_TOLERANCE = 0.05;
/** Float32 rasters hold 100 m as 100.00000xx: a limit is exceeded only beyond this relative slack. */
const LIMIT_SLACK = 1e-6;

export interface ModelIndicators {
  /** m: the highest top surface above the base. */
  readonly height: number;
  /** m²: cells holding building × cell². */
  readonly footprint: number;
  /** m²: Σ cell² × storeys over the cell (see modelIndicators). */
  readonly gfa: number;
  /** The most storeys over any cell. */
  readonly floors: number;
  readonly storeyHeight: number;
  /** GFA / parcel area, when a parcel area was given. */
  readonly far?: number;
  /** Footprint / parcel area × 100 (%), when a parcel area was given. */
  readonly density?: number;
}

/**
 * Measures a model from its height raster. A cell holds building when its z is finite and > 0;
 * NaN or ≤ 0 is open ground. A cell under a roof at z carries round(z / storeyHeight) storeys,
 * so GFA = Σ cell² × round(z / storeyHeight). That is exact for stacked boxes whose heights are
 * whole multiples of the storey height (a podium of 3 storeys with a 27-storey tower on it counts
 * 30 storeys under the tower and 3 around it); a parapet or rooftop plant under half a storey adds
 * nothing, and parts with another storey height (a 5 m shopping podium) are counted at this one.
 * The footprint is quantised to whole cells: choose cells small against the building (≤ 1 m).
 */
export function modelIndicators(raster: HeightRaster, storeyHeight: number, parcelArea?: number): ModelIndicators {
  if (!(storeyHeight > 0)) throw new RangeError(`storey height must be > 0, found ${storeyHeight}`);
  const a = raster.cell * raster.cell;
  let height = 0, cells = 0, storeys = 0, floors = 0;
  for (const z of raster.heights) {
    if (!(z > 0)) continue; // NaN fails too
    cells += 1;
    if (z > height) height = z;
    const n = Math.round(z / storeyHeight);
    storeys += n;
    if (n > floors) floors = n;
  }
  const base: ModelIndicators = { height, footprint: cells * a, gfa: storeys * a, floors, storeyHeight };
  if (parcelArea === undefined || !(parcelArea > 0)) return base;
  return { ...base, far: base.gfa / parcelArea, density: (base.footprint / parcelArea) * 100 };
}

/** The storey height the GFA rule uses: stated, else declared height / floors, else 3 m. */
export function storeyHeightOf(declared: DeclaredFigures | undefined): number {
  if (declared?.storeyHeight !== undefined && declared.storeyHeight > 0) return declared.storeyHeight;
  if (declared?.height !== undefined && declared.height > 0 && declared.floors > 0) return declared.height / declared.floors;
  return DEFAULT_STOREY_HEIGHT;
}

export type IndicatorId = 'height' | 'footprint' | 'gfa' | 'far' | 'density';

export interface ComparisonRow {
  readonly id: IndicatorId;
  /** Measured from the model (m, m², m², ratio, %); null when it needs a parcel area there is not. */
  readonly value: number | null;
  /** The parcel's limit in the same unit; absent when the parcel sets none. */
  readonly limit?: number;
  /** value ≤ limit; absent when there is no limit (or no value) to judge by. */
  readonly pass?: boolean;
  /** The designer's figure in the same unit, where the package declares one. */
  readonly declared?: number;
  /** Measured GFA and declared GFA differ by more than 5 %. */
  readonly mismatch?: boolean;
  readonly note?: LocalizedText;
}

const within = (value: number, limit: number): boolean => value <= limit * (1 + LIMIT_SLACK) + LIMIT_SLACK;

function judged(id: IndicatorId, value: number | null, limit: number | undefined): ComparisonRow {
  if (limit === undefined) return { id, value };
  if (value === null) return { id, value, limit };
  return { id, value, limit, pass: within(value, limit) };
}

function withDeclared(row: ComparisonRow, declared: number | undefined): ComparisonRow {
  return declared === undefined ? row : { ...row, declared };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;

/**
 * The comparison table's rows, always in the order height, footprint, gfa, far, density. Limits:
 * height ≤ the parcel's heightLimit (m), FAR ≤ its far, density ≤ its density (%); GFA's limit is
 * what the FAR allows (far × area), judged the same way. A parcel without a limit gives that row no
 * pass/fail; without a parcel (not in the planning data) FAR and density have no value.
 */
export function compareWithParcel(ind: ModelIndicators, declared: DeclaredFigures | undefined, parcel: ParcelRecord | undefined): ComparisonRow[] {
  const area = parcel !== undefined && parcel.area > 0 ? parcel.area : undefined;
  const far = area === undefined ? null : ind.gfa / area;
  const density = area === undefined ? null : (ind.footprint / area) * 100;
  const gfaLimit = area !== undefined && parcel?.far !== undefined ? parcel.far * area : undefined;
  let gfa = withDeclared(judged('gfa', ind.gfa, gfaLimit), declared?.gfa);
  if (declared !== undefined && declared.gfa > 0) {
    const off = (ind.gfa - declared.gfa) / declared.gfa;
    if (Math.abs(off) > GFA_MISMATCH_TOLERANCE) {
      gfa = {
        ...gfa, mismatch: true,
        note: {
          zh: `模型计算的建筑面积比申报值${off > 0 ? '多' : '少'} ${pct(Math.abs(off))}`,
          en: `the model's floor area is ${pct(Math.abs(off))} ${off > 0 ? 'above' : 'below'} the declared figure`,
        },
      };
    }
  }
  return [
    withDeclared(judged('height', ind.height, parcel?.heightLimit), declared?.height),
    judged('footprint', ind.footprint, undefined),
    gfa,
    withDeclared(judged('far', far, parcel?.far), area !== undefined && declared !== undefined ? declared.gfa / area : undefined),
    judged('density', density, parcel?.density),
  ];
}
