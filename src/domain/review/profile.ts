// Section profile: the surface (and, given a bare-ground raster, the terrain under it) sampled along
// a drawn line, for the ground-and-buildings chart of a scheme review. A sample the raster holds no
// data for is null, so the chart breaks the line there instead of drawing a cliff down to z = 0.
import { heightAt, type HeightRaster } from './raster.ts';
import { refuse, type Reviewed, type XY } from './sight.ts';

export interface ProfileSample {
  /** Horizontal metres from the line's start. */
  readonly distance: number;
  readonly x: number;
  readonly y: number;
  /** Top surface (roofs, canopy, ground); null where no data is loaded. */
  readonly z: number | null;
  /** Bare ground under it, when a ground raster was given; null where that holds no data. */
  readonly ground?: number | null;
  /** Whether a structure stands here (surface above ground by at least the threshold); null if either is unknown. */
  readonly onStructure?: boolean | null;
}

export interface SectionProfile {
  readonly samples: readonly ProfileSample[];
  /** Horizontal length of the line, metres. */
  readonly length: number;
  /** Lowest and highest known surface z, and where along the line. */
  readonly min: { readonly z: number; readonly distance: number };
  readonly max: { readonly z: number; readonly distance: number };
  /** Samples without surface data (the chart shows them as breaks). */
  readonly gaps: number;
}

export interface ProfileOptions {
  /** Bare ground in the same ENU frame, to tell buildings from terrain. */
  readonly ground?: HeightRaster;
  /** Metres above ground that count as a structure rather than terrain noise (default 2). */
  readonly structureThreshold?: number;
}

/** Samples a chart can draw without choking; a finer request is a mistake, not a wish. */
export const MAX_PROFILE_SAMPLES = 100_000;

const sameFrame = (a: HeightRaster, b: HeightRaster): boolean =>
  a.origin.lon === b.origin.lon && a.origin.lat === b.origin.lat && a.origin.height === b.origin.height;

/**
 * Samples from `a` to `b` every `spacing` metres, the last one exactly at `b`. Refuses a line of zero
 * length, a spacing ≤ 0 or finer than MAX_PROFILE_SAMPLES allows, a ground raster in another frame,
 * and a line with no data under any sample.
 */
export function sectionProfile(r: HeightRaster, a: XY, b: XY, spacing: number, options: ProfileOptions = {}): Reviewed<SectionProfile> {
  const { ground, structureThreshold = 2 } = options;
  const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
  if (!(length > 0)) return refuse({ kind: 'invalid', what: 'profile line has zero length' });
  if (!(spacing > 0) || !Number.isFinite(spacing)) return refuse({ kind: 'invalid', what: `spacing must be a positive number of metres, got ${spacing}` });
  const steps = Math.ceil(length / spacing - 1e-9);
  if (steps + 1 > MAX_PROFILE_SAMPLES) return refuse({ kind: 'invalid', what: `${steps + 1} samples exceed ${MAX_PROFILE_SAMPLES}: use a coarser spacing` });
  if (ground && !sameFrame(r, ground)) return refuse({ kind: 'invalid', what: 'ground raster is in another ENU frame' });

  const ux = (b[0] - a[0]) / length, uy = (b[1] - a[1]) / length;
  const samples: ProfileSample[] = [];
  let min = { z: Infinity, distance: 0 }, max = { z: -Infinity, distance: 0 }, gaps = 0;
  for (let k = 0; k <= steps; k++) {
    const distance = k === steps ? length : k * spacing;
    const x = k === steps ? b[0] : a[0] + ux * distance, y = k === steps ? b[1] : a[1] + uy * distance;
    const h = heightAt(r, x, y);
    const z = Number.isFinite(h) ? h : null;
    if (z === null) gaps += 1;
    else {
      if (z < min.z) min = { z, distance };
      if (z > max.z) max = { z, distance };
    }
    if (!ground) { samples.push({ distance, x, y, z }); continue; }
    const g = heightAt(ground, x, y);
    const gz = Number.isFinite(g) ? g : null;
    samples.push({ distance, x, y, z, ground: gz, onStructure: z === null || gz === null ? null : z - gz >= structureThreshold });
  }
  if (gaps === samples.length) return refuse({ kind: 'noData', where: a, what: 'no surface data under the profile line' });
  return { ok: true, samples, length, min, max, gaps };
}
