// The seabed's depth colours, shared by the seabed tiles (baked into vertex colours) and the
// viewer's legend so both always agree. A hypsometric marine palette: tidal-flat ochre and green at
// the waterline, pale cyan over the shallows, deepening blues down to navy in the 金塘水道 trough.
// Depth is metres below the 1985 height datum, positive down; heights above it count as 0 m.

export type Rgb = [number, number, number];

export interface DepthStop {
  /** Metres below the 1985 datum (positive). */
  depth: number;
  rgb: Rgb;
}

/** Stops in increasing depth; colours between stops are interpolated linearly in RGB. */
export const DEPTH_RAMP: readonly DepthStop[] = [
  { depth: 0, rgb: [196, 178, 128] }, // 滩涂: exposed mud at low tide, ochre
  { depth: 2, rgb: [150, 176, 132] }, // flats with weed: grey-green
  { depth: 5, rgb: [150, 206, 212] }, // shallows: pale cyan
  { depth: 10, rgb: [96, 170, 204] },
  { depth: 20, rgb: [58, 124, 184] },
  { depth: 40, rgb: [34, 78, 148] },
  { depth: 60, rgb: [20, 40, 96] }, // deep channel: navy (and everything deeper)
];

/** The ramp's colour at a depth (m, positive down), clamped to the first and last stops. */
export function rampColour(depth: number): Rgb {
  const first = DEPTH_RAMP[0]!;
  const last = DEPTH_RAMP[DEPTH_RAMP.length - 1]!;
  if (!(depth > first.depth)) return [...first.rgb]; // also NaN: show the waterline, not black
  if (depth >= last.depth) return [...last.rgb];
  for (let i = 1; i < DEPTH_RAMP.length; i++) {
    const b = DEPTH_RAMP[i]!;
    if (depth > b.depth) continue;
    const a = DEPTH_RAMP[i - 1]!;
    const t = (depth - a.depth) / (b.depth - a.depth);
    return [0, 1, 2].map((k) => a.rgb[k]! + (b.rgb[k]! - a.rgb[k]!) * t) as Rgb;
  }
  return [...last.rgb];
}
