// Historic conservation districts (历史文化街区): the 紫线 control lines outline them, and the parcel
// plan caps heights inside them. Kept in their own file so parcels.ts and controlLines.ts can both
// use them without importing each other.
import { toX, toY, type Rect } from '../world/frame.ts';

export interface HistoricDistrict {
  id: string;
  name: string;
  /** Approximate centre (degrees) and half-sizes (m); the real 紫线 are irregular. */
  lon: number; lat: number; hw: number; hh: number;
  /** Height control (m) of the district: low-rise, so the historic townscape keeps its skyline. */
  heightCap: number;
}

export const HISTORIC_DISTRICTS: readonly HistoricDistrict[] = [
  { id: 'yuehu', name: '月湖历史文化街区', lon: 121.545, lat: 29.868, hw: 350, hh: 450, heightCap: 12 },
  { id: 'laowaitan', name: '老外滩历史文化街区', lon: 121.561, lat: 29.882, hw: 250, hh: 200, heightCap: 18 },
  { id: 'nantang', name: '南塘老街历史文化街区', lon: 121.548, lat: 29.853, hw: 120, hh: 300, heightCap: 12 },
];

/** The district's outline in frame metres. */
export function historicRect(h: HistoricDistrict): Rect {
  const x = toX(h.lon); const y = toY(h.lat);
  return { x0: x - h.hw, y0: y - h.hh, x1: x + h.hw, y1: y + h.hh };
}

/** The historic district containing frame point (x, y), if any. */
export function historicDistrictAt(x: number, y: number): HistoricDistrict | undefined {
  return HISTORIC_DISTRICTS.find((h) => { const r = historicRect(h); return x >= r.x0 && x < r.x1 && y >= r.y0 && y < r.y1; });
}
