// Thin wrapper over node:util parseArgs so every command rejects unknown flags with one clear line.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export type Options = NonNullable<ParseArgsConfig['options']>;

export interface Parsed {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** Returns the parsed args, or an error message (never throws) so commands can exit 2 cleanly. */
export function parseCommandArgs(args: string[], options: Options): Parsed | { error: string } {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: values as Parsed['values'], positionals };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

export function str(p: Parsed, name: string): string | undefined {
  const v = p.values[name];
  return typeof v === 'string' ? v : undefined;
}

export function flag(p: Parsed, name: string): boolean {
  return p.values[name] === true;
}

/** Parses a non-negative integer flag; returns undefined when absent, NaN when malformed. */
export function int(p: Parsed, name: string): number | undefined {
  const v = str(p, name);
  if (v === undefined) return undefined;
  return /^\d+$/.test(v) ? Number(v) : Number.NaN;
}

const MAX_SEED = 2 ** 31 - 1;

/** `--seed` value: the seed, or the message that names what was wrong. */
export function seedOption(v: string | undefined): number | { error: string } {
  return v !== undefined && /^\d+$/.test(v) && Number(v) <= MAX_SEED ? Number(v) : { error: `--seed: expected an integer 0–${MAX_SEED}, found ${JSON.stringify(v ?? null)}` };
}

/** `--bbox W,S,E,N` in degrees: the box, or the message that names what was wrong. */
export function bboxOption(v: string | undefined): { west: number; south: number; east: number; north: number } | { error: string } {
  const n = (v ?? '').split(',').map(Number);
  const [west, south, east, north] = n as [number, number, number, number];
  if (n.length !== 4 || n.some((x) => !Number.isFinite(x)) || west >= east || south >= north) {
    return { error: `--bbox: expected west,south,east,north in degrees with west < east and south < north, found ${JSON.stringify(v ?? null)}` };
  }
  return { west, south, east, north };
}
