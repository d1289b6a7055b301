// Measurement maths for points picked on the reality mesh: geodesic distance and azimuth, the
// distance kinds a planner reads (straight, horizontal, vertical, slope), lengths along the
// surface, parcel and surface areas, building heights and angles. Pure numbers; labels are in
// measureFormat.ts.
//
// Geodesics (Vincenty, with Karney's treatment of near-antipodal pairs) are in geodesy/geodesic.ts.
import { WGS84, type Ellipsoid } from '../geodesy/ellipsoid.ts';
import { geodesicDirect, geodesicInverse, wrap180, type LonLat } from '../geodesy/geodesic.ts';
import { geodeticToEcef, type Vec3 } from '../tiles/ecef.ts';
import { localFrame, type LonLatHeight } from './frame.ts';
import { createRaster, type HeightRaster } from './raster.ts';
import { refuse, type Reviewed } from './sight.ts';

export type { LonLat } from '../geodesy/geodesic.ts';

const RAD = Math.PI / 180;
const DEG = 180 / Math.PI;

// ── Distances and lengths ──────────────────────────────────────────────────────────────────────

const ecef = (p: LonLatHeight): Vec3 => geodeticToEcef(p.lon, p.lat, p.height);
const sub = (u: Vec3, v: Vec3): Vec3 => [u[0] - v[0], u[1] - v[1], u[2] - v[2]];
const norm = (u: Vec3): number => Math.hypot(u[0], u[1], u[2]);

/** Radius of curvature of the ellipsoid's normal section at `latDeg` in direction `azDeg` (Euler). */
function radiusAlong(latDeg: number, azDeg: number, e: Ellipsoid = WGS84): number {
  const e2 = e.f * (2 - e.f), s = Math.sin(latDeg * RAD);
  const w2 = 1 - e2 * s * s;
  const n = e.a / Math.sqrt(w2), m = e.a * (1 - e2) / (w2 * Math.sqrt(w2));
  const ca = Math.cos(azDeg * RAD), sa = Math.sin(azDeg * RAD);
  return m * n / (n * ca * ca + m * sa * sa);
}

export interface Distances {
  /** Metres along the 3D chord through ECEF: what a laser rangefinder between the two points reads. */
  readonly straight: number;
  /** Metres along the geodesic, reduced to the points' mean height (see measureDistance). */
  readonly horizontal: number;
  /** b.height − a.height in metres, signed (positive when b is higher). */
  readonly vertical: number;
  /** Degrees clockwise from north at a, towards b. */
  readonly azimuth: number;
  /** Degrees above the horizontal from a to b (negative downhill); ±90 for a vertical pair. */
  readonly slope: number;
}

/**
 * The distance kinds between two picked points. `horizontal` is the geodesic scaled from the
 * ellipsoid up to the pair's mean height, s·(1 + h̄/R): the level distance a tape stretched at
 * the points' own height would read (on the ellipsoid two roof points 100 m up would come out
 * 16 ppm, 1.6 cm per km, short), and the one that keeps straight² = horizontal² + vertical² to
 * well under a millimetre for the few kilometres measured in a city scene.
 */
export function measureDistance(a: LonLatHeight, b: LonLatHeight): Distances {
  const g = geodesicInverse(a, b);
  const hMean = (a.height + b.height) / 2;
  const horizontal = g.distance === 0 ? 0 : g.distance * (1 + hMean / radiusAlong((a.lat + b.lat) / 2, g.azimuth1));
  const vertical = b.height - a.height;
  const slope = horizontal === 0 && vertical === 0 ? 0 : Math.atan2(vertical, horizontal) * DEG;
  return { straight: norm(sub(ecef(b), ecef(a))), horizontal, vertical, azimuth: g.azimuth1, slope };
}

/** Length in metres of straight 3D segments joining the points in order (the picked polyline). */
export function polylineLength(points: readonly LonLatHeight[]): number {
  let total = 0;
  for (let i = 1; i < points.length; i++) total += norm(sub(ecef(points[i]!), ecef(points[i - 1]!)));
  return total;
}

/**
 * Length along the surface from densely sampled surface points (see densify): the sum of the 3D
 * segments between consecutive samples. Samples without a height (NaN: no tile loaded there) are
 * bridged by a straight segment and counted, so a label can say the figure is partial.
 */
export function surfaceLength(samples: readonly LonLatHeight[]): { length: number; unsampled: number } {
  const ok = samples.filter((p) => Number.isFinite(p.height));
  return { length: polylineLength(ok), unsampled: samples.length - ok.length };
}

const MAX_SAMPLES = 10_000;

/**
 * Points from a to b (both included) evenly along the geodesic, at most `spacingMeters` apart, for
 * the engine to sample the mesh height at; heights are interpolated linearly as placeholders.
 * Along the geodesic rather than a straight line in a local frame: it costs nothing extra here
 * and stays right for any length (within 10 km the two differ by millimetres anyway). Lines
 * needing more than 10 000 intervals get a wider spacing so a stray click cannot stall the scene.
 */
export function densify(a: LonLatHeight, b: LonLatHeight, spacingMeters: number): LonLatHeight[] {
  if (!(spacingMeters > 0) || !Number.isFinite(spacingMeters)) throw new RangeError(`densify: spacing must be a positive number of metres, found ${spacingMeters}`);
  const g = geodesicInverse(a, b);
  const n = Math.min(MAX_SAMPLES, Math.max(1, Math.ceil(g.distance / spacingMeters)));
  const out: LonLatHeight[] = [a];
  for (let k = 1; k < n; k++) {
    const p = geodesicDirect(a, g.azimuth1, (g.distance * k) / n);
    out.push({ lon: p.lon, lat: p.lat, height: a.height + ((b.height - a.height) * k) / n });
  }
  if (g.distance > 0) out.push(b);
  return out;
}

// ── Areas ──────────────────────────────────────────────────────────────────────────────────────

/**
 * Area in m² on the ellipsoid inside a ring of lon/lat points (heights ignored; open or closed,
 * either orientation): the horizontal area a cadastral figure means. Exact for edges that are
 * great circles on the authalic (equal-area) sphere, which lie within 0.1 ppm of the geodesic
 * edges for parcel-sized rings (a 1 km triangle at Ningbo: 0.04 m² of 45 ha); for edges of tens of
 * kilometres, densify them first. Not for rings around a pole. (ringAreaM2 in planning/records
 * takes edges straight in lon/lat and one scale at the vertices' mean latitude; both depart from
 * geodesic edges by ~tan φ·size/R: 6e-5 on a 2 km right triangle, 1.3e-4 with its vertices
 * bunched at a corner. Fine for statistics, not for a measurement label.)
 */
export function projectedArea(ring: readonly LonLat[], ellipsoid: Ellipsoid = WGS84): number {
  const e2 = ellipsoid.f * (2 - ellipsoid.f), e = Math.sqrt(e2);
  // q(φ)/q(90°) = sin ξ (authalic latitude); Rq² = the authalic sphere's radius squared.
  const q = (lat: number) => { const s = Math.sin(lat * RAD); return s / (1 - e2 * s * s) + Math.atanh(e * s) / e; };
  const qp = q(90), rq2 = ellipsoid.a * ellipsoid.a * (1 - e2) / 2 * qp;
  const t = ring.map((p) => Math.tan(Math.asin(Math.max(-1, Math.min(1, q(p.lat) / qp))) / 2));
  let excess = 0;
  for (let i = 0; i < ring.length; i++) {
    const k = (i + 1) % ring.length, t1 = t[i]!, t2 = t[k]!;
    // The signed excess of the triangle (pole, p_i, p_k), summed: robust for tiny rings.
    excess += 2 * Math.atan2(Math.tan(wrap180(ring[k]!.lon - ring[i]!.lon) * RAD / 2) * (t1 + t2), 1 + t1 * t2);
  }
  return ring.length < 3 ? 0 : Math.abs(excess) * rq2;
}

type XY = readonly [number, number];

const shoelace = (poly: readonly XY[]): number => {
  let twice = 0;
  for (let i = 0; i < poly.length; i++) {
    const p = poly[i]!, q = poly[(i + 1) % poly.length]!;
    twice += p[0] * q[1] - q[0] * p[1];
  }
  return twice / 2;
};

/** Sutherland–Hodgman: `poly` (any simple ring, concave too) clipped to a CCW triangle; its area is exact. */
function clippedArea(poly: readonly XY[], tri: readonly XY[]): number {
  let out: XY[] = [...poly];
  for (let e = 0; e < 3 && out.length > 0; e++) {
    const a = tri[e]!, b = tri[(e + 1) % 3]!;
    const side = (p: XY) => (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]);
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const p = input[i]!, q = input[(i + 1) % input.length]!, sp = side(p), sq = side(q);
      if (sp >= 0) out.push(p);
      if ((sp >= 0) !== (sq >= 0)) { const u = sp / (sp - sq); out.push([p[0] + u * (q[0] - p[0]), p[1] + u * (q[1] - p[1])]); }
    }
  }
  return Math.abs(shoelace(out));
}

/**
 * An empty height grid (NaN) over a ring, `spacing` metres apart, in the ENU frame at the ring's
 * mean lon/lat, for surfaceArea. The engine fills heights[j·cols + i] with the ENU z of the mesh
 * top at x0 + i·cell, y0 + j·cell: lon/lat from localFrame(origin).toGeodetic([x, y, 0]), then
 * z = fromGeodetic({ lon, lat, height: sampled })[2]. Samples reach one spacing past the ring.
 */
export function areaSampleGrid(ring: readonly LonLat[], spacing: number): HeightRaster {
  const n = Math.max(1, ring.length);
  const origin = { lon: ring.reduce((s, p) => s + p.lon, 0) / n, lat: ring.reduce((s, p) => s + p.lat, 0) / n, height: 0 };
  const xy = projectRing(ring, origin);
  const xs = xy.map((p) => p[0]), ys = xy.map((p) => p[1]);
  const x0 = Math.min(...xs), y0 = Math.min(...ys);
  const cols = Math.ceil((Math.max(...xs) - x0) / spacing) + 2, rows = Math.ceil((Math.max(...ys) - y0) / spacing) + 2;
  if (!(cols * rows <= 4_000_000)) throw new RangeError(`areaSampleGrid: ${cols}×${rows} samples at ${spacing} m spacing; use a wider spacing`);
  return createRaster(origin, x0, y0, spacing, cols, rows);
}

const projectRing = (ring: readonly LonLat[], origin: LonLatHeight): XY[] => {
  const frame = localFrame(origin);
  return ring.map((p) => { const v = frame.fromGeodetic({ lon: p.lon, lat: p.lat, height: origin.height }); return [v[0], v[1]] as const; });
};

export interface SurfaceArea {
  /** m² of the sampled surface inside the ring: the triangulated grid, cut exactly at the ring. */
  readonly area: number;
  /** m² of the ring in the grid's ENU plane (≈ projectedArea to < 1e-7 over a few km). */
  readonly planArea: number;
  /** m² of the ring's plan lying over grid cells without all four heights, or off the grid. */
  readonly unsampledArea: number;
}

/**
 * Area of the mesh surface inside a ring, from a grid of sampled heights (areaSampleGrid). Each
 * grid cell between four samples is two triangles; a triangle's plane covers its share of the
 * ring with area = plan area × √(1 + slope²), and cells the ring's edge crosses are clipped to
 * the ring exactly, so a planar surface comes out exact (a flat grid gives planArea, a 45° plane
 * √2 times it) whatever the spacing. What remains is the sampling itself: detail finer than the
 * spacing is smoothed, and facades, read as a 2.5-D surface, count as one-cell-wide ramps (≈ their
 * true area when much taller than the spacing); overhangs and undersides never count.
 */
export function surfaceArea(ring: readonly LonLat[], r: HeightRaster): SurfaceArea {
  const poly = projectRing(ring, r.origin);
  const planArea = ring.length < 3 ? 0 : Math.abs(shoelace(poly));
  const c = r.cell, h = r.heights;
  let area = 0, covered = 0, unsampled = 0;
  for (let j = 0; j + 1 < r.rows && poly.length >= 3; j++) {
    const yb = r.y0 + j * c, yt = yb + c, yc = yb + c / 2;
    const boundary = new Uint8Array(r.cols);
    const crossings: number[] = [];
    for (let k = 0; k < poly.length; k++) {
      const p = poly[k]!, q = poly[(k + 1) % poly.length]!;
      if ((p[1] > yc) !== (q[1] > yc)) crossings.push(p[0] + ((yc - p[1]) / (q[1] - p[1])) * (q[0] - p[0]));
      if (Math.max(p[1], q[1]) < yb || Math.min(p[1], q[1]) > yt) continue;
      // The part of this edge inside the band marks the cells it crosses for exact clipping.
      let t0 = 0, t1 = 1;
      if (q[1] !== p[1]) {
        const ta = (yb - p[1]) / (q[1] - p[1]), tb = (yt - p[1]) / (q[1] - p[1]);
        t0 = Math.max(0, Math.min(ta, tb)); t1 = Math.min(1, Math.max(ta, tb));
      }
      const xa = p[0] + t0 * (q[0] - p[0]), xb = p[0] + t1 * (q[0] - p[0]);
      const i0 = Math.max(0, Math.floor((Math.min(xa, xb) - r.x0) / c)), i1 = Math.min(r.cols - 2, Math.floor((Math.max(xa, xb) - r.x0) / c));
      for (let i = i0; i <= i1; i++) boundary[i] = 1;
    }
    for (let i = 0; i + 1 < r.cols; i++) {
      const xl = r.x0 + i * c, xr = xl + c;
      let plan1: number, plan2: number;
      if (boundary[i]) {
        plan1 = clippedArea(poly, [[xl, yb], [xr, yb], [xr, yt]]);
        plan2 = clippedArea(poly, [[xl, yb], [xr, yt], [xl, yt]]);
      } else {
        // No edge inside: the cell is wholly in or out, as its centre is (even–odd rule).
        const xm = xl + c / 2;
        if (crossings.filter((x) => x < xm).length % 2 === 0) continue;
        plan1 = plan2 = (c * c) / 2;
      }
      if (plan1 + plan2 === 0) continue;
      const z00 = h[j * r.cols + i]!, z10 = h[j * r.cols + i + 1]!, z01 = h[(j + 1) * r.cols + i]!, z11 = h[(j + 1) * r.cols + i + 1]!;
      if (![z00, z10, z01, z11].every(Number.isFinite)) { unsampled += plan1 + plan2; continue; }
      covered += plan1 + plan2;
      area += plan1 * Math.sqrt(1 + ((z10 - z00) / c) ** 2 + ((z11 - z10) / c) ** 2)
        + plan2 * Math.sqrt(1 + ((z11 - z01) / c) ** 2 + ((z01 - z00) / c) ** 2);
    }
  }
  return { area, planArea, unsampledArea: unsampled + Math.max(0, planArea - covered - unsampled) };
}

// ── Heights and angles ─────────────────────────────────────────────────────────────────────────

/** Roof minus ground in metres; refused when the ground pick is not below the roof pick. */
export function buildingHeight(roof: LonLatHeight, ground: LonLatHeight): Reviewed<{ height: number }> {
  for (const [name, p] of [['roof', roof], ['ground', ground]] as const) {
    if (!Number.isFinite(p.height)) return refuse({ kind: 'invalid', what: `${name}.height: expected a finite number of metres, found ${p.height}` });
  }
  if (!(roof.height > ground.height)) {
    return refuse({ kind: 'invalid', what: `ground.height: ${ground.height.toFixed(2)} m is not below roof.height ${roof.height.toFixed(2)} m (pick the roof first, then the ground at the building's foot)` });
  }
  return { ok: true, height: roof.height - ground.height };
}

/** Degrees clockwise from north of the segment from a towards b (the geodesic's start azimuth). */
export function azimuth(a: LonLat, b: LonLat): number {
  return geodesicInverse(a, b).azimuth1;
}

/**
 * The angle at `vertex` between the segments to `a` and to `b`, in degrees [0, 180]: `plan` as a
 * theodolite reads it (between the horizontal directions), `spatial` between the 3D segments.
 * NaN where a segment has no direction (zero length, or vertical for `plan`).
 */
export function angleAt(a: LonLatHeight, vertex: LonLatHeight, b: LonLatHeight): { plan: number; spatial: number } {
  const ga = geodesicInverse(vertex, a), gb = geodesicInverse(vertex, b);
  const plan = ga.distance > 0 && gb.distance > 0 ? Math.abs(wrap180(gb.azimuth1 - ga.azimuth1)) : NaN;
  const o = ecef(vertex), u = sub(ecef(a), o), w = sub(ecef(b), o);
  const cross: Vec3 = [u[1] * w[2] - u[2] * w[1], u[2] * w[0] - u[0] * w[2], u[0] * w[1] - u[1] * w[0]];
  const spatial = norm(u) > 0 && norm(w) > 0 ? Math.atan2(norm(cross), u[0] * w[0] + u[1] * w[1] + u[2] * w[2]) * DEG : NaN;
  return { plan, spatial };
}

export { formatAngle, formatArea, formatLength, type MeasureLang } from './measureFormat.ts';
