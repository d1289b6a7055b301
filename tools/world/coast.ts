// Land and sea from Natural Earth 1:10m (npm world-atlas), rasterised once over the region so that
// a land query is a bilinear lookup. The 1:10m coast is accurate to a few hundred metres; the
// bilinear fraction plus a little noise gives a smooth, natural shoreline at 2 m mesh spacing.
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { valueNoise } from './noise.ts';

const require = createRequire(import.meta.url);

/** Raster bounds (degrees) and resolution: covers both mesh extents with margin. */
const R = { west: 120.95, south: 29.65, east: 121.95, north: 30.5, cellsPerDeg: 1500 };

export interface LandMask {
  /** Land fraction in [0, 1] at a point (bilinear). */
  fraction(lon: number, lat: number): number;
  /** True when any raster cell in the rectangle (with one cell of margin) is land. */
  anyLandIn(west: number, south: number, east: number, north: number): boolean;
}

type Ring = [number, number][];

function loadRings(): Ring[] {
  const topo = require('world-atlas/land-10m.json') as Topology<{ land: GeometryCollection }>;
  const land = feature(topo, topo.objects.land);
  const rings: Ring[] = [];
  for (const f of land.features) {
    const g = f.geometry;
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    for (const p of polys) for (const r of p) rings.push(r as Ring);
  }
  return rings;
}

export function buildLandMask(): LandMask {
  const w = Math.round((R.east - R.west) * R.cellsPerDeg);
  const h = Math.round((R.north - R.south) * R.cellsPerDeg);
  const cells = new Uint8Array(w * h);
  // Edges crossing the raster's latitude band; even-odd scanline fill per row centre.
  const edges: number[] = [];
  for (const ring of loadRings()) {
    for (let i = 0; i < ring.length - 1; i++) {
      const a = ring[i]!;
      const b = ring[i + 1]!;
      if (Math.max(a[1], b[1]) < R.south || Math.min(a[1], b[1]) > R.north) continue;
      edges.push(a[0], a[1], b[0], b[1]);
    }
  }
  const xs: number[] = [];
  for (let row = 0; row < h; row++) {
    const lat = R.south + (row + 0.5) / R.cellsPerDeg;
    xs.length = 0;
    for (let e = 0; e < edges.length; e += 4) {
      const x0 = edges[e]!, y0 = edges[e + 1]!, x1 = edges[e + 2]!, y1 = edges[e + 3]!;
      if ((y0 <= lat) !== (y1 <= lat)) xs.push(x0 + ((lat - y0) / (y1 - y0)) * (x1 - x0));
    }
    xs.sort((a, b) => a - b);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const c0 = Math.max(0, Math.ceil((xs[k]! - R.west) * R.cellsPerDeg - 0.5));
      const c1 = Math.min(w - 1, Math.floor((xs[k + 1]! - R.west) * R.cellsPerDeg - 0.5));
      for (let c = c0; c <= c1; c++) cells[row * w + c] = 1;
    }
  }
  // Summed-area table for fast "any land in rectangle" queries (tile availability).
  const sat = new Uint32Array((w + 1) * (h + 1));
  for (let r = 0; r < h; r++) {
    let run = 0;
    for (let c = 0; c < w; c++) {
      run += cells[r * w + c]!;
      sat[(r + 1) * (w + 1) + c + 1] = sat[r * (w + 1) + c + 1]! + run;
    }
  }
  const cell = (c: number, r: number): number => cells[Math.min(h - 1, Math.max(0, r)) * w + Math.min(w - 1, Math.max(0, c))]!;

  return {
    fraction(lon, lat) {
      const fx = (lon - R.west) * R.cellsPerDeg - 0.5;
      const fy = (lat - R.south) * R.cellsPerDeg - 0.5;
      const c = Math.floor(fx);
      const r = Math.floor(fy);
      const tx = fx - c;
      const ty = fy - r;
      const v = cell(c, r) * (1 - tx) * (1 - ty) + cell(c + 1, r) * tx * (1 - ty) + cell(c, r + 1) * (1 - tx) * ty + cell(c + 1, r + 1) * tx * ty;
      // Shoreline wobble at ~300 m so the raster's stair-steps never show.
      return v + (valueNoise(77, lon * 350, lat * 350) - 0.5) * 0.35;
    },
    anyLandIn(west, south, east, north) {
      const c0 = Math.max(0, Math.floor((west - R.west) * R.cellsPerDeg) - 1);
      const c1 = Math.min(w, Math.ceil((east - R.west) * R.cellsPerDeg) + 1);
      const r0 = Math.max(0, Math.floor((south - R.south) * R.cellsPerDeg) - 1);
      const r1 = Math.min(h, Math.ceil((north - R.south) * R.cellsPerDeg) + 1);
      if (c1 <= c0 || r1 <= r0) return false;
      const s = sat[r1 * (w + 1) + c1]! - sat[r0 * (w + 1) + c1]! - sat[r1 * (w + 1) + c0]! + sat[r0 * (w + 1) + c0]!;
      return s > 0;
    },
  };
}
