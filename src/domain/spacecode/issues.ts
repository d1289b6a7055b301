// What is wrong with a code, and where. A message reads on its own, e.g.
// `level 3 digit '7' at position 7: expected 0–5`; `segment` and `position` let a UI underline it.
export interface SpaceCodeIssue {
  /** The segment: `length`, `hemisphere`, `level 3`, `height level 1`, `admin code`, … */
  readonly segment: string;
  /** 1-based position of the first offending character; 0 when it is about the whole code. */
  readonly position: number;
  readonly message: string;
}

/** Thrown by the encoders for input they cannot encode (other hemispheres, polar, out of range). */
export class SpaceCodeError extends Error {
  override readonly name = 'SpaceCodeError';
}

export const HEMISPHERE_UNCONFIRMED =
  'GB/T 39409 defines the digit directions of the other hemispheres only in its figures and public implementations disagree (unconfirmed), so only the north-east hemisphere (N, longitude codes 31–60) is supported';

export const POLAR_UNSUPPORTED = 'polar cells (|latitude| ≥ 88°) use merged cells and are not supported';

/** `'7' at position 7` / `'64' at positions 6–7`. */
export function at(chars: string, position: number): string {
  return chars.length > 1 ? `'${chars}' at positions ${position}–${position + chars.length - 1}` : `'${chars}' at position ${position}`;
}
