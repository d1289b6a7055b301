// Ground height (1985 datum, metres) and surface class. The Ningbo plain lies at 2–4 m; hills rise
// to the south-west (四明山 foothills), south-east (around 东钱湖) and east (北仑); rivers sit in
// their channels at about 0.5 m.
import { fbm, smoothstep } from './noise.ts';
import { toX, toY, toLon, toLat } from './frame.ts';
import { riverEdgeDistance } from './rivers.ts';
import type { LandMask } from './coast.ts';

export type SurfaceClass = 'sea' | 'river' | 'land';

interface Hill { lon: number; lat: number; radius: number; height: number }
const HILLS: Hill[] = [
  { lon: 121.38, lat: 29.77, radius: 9000, height: 520 },
  { lon: 121.43, lat: 29.80, radius: 5000, height: 260 },
  { lon: 121.69, lat: 29.775, radius: 6000, height: 330 },
  { lon: 121.785, lat: 29.865, radius: 4500, height: 260 },
  { lon: 121.36, lat: 29.99, radius: 3500, height: 140 },
].map((h) => ({ ...h }));

const HILL_FRAME = HILLS.map((h) => ({ x: toX(h.lon), y: toY(h.lat), r: h.radius, h: h.height }));

const WATER_LEVEL = 0.5;
const BANK = 25;

export interface Terrain {
  /** Hill elevation component (0 on the plain); zoning avoids steep, high ground. */
  hillHeight(x: number, y: number): number;
  height(x: number, y: number): number;
  surface(x: number, y: number): SurfaceClass;
}

export function createTerrain(seed: number, land: LandMask): Terrain {
  const hillHeight = (x: number, y: number): number => {
    let m = 0;
    for (const h of HILL_FRAME) {
      const d = Math.hypot(x - h.x, y - h.y) / h.r;
      if (d < 1.6) m = Math.max(m, h.h * Math.exp(-d * d * 1.6));
    }
    if (m < 0.5) return 0;
    // Ridged relief so hills read as hills, not domes.
    const n = fbm(seed + 11, x / 1800, y / 1800, 4);
    const ridge = 1 - Math.abs(2 * n - 1);
    return Math.max(0, m * (0.35 + 0.85 * ridge) - 8);
  };
  const surface = (x: number, y: number): SurfaceClass => {
    if (land.fraction(toLon(x), toLat(y)) < 0.5) return 'sea';
    return riverEdgeDistance(x, y, 400) < 0 ? 'river' : 'land';
  };
  const height = (x: number, y: number): number => {
    const lf = land.fraction(toLon(x), toLat(y));
    // The reality mesh records the water surface over the sea (photogrammetry sees water, not seabed).
  if (lf < 0.5) return 0;
    const plain = 2.6 + 1.2 * fbm(seed + 3, x / 900, y / 900, 3) + 1.5 * smoothstep(0.5, 0.75, lf) - 1.5;
    let h = plain + hillHeight(x, y);
    const edge = riverEdgeDistance(x, y, 400);
    if (edge < 0) return WATER_LEVEL;
    if (edge < BANK) h = WATER_LEVEL + (h - WATER_LEVEL) * smoothstep(0, BANK, edge);
    return h;
  };
  return { hillHeight, height, surface };
}
