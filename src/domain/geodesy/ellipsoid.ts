// Reference ellipsoids. CGCS2000 uses GRS80 parameters; its difference from WGS84 (a flattening
// change of ~1e-11) is far below the precision of this data (standards.md §6).
export interface Ellipsoid {
  readonly name: string;
  /** Semi-major axis in metres. */
  readonly a: number;
  /** Flattening. */
  readonly f: number;
}

export const GRS80: Ellipsoid = { name: 'GRS80', a: 6378137, f: 1 / 298.257222101 };
export const WGS84: Ellipsoid = { name: 'WGS84', a: 6378137, f: 1 / 298.257223563 };
