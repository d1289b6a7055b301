// Tile geometry: a ground grid (with skirts that hide cracks between levels) and buildings clipped
// to the tile (walls split per bay so the facade atlas repeats per floor). Vertices are ECEF
// relative to the tile centre, in glTF's y-up axes. Open sea is left out (ground triangles whose
// three corners are all sea, and the skirts under them): the seabed tileset and a water layer show
// it, and a flat sea surface here would hide them. River water is land-mask land and stays.
import { geodeticToEcef, type Vec3 } from '../../src/domain/tiles/ecef.ts';
import type { RegionDeg } from '../../src/domain/tiles/implicit.ts';
import { toLon, toLat, toX, toY, clip, type Rect } from '../world/frame.ts';
import type { World, Building } from '../world/index.ts';
import { FACADE_COLUMNS } from './facade.ts';

export interface MeshPart { positions: number[]; uvs: number[]; colours: number[]; indices: number[] }
export interface TileMesh { centre: Vec3; ground: MeshPart; walls: MeshPart; buildings: number; minH: number; maxH: number }

const part = (): MeshPart => ({ positions: [], uvs: [], colours: [], indices: [] });
const BAY: Record<Building['use'], number> = { office: 4.2, residential: 3.6, commercial: 6, school: 4, industrial: 8, warehouse: 10, house: 3.5 };
const FLOOR_H: Record<Building['use'], number> = { office: 4.2, residential: 3, commercial: 4.5, school: 3.6, industrial: 6, warehouse: 7, house: 3.2 };
/** Baked light per wall orientation (the ortho's sun is from the south-south-east). */
const WALL_LIGHT = { south: 1, east: 0.86, west: 0.7, north: 0.58 };

export interface MeshOptions { nx: number; ny: number; geoidOffset: number; minBuildingHeight: number; skirt: number }

export function buildTileMesh(w: World, region: RegionDeg, o: MeshOptions): TileMesh {
  const midLon = (region.west + region.east) / 2;
  const midLat = (region.south + region.north) / 2;
  const centre = geodeticToEcef(midLon, midLat, o.geoidOffset);
  let minH = Infinity;
  let maxH = -Infinity;
  const push = (p: MeshPart, lon: number, lat: number, h85: number): number => {
    const e = geodeticToEcef(lon, lat, h85 + o.geoidOffset);
    // glTF is y-up; 3D Tiles rotates it to z-up: (x, y, z)_gltf = (X, Z, -Y)_ecef.
    p.positions.push(e[0] - centre[0], e[2] - centre[2], -(e[1] - centre[1]));
    minH = Math.min(minH, h85 + o.geoidOffset);
    maxH = Math.max(maxH, h85 + o.geoidOffset);
    return p.positions.length / 3 - 1;
  };
  const uvAt = (lon: number, lat: number): [number, number] => [(lon - region.west) / (region.east - region.west), (region.north - lat) / (region.north - region.south)];

  const ground = part();
  const { nx, ny } = o;
  // Open sea, by the same test terrain.height() uses to put the water surface at 0 m.
  const sea = new Uint8Array((nx + 1) * (ny + 1));
  for (let j = 0; j <= ny; j++) {
    const lat = region.south + ((region.north - region.south) * j) / ny;
    for (let i = 0; i <= nx; i++) {
      const lon = region.west + ((region.east - region.west) * i) / nx;
      push(ground, lon, lat, w.terrain.height(toX(lon), toY(lat)));
      ground.uvs.push(...uvAt(lon, lat));
      sea[j * (nx + 1) + i] = w.land.fraction(lon, lat) < 0.5 ? 1 : 0;
    }
  }
  const idx = (i: number, j: number): number => j * (nx + 1) + i;
  const land = (a: number, b: number, c: number): boolean => !(sea[a] && sea[b] && sea[c]);
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const a = idx(i, j), b = idx(i + 1, j), c = idx(i + 1, j + 1), d = idx(i, j + 1);
      if (land(a, b, c)) ground.indices.push(a, b, c);
      if (land(a, c, d)) ground.indices.push(a, c, d);
    }
  }
  addSkirts(ground, nx, ny, o.skirt, push, uvAt, region, w, land);

  const walls = part();
  const tileRect: Rect = { x0: toX(region.west), x1: toX(region.east), y0: toY(region.south), y1: toY(region.north) };
  let count = 0;
  for (const b of w.buildingsIn(tileRect)) {
    if (b.height + b.ridge < o.minBuildingHeight) continue;
    const r = clip(b.rect, tileRect);
    if (!r) continue;
    count++;
    addBuilding(b, r, ground, walls, push, uvAt);
  }
  return { centre, ground, walls, buildings: count, minH, maxH };
}

type Push = (p: MeshPart, lon: number, lat: number, h85: number) => number;
type UvAt = (lon: number, lat: number) => [number, number];

/** Skirts under every edge segment whose ground triangle is kept (so land stays crack-free and
 *  no curtain hangs in the open sea). `kept(a, b, c)` says whether triangle a, b, c was kept. */
function addSkirts(g: MeshPart, nx: number, ny: number, depth: number, push: Push, uvAt: UvAt, region: RegionDeg, w: World, kept: (a: number, b: number, c: number) => boolean): void {
  const idx = (i: number, j: number): number => j * (nx + 1) + i;
  // Each edge walked so that its curtain faces out, with the third corner of the grid triangle
  // along each step (from step k - 1 to k): south/east edges border (a, b, c), north/west (a, c, d).
  const edges: { at: (k: number) => [number, number]; third: (k: number) => number; n: number }[] = [
    { n: nx, at: (k) => [k, 0], third: (k) => idx(k, 1) },
    { n: nx, at: (k) => [nx - k, ny], third: (k) => idx(nx - k, ny - 1) },
    { n: ny, at: (k) => [nx, k], third: (k) => idx(nx - 1, k - 1) },
    { n: ny, at: (k) => [0, ny - k], third: (k) => idx(1, ny - k + 1) },
  ];
  for (const e of edges) {
    let prevTop = -1, prevLow = -1;
    for (let k = 0; k <= e.n; k++) {
      const [i, j] = e.at(k);
      const lon = region.west + ((region.east - region.west) * i) / nx;
      const lat = region.south + ((region.north - region.south) * j) / ny;
      const top = idx(i, j);
      const low = push(g, lon, lat, w.terrain.height(toX(lon), toY(lat)) - depth);
      g.uvs.push(...uvAt(lon, lat));
      if (prevTop >= 0 && kept(prevTop, top, e.third(k))) g.indices.push(prevTop, prevLow, low, prevTop, low, top);
      prevTop = top;
      prevLow = low;
    }
  }
}

function addBuilding(b: Building, r: Rect, ground: MeshPart, walls: MeshPart, push: Push, uvAt: UvAt): void {
  const top = b.base + b.height;
  const alongX = b.rect.x1 - b.rect.x0 >= b.rect.y1 - b.rect.y0;
  const ridgeAt = (x: number, y: number): number => {
    if (b.roof !== 'gable') return top;
    const t = alongX ? Math.abs(y - (b.rect.y0 + b.rect.y1) / 2) / ((b.rect.y1 - b.rect.y0) / 2) : Math.abs(x - (b.rect.x0 + b.rect.x1) / 2) / ((b.rect.x1 - b.rect.x0) / 2);
    return top + b.ridge * (1 - t);
  };
  // Roof: a flat quad, or two slopes meeting at the ridge; textured from the orthophoto.
  const roofPts: [number, number][] = b.roof === 'gable'
    ? alongX
      ? [[r.x0, r.y0], [r.x1, r.y0], [r.x1, Math.min(r.y1, Math.max(r.y0, (b.rect.y0 + b.rect.y1) / 2))], [r.x0, Math.min(r.y1, Math.max(r.y0, (b.rect.y0 + b.rect.y1) / 2))], [r.x0, r.y1], [r.x1, r.y1]]
      : [[r.x0, r.y0], [Math.min(r.x1, Math.max(r.x0, (b.rect.x0 + b.rect.x1) / 2)), r.y0], [Math.min(r.x1, Math.max(r.x0, (b.rect.x0 + b.rect.x1) / 2)), r.y1], [r.x0, r.y1], [r.x1, r.y0], [r.x1, r.y1]]
    : [[r.x0, r.y0], [r.x1, r.y0], [r.x1, r.y1], [r.x0, r.y1]];
  const base = roofPts.map(([x, y]) => {
    const lon = toLon(x), lat = toLat(y);
    const i = push(ground, lon, lat, ridgeAt(x, y));
    ground.uvs.push(...uvAt(lon, lat));
    return i;
  });
  if (b.roof === 'gable') {
    const [a, c, d, e, f, g] = base as [number, number, number, number, number, number];
    if (alongX) ground.indices.push(a, c, d, a, d, e, e, d, g, e, g, f);
    else ground.indices.push(a, c, d, a, d, e, c, f, g, c, g, d);
  } else {
    const [a, c, d, e] = base as [number, number, number, number];
    ground.indices.push(a, c, d, a, d, e);
  }
  // Walls only on the building's own edges (a tile boundary cutting it gets no wall).
  const col = b.facade;
  const tone = 0.85 + 0.05 * b.roofTone;
  const sides: [number, number, number, number, boolean, number][] = [
    [r.x0, r.y0, r.x1, r.y0, r.y0 === b.rect.y0, WALL_LIGHT.south],
    [r.x1, r.y0, r.x1, r.y1, r.x1 === b.rect.x1, WALL_LIGHT.east],
    [r.x1, r.y1, r.x0, r.y1, r.y1 === b.rect.y1, WALL_LIGHT.north],
    [r.x0, r.y1, r.x0, r.y0, r.x0 === b.rect.x0, WALL_LIGHT.west],
  ];
  const floorH = FLOOR_H[b.use];
  const u0 = col / FACADE_COLUMNS + 0.004;
  const u1 = (col + 1) / FACADE_COLUMNS - 0.004;
  for (const [ax, ay, bx, by, own, light] of sides) {
    if (!own) continue;
    const len = Math.hypot(bx - ax, by - ay);
    const bays = Math.max(1, Math.min(40, Math.round(len / BAY[b.use])));
    const shade = Math.round(255 * light * tone);
    for (let k = 0; k < bays; k++) {
      const t0 = k / bays, t1 = (k + 1) / bays;
      const x0 = ax + (bx - ax) * t0, y0 = ay + (by - ay) * t0, x1 = ax + (bx - ax) * t1, y1 = ay + (by - ay) * t1;
      const h0 = ridgeAt(x0, y0), h1 = ridgeAt(x1, y1);
      const v0 = 0, vTop0 = (h0 - b.base) / floorH, vTop1 = (h1 - b.base) / floorH;
      const p0 = push(walls, toLon(x0), toLat(y0), b.base);
      const p1 = push(walls, toLon(x1), toLat(y1), b.base);
      const p2 = push(walls, toLon(x1), toLat(y1), h1);
      const p3 = push(walls, toLon(x0), toLat(y0), h0);
      walls.uvs.push(u0, v0, u1, v0, u1, vTop1, u0, vTop0);
      for (let q = 0; q < 4; q++) walls.colours.push(shade, shade, shade, 255);
      walls.indices.push(p0, p1, p2, p0, p2, p3);
    }
  }
}
