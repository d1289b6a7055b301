// Planned parcels: every built-up parcel of the world (farm, forest and water parcels are covered by
// the 三区三线 polygons instead), with its 用地用海 class, indicators computed from its buildings,
// a 不动产单元代码 in the district it lies in, the BeiDou 2D code (level 7) of its centre, the height
// of its tallest building and its ground elevation.
import { hash01 } from '../world/noise.ts';
import { rectFromLonLat, toLat, toLon, type LonLatRect, type Rect } from '../world/frame.ts';
import type { Parcel, World } from '../world/index.ts';
import type { ParcelUse } from '../world/blocks.ts';
import { encodeBeidou2D, formatUnitCode } from '../../src/domain/spacecode/index.ts';
import { landUseClass, type Feature, type ParcelIndicators } from '../../src/domain/planning/index.ts';
import { districtAt } from './districts.ts';
import { rectPolygon } from './geometry.ts';
import { historicDistrictAt } from './historic.ts';

export interface PlanningExtent { id: string; bounds: LonLatRect }

export type InfrastructureKind = 'substation' | 'waterWorks' | 'transitDepot';
export const INFRASTRUCTURE: Record<InfrastructureKind, { zh: string; landUse: string }> = {
  substation: { zh: '变电站', landUse: '1303' },
  waterWorks: { zh: '水厂', landUse: '1301' },
  transitDepot: { zh: '轨道交通车辆段', landUse: '1208' },
};

export interface ParcelProperties {
  synthetic: true;
  parcelId: string;
  extent: string;
  use: ParcelUse;
  landUseCode: string;
  landUseName: string;
  far: number;
  density: number;
  greenRatio: number;
  heightLimit: number;
  /** Height (m above ground, to the ridge) of the parcel's tallest building; 0 when it has none. */
  maxBuildingHeight: number;
  /** Ground elevation (m, 1985 national height datum) at the parcel's centroid. */
  groundElevation: number;
  area: number;
  buildingCount: number;
  unitCode: string;
  beidouCode: string;
  districtCode: string;
  districtName: string;
  infrastructure?: InfrastructureKind;
}

export interface PlannedParcel { parcel: Parcel; rect: Rect; feature: Feature<ParcelProperties> }

const SKIPPED_USES: ReadonlySet<ParcelUse> = new Set(['farm', 'forest', 'water']);

const LAND_USE: Record<ParcelUse, string> = {
  office: '0902', commercial: '0901', residential: '0701', midrise: '0701', village: '0703', industrial: '1001',
  port: '1101', school: '0804', park: '1401', farm: '01', forest: '03', water: '17',
};
/** Green ratio (%) by use: typical regulatory-plan values, varied per parcel. */
const GREEN: Record<ParcelUse, [number, number]> = {
  office: [20, 25], commercial: [15, 20], residential: [30, 35], midrise: [25, 30], village: [10, 15], industrial: [15, 20],
  port: [10, 15], school: [35, 40], park: [70, 80], farm: [0, 0], forest: [0, 0], water: [0, 0],
};
/** Zone height limit (m) by use; raised to cover the tallest building unless the limit was lowered. */
const HEIGHT: Record<ParcelUse, number> = {
  office: 150, commercial: 60, residential: 100, midrise: 24, village: 15, industrial: 30, port: 30, school: 24, park: 12, farm: 0, forest: 0, water: 0,
};

const round = (v: number, d: number): number => Math.round(v * 10 ** d) / 10 ** d;

export function planParcels(world: World, extents: readonly PlanningExtent[]): PlannedParcel[] {
  const out: PlannedParcel[] = [];
  const seen = new Set<string>();
  for (const ext of extents) {
    const bounds = rectFromLonLat(ext.bounds);
    const parcels = plannableIn(world, bounds).filter((p) => !seen.has(p.id));
    for (const p of parcels) {
      seen.add(p.id);
      const c = centre(p.rect);
      const lon = toLon(c.x);
      const lat = toLat(c.y);
      const district = districtAt(lon, lat);
      const [ix, iy, k] = p.id.split('_').map(Number) as [number, number, number];
      const infra = infrastructureOf(world.seed, p, ix, iy, k);
      const code = infra ? INFRASTRUCTURE[infra].landUse : LAND_USE[p.use];
      const area = (p.rect.x1 - p.rect.x0) * (p.rect.y1 - p.rect.y0);
      const { cd, sub, seq } = cadastralNumber(world, p, c);
      const village = p.use === 'village';
      const unit = formatUnitCode({
        adminCode: district.code, cadastralDistrict: cd, cadastralSubdistrict: sub, ownership: village ? 'J' : 'G',
        rightType: village ? 'C' : 'B', parcelSequence: seq, fixtureType: p.buildings.length > 0 ? 'F' : 'W',
        ...(p.buildings.length > 0 ? { building: 1, unit: 1 } : {}),
      });
      if (!unit.ok) throw new Error(`parcel ${p.id}: ${unit.issues.map((i) => i.message).join('; ')}`);
      const ind = indicators(world.seed, p, ix, iy, k, area, c);
      // world.groundHeight is the 1985 elevation (the mesh adds GEOID_OFFSET_M = 12.4 m in
      // tools/reality/tile.ts to get ellipsoidal heights), so this is an elevation, not an h.
      const groundElevation = round(world.groundHeight(lon, lat), 1);
      const props: ParcelProperties = {
        synthetic: true, parcelId: p.id, extent: ext.id, use: p.use, landUseCode: code, landUseName: landUseClass(code)?.zh ?? code,
        ...ind, groundElevation, area: Math.round(area), buildingCount: p.buildings.length, unitCode: unit.unit.code,
        beidouCode: encodeBeidou2D({ lon, lat }, 7), districtCode: district.code, districtName: district.name,
        ...(infra ? { infrastructure: infra } : {}),
      };
      out.push({ parcel: p, rect: p.rect, feature: { type: 'Feature', id: p.id, geometry: { type: 'Polygon', coordinates: rectPolygon(p.rect) }, properties: props } });
    }
  }
  return out;
}

/** Parcels a plan covers whose centre lies in `bounds`, south to north then west to east. */
function plannableIn(world: World, bounds: Rect): Parcel[] {
  return world.parcelsIn(bounds)
    .filter((p) => !SKIPPED_USES.has(p.use))
    .filter((p) => { const c = centre(p.rect); return c.x >= bounds.x0 && c.x < bounds.x1 && c.y >= bounds.y0 && c.y < bounds.y1; })
    .filter((p) => { const c = centre(p.rect); return world.terrain.surface(c.x, c.y) === 'land'; })
    .sort((a, b) => a.rect.y0 - b.rect.y0 || a.rect.x0 - b.rect.x0);
}

const SUB = 1000;
const sequenceCache = new WeakMap<World, Map<string, Map<string, number>>>();

/**
 * 地籍区 = a 3 km square of the frame, numbered (kx + 15) × 30 + (ky + 8) so that both extents fit
 * 001–999; 地籍子区 = the 1 km square within it (1–9); parcel sequence = the parcel's place in that
 * 1 km square. All are positional, so a parcel has the same code whatever extent is generated.
 */
function cadastralNumber(world: World, p: Parcel, c: { x: number; y: number }): { cd: number; sub: number; seq: number } {
  const kx = Math.floor(c.x / 3000); const ky = Math.floor(c.y / 3000);
  const cd = (kx + 15) * 30 + (ky + 8);
  if (kx + 15 < 0 || kx + 15 > 32 || ky + 8 < 0 || ky + 8 > 29) throw new Error(`parcel ${p.id} lies outside the area the 地籍区 numbering covers (central city and 前湾)`);
  const sx = Math.floor(c.x / SUB); const sy = Math.floor(c.y / SUB);
  const sub = 1 + (sx - kx * 3) * 3 + (sy - ky * 3);
  let cache = sequenceCache.get(world);
  if (!cache) { cache = new Map(); sequenceCache.set(world, cache); }
  const key = `${sx},${sy}`;
  let order = cache.get(key);
  if (!order) {
    order = new Map(plannableIn(world, { x0: sx * SUB, y0: sy * SUB, x1: (sx + 1) * SUB, y1: (sy + 1) * SUB }).map((q, i) => [q.id, i + 1]));
    cache.set(key, order);
  }
  return { cd, sub, seq: order.get(p.id)! };
}

const centre = (r: Rect): { x: number; y: number } => ({ x: (r.x0 + r.x1) / 2, y: (r.y0 + r.y1) / 2 });

/** About one industrial/port parcel in 60 (and one midrise in 300) becomes a utility site. */
function infrastructureOf(seed: number, p: Parcel, ix: number, iy: number, k: number): InfrastructureKind | undefined {
  const r = hash01(seed + 901, ix, iy, k);
  const industrial = p.use === 'industrial' || p.use === 'port';
  if (!(industrial ? r < 1 / 60 : p.use === 'midrise' && r < 1 / 300)) return undefined;
  const kinds: InfrastructureKind[] = ['substation', 'waterWorks', 'transitDepot'];
  return kinds[Math.floor(hash01(seed + 902, ix, iy, k) * 3)]!;
}

function indicators(seed: number, p: Parcel, ix: number, iy: number, k: number, area: number, c: { x: number; y: number }): ParcelIndicators & { maxBuildingHeight: number } {
  let gfa = 0; let tallest = 0;
  for (const b of p.buildings) {
    gfa += (b.rect.x1 - b.rect.x0) * (b.rect.y1 - b.rect.y0) * b.floors;
    tallest = Math.max(tallest, b.height + b.ridge);
  }
  const footprint = unionArea(p.buildings.map((b) => b.rect));
  const [g0, g1] = GREEN[p.use];
  const green = g0 + Math.floor(hash01(seed + 903, ix, iy, k) * (g1 - g0 + 1));
  return {
    far: round(gfa / area, 2),
    density: round((footprint / area) * 100, 1),
    greenRatio: Math.min(green, Math.floor(100 - (footprint / area) * 100)),
    heightLimit: loweredLimit(seed, ix, iy, k, tallest, c) ?? Math.max(HEIGHT[p.use], Math.ceil(tallest / 5) * 5),
    maxBuildingHeight: round(tallest, 1),
  };
}

/** Share of built parcels outside historic districts whose limit a later plan lowered. */
export const LOWERED_LIMIT_SHARE = 0.04;

/**
 * The limit of a parcel whose plan was revised after its buildings stood, below its tallest
 * building; undefined for the rest. Real regulatory plans do this: a sight corridor (to 天封塔, along
 * the 三江口 waterfront) or a historic-area control caps new building, and the existing buildings
 * stay as 超限 until redeveloped. Every built parcel in a historic district (紫线) gets the
 * district's cap; about LOWERED_LIMIT_SHARE of the others, picked by the seeded hash, a corridor
 * limit of 55–85 % of their tallest building. Without these the viewer's "over the 建筑限高" flag
 * would never fire.
 */
function loweredLimit(seed: number, ix: number, iy: number, k: number, tallest: number, c: { x: number; y: number }): number | undefined {
  if (tallest === 0) return undefined;
  const historic = historicDistrictAt(c.x, c.y);
  let cap: number;
  if (historic) cap = historic.heightCap;
  else if (hash01(seed + 904, ix, iy, k) < LOWERED_LIMIT_SHARE) cap = tallest * (0.55 + 0.3 * hash01(seed + 905, ix, iy, k));
  else return undefined;
  // Strictly below the tallest building, in whole storeys (3 m) up to 24 m and 5 m steps above.
  const h = Math.min(cap, tallest - 0.5);
  const limit = h > 24 ? Math.floor(h / 5) * 5 : Math.floor(h / 3) * 3;
  // A shed too low to be over any sensible limit keeps its zone limit.
  return limit >= 3 ? limit : undefined;
}

/** Area covered by rectangles (towers stand on podiums: overlaps count once). */
function unionArea(rects: readonly Rect[]): number {
  const overlapping = rects.some((a, i) => rects.some((b, j) => j > i && a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1));
  if (!overlapping) return rects.reduce((s, r) => s + (r.x1 - r.x0) * (r.y1 - r.y0), 0);
  const xs = [...new Set(rects.flatMap((r) => [r.x0, r.x1]))].sort((a, b) => a - b);
  const ys = [...new Set(rects.flatMap((r) => [r.y0, r.y1]))].sort((a, b) => a - b);
  let s = 0;
  for (let i = 0; i + 1 < xs.length; i++) {
    for (let j = 0; j + 1 < ys.length; j++) {
      const cx = (xs[i]! + xs[i + 1]!) / 2; const cy = (ys[j]! + ys[j + 1]!) / 2;
      if (rects.some((r) => cx > r.x0 && cx < r.x1 && cy > r.y0 && cy < r.y1)) s += (xs[i + 1]! - xs[i]!) * (ys[j + 1]! - ys[j]!);
    }
  }
  return s;
}
