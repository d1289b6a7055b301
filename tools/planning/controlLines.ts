// Control lines derived from the world, so they agree with the reality mesh: 三区三线 from the
// block zones (forest → 生态保护红线, farm → 永久基本农田, urban zones → 城镇开发边界, each the
// traced outline of the merged block cells), road red lines along the arterial lattice and the
// expressways (reserve = road width), green lines around parks, blue lines = river + 30 m each
// side, purple lines around historic districts, yellow lines around utility parcels.
import { rectFromLonLat, toX, toY, intersects, type Rect } from '../world/frame.ts';
import type { Block, World } from '../world/index.ts';
import { URBAN_ZONES, type Zone } from '../world/zoning.ts';
import { EXPRESSWAYS, ROAD_WIDTH } from '../world/roads.ts';
import { RIVERS } from '../world/rivers.ts';
import type { ControlLineType, Feature, PolygonCoords } from '../../src/domain/planning/index.ts';
import { bufferPolyline, cellRegions, rectPolygon, traceTiled, type GridCell } from './geometry.ts';
import { INFRASTRUCTURE, type PlannedParcel, type PlanningExtent } from './parcels.ts';
import { HISTORIC_DISTRICTS, historicRect } from './historic.ts';

export interface ControlLineProperties {
  synthetic: true;
  lineType: ControlLineType;
  name: string;
  extent?: string;
  roadClass?: string;
  width?: number;
  river?: string;
  parcelId?: string;
}

/** Blue line setback from the water's edge (m). */
export const BLUE_LINE_SETBACK = 30;
/** Urban regions smaller than this many blocks are scattered sites, not part of the boundary. */
const MIN_URBAN_CELLS = 4;
/** 三区三线 polygons are traced per tile of 8 × 8 blocks (~2 km, edges on arterials). */
const TILE_CELLS = 8;


type Out = Feature<ControlLineProperties>[];
const feature = (id: string, coordinates: PolygonCoords | PolygonCoords[], props: Omit<ControlLineProperties, 'synthetic'>): Feature<ControlLineProperties> => ({
  type: 'Feature', id,
  geometry: Array.isArray(coordinates[0]?.[0]?.[0]) ? { type: 'MultiPolygon', coordinates: coordinates as PolygonCoords[] } : { type: 'Polygon', coordinates: coordinates as PolygonCoords },
  properties: { synthetic: true, ...props },
});

const cellOf = (b: Block): GridCell => {
  const [ix, iy] = b.key.split('_').map(Number) as [number, number];
  return { ix, iy, rect: b.cell };
};

export function planControlLines(world: World, extents: readonly PlanningExtent[], parcels: readonly PlannedParcel[]): Out {
  const out: Out = [];
  const onLand = (b: Block): boolean => world.terrain.surface((b.cell.x0 + b.cell.x1) / 2, (b.cell.y0 + b.cell.y1) / 2) !== 'sea';
  for (const ext of extents) {
    const bounds = rectFromLonLat(ext.bounds);
    const blocks = world.blocksIn(bounds).filter(onLand);
    const zones: [ControlLineType, string, (z: Zone) => boolean, number][] = [
      ['ecologyRedLine', '生态保护红线', (z) => z === 'forest', 0],
      ['basicFarmland', '永久基本农田', (z) => z === 'farm', 0],
      ['urbanBoundary', '城镇开发边界', (z) => URBAN_ZONES.has(z), MIN_URBAN_CELLS],
    ];
    for (const [lineType, name, pick, minCells] of zones) {
      // Regions of fewer than `minCells` blocks are scattered sites, not part of the zone.
      const cells = cellRegions(blocks.filter((b) => pick(b.zone)).map(cellOf)).filter((r) => r.length >= minCells).flat();
      traceTiled(cells, TILE_CELLS).forEach((poly, n) => {
        out.push(feature(`${lineType}-${ext.id}-${n}`, poly, { lineType, name, extent: ext.id }));
      });
    }
    out.push(...roadRedLines(world, ext, bounds));
    blocks.filter((b) => b.zone === 'park').forEach((b) => {
      out.push(feature(`greenLine-${b.key}`, rectPolygon(b.inner), { lineType: 'greenLine', name: '公园绿地绿线', extent: ext.id }));
    });
  }
  // Park parcels inside other zones (the park-zone blocks are outlined whole above).
  for (const p of parcels) {
    if (p.parcel.use === 'park') {
      const block = world.blockAt((p.rect.x0 + p.rect.x1) / 2, (p.rect.y0 + p.rect.y1) / 2);
      if (block.zone !== 'park') out.push(feature(`greenLine-${p.parcel.id}`, rectPolygon(p.rect), { lineType: 'greenLine', name: '公园绿地绿线', parcelId: p.parcel.id, extent: p.feature.properties.extent }));
    }
  }
  const rects = extents.map((e) => rectFromLonLat(e.bounds));
  for (const r of RIVERS) {
    const pts = r.course.map(([lon, lat]) => [toX(lon), toY(lat)] as [number, number]);
    if (!rects.some((e) => intersects(bboxOf(pts, 0), e))) continue;
    out.push(feature(`blueLine-${r.id}`, bufferPolyline(pts, r.course.map((v) => v[2] / 2 + BLUE_LINE_SETBACK)), { lineType: 'blueLine', name: `${r.name}蓝线`, river: r.name, width: BLUE_LINE_SETBACK }));
  }
  for (const h of HISTORIC_DISTRICTS) {
    const rect = historicRect(h);
    if (rects.some((e) => intersects(rect, e))) out.push(feature(`purpleLine-${h.id}`, rectPolygon(rect), { lineType: 'purpleLine', name: `${h.name}紫线` }));
  }
  for (const p of parcels) {
    const kind = p.feature.properties.infrastructure;
    if (kind) out.push(feature(`yellowLine-${p.parcel.id}`, rectPolygon(p.rect), { lineType: 'yellowLine', name: `${INFRASTRUCTURE[kind].zh}黄线`, parcelId: p.parcel.id, extent: p.feature.properties.extent }));
  }
  return out;
}

const bboxOf = (pts: readonly [number, number][], pad: number): Rect => ({
  x0: Math.min(...pts.map((p) => p[0])) - pad, y0: Math.min(...pts.map((p) => p[1])) - pad,
  x1: Math.max(...pts.map((p) => p[0])) + pad, y1: Math.max(...pts.map((p) => p[1])) + pad,
});

/** Arterial centrelines merged into straight runs, each a reserve polygon of the road's width; expressways buffered. */
function roadRedLines(world: World, ext: PlanningExtent, bounds: Rect): Out {
  const out: Out = [];
  const runs = new Map<string, { axis: 'v' | 'h'; at: number; lo: number; hi: number }[]>();
  for (const r of world.roadsIn(bounds)) {
    if (r.cls !== 'arterial') continue;
    const axis = r.ax === r.bx ? 'v' : 'h';
    const at = axis === 'v' ? r.ax : r.ay;
    const [lo, hi] = axis === 'v' ? [Math.min(r.ay, r.by), Math.max(r.ay, r.by)] : [Math.min(r.ax, r.bx), Math.max(r.ax, r.bx)];
    const key = `${axis}${at.toFixed(2)}`;
    const list = runs.get(key) ?? [];
    runs.set(key, list);
    list.push({ axis, at, lo, hi });
  }
  const half = ROAD_WIDTH.arterial / 2;
  for (const [key, list] of [...runs.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    list.sort((a, b) => a.lo - b.lo);
    const merged: { at: number; lo: number; hi: number; axis: 'v' | 'h' }[] = [];
    for (const s of list) {
      const last = merged[merged.length - 1];
      if (last && s.lo <= last.hi + 0.01) last.hi = Math.max(last.hi, s.hi);
      else merged.push({ ...s });
    }
    merged.forEach((m, n) => {
      const rect = m.axis === 'v' ? { x0: m.at - half, x1: m.at + half, y0: m.lo, y1: m.hi } : { x0: m.lo, x1: m.hi, y0: m.at - half, y1: m.at + half };
      out.push(feature(`roadRedLine-${ext.id}-${key}-${n}`, rectPolygon(rect), { lineType: 'roadRedLine', name: '城市主干路道路红线', roadClass: 'arterial', width: ROAD_WIDTH.arterial, extent: ext.id }));
    });
  }
  for (const e of EXPRESSWAYS) {
    const pts = e.path.map(([lon, lat]) => [toX(lon), toY(lat)] as [number, number]);
    if (!intersects(bboxOf(pts, 0), bounds)) continue;
    out.push(feature(`roadRedLine-${ext.id}-${e.id}`, bufferPolyline(pts, pts.map(() => ROAD_WIDTH.expressway / 2)), { lineType: 'roadRedLine', name: `${e.name}道路红线`, roadClass: 'expressway', width: ROAD_WIDTH.expressway, extent: ext.id }));
  }
  return out;
}
