// The rows a survey company delivers (管点 and 管线), built up point by point. Coordinates go
// through the same CGCS2000 Gauss–Krüger projection a real survey uses, in one zone for the
// whole table, and ground heights come from the world in the 1985 datum.
import type { PipeClassCode } from '../../../src/domain/pipelines/index.ts';
import { toCgcs2000Grid } from '../../../src/domain/geodesy/index.ts';
import type { GkZone } from '../../../src/domain/pipelines/index.ts';
import type { World } from '../../world/index.ts';
import { toLat, toLon } from '../../world/frame.ts';

export interface SurveyPointRow {
  readonly id: string;
  /** Northing (survey X), metres. */
  readonly x: number;
  /** Easting (survey Y), metres, without zone prefix. */
  readonly y: number;
  /** 地面高程, 1985 datum. */
  readonly ground: number;
  /** 特征; junction features are settled once every street is laid (see nameJunctions). */
  feature: string;
  readonly appurtenance: string;
  wellDepth?: number;
}

export interface SurveyPipeRow {
  readonly from: string;
  readonly to: string;
  readonly cls: PipeClassCode;
  readonly subtype: string;
  readonly startDepth: number;
  readonly endDepth: number;
  /** 规格 as written: `DN300`, `600` or `1200×800`. */
  readonly spec: string;
  /** Material and burial as surveyors write them: Chinese names (the parser also takes codes). */
  readonly material: string;
  readonly burial: string;
  readonly owner: string;
  readonly year: number;
  readonly status: 0 | 1 | 2 | 3;
}

/** Survey precision: millimetres in plan, centimetres in height and depth. */
export const round2 = (v: number): number => Math.round(v * 100) / 100;
const round3 = (v: number): number => Math.round(v * 1000) / 1000;

export class SurveyBook {
  readonly points: SurveyPointRow[] = [];
  readonly pipes: SurveyPipeRow[] = [];
  /** Frame position of each point, for lengths in the summary. */
  readonly frame = new Map<string, { x: number; y: number }>();
  private readonly counters = new Map<string, number>();
  private readonly byId = new Map<string, SurveyPointRow>();
  private readonly junctions = new Set<string>();

  constructor(private readonly world: World, readonly zone: GkZone) {}

  /** Adds a point numbered by its prefix (JS0001, YS0001…) and returns it with its ground height. */
  addPoint(prefix: string, x: number, y: number, feature: string, appurtenance: string): SurveyPointRow {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    const lon = toLon(x);
    const lat = toLat(y);
    const g = toCgcs2000Grid({ lon, lat }, this.zone);
    const row: SurveyPointRow = {
      id: `${prefix}${String(n).padStart(4, '0')}`, x: round3(g.northing), y: round3(g.easting),
      ground: round2(this.world.groundHeight(lon, lat)), feature, appurtenance,
    };
    this.points.push(row);
    this.byId.set(row.id, row);
    this.frame.set(row.id, { x, y });
    return row;
  }

  pointById(id: string): SurveyPointRow {
    return this.byId.get(id)!;
  }

  /** A point where streets' lines of one network may meet: named by nameJunctions. */
  markJunction(id: string): void {
    this.junctions.add(id);
  }

  /** 特征 of junction points from how many pipes meet there: a stub end, a straight joint, a tee or a cross. */
  nameJunctions(): void {
    const degree = new Map<string, number>();
    for (const p of this.pipes) for (const id of [p.from, p.to]) degree.set(id, (degree.get(id) ?? 0) + 1);
    for (const id of this.junctions) {
      const n = degree.get(id) ?? 0;
      this.pointById(id).feature = n <= 1 ? '预留口' : n === 2 ? '直线点' : n === 3 ? '三通' : '四通';
    }
  }

  addPipe(row: SurveyPipeRow): void {
    this.pipes.push(row);
  }

  length(p: SurveyPipeRow): number {
    const a = this.frame.get(p.from)!;
    const b = this.frame.get(p.to)!;
    return Math.hypot(b.x - a.x, b.y - a.y);
  }
}
