// CGCS2000 3-degree Gauss–Krüger zones (standards.md §6). Ningbo straddles the boundary at
// 121°30′E: the city core lies in the CM 123°E zone (EPSG:4550), 余姚/慈溪/前湾 in CM 120°E
// (EPSG:4549). Coordinates here carry no zone prefix (false easting 500 km).
import { GRS80 } from './ellipsoid.ts';
import { projectTransverseMercator, unprojectTransverseMercator, type GeographicPoint, type TransverseMercator } from './gaussKruger.ts';

export interface Cgcs2000Zone {
  /** 3-degree zone number: CM = 3 × zone. */
  readonly zone: number;
  readonly centralMeridian: number;
  /** EPSG code of the un-prefixed CGCS2000 3-degree GK CRS with this central meridian. */
  readonly epsg: number;
}

export interface Cgcs2000Grid {
  readonly zone: Cgcs2000Zone;
  readonly easting: number;
  readonly northing: number;
}

/** EPSG:4534 is CM 75°E; codes run in 3° steps to EPSG:4554 (CM 135°E). */
const EPSG_CM75 = 4534;

export function cgcs2000ZoneFor(lon: number): Cgcs2000Zone {
  // Zone boundaries lie 1.5° either side of each CM; a point exactly on a boundary goes east.
  const zone = Math.floor((lon + 1.5) / 3);
  const centralMeridian = zone * 3;
  const inEpsgRange = centralMeridian >= 75 && centralMeridian <= 135;
  return { zone, centralMeridian, epsg: inEpsgRange ? EPSG_CM75 + (centralMeridian - 75) / 3 : NaN };
}

export function cgcs2000Projection(centralMeridian: number): TransverseMercator {
  return { ellipsoid: GRS80, centralMeridian, scale: 1, falseEasting: 500000, falseNorthing: 0 };
}

/** Geographic → CGCS2000 GK in the zone the point falls in (or a forced central meridian). */
export function toCgcs2000Grid(p: GeographicPoint, centralMeridian?: number): Cgcs2000Grid {
  const zone = centralMeridian === undefined ? cgcs2000ZoneFor(p.lon) : cgcs2000ZoneFor(centralMeridian);
  const g = projectTransverseMercator(cgcs2000Projection(zone.centralMeridian), p);
  return { zone, easting: g.easting, northing: g.northing };
}

export function fromCgcs2000Grid(centralMeridian: number, easting: number, northing: number): GeographicPoint {
  return unprojectTransverseMercator(cgcs2000Projection(centralMeridian), { easting, northing });
}
