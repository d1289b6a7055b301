// Heights: Cesium and 3D Tiles use ellipsoidal heights h; Chinese survey data uses the 1985
// national height datum H (EPSG:5737). h = H + N, with N the geoid undulation. Near Ningbo N is
// ≈ +11 to +13.5 m and the exact 1985-vs-EGM96 offset is unconfirmed (standards.md §6), so N is a
// configuration parameter (`geoid.offsetMeters`), never a hidden literal in code paths.

/** Default N when a config does not set one: EGM96 at Tianyi Square, metres. */
export const DEFAULT_GEOID_OFFSET_METERS = 12.4;

export interface GeoidModel {
  /** N: geoid height above the ellipsoid, metres. A constant for now; a grid may replace it. */
  readonly offsetMeters: number;
}

export function ellipsoidalToHeight1985(h: number, geoid: GeoidModel): number {
  return h - geoid.offsetMeters;
}

export function height1985ToEllipsoidal(H: number, geoid: GeoidModel): number {
  return H + geoid.offsetMeters;
}
