// A decoded BeiDou cell: exact bounds in grid units, and the same in degrees and metres for display.
import { GRS80 } from '../geodesy/ellipsoid.ts';
import { gridLevel, type Cell2DUnits } from './grid2d.ts';
import type { HeightCell } from './height.ts';
import { unitsToDegrees } from './units.ts';

export interface BeidouCell {
  /** 2 for a 2D code, 3 for a 3D code. */
  readonly dimension: 2 | 3;
  /** The code as decoded, and its 2D part (equal to `code` for a 2D code). */
  readonly code: string;
  readonly code2D: string;
  readonly level: number;
  /** South-west corner and size in exact grid units (1/2048″); the cell is [west, west+width) × [south, south+height). */
  readonly units: { readonly west: number; readonly south: number; readonly width: number; readonly height: number };
  /** Bounds in degrees (east/north are exclusive edges). */
  readonly west: number;
  readonly south: number;
  readonly east: number;
  readonly north: number;
  /** Centre: lon/lat in degrees; height (m, ellipsoidal) for a 3D cell, the middle of its height range. */
  readonly centre: { readonly lon: number; readonly lat: number; readonly height?: number };
  /** Size in metres on the GRS80 ellipsoid at the centre latitude; vertical for a 3D cell. */
  readonly sizeMetres: { readonly eastWest: number; readonly northSouth: number; readonly vertical?: number };
  /** The height range of a 3D cell (layers and metres, ellipsoidal). */
  readonly height?: HeightCell;
}

export function buildCell(code: string, code2D: string, cell: Cell2DUnits, height?: HeightCell): BeidouCell {
  const l = gridLevel(cell.level);
  const west = unitsToDegrees(cell.west);
  const south = unitsToDegrees(cell.south);
  const east = unitsToDegrees(cell.west + l.lonUnits);
  const north = unitsToDegrees(cell.south + l.latUnits);
  const lat = (south + north) / 2;
  const ground = metresPerDegree(lat);
  const base = {
    code, code2D, level: cell.level,
    units: { west: cell.west, south: cell.south, width: l.lonUnits, height: l.latUnits },
    west, south, east, north,
  };
  const eastWest = (east - west) * ground.eastWest;
  const northSouth = (north - south) * ground.northSouth;
  if (!height) return { ...base, dimension: 2, centre: { lon: (west + east) / 2, lat }, sizeMetres: { eastWest, northSouth } };
  return {
    ...base, dimension: 3, height,
    centre: { lon: (west + east) / 2, lat, height: (height.bottom + height.top) / 2 },
    sizeMetres: { eastWest, northSouth, vertical: height.top - height.bottom },
  };
}

/** Whether a point in grid units (and optionally a height in metres) lies in the cell. */
export function cellContainsUnits(cell: BeidouCell, lonUnits: number, latUnits: number, height?: number): boolean {
  const u = cell.units;
  const inside = lonUnits >= u.west && lonUnits < u.west + u.width && latUnits >= u.south && latUnits < u.south + u.height;
  if (!inside || !cell.height || height === undefined) return inside;
  return height >= cell.height.bottom && height < cell.height.top;
}

/** Metres per degree east-west and north-south on GRS80 at latitude `lat`. */
function metresPerDegree(lat: number): { eastWest: number; northSouth: number } {
  const { a, f } = GRS80;
  const e2 = f * (2 - f);
  const phi = (lat * Math.PI) / 180;
  const w = Math.sqrt(1 - e2 * Math.sin(phi) ** 2);
  const n = a / w;
  const m = (a * (1 - e2)) / w ** 3;
  return { eastWest: (n * Math.cos(phi) * Math.PI) / 180, northSouth: (m * Math.PI) / 180 };
}
