// Zoning: which kind of place a block is. Urban intensity falls off from the real centres; towers
// cluster at 三江口, 东部新城 and the southern business district; heavy industry and the port sit
// on the 镇海/北仑 coast and in 前湾新区; hills stay forest; the plain between towns is farmland
// dotted with villages.
import { fbm, hash01 } from './noise.ts';
import { PLACES, toX, toY } from './frame.ts';

export type Zone = 'cbd' | 'residential' | 'midrise' | 'industrial' | 'port' | 'village' | 'farm' | 'forest' | 'park';

interface Centre { x: number; y: number; sigma: number; weight: number }
const c = (p: { lon: number; lat: number }, sigma: number, weight: number): Centre => ({ x: toX(p.lon), y: toY(p.lat), sigma, weight });

const CENTRES: Centre[] = [
  c(PLACES.sanjiangkou, 6500, 1), c(PLACES.dongbuXincheng, 3500, 0.95), c(PLACES.nanbuShangwu, 3500, 0.85),
  c(PLACES.zhenhai, 2600, 0.75), c(PLACES.beilun, 3500, 0.75), c(PLACES.qianwan, 5000, 0.8),
  c({ lon: 121.49, lat: 29.905 }, 2500, 0.6), c({ lon: 121.60, lat: 29.93 }, 2500, 0.6),
];

/** Tower districts: centre and radius (m) within which CBD blocks appear. */
export const TOWER_DISTRICTS: Centre[] = [c(PLACES.sanjiangkou, 1900, 1), c(PLACES.dongbuXincheng, 1500, 0.9), c(PLACES.nanbuShangwu, 1000, 0.7)];

interface Box { w: number; s: number; e: number; n: number }
/** Industrial and port areas (lon/lat boxes). */
const INDUSTRY: Box[] = [
  { w: 121.60, s: 29.955, e: 121.70, n: 30.02 }, // 镇海 petrochemical
  { w: 121.735, s: 29.93, e: 121.80, n: 29.99 }, // 镇海/北仑 port edge
  { w: 121.19, s: 30.265, e: 121.31, n: 30.345 }, // 前湾 manufacturing
];
const PORT: Box[] = [{ w: 121.75, s: 29.92, e: 121.80, n: 29.96 }, { w: 121.70, s: 29.97, e: 121.74, n: 29.99 }];

const inBox = (x: number, y: number, b: Box): boolean => x >= toX(b.w) && x <= toX(b.e) && y >= toY(b.s) && y <= toY(b.n);

export function urbanIntensity(seed: number, x: number, y: number): number {
  let u = 0;
  for (const k of CENTRES) {
    const d2 = ((x - k.x) ** 2 + (y - k.y) ** 2) / (k.sigma * k.sigma);
    u = Math.max(u, k.weight * Math.exp(-d2));
  }
  return u + (fbm(seed + 21, x / 2500, y / 2500, 3) - 0.5) * 0.3;
}

/** Closeness (0..1) to the nearest tower district centre; 0 outside all of them. */
export function towerCloseness(x: number, y: number): number {
  let best = 0;
  for (const t of TOWER_DISTRICTS) {
    const d = Math.hypot(x - t.x, y - t.y) / t.sigma;
    if (d < 1) best = Math.max(best, t.weight * (1 - d));
  }
  return best;
}

/** Zone of a block, decided once at its centre so every block is homogeneous. */
export function zoneAt(seed: number, x: number, y: number, hill: number, blockKey: number): Zone {
  if (hill > 25) return 'forest';
  const r = hash01(seed + 31, blockKey);
  if (PORT.some((b) => inBox(x, y, b))) return r < 0.75 ? 'port' : 'industrial';
  if (INDUSTRY.some((b) => inBox(x, y, b))) return r < 0.12 ? 'park' : r < 0.2 ? 'midrise' : 'industrial';
  const tower = towerCloseness(x, y);
  if (tower > 0 && r < 0.35 + tower * 0.6) return r < 0.05 ? 'park' : 'cbd';
  const u = urbanIntensity(seed, x, y) - hill / 60;
  if (u > 0.45) return r < 0.09 ? 'park' : r < 0.6 ? 'residential' : r < 0.9 ? 'midrise' : 'industrial';
  if (u > 0.3) return r < 0.08 ? 'park' : r < 0.35 ? 'residential' : r < 0.65 ? 'midrise' : r < 0.82 ? 'industrial' : 'village';
  return r < 0.14 ? 'village' : 'farm';
}

export const URBAN_ZONES: ReadonlySet<Zone> = new Set(['cbd', 'residential', 'midrise', 'industrial', 'port', 'park']);
