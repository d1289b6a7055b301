// Gauss–Krüger (transverse Mercator) on GRS80 for CGCS2000 3-degree zones, using Krüger's
// n-series to sixth order (Karney 2011): sub-millimetre within a 3° zone, so a check vector
// can be asserted to 1 cm without a proj dependency in the browser.
import type { Ellipsoid } from './ellipsoid.ts';

const DEG = Math.PI / 180;

export interface TransverseMercator {
  readonly ellipsoid: Ellipsoid;
  /** Central meridian, degrees east. */
  readonly centralMeridian: number;
  readonly scale: number;
  readonly falseEasting: number;
  readonly falseNorthing: number;
}

export interface GridPoint { readonly easting: number; readonly northing: number }
export interface GeographicPoint { readonly lon: number; readonly lat: number }

interface Series { readonly A: number; readonly alpha: readonly number[]; readonly beta: readonly number[]; readonly e: number }

const seriesCache = new Map<Ellipsoid, Series>();

function seriesFor(ell: Ellipsoid): Series {
  const cached = seriesCache.get(ell);
  if (cached) return cached;
  const n = ell.f / (2 - ell.f);
  const n2 = n * n, n3 = n2 * n, n4 = n3 * n, n5 = n4 * n, n6 = n5 * n;
  const A = (ell.a / (1 + n)) * (1 + n2 / 4 + n4 / 64 + n6 / 256);
  const alpha = [
    n / 2 - (2 * n2) / 3 + (5 * n3) / 16 + (41 * n4) / 180 - (127 * n5) / 288 + (7891 * n6) / 37800,
    (13 * n2) / 48 - (3 * n3) / 5 + (557 * n4) / 1440 + (281 * n5) / 630 - (1983433 * n6) / 1935360,
    (61 * n3) / 240 - (103 * n4) / 140 + (15061 * n5) / 26880 + (167603 * n6) / 181440,
    (49561 * n4) / 161280 - (179 * n5) / 168 + (6601661 * n6) / 7257600,
    (34729 * n5) / 80640 - (3418889 * n6) / 1995840,
    (212378941 * n6) / 319334400,
  ];
  const beta = [
    n / 2 - (2 * n2) / 3 + (37 * n3) / 96 - n4 / 360 - (81 * n5) / 512 + (96199 * n6) / 604800,
    n2 / 48 + n3 / 15 - (437 * n4) / 1440 + (46 * n5) / 105 - (1118711 * n6) / 3870720,
    (17 * n3) / 480 - (37 * n4) / 840 - (209 * n5) / 4480 + (5569 * n6) / 90720,
    (4397 * n4) / 161280 - (11 * n5) / 504 - (830251 * n6) / 7257600,
    (4583 * n5) / 161280 - (108847 * n6) / 3991680,
    (20648693 * n6) / 638668800,
  ];
  const series = { A, alpha, beta, e: Math.sqrt(ell.f * (2 - ell.f)) };
  seriesCache.set(ell, series);
  return series;
}

/** Geographic (degrees) → grid (metres). */
export function projectTransverseMercator(tm: TransverseMercator, p: GeographicPoint): GridPoint {
  const { A, alpha, e } = seriesFor(tm.ellipsoid);
  const phi = p.lat * DEG;
  const lambda = (p.lon - tm.centralMeridian) * DEG;
  const sinPhi = Math.sin(phi);
  // Conformal latitude, as tan: t = sinh(atanh(sinφ) − e·atanh(e·sinφ)).
  const t = Math.sinh(Math.atanh(sinPhi) - e * Math.atanh(e * sinPhi));
  const xi1 = Math.atan2(t, Math.cos(lambda));
  const eta1 = Math.atanh(Math.sin(lambda) / Math.sqrt(1 + t * t));
  let xi = xi1;
  let eta = eta1;
  alpha.forEach((a, i) => {
    const k = 2 * (i + 1);
    xi += a * Math.sin(k * xi1) * Math.cosh(k * eta1);
    eta += a * Math.cos(k * xi1) * Math.sinh(k * eta1);
  });
  return {
    easting: tm.falseEasting + tm.scale * A * eta,
    northing: tm.falseNorthing + tm.scale * A * xi,
  };
}

/** Grid (metres) → geographic (degrees). */
export function unprojectTransverseMercator(tm: TransverseMercator, g: GridPoint): GeographicPoint {
  const { A, beta, e } = seriesFor(tm.ellipsoid);
  const xi = (g.northing - tm.falseNorthing) / (tm.scale * A);
  const eta = (g.easting - tm.falseEasting) / (tm.scale * A);
  let xi1 = xi;
  let eta1 = eta;
  beta.forEach((b, i) => {
    const k = 2 * (i + 1);
    xi1 -= b * Math.sin(k * xi) * Math.cosh(k * eta);
    eta1 -= b * Math.cos(k * xi) * Math.sinh(k * eta);
  });
  const sinhEta = Math.sinh(eta1);
  const cosXi = Math.cos(xi1);
  const tauPrime = Math.sin(xi1) / Math.sqrt(sinhEta * sinhEta + cosXi * cosXi);
  const lambda = Math.atan2(sinhEta, cosXi);
  // Solve τ from the conformal τ′ by Newton's method (Karney 2011, eq. 19–21).
  let tau = tauPrime;
  for (let i = 0; i < 6; i++) {
    const sigma = Math.sinh(e * Math.atanh((e * tau) / Math.sqrt(1 + tau * tau)));
    const tauI = tau * Math.sqrt(1 + sigma * sigma) - sigma * Math.sqrt(1 + tau * tau);
    const dTau = ((tauPrime - tauI) / Math.sqrt(1 + tauI * tauI)) *
      ((1 + (1 - e * e) * tau * tau) / ((1 - e * e) * Math.sqrt(1 + tau * tau)));
    tau += dTau;
    if (Math.abs(dTau) < 1e-14) break;
  }
  return { lon: tm.centralMeridian + lambda / DEG, lat: Math.atan(tau) / DEG };
}
