// Where a surveyed pipe lies in 3D: its section in metres and its centreline heights in the 1985
// datum, from the ground height at each end point and the surveyed depth (埋深).
import type { PipeSection, SurveyPipe, SurveyPoint } from './types.ts';
import { depthReference } from './cjj61.ts';

export interface PipeEnd {
  readonly lon: number;
  readonly lat: number;
  /** Height of the pipe's centreline, 1985 national height datum (m). */
  readonly height1985: number;
}

export function sectionSizeMeters(s: PipeSection): { readonly width: number; readonly height: number } {
  return s.kind === 'round' ? { width: s.diameterMm / 1000, height: s.diameterMm / 1000 } : { width: s.widthMm / 1000, height: s.heightMm / 1000 };
}

/** Depth below ground at fraction t (0 = start point, 1 = end point): linear, as surveyed pipes are straight between points. */
export function depthAt(pipe: SurveyPipe, t: number): number {
  const u = Math.min(1, Math.max(0, t));
  return pipe.startDepth + (pipe.endDepth - pipe.startDepth) * u;
}

/**
 * Centreline heights at both ends. Drainage depth is to the inner bottom (管内底), so the centre
 * is half a section above it; every other class is surveyed to the top (管顶), so the centre is
 * half a section below. Wall thickness is ignored: the survey gives inner dimensions and the
 * difference (a few cm) is below what a city-scale model shows.
 */
export function pipeCentreline(pipe: SurveyPipe, from: SurveyPoint, to: SurveyPoint): { readonly start: PipeEnd; readonly end: PipeEnd } {
  const half = sectionSizeMeters(pipe.section).height / 2;
  const offset = depthReference(pipe.cls) === 'invert' ? half : -half;
  const end = (p: SurveyPoint, depth: number): PipeEnd => ({ lon: p.lon, lat: p.lat, height1985: p.groundHeight - depth + offset });
  return { start: end(from, pipe.startDepth), end: end(to, pipe.endDepth) };
}
