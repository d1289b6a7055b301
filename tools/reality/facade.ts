// The facade atlas: four styles side by side (curtain-wall office, residential with balconies,
// plain commercial/house, corrugated industrial), each one bay wide and one floor high. Walls
// repeat it vertically per floor (wrapT REPEAT) and are split per bay horizontally (wrapS CLAMP).
import { encodeJpeg } from './jpeg.ts';
import { hash01 } from '../world/noise.ts';

export const FACADE_W = 256;
export const FACADE_H = 64;
export const FACADE_COLUMNS = 4;

type Rgb = [number, number, number];

function styleColour(style: number, u: number, v: number): Rgb {
  // u, v in [0, 1): position inside one bay and one floor (v = 0 at the floor, up).
  const n = (hash01(9, Math.floor(u * 64), Math.floor(v * 64), style) - 0.5) * 10;
  const win = (u0: number, u1: number, v0: number, v1: number): boolean => u > u0 && u < u1 && v > v0 && v < v1;
  switch (style) {
    case 0: { // glass curtain wall: mullions, spandrels, bluish glass with a sky gradient
      if (u < 0.04 || u > 0.96) return [150 + n, 155 + n, 160 + n];
      if (v < 0.12) return [90 + n, 100 + n, 110 + n];
      return [70 + 40 * v + n, 100 + 45 * v + n, 125 + 40 * v + n];
    }
    case 1: { // residential: white render, window with a balcony slab
      if (win(0.15, 0.85, 0.35, 0.85)) return [60 + n, 75 + n, 90 + n];
      if (v < 0.08) return [200 + n, 198 + n, 190 + n];
      return [222 + n, 215 + n, 200 + n];
    }
    case 2: { // commercial / house: warm render with a window
      if (win(0.25, 0.75, 0.3, 0.8)) return [55 + n, 60 + n, 70 + n];
      return [196 + n, 182 + n, 160 + n];
    }
    default: { // industrial: corrugated metal sheets
      const rib = Math.sin(u * Math.PI * 16) * 12;
      return [175 + rib + n, 180 + rib + n, 185 + rib + n];
    }
  }
}

let cached: Uint8Array | null = null;

/** The facade atlas as JPEG bytes (generated once; deterministic). */
export function facadeAtlasJpeg(): Uint8Array {
  if (cached) return cached;
  const data = Buffer.alloc(FACADE_W * FACADE_H * 4);
  const colW = FACADE_W / FACADE_COLUMNS;
  for (let py = 0; py < FACADE_H; py++) {
    for (let px = 0; px < FACADE_W; px++) {
      const style = Math.floor(px / colW);
      const c = styleColour(style, (px % colW + 0.5) / colW, 1 - (py + 0.5) / FACADE_H);
      const o = (py * FACADE_W + px) * 4;
      data[o] = clamp(c[0]); data[o + 1] = clamp(c[1]); data[o + 2] = clamp(c[2]); data[o + 3] = 255;
    }
  }
  cached = encodeJpeg(data, FACADE_W, FACADE_H, 85);
  return cached;
}

export const clamp = (v: number): number => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));
