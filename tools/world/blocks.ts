// Blocks (between street centrelines), their parcels and buildings. Everything about a block is a
// pure function of the seed and its lattice key, so any tile can regenerate any block identically.
import { hash01, hashInts } from './noise.ts';
import type { Rect } from './frame.ts';
import { latticeCell, ROAD_WIDTH, expresswayDistance, type RoadClass } from './roads.ts';
import { zoneAt, URBAN_ZONES, type Zone } from './zoning.ts';
import { riverEdgeDistance } from './rivers.ts';
import type { Terrain } from './terrain.ts';
import { placeBuildings } from './buildings.ts';

export type BuildingUse = 'office' | 'residential' | 'commercial' | 'industrial' | 'warehouse' | 'house' | 'school';
export type RoofShape = 'flat' | 'gable';

export interface Building {
  id: string;
  /** Footprint in frame metres (axis-aligned: east-west and north-south walls). */
  rect: Rect;
  /** Ground (1985 m) the walls start from, slightly below the lowest corner. */
  base: number;
  /** Height above base to the eaves or roof slab, metres. */
  height: number;
  floors: number;
  use: BuildingUse;
  roof: RoofShape;
  /** Gable ridge rise (m), 0 for flat roofs. */
  ridge: number;
  /** Index of the roof colour and facade style (see the tile painter). */
  roofTone: number;
  facade: 0 | 1 | 2 | 3;
}

export type ParcelUse = 'office' | 'residential' | 'midrise' | 'commercial' | 'industrial' | 'port' | 'village' | 'farm' | 'forest' | 'park' | 'school' | 'water';

export interface Parcel { id: string; rect: Rect; use: ParcelUse; buildings: Building[] }

export interface Block {
  key: string;
  zone: Zone;
  /** Between street centrelines. */
  cell: Rect;
  /** Inside the road reserves. */
  inner: Rect;
  /** Class of the bounding roads: west, east, south, north. */
  roads: [RoadClass, RoadClass, RoadClass, RoadClass];
  parcels: Parcel[];
}

const shrink = (r: Rect, w: number, e: number, s: number, n: number): Rect => ({ x0: r.x0 + w, x1: r.x1 - e, y0: r.y0 + s, y1: r.y1 - n });
const area = (r: Rect): number => Math.max(0, r.x1 - r.x0) * Math.max(0, r.y1 - r.y0);

export interface BlockContext { seed: number; terrain: Terrain }

function roadClassFor(arterial: boolean, urban: boolean, forest: boolean): RoadClass {
  if (arterial) return forest ? 'track' : 'arterial';
  return urban ? 'local' : forest ? 'track' : 'track';
}

/** The block containing a frame point. */
export function blockKeyAt(ctx: BlockContext, x: number, y: number): { cx: ReturnType<typeof latticeCell>; cy: ReturnType<typeof latticeCell> } {
  return { cx: latticeCell(ctx.seed, 0, x), cy: latticeCell(ctx.seed, 1, y) };
}

export function makeBlock(ctx: BlockContext, cx: ReturnType<typeof latticeCell>, cy: ReturnType<typeof latticeCell>): Block {
  const { seed, terrain } = ctx;
  const ix = cx.i * 4 + cx.sub;
  const iy = cy.i * 4 + cy.sub;
  const keyInt = hashInts(seed, ix, iy);
  const cell: Rect = { x0: cx.lo, x1: cx.hi, y0: cy.lo, y1: cy.hi };
  const mx = (cell.x0 + cell.x1) / 2;
  const my = (cell.y0 + cell.y1) / 2;
  const zone = zoneAt(seed, mx, my, terrain.hillHeight(mx, my), keyInt);
  const urban = URBAN_ZONES.has(zone);
  const forest = zone === 'forest';
  const roads: Block['roads'] = [
    roadClassFor(cx.loArterial, urban, forest), roadClassFor(cx.hiArterial, urban, forest),
    roadClassFor(cy.loArterial, urban, forest), roadClassFor(cy.hiArterial, urban, forest),
  ];
  const half = (c: RoadClass): number => ROAD_WIDTH[c] / 2 + (urban ? 4 : 1);
  const inner = shrink(cell, half(roads[0]), half(roads[1]), half(roads[2]), half(roads[3]));
  const block: Block = { key: `${ix}_${iy}`, zone, cell, inner, roads, parcels: [] };
  block.parcels = makeParcels(ctx, block, keyInt);
  return block;
}

function splitParcels(inner: Rect, r: number): Rect[] {
  const w = inner.x1 - inner.x0;
  const h = inner.y1 - inner.y0;
  if (w < 60 || h < 60 || r < 0.35) return [inner];
  if (r < 0.7) {
    const t = 0.4 + 0.2 * ((r - 0.35) / 0.35);
    return w > h
      ? [{ ...inner, x1: inner.x0 + w * t - 4 }, { ...inner, x0: inner.x0 + w * t + 4 }]
      : [{ ...inner, y1: inner.y0 + h * t - 4 }, { ...inner, y0: inner.y0 + h * t + 4 }];
  }
  const xm = inner.x0 + w / 2;
  const ym = inner.y0 + h / 2;
  return [
    { x0: inner.x0, y0: inner.y0, x1: xm - 4, y1: ym - 4 }, { x0: xm + 4, y0: inner.y0, x1: inner.x1, y1: ym - 4 },
    { x0: inner.x0, y0: ym + 4, x1: xm - 4, y1: inner.y1 }, { x0: xm + 4, y0: ym + 4, x1: inner.x1, y1: inner.y1 },
  ];
}

function parcelUse(zone: Zone, r: number): ParcelUse {
  switch (zone) {
    case 'cbd': return r < 0.7 ? 'office' : r < 0.9 ? 'commercial' : 'residential';
    case 'residential': return r < 0.8 ? 'residential' : r < 0.9 ? 'school' : 'commercial';
    case 'midrise': return r < 0.8 ? 'midrise' : r < 0.9 ? 'commercial' : 'park';
    case 'industrial': return r < 0.92 ? 'industrial' : 'park';
    case 'port': return 'port';
    case 'village': return r < 0.6 ? 'village' : 'farm';
    case 'farm': return 'farm';
    case 'forest': return 'forest';
    case 'park': return 'park';
  }
}

function makeParcels(ctx: BlockContext, block: Block, keyInt: number): Parcel[] {
  if (area(block.inner) <= 0) return [];
  const rects = splitParcels(block.inner, hash01(ctx.seed + 41, keyInt));
  return rects.map((rect, k) => {
    const use = parcelUse(block.zone, hash01(ctx.seed + 43, keyInt, k));
    const id = `${block.key}_${k}`;
    const p: Parcel = { id, rect, use, buildings: [] };
    p.buildings = placeBuildings(ctx, p, hashInts(ctx.seed + 47, keyInt, k)).filter((b) => clearOfWater(ctx, b.rect));
    return p;
  });
}

/** Buildings keep off rivers (with a riverside green) and expressway corridors. */
function clearOfWater(ctx: BlockContext, r: Rect): boolean {
  const pts: [number, number][] = [[r.x0, r.y0], [r.x1, r.y0], [r.x0, r.y1], [r.x1, r.y1], [(r.x0 + r.x1) / 2, (r.y0 + r.y1) / 2]];
  return pts.every(([x, y]) => {
    if (riverEdgeDistance(x, y, 600) < 30) return false;
    if (expresswayDistance(x, y, 60) < 45) return false;
    return ctx.terrain.surface(x, y) === 'land';
  });
}

