// Seabed heights (1985 datum, metres; negative under water) off the 甬江 mouth, 镇海/北仑 and in
// the 金塘水道, as a pure function of the world's seed:
//   - 滩涂 tidal flats from the waterline to about −3 m, 0.5–2 km wide (width varies along the coast),
//   - beyond them a slope levelling off at −5 to −15 m,
//   - the dredged 甬江 approach channel, −10 m at the mouth to −14 m offshore,
//   - the 金塘水道 trough, −40 to −70 m, deepest where the strait narrows,
//   - sand waves on the deeper floor, crests across the tidal flow.
// On land (fraction ≥ 0.5) the surface rises from 0 at the shoreline to +1 m within a few tens of
// metres, staying under the reality mesh's ground (≥ +1.1 m on the plain, +0.5 m river water), so
// the seabed meets the mesh's coastline from below without a gap. Both sides are 0 at the shoreline
// and every term is continuous, so the surface has no steps.
import { fbm, smoothstep } from '../world/noise.ts';
import { toX, toY } from '../world/frame.ts';
import { riverEdgeDistance } from '../world/rivers.ts';
import type { World } from '../world/index.ts';
import { shoreField } from './shore.ts';
import { channelQuery } from './channels.ts';

/** Highest seabed point under the coast (m, 1985): below the mesh's lowest plain (+1.1 m). */
export const COAST_RISE_M = 1.0;
/** Within this distance of a river's bank the coastal rise falls back to 0 m, under the mesh's river
 *  surface (+0.5 m) and below its banks, which ease down to that surface over 25 m. */
const RIVER_MARGIN_M = 40;

const TIDAL_FLAT_DEPTH = 3;
const YONGJIANG = { floorHalfWidth: 110, flank: 130, innerDepth: 10, outerDepth: 14 };
const JINTANG = { minHalfWidth: 1300, maxHalfWidth: 2000, minDepth: 40, maxDepth: 68 };
/** Tidal flow in the strait runs north-west–south-east; sand-wave crests lie across it. */
const FLOW = { x: 0.77, y: -0.64 };
const SAND_WAVE_LENGTH = 170;

export function seabedHeight(world: World, lon: number, lat: number): number {
  const x = toX(lon), y = toY(lat);
  const lf = world.land.fraction(lon, lat);
  let h: number;
  if (lf >= 0.5) {
    // Fall to 0 towards rivers too: their water (+0.5 m) must cover the seabed.
    const river = smoothstep(0, RIVER_MARGIN_M, riverEdgeDistance(x, y, 400));
    h = COAST_RISE_M * smoothstep(0.5, 0.9, lf) * river;
  } else {
    const shore = Math.max(0, shoreField(world.land).signedDistance(x, y));
    // 0 at the shoreline (lf = 0.5), the open-water profile a few tens of metres out.
    h = -openWaterDepth(world.seed, x, y, shore) * smoothstep(0.5, 0.3, lf);
  }
  h = carveYongjiang(h, x, y);
  h = carveJintang(world, h, x, y);
  return h + sandWaves(world.seed, x, y, -h);
}

/** Depth (m, positive) of the natural floor at `shore` metres from the coast. */
function openWaterDepth(seed: number, x: number, y: number, shore: number): number {
  const flatWidth = 500 + 1500 * smoothstep(0.3, 0.7, fbm(seed + 301, x / 7000, y / 7000, 2));
  const shelf = 5 + 10 * smoothstep(0.25, 0.75, fbm(seed + 302, x / 9000, y / 9000, 2));
  // Mud-flat relief: shallow creeks and bars, a few decimetres.
  const flatRelief = 0.4 * (fbm(seed + 303, x / 400, y / 400, 3) - 0.5);
  if (shore <= flatWidth) return Math.max(0, TIDAL_FLAT_DEPTH * (shore / flatWidth) ** 1.2 + flatRelief * smoothstep(0, 150, shore));
  const beyond = shore - flatWidth;
  // Starts at the flats' edge with their slope and levels off at the shelf depth.
  return TIDAL_FLAT_DEPTH + flatRelief + (Math.max(shelf, TIDAL_FLAT_DEPTH + 1) - TIDAL_FLAT_DEPTH) * (1 - Math.exp(-beyond / 2000));
}

/** Deepen `h` towards `floor` by weight p in [0, 1], never raising it (channels only cut). */
const cut = (h: number, floor: number, p: number): number => (p > 0 ? Math.min(h, h + (floor - h) * p) : h);

function carveYongjiang(h: number, x: number, y: number): number {
  const c = YONGJIANG;
  const q = channelQuery('yongjiang', x, y, c.floorHalfWidth + c.flank);
  if (q.distance === Infinity) return h;
  const p = smoothstep(c.floorHalfWidth + c.flank, c.floorHalfWidth, q.distance);
  return cut(h, -(c.innerDepth + (c.outerDepth - c.innerDepth) * smoothstep(0.1, 0.8, q.along)), p);
}

function carveJintang(world: World, h: number, x: number, y: number): number {
  const c = JINTANG;
  const q = channelQuery('jintang', x, y, c.maxHalfWidth);
  if (q.distance === Infinity) return h;
  // The trough widens and narrows along the strait over a few kilometres.
  const halfWidth = c.minHalfWidth + (c.maxHalfWidth - c.minHalfWidth) * smoothstep(0.3, 0.7, fbm(world.seed + 312, x / 5000, y / 5000, 2));
  const shore = shoreField(world.land).signedDistance(x, y);
  // Scoured deepest where the strait is narrowest: the axis is then < ~2.5 km from the shore
  // (shore + distance bounds the axis's own distance to the shore).
  const narrows = smoothstep(3200, 2000, shore + q.distance);
  const depth = Math.min(c.maxDepth, c.minDepth + 14 * smoothstep(0.3, 0.7, fbm(world.seed + 311, x / 6000, y / 6000, 2)) + 16 * narrows);
  // A U-shaped trough whose sides ease out before the coast (no cliffs at the shore).
  const p = smoothstep(halfWidth, 0, q.distance) * smoothstep(200, 900, shore);
  return cut(h, -depth, p);
}

/** Sand-wave relief (m) on floors deeper than ~5 m, growing to about ±1.2 m in the channels. */
function sandWaves(seed: number, x: number, y: number, depth: number): number {
  if (depth <= 4) return 0;
  const amplitude = 1.2 * smoothstep(4, 25, depth) * smoothstep(0.35, 0.65, fbm(seed + 321, x / 2500, y / 2500, 2));
  if (amplitude === 0) return 0;
  const u = (x * FLOW.x + y * FLOW.y) / SAND_WAVE_LENGTH;
  const phase = 4 * fbm(seed + 322, x / 1500, y / 1500, 2);
  // Asymmetric crests (steeper lee side), as tidal sand waves are.
  const s = Math.sin(2 * Math.PI * (u + phase));
  return amplitude * (s + 0.25 * Math.sin(4 * Math.PI * (u + phase)));
}
