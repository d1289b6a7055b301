// Reading and judging one tile content: glb (structure + POSITION bounds vs the tile), legacy
// binary formats (header only), or an external tileset (handed back to the walker).
import { describeVolume, distanceOutside, volumeSize, type Volume } from './bounds.ts';
import { inspectGlb } from './glb.ts';
import { apply, mul, fromTRS, Y_UP_TO_Z_UP, type Mat4 } from './geo.ts';

export type ContentKind = { kind: 'tileset'; json: unknown } | { kind: 'glb' } | { kind: 'legacy'; magic: string } | { kind: 'other' };

const LEGACY = new Set(['b3dm', 'i3dm', 'pnts', 'cmpt']);

export interface ContentVerdict {
  kind: ContentKind;
  problems: string[];
}

/**
 * Judges content bytes. `tileVolume`/`transform` place the glb's POSITION box in the world;
 * the test is approximate (it checks box corners, which can sit outside a curved region even when
 * the mesh does not), so its tolerance grows with the tile: 0.5 % of its size plus Earth curvature.
 */
export function judgeContent(bytes: Uint8Array, uri: string, tileVolume: Volume | null, transform: Mat4, upAxis: string): ContentVerdict {
  const head = new TextDecoder().decode(bytes.subarray(0, 4));
  if (head === 'glTF') return { kind: { kind: 'glb' }, problems: glbProblems(bytes, tileVolume, transform, upAxis) };
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

function glbProblems(bytes: Uint8Array, tileVolume: Volume | null, transform: Mat4, upAxis: string): string[] {
  const g = inspectGlb(bytes);
  const problems = g.problems.map((p) => `glb: ${p}`);
  if (problems.length > 0 || !tileVolume || g.positionCorners.length === 0) return problems;
  const axis = upAxis.toUpperCase() === 'Z' ? fromTRS() : Y_UP_TO_Z_UP;
  const rtc = g.rtcCenter ? fromTRS(g.rtcCenter) : fromTRS();
  const toWorld = mul(transform, mul(rtc, axis));
  const size = volumeSize(tileVolume);
  const tolerance = 0.05 + 0.005 * size + (size * size) / (8 * 6371000);
  let worst = 0;
  for (const c of g.positionCorners) worst = Math.max(worst, distanceOutside(tileVolume, apply(toWorld, c)));
  if (worst > tolerance) {
    problems.push(`glb POSITION bounds extend ${worst.toFixed(2)} m outside the tile's ${describeVolume(tileVolume)} (tolerance ${tolerance.toFixed(2)} m)`);
  }
  return problems;
}
