// Steps shared by `start` and `test`: prepare the default tilesets and spawn child tools.
import { spawn } from 'node:child_process';
import type { CommandIo } from './io.ts';
import { run as runTilesets } from '../commands/tilesets.ts';
import { run as runPlanning } from '../commands/planning.ts';
import { run as runSeabed } from '../commands/seabed.ts';
import { prepareDefaultPipelines } from './defaultPipelines.ts';

/**
 * Prepares the default data (idempotent): bakes the mesh exactly as `npm run tilesets` does with no
 * options, then the planning data, the seabed and the pipelines (each skipped when current).
 */
export async function prepareDefaultTilesets(io: CommandIo): Promise<number> {
  const steps: (() => Promise<number>)[] = [
    () => runTilesets([], io),
    () => prepareDefaultPlanning(io),
    () => runSeabed(['--if-stale'], io),
    () => prepareDefaultPipelines(io),
    () => import('../commands/schemes.ts').then((m) => m.run(['demo', '--if-stale'], io)), // the demo scheme package, after the planning data it reads
  ];
  for (const step of steps) {
    const code = await step();
    if (code !== 0) return code;
  }
  return 0;
}

/**
 * Writes tilesets/planning/ when it is missing or stale (`--if-stale`: another seed or generator
 * version replaces it without --force) and says "planning data up to date" otherwise. `args` add
 * planning options (tests point --out at a temporary directory).
 */
export function prepareDefaultPlanning(io: CommandIo, args: readonly string[] = []): Promise<number> {
  return runPlanning(['--if-stale', ...args], io);
}

/** Spawns `node <script> ...args` with inherited output; resolves to the exit code (1 if it could not start). */
export function runNode(script: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('error', () => resolve(1));
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
