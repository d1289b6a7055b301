// The synthetic Ningbo: one seeded model from which every dataset is derived (reality mesh now;
// pipelines, seabed, control lines and projects later), so all layers agree.
// Queries take lon/lat (degrees) or frame metres; all are pure functions of the seed.
import { buildLandMask, type LandMask } from './coast.ts';
import { createTerrain, type SurfaceClass, type Terrain } from './terrain.ts';
import { makeBlock, type Block, type Building, type Parcel } from './blocks.ts';
import { latticeCell, ROAD_WIDTH, expresswayDistance, type RoadClass } from './roads.ts';
import { toX, toY, intersects, type Rect } from './frame.ts';

export interface RoadCentreline { id: string; cls: RoadClass; width: number; ax: number; ay: number; bx: number; by: number }

export interface World {
  seed: number;
  land: LandMask;
  terrain: Terrain;
  /** Ground height in the 1985 datum (m) at lon/lat. */
  groundHeight(lon: number, lat: number): number;
  surface(lon: number, lat: number): SurfaceClass;
  blockAt(x: number, y: number): Block;
  blocksIn(rect: Rect): Block[];
  parcelsIn(rect: Rect): Parcel[];
  buildingsIn(rect: Rect): Building[];
  roadsIn(rect: Rect): RoadCentreline[];
  expresswayDistance(x: number, y: number, reach: number): number;
}

let sharedLand: LandMask | null = null;

export const DEFAULT_SEED = 20260101;

export function createWorld(seed: number = DEFAULT_SEED): World {
  sharedLand ??= buildLandMask();
  const land = sharedLand;
  const terrain = createTerrain(seed, land);
  const ctx = { seed, terrain };
  // Bounded cache: a long-running server would otherwise hold every block of the city.
  const cache = new Map<string, Block>();
  // Painting and meshing query neighbouring points: a few recent blocks answer most lookups
  // without hashing.
  const recent: Block[] = [];
  const blockAt = (x: number, y: number): Block => {
    for (const r of recent) {
      if (x >= r.cell.x0 && x < r.cell.x1 && y >= r.cell.y0 && y < r.cell.y1) return r;
    }
    const b = lookupBlock(x, y);
    recent.unshift(b);
    if (recent.length > 6) recent.pop();
    return b;
  };
  const lookupBlock = (x: number, y: number): Block => {
    const cx = latticeCell(seed, 0, x);
    const cy = latticeCell(seed, 1, y);
    const key = `${cx.i}:${cx.sub}:${cy.i}:${cy.sub}`;
    let b = cache.get(key);
    if (!b) {
      b = makeBlock(ctx, cx, cy);
      if (cache.size > 40000) cache.delete(cache.keys().next().value as string);
      cache.set(key, b);
    }
    return b;
  };
  const blocksIn = (rect: Rect): Block[] => {
    const out: Block[] = [];
    for (let x = rect.x0; ; ) {
      const cx = latticeCell(seed, 0, x);
      for (let y = rect.y0; ; ) {
        const cy = latticeCell(seed, 1, y);
        out.push(blockAt((cx.lo + cx.hi) / 2, (cy.lo + cy.hi) / 2));
        if (cy.hi >= rect.y1) break;
        y = cy.hi + 1e-6;
      }
      if (cx.hi >= rect.x1) break;
      x = cx.hi + 1e-6;
    }
    return out;
  };
  const parcelsIn = (rect: Rect): Parcel[] => blocksIn(rect).flatMap((b) => b.parcels.filter((p) => intersects(p.rect, rect)));
  const buildingsIn = (rect: Rect): Building[] => parcelsIn(rect).flatMap((p) => p.buildings.filter((b) => intersects(b.rect, rect)));
  const roadsIn = (rect: Rect): RoadCentreline[] => {
    const seen = new Map<string, RoadCentreline>();
    for (const b of blocksIn(rect)) {
      const [wc, ec, sc, nc] = b.roads;
      const c = b.cell;
      const edges: [string, RoadClass, number, number, number, number][] = [
        [`v${c.x0.toFixed(2)}_${c.y0.toFixed(2)}`, wc, c.x0, c.y0, c.x0, c.y1],
        [`v${c.x1.toFixed(2)}_${c.y0.toFixed(2)}`, ec, c.x1, c.y0, c.x1, c.y1],
        [`h${c.x0.toFixed(2)}_${c.y0.toFixed(2)}`, sc, c.x0, c.y0, c.x1, c.y0],
        [`h${c.x0.toFixed(2)}_${c.y1.toFixed(2)}`, nc, c.x0, c.y1, c.x1, c.y1],
      ];
      for (const [id, cls, ax, ay, bx, by] of edges) {
        const prev = seen.get(id);
        // Where two blocks disagree on a shared street's class, the wider one wins.
        if (!prev || ROAD_WIDTH[cls] > prev.width) seen.set(id, { id, cls, width: ROAD_WIDTH[cls], ax, ay, bx, by });
      }
    }
    return [...seen.values()];
  };
  return {
    seed, land, terrain,
    groundHeight: (lon, lat) => terrain.height(toX(lon), toY(lat)),
    surface: (lon, lat) => terrain.surface(toX(lon), toY(lat)),
    blockAt, blocksIn, parcelsIn, buildingsIn, roadsIn,
    expresswayDistance,
  };
}

export type { Block, Building, Parcel } from './blocks.ts';
export type { Rect, LonLatRect } from './frame.ts';
