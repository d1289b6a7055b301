// One seabed tile's geometry: a (GRID + 1)² grid of seabed heights with per-vertex colours (depth
// ramp × baked hillshade), keeping sea cells and a thin band under the coast, with skirts along the
// tile edges. Vertices are ECEF relative to the tile centre in glTF's y-up axes, compacted to the
// ones the kept triangles use.
import { geodeticToEcef, type Vec3 } from '../../src/domain/tiles/ecef.ts';
import type { RegionDeg } from '../../src/domain/tiles/implicit.ts';
import { rampColour } from '../../src/domain/seabed/ramp.ts';
import { EXTENTS, toX, toY } from '../world/frame.ts';
import type { World } from '../world/index.ts';
import { seabedHeight } from './bathymetry.ts';
import { shoreField } from './shore.ts';

export interface SeabedMesh {
  centre: Vec3;
  positions: number[];
  /** RGBA bytes per vertex. */
  colours: number[];
  indices: number[];
  /** Ellipsoidal height range of the vertices (skirts included), m. */
  minH: number;
  maxH: number;
  /** Depth range (m below the 1985 datum) over the sea vertices; NaN when there are none. */
  minDepth: number;
  maxDepth: number;
  /** Grid vertices at sea: 0 means the tile has no sea and is left out. */
  seaVertices: number;
}

export interface SeabedMeshOptions { grid: number; geoidOffset: number; skirt: number; coastBand: number }

/** Vertical exaggeration of the baked hillshade: the floor is gentle, sand waves and flanks should read. */
const SHADE_EXAGGERATION = 5;
/** Light from the north-west, 45° up (the cartographic convention), as (east, north, up). */
const LIGHT = [-0.5, 0.5, Math.SQRT1_2] as const;

/** Land the reality mesh does not cover (east of 121.79°E, north of 30.06°N: 金塘岛, the 北仑
 *  shore). The viewer hides the globe over the whole seabed extent, so there the seabed model
 *  carries on as a coarse land DEM instead of leaving a hole. */
function landOutsideMesh(w: World, lon: number, lat: number): boolean {
  const c = EXTENTS.central;
  const inside = lon >= c.west && lon <= c.east && lat >= c.south && lat <= c.north;
  return !inside && w.land.fraction(lon, lat) >= 0.5;
}

/** The ground's colour on that DEM: a muted green rising to khaki on the hills, then shaded. */
function landColour(h85: number, shade: number): number[] {
  const t = Math.min(1, Math.max(0, h85 / 250));
  return [118 + 40 * t, 138 + 6 * t, 96 + 20 * t].map((c) => Math.min(255, Math.max(0, Math.round(c * shade))));
}

function heightAt(w: World, lon: number, lat: number): number {
  const sea = seabedHeight(w, lon, lat);
  return landOutsideMesh(w, lon, lat) ? Math.max(sea, w.groundHeight(lon, lat)) : sea;
}

export function buildSeabedMesh(w: World, region: RegionDeg, o: SeabedMeshOptions): SeabedMesh {
  const n = o.grid;
  const dLon = (region.east - region.west) / n;
  const dLat = (region.north - region.south) / n;
  const lonAt = (i: number): number => region.west + dLon * i;
  const latAt = (j: number): number => region.south + dLat * j;
  // Heights on the grid plus one ring outside it, so hillshade normals match across tile edges.
  const side = n + 3;
  const hs = new Float64Array(side * side);
  for (let j = -1; j <= n + 1; j++) for (let i = -1; i <= n + 1; i++) hs[(j + 1) * side + i + 1] = heightAt(w, lonAt(i), latAt(j));
  const hAt = (i: number, j: number): number => hs[(j + 1) * side + i + 1]!;

  // Which grid vertices matter: sea, or land within the coastal band.
  const shore = shoreField(w.land);
  const wanted = new Uint8Array((n + 1) * (n + 1));
  let seaVertices = 0;
  for (let j = 0; j <= n; j++) {
    for (let i = 0; i <= n; i++) {
      const sea = w.land.fraction(lonAt(i), latAt(j)) < 0.5;
      if (sea) seaVertices++;
      wanted[j * (n + 1) + i] = sea || landOutsideMesh(w, lonAt(i), latAt(j)) || shore.signedDistance(toX(lonAt(i)), toY(latAt(j))) > -o.coastBand ? 1 : 0;
    }
  }

  const centre = geodeticToEcef((region.west + region.east) / 2, (region.south + region.north) / 2, o.geoidOffset);
  const m: SeabedMesh = { centre, positions: [], colours: [], indices: [], minH: Infinity, maxH: -Infinity, minDepth: Infinity, maxDepth: -Infinity, seaVertices };
  const index = new Int32Array((n + 1) * (n + 1)).fill(-1);
  const mx = dLon * (toX(1) - toX(0)), my = dLat * (toY(1) - toY(0));
  const push = (i: number, j: number, h85: number, rgb: readonly number[]): number => {
    const h = h85 + o.geoidOffset;
    const e = geodeticToEcef(lonAt(i), latAt(j), h);
    // glTF is y-up; 3D Tiles rotates it to z-up: (x, y, z)_gltf = (X, Z, -Y)_ecef.
    m.positions.push(e[0] - centre[0], e[2] - centre[2], -(e[1] - centre[1]));
    m.colours.push(rgb[0]!, rgb[1]!, rgb[2]!, 255);
    m.minH = Math.min(m.minH, h);
    m.maxH = Math.max(m.maxH, h);
    return m.positions.length / 3 - 1;
  };
  const colourAt = (i: number, j: number): number[] => {
    const dzdx = ((hAt(i + 1, j) - hAt(i - 1, j)) / (2 * mx)) * SHADE_EXAGGERATION;
    const dzdy = ((hAt(i, j + 1) - hAt(i, j - 1)) / (2 * my)) * SHADE_EXAGGERATION;
    const shade = Math.min(1.25, Math.max(0.55, (-dzdx * LIGHT[0] - dzdy * LIGHT[1] + LIGHT[2]) / Math.hypot(dzdx, dzdy, 1) / LIGHT[2]));
    return landOutsideMesh(w, lonAt(i), latAt(j)) ? landColour(hAt(i, j), shade) : shadedColour(-hAt(i, j), shade);
  };
  const vertex = (i: number, j: number): number => {
    const k = j * (n + 1) + i;
    if (index[k]! < 0) {
      const h = hAt(i, j);
      index[k] = push(i, j, h, colourAt(i, j));
      if (wanted[k] && w.land.fraction(lonAt(i), latAt(j)) < 0.5) { m.minDepth = Math.min(m.minDepth, -h); m.maxDepth = Math.max(m.maxDepth, -h); }
    }
    return index[k]!;
  };

  const used = (i: number, j: number): boolean => wanted[j * (n + 1) + i] === 1;
  const cellKept = new Uint8Array(n * n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      // A cell is kept whole when any corner is wanted: the coastline never gets a ragged hole.
      if (!(used(i, j) || used(i + 1, j) || used(i + 1, j + 1) || used(i, j + 1))) continue;
      cellKept[j * n + i] = 1;
      const a = vertex(i, j), b = vertex(i + 1, j), c = vertex(i + 1, j + 1), d = vertex(i, j + 1);
      m.indices.push(a, b, c, a, c, d);
    }
  }
  addSkirts(m, n, o.skirt, cellKept, index, (i, j, h) => push(i, j, h, m.colours.slice(index[j * (n + 1) + i]! * 4, index[j * (n + 1) + i]! * 4 + 3)), hAt);
  if (m.minDepth === Infinity) { m.minDepth = Number.NaN; m.maxDepth = Number.NaN; }
  return m;
}

/** The ramp's colour at a depth, darkened or lit by `shade` (1 = flat floor), as bytes. */
export function shadedColour(depth: number, shade: number): number[] {
  return rampColour(depth).map((c) => Math.min(255, Math.max(0, Math.round(c * shade))));
}

type PushAt = (i: number, j: number, h85: number) => number;

/** Vertical curtains under the edges of kept cells (outward-facing), as the reality mesh does. */
function addSkirts(m: SeabedMesh, n: number, depth: number, cellKept: Uint8Array, index: Int32Array, push: PushAt, hAt: (i: number, j: number) => number): void {
  // Each edge walked so that the curtain faces out of the tile; the cell along each step.
  const edges: { at: (k: number) => [number, number]; cell: (k: number) => number }[] = [
    { at: (k) => [k, 0], cell: (k) => k }, // south, west → east
    { at: (k) => [n - k, n], cell: (k) => (n - 1) * n + (n - 1 - k) }, // north, east → west
    { at: (k) => [n, k], cell: (k) => k * n + n - 1 }, // east, south → north
    { at: (k) => [0, n - k], cell: (k) => (n - 1 - k) * n }, // west, north → south
  ];
  for (const e of edges) {
    let prevTop = -1, prevLow = -1;
    for (let k = 0; k <= n; k++) {
      const [i, j] = e.at(k);
      const top = index[j * (n + 1) + i]!;
      const keep = k > 0 && cellKept[e.cell(k - 1)] === 1;
      if (top < 0) { prevTop = -1; continue; }
      const low = push(i, j, hAt(i, j) - depth);
      if (keep && prevTop >= 0) m.indices.push(prevTop, prevLow, low, prevTop, low, top);
      prevTop = top;
      prevLow = low;
    }
  }
}
