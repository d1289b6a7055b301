// The world's local metric frame: metres east/north of 三江口, linear in lon/lat so that
// rectangles in the frame are rectangles in lon/lat (tiles are lon/lat rectangles, and buildings
// clip to tiles exactly). The distortion of this plate carrée frame over 0.5° is under 1 %.

export const ORIGIN_LON = 121.555;
export const ORIGIN_LAT = 29.873;
export const M_PER_DEG_LAT = 110_850;
export const M_PER_DEG_LON = 111_320 * Math.cos((ORIGIN_LAT * Math.PI) / 180);

export interface LonLatRect { west: number; south: number; east: number; north: number }
export interface Rect { x0: number; y0: number; x1: number; y1: number }

export const toX = (lon: number): number => (lon - ORIGIN_LON) * M_PER_DEG_LON;
export const toY = (lat: number): number => (lat - ORIGIN_LAT) * M_PER_DEG_LAT;
export const toLon = (x: number): number => ORIGIN_LON + x / M_PER_DEG_LON;
export const toLat = (y: number): number => ORIGIN_LAT + y / M_PER_DEG_LAT;

export function rectFromLonLat(r: LonLatRect): Rect {
  return { x0: toX(r.west), y0: toY(r.south), x1: toX(r.east), y1: toY(r.north) };
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

export function clip(a: Rect, b: Rect): Rect | null {
  const r = { x0: Math.max(a.x0, b.x0), y0: Math.max(a.y0, b.y0), x1: Math.min(a.x1, b.x1), y1: Math.min(a.y1, b.y1) };
  return r.x0 < r.x1 && r.y0 < r.y1 ? r : null;
}

/** Named places of the synthetic world (approximate real positions). */
export const PLACES = {
  sanjiangkou: { lon: 121.556, lat: 29.876 },
  dongbuXincheng: { lon: 121.625, lat: 29.868 },
  nanbuShangwu: { lon: 121.545, lat: 29.822 },
  zhenhai: { lon: 121.712, lat: 29.952 },
  beilun: { lon: 121.79, lat: 29.905 },
  qianwan: { lon: 121.25, lat: 30.3 },
} as const;

/** Extents of the reality mesh (issue C1 §3). */
export const EXTENTS = {
  central: { west: 121.36, south: 29.76, east: 121.79, north: 30.06 },
  qianwan: { west: 121.18, south: 30.25, east: 121.32, north: 30.34 },
} as const satisfies Record<string, LonLatRect>;
