// The numbers behind an excavation pit's drawing, kept free of Cesium so they are unit-tested:
// which ring and heights to draw, the heights of the walls, and the wall material's GLSL.
import {
  ensureCounterClockwise, formatPitDepth, normalizeRing, validatePit, type LonLat,
} from '../../domain/excavation/pit.ts';
import type { Issue } from '../../domain/schemas/issues.ts';

export interface PitInput {
  readonly id: string;
  /** Open ring, degrees; a closing copy of the first vertex and double-click duplicates are dropped. */
  readonly ring: readonly LonLat[];
  /** Metres below the ring's lowest ground point. */
  readonly depth: number;
  /** Ellipsoidal ground height per vertex (the draw clicks); sampled from the scene when absent. */
  readonly groundHeights?: readonly number[];
}

interface PitVertex extends LonLat {
  readonly height: number | undefined;
}

export interface PreparedPit {
  /** Counter-clockwise, open, without repeated vertices. */
  readonly ring: readonly LonLat[];
  /** The given ground height of each vertex of `ring`, where one was given. */
  readonly given: readonly (number | undefined)[];
  readonly issues: readonly Issue[];
}

/** Normalises and checks a pit before anything is drawn. */
export function preparePit(input: PitInput): PreparedPit {
  const issues: Issue[] = [];
  const heights = input.groundHeights;
  if (heights && heights.length !== input.ring.length) {
    issues.push({ path: 'groundHeights', message: `expected ${input.ring.length} heights (one per ring vertex), found ${heights.length}` });
  }
  const zipped: PitVertex[] = input.ring.map((p, i) => {
    const h = heights?.[i];
    return { lon: p.lon, lat: p.lat, height: h !== undefined && Number.isFinite(h) ? h : undefined };
  });
  const vertices = ensureCounterClockwise(normalizeRing(zipped));
  const ring = vertices.map((v) => ({ lon: v.lon, lat: v.lat }));
  issues.push(...validatePit({ id: input.id, ring, depth: input.depth }));
  return { ring, given: vertices.map((v) => v.height), issues };
}

/** Per vertex: the given height, else the sampled one, else `fallback`. */
export function resolveGroundHeights(
  given: readonly (number | undefined)[], sampled: readonly (number | undefined)[], fallback: number,
): number[] {
  const ok = (h: number | undefined): h is number => h !== undefined && Number.isFinite(h);
  return given.map((g, i) => {
    if (ok(g)) return g;
    const s = sampled[i];
    return ok(s) ? s : fallback;
  });
}

export interface PitLevels {
  /** The lowest ground point of the rim: the datum the depth is measured from. */
  readonly rim: number;
  /** The highest ground point of the rim. */
  readonly top: number;
  readonly floor: number;
}

export function pitLevels(ground: readonly number[], depth: number): PitLevels {
  const rim = Math.min(...ground);
  return { rim, top: Math.max(...ground), floor: rim - depth };
}

export interface WallBand {
  /** One per position of the closed ring (first vertex repeated at the end). */
  readonly minimumHeights: number[];
  readonly maximumHeights: number[];
}

/** Below this the collar (rim datum up to the real ground) is not worth a primitive. */
export const COLLAR_MIN_M = 0.02;

/**
 * The wall in two bands. The main band runs from the floor to the rim datum at every vertex, so
 * its texture coordinate t (0 at the floor, 1 at the top) is linear in height and the metre lines
 * drawn from t are level. The collar, drawn plain, fills from the datum up to each vertex's own
 * ground where the ground slopes; it is left out when the ground is level.
 */
export function wallBands(ground: readonly number[], depth: number): { main: WallBand; collar?: WallBand } {
  const { rim, floor } = pitLevels(ground, depth);
  const closed = ground.length > 0 ? [...ground, ground[0]!] : [];
  const main = { minimumHeights: closed.map(() => floor), maximumHeights: closed.map(() => rim) };
  if (closed.every((h) => h - rim < COLLAR_MIN_M)) return { main };
  return { main, collar: { minimumHeights: closed.map(() => rim), maximumHeights: [...closed] } };
}

/** The depths (metres below the rim datum) at which the wall shows a line, and which are strong. */
export function depthMarks(depth: number): { depth: number; major: boolean }[] {
  const marks: { depth: number; major: boolean }[] = [];
  for (let d = 1; d <= depth + 1e-9; d++) marks.push({ depth: d, major: d % 5 === 0 });
  return marks;
}

/** Where the depth label stands: above the ring's vertex mean, a little over the highest ground. */
export function labelAnchor(ring: readonly LonLat[], levels: PitLevels): { lon: number; lat: number; height: number } {
  const n = Math.max(ring.length, 1);
  const lon = ring.reduce((s, p) => s + p.lon, 0) / n;
  const lat = ring.reduce((s, p) => s + p.lat, 0) / n;
  return { lon, lat, height: levels.top + 2 };
}

export const pitLabelText = formatPitDepth;

/**
 * The wall material (Cesium fabric source). `pitDepth` is the main band's height; t runs from 0
 * at the floor to 1 at the rim datum, so (1 − t) · pitDepth is metres below the datum. A thin line
 * every metre, a strong one every 5 m; line widths are in pixels (from the screen-space
 * derivative, as Cesium's Grid material does), and minor lines fade out when a metre is only a
 * few pixels tall. The derivative guard mirrors GridMaterial.glsl for WebGL 1 without the
 * extension.
 */
export const PIT_WALL_SHADER = `uniform vec4 wallColor;
uniform vec4 minorColor;
uniform vec4 majorColor;
uniform float pitDepth;

czm_material czm_getMaterial(czm_materialInput materialInput)
{
    czm_material material = czm_getDefaultMaterial(materialInput);
    float d = (1.0 - materialInput.st.t) * pitDepth;
    float minorDist = abs(d - floor(d + 0.5));
    float majorDist = abs(d - 5.0 * floor(d / 5.0 + 0.5));
#if (__VERSION__ == 300 || defined(GL_OES_standard_derivatives))
    float perPixel = max(fwidth(d), 1.0e-4);
#else
    float perPixel = 0.02;
#endif
    float minor = (1.0 - smoothstep(0.5, 1.5, minorDist / perPixel)) * (1.0 - smoothstep(0.12, 0.25, perPixel));
    float major = (1.0 - smoothstep(1.5, 2.5, majorDist / perPixel)) * (1.0 - smoothstep(0.6, 1.2, perPixel));
    vec4 colour = mix(wallColor, minorColor, minor * minorColor.a);
    colour = mix(colour, majorColor, major * majorColor.a);
    colour = czm_gammaCorrect(colour);
    material.diffuse = colour.rgb;
    material.alpha = wallColor.a;
    return material;
}
`;

/** The uniforms PIT_WALL_SHADER declares, as the fabric must provide them. */
export const PIT_WALL_UNIFORMS = ['wallColor', 'minorColor', 'majorColor', 'pitDepth'] as const;
