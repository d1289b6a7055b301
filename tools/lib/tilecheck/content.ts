// Reading and judging one tile content: glb (structure + POSITION bounds vs the tile), legacy
// binary formats (header only), or an external tileset (handed back to the walker).
import { describeVolume, outside, volumeSize, type Volume } from './bounds.ts';
import { decodedPositions, inspectGlb } from './glb.ts';
import { apply, mul, fromTRS, Y_UP_TO_Z_UP, type Mat4, type Vec3 } from './geo.ts';

export type ContentKind = { kind: 'tileset'; json: unknown } | { kind: 'glb' } | { kind: 'legacy'; magic: string } | { kind: 'other' };

const LEGACY = new Set(['b3dm', 'i3dm', 'pnts', 'cmpt']);

export interface ContentVerdict {
  kind: ContentKind;
  problems: string[];
  /** True when the glb was fully decoded (its box corners left the tile, so vertices were tested). */
  decoded?: boolean;
}

/**
 * Judges content bytes. `tileVolume`/`transform` place the glb's vertices in the world to test that
 * the content lies inside its tile.
 */
export async function judgeContent(bytes: Uint8Array, uri: string, tileVolume: Volume | null, transform: Mat4, upAxis: string): Promise<ContentVerdict> {
  const head = new TextDecoder().decode(bytes.subarray(0, 4));
  if (head === 'glTF') {
    const { problems, decoded } = await glbProblems(bytes, tileVolume, transform, upAxis);
    return { kind: { kind: 'glb' }, problems, decoded };
  }
  if (LEGACY.has(head)) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const declared = bytes.byteLength >= 12 ? view.getUint32(8, true) : -1;
    const problems = declared === bytes.byteLength ? [] : [`${head} header says ${declared} bytes, file has ${bytes.byteLength}`];
    return { kind: { kind: 'legacy', magic: head }, problems };
  }
  const firstChar = String.fromCharCode(bytes.find((b) => b > 0x20) ?? 0);
  if (firstChar === '{' || /\.json$/i.test(uri.split('?')[0] ?? '')) {
    try {
      return { kind: { kind: 'tileset', json: JSON.parse(new TextDecoder().decode(bytes)) }, problems: [] };
    } catch (e) {
      return { kind: { kind: 'other' }, problems: [`JSON does not parse: ${e instanceof Error ? e.message : String(e)}`] };
    }
  }
  return { kind: { kind: 'other' }, problems: [`unrecognised content (first bytes ${JSON.stringify(head)})`] };
}

async function glbProblems(bytes: Uint8Array, tileVolume: Volume | null, transform: Mat4, upAxis: string): Promise<{ problems: string[]; decoded: boolean }> {
  const g = inspectGlb(bytes);
  const problems = g.problems.map((p) => `glb: ${p}`);
  if (problems.length > 0 || !tileVolume || g.positionCorners.length === 0) return { problems, decoded: false };
  const axis = upAxis.toUpperCase() === 'Z' ? fromTRS() : Y_UP_TO_Z_UP;
  const rtc = g.rtcCenter ? fromTRS(g.rtcCenter) : fromTRS();
  const toWorld = mul(transform, mul(rtc, axis));
  const size = volumeSize(tileVolume);
  const worstOf = (points: Vec3[]): { distance: number; side: string } => points.reduce((w, c) => {
    const o = outside(tileVolume, apply(toWorld, c));
    return o.distance > w.distance ? o : w;
  }, { distance: 0, side: '' });
  // Fast path: the POSITION box lies inside the tile, so the mesh does.
  if (worstOf(g.positionCorners).distance <= 0.05 + 1e-6 * size) return { problems, decoded: false };
  // Box corners are not mesh points (a box aligned with ECEF axes pokes far out of a lon/lat
  // region): decode and test the vertices themselves, with room for quantization steps.
  const points = await decodedPositions(bytes);
  if (typeof points === 'string') return { problems: [points], decoded: true };
  const worst = worstOf(points);
  const tolerance = 0.1 + 1e-5 * size;
  if (worst.distance > tolerance) {
    problems.push(`glb vertices extend ${worst.distance.toFixed(2)} m past the ${worst.side} side of the tile's ${describeVolume(tileVolume)} (tolerance ${tolerance.toFixed(2)} m)`);
  }
  return { problems, decoded: true };
}
