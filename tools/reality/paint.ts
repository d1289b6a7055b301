// The per-tile orthophoto: what a nadir camera would see, painted from the world model (water,
// roads with markings, parcels by use, roofs, baked building shadows). Row 0 is the north edge.
import { hash01, valueNoise } from '../world/noise.ts';
import { URBAN_ZONES } from '../world/zoning.ts';
import { toX, toY } from '../world/frame.ts';
import type { World, Block, Building } from '../world/index.ts';
import { ROAD_WIDTH } from '../world/roads.ts';
import type { RegionDeg } from '../../src/domain/tiles/implicit.ts';
import { clamp } from './facade.ts';
import { encodeJpeg } from './jpeg.ts';

type Rgb = [number, number, number];

/** The pixel being painted: colour functions write here instead of allocating per pixel. */
const px: Rgb = [0, 0, 0];
function set(r: number, g: number, b: number): void { px[0] = r; px[1] = g; px[2] = b; }

const ROOF: Record<Building['use'], Rgb[]> = {
  office: [[70, 78, 88], [95, 100, 108], [120, 125, 128], [60, 70, 85]],
  residential: [[172, 170, 164], [150, 150, 148], [190, 184, 176], [140, 130, 125]],
  commercial: [[160, 160, 155], [130, 135, 140], [185, 180, 170], [110, 120, 118]],
  school: [[170, 95, 80], [160, 150, 140], [175, 170, 160], [150, 90, 75]],
  industrial: [[75, 115, 165], [185, 188, 192], [210, 210, 212], [95, 130, 170]],
  warehouse: [[80, 120, 170], [200, 200, 204], [150, 155, 160], [170, 90, 70]],
  house: [[140, 72, 55], [92, 92, 98], [120, 60, 50], [105, 105, 110]],
};

/** Sun direction baked into the ortho shadows: from the south-south-east, 45° high. */
const SHADOW_DIR = { x: -0.35, y: 0.94 };
/** Longest shadow painted (m): beyond it a shadow would cross whole blocks. */
const MAX_SHADOW = 50;

function inRect(b: Building, x: number, y: number): boolean {
  return x >= b.rect.x0 && x <= b.rect.x1 && y >= b.rect.y0 && y <= b.rect.y1;
}

function buildingAt(block: Block, x: number, y: number): Building | null {
  for (const p of block.parcels) {
    if (x < p.rect.x0 || x > p.rect.x1 || y < p.rect.y0 || y > p.rect.y1) continue;
    for (const b of p.buildings) if (inRect(b, x, y)) return b;
  }
  return null;
}

function roofColour(b: Building, x: number, y: number, n: number): void {
  const c = ROOF[b.use][b.roofTone % 4]!;
  let shade = 1;
  if (b.roof === 'gable') {
    // Ridge along the long axis; the south/east slope catches the sun.
    const alongX = b.rect.x1 - b.rect.x0 >= b.rect.y1 - b.rect.y0;
    const mid = alongX ? (b.rect.y0 + b.rect.y1) / 2 : (b.rect.x0 + b.rect.x1) / 2;
    shade = (alongX ? y < mid : x > mid) ? 1.08 : 0.8;
  } else {
    // Parapet edge and rooftop plant.
    const edge = Math.min(x - b.rect.x0, b.rect.x1 - x, y - b.rect.y0, b.rect.y1 - y);
    if (edge < 0.8) shade = 1.2;
    else if (b.floors > 6 && hash01(5, Math.floor(x / 3), Math.floor(y / 3)) < 0.04) shade = 0.7;
  }
  set(c[0] * shade + n, c[1] * shade + n, c[2] * shade + n);
}

function groundColour(block: Block, x: number, y: number, n: number): void {
  const c = block.cell;
  const inner = block.inner;
  if (x < inner.x0 || x > inner.x1 || y < inner.y0 || y > inner.y1) {
    // Road reserve: find the nearest street edge and paint carriageway, markings or verge.
    // Nearest street edge (west, east, south, north) by distance to its carriageway.
    let d = x - c.x0, width = ROAD_WIDTH[block.roads[0]], vertical = true;
    const e = c.x1 - x, ew = ROAD_WIDTH[block.roads[1]];
    if (e - ew / 2 < d - width / 2) { d = e; width = ew; }
    const s = y - c.y0, sw = ROAD_WIDTH[block.roads[2]];
    if (s - sw / 2 < d - width / 2) { d = s; width = sw; vertical = false; }
    const nn = c.y1 - y, nw = ROAD_WIDTH[block.roads[3]];
    if (nn - nw / 2 < d - width / 2) { d = nn; width = nw; vertical = false; }
    if (d < width / 2) {
      const along = vertical ? y : x;
      if (width >= 30 && d < 0.5) return set(215, 190, 60); // centre line
      if (width >= 12 && Math.abs(((d + 1.75) % 3.5) - 1.75) < 0.12 && along % 9 < 5) return set(225, 225, 220);
      return width <= 5 ? set(150 + n, 140 + n, 120 + n) : set(78 + n, 80 + n, 82 + n);
    }
    const urban = block.zone !== 'farm' && block.zone !== 'forest' && block.zone !== 'village';
    return urban ? set(176 + n, 172 + n, 165 + n) : set(95 + n, 120 + n, 70 + n);
  }
  const parcel = block.parcels.find((p) => x >= p.rect.x0 && x <= p.rect.x1 && y >= p.rect.y0 && y <= p.rect.y1);
  const use = parcel?.use ?? 'park';
  const tree = hash01(3, Math.floor(x / 4), Math.floor(y / 4));
  switch (use) {
    case 'farm': {
      const strip = Math.floor((block.cell.x1 - block.cell.x0 > block.cell.y1 - block.cell.y0 ? x : y) / 22);
      const k = hash01(8, strip, Math.floor(block.cell.x0));
      if (k < 0.15) return set(80 + n, 100 + n, 110 + n); // fish pond / paddy water
      return k < 0.55 ? set(110 + n, 145 + n, 70 + n) : k < 0.8 ? set(150 + n, 160 + n, 85 + n) : set(170 + n, 150 + n, 100 + n);
    }
    case 'forest': return set(45 + n + tree * 20, 75 + n + tree * 25, 40 + n);
    case 'park': return tree < 0.45 ? set(55 + n, 100 + n, 50 + n) : set(105 + n, 150 + n, 80 + n);
    case 'school': {
      const cx = (parcel!.rect.x0 + parcel!.rect.x1) / 2;
      const cy = parcel!.rect.y0 + (parcel!.rect.y1 - parcel!.rect.y0) * 0.4;
      const r = Math.hypot((x - cx) / 1.6, y - cy);
      if (r > 28 && r < 36) return set(180 + n, 80 + n, 60 + n);
      return r <= 28 ? set(90 + n, 150 + n, 70 + n) : set(175 + n, 170 + n, 160 + n);
    }
    case 'port': {
      const row = Math.floor(y / 3);
      const col = Math.floor(x / 12);
      const k = hash01(12, row, col);
      if (x % 12 < 1 || y % 3 < 0.4) return set(120 + n, 120 + n, 118 + n);
      return k < 0.3 ? set(170, 60, 45) : k < 0.5 ? set(50, 90, 150) : k < 0.65 ? set(200, 200, 195) : k < 0.8 ? set(60, 120, 80) : set(140 + n, 138 + n, 130 + n);
    }
    case 'industrial': return set(150 + n, 148 + n, 140 + n);
    case 'residential':
    case 'midrise': return tree < 0.5 ? set(70 + n, 115 + n, 60 + n) : set(160 + n, 158 + n, 150 + n);
    case 'village': return tree < 0.3 ? set(80 + n, 115 + n, 60 + n) : set(165 + n, 155 + n, 140 + n);
    default: return set(185 + n, 182 + n, 176 + n);
  }
}

/** Where buildings' shadows fall on the ground of a tile: each building's footprint swept along
 *  the shadow direction for min(height, MAX_SHADOW) metres, rasterised once per tile (a per-pixel
 *  search of nearby buildings cost most of the painting time). Buildings outside the tile cast
 *  into it too, so shadows continue across tile edges. */
function shadowMask(w: World, x0: number, y0: number, x1: number, y1: number, size: number): Uint8Array {
  const mask = new Uint8Array(size * size);
  const dx = SHADOW_DIR.x, dy = SHADOW_DIR.y;
  const casters = w.buildingsIn({ x0: x0 + dx * MAX_SHADOW, x1: x1 - dx * MAX_SHADOW, y0: y0 - dy * MAX_SHADOW, y1 });
  const sx = (x1 - x0) / size, sy = (y1 - y0) / size;
  for (const b of casters) {
    const len = Math.min(b.height + b.ridge, MAX_SHADOW);
    const r = b.rect;
    const c0 = Math.max(0, Math.floor((r.x0 + dx * len - x0) / sx));
    const c1 = Math.min(size - 1, Math.floor((r.x1 - x0) / sx));
    const r0 = Math.max(0, Math.floor((y1 - (r.y1 + dy * len)) / sy));
    const r1 = Math.min(size - 1, Math.floor((y1 - r.y0) / sy));
    for (let row = r0; row <= r1; row++) {
      const y = y1 - (row + 0.5) * sy;
      // s such that y - dy·s lies in [y0, y1] of the footprint (dy > 0).
      const sMinY = (y - r.y1) / dy, sMaxY = (y - r.y0) / dy;
      for (let col = c0; col <= c1; col++) {
        const x = x0 + (col + 0.5) * sx;
        // dx < 0: x - dx·s grows with s.
        const sMinX = (r.x0 - x) / -dx, sMaxX = (r.x1 - x) / -dx;
        const lo = Math.max(0, sMinY, sMinX), hi = Math.min(len, sMaxY, sMaxX);
        if (lo <= hi) mask[row * size + col] = 1;
      }
    }
  }
  return mask;
}

/** Colour of the surface seen from above at a frame point. */
export function surfaceColour(w: World, x: number, y: number): Rgb {
  paintPoint(w, x, y, false);
  return [px[0], px[1], px[2]];
}

/** Paint one point; `shaded`: a building's shadow falls here (ground only, not roofs or water). */
function paintPoint(w: World, x: number, y: number, shaded: boolean): void {
  const n = (hash01(1, Math.round(x * 2), Math.round(y * 2)) - 0.5) * 14;
  const ed = w.expresswayDistance(x, y, 20);
  if (ed < 17) return ed > 16.2 || (ed < 0.3) ? set(220, 220, 215) : set(70 + n, 72 + n, 75 + n);
  const surf = w.terrain.surface(x, y);
  if (surf === 'sea') return set(118 + n, 116 + n, 96 + n); // the silty water of Hangzhou Bay
  if (surf === 'river') return set(82 + n, 100 + n, 92 + n);
  const block = w.blockAt(x, y);
  const b = buildingAt(block, x, y);
  if (b) return roofColour(b, x, y, n);
  if (!URBAN_ZONES.has(block.zone)) {
    // Woods follow the hills pixel by pixel, so their edge is natural rather than block-shaped.
    const hill = w.terrain.hillHeight(x, y);
    if (hill > 22 + 10 * valueNoise(5, x / 120, y / 120)) {
      const tree = hash01(3, Math.floor(x / 4), Math.floor(y / 4));
      return set(45 + n + tree * 20, 75 + n + tree * 25, 40 + n);
    }
    if (block.zone === 'forest') return set(95 + n, 120 + n, 70 + n); // foothill scrub and tea
  }
  groundColour(block, x, y, n);
  if (shaded) set(px[0] * 0.55, px[1] * 0.55, px[2] * 0.6);
}

/** Paint a tile's orthophoto and encode it as JPEG. */
export function paintOrtho(w: World, region: RegionDeg, size: number, quality = 80): Uint8Array {
  const data = Buffer.alloc(size * size * 4);
  const x0 = toX(region.west);
  const x1 = toX(region.east);
  const y0 = toY(region.south);
  const y1 = toY(region.north);
  const shadow = shadowMask(w, x0, y0, x1, y1, size);
  for (let row = 0; row < size; row++) {
    const y = y1 - ((row + 0.5) / size) * (y1 - y0);
    for (let col = 0; col < size; col++) {
      const x = x0 + ((col + 0.5) / size) * (x1 - x0);
      paintPoint(w, x, y, shadow[row * size + col] === 1);
      const o = (row * size + col) * 4;
      data[o] = clamp(px[0]); data[o + 1] = clamp(px[1]); data[o + 2] = clamp(px[2]); data[o + 3] = 255;
    }
  }
  return encodeJpeg(data, size, size, quality);
}
