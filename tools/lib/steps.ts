// Steps shared by `start` and `test`: prepare the default tilesets and spawn child tools.
import { spawn } from 'node:child_process';
import type { CommandIo } from './io.ts';
import { run as runTilesets } from '../commands/tilesets.ts';

/** Bakes the default data exactly as `npm run tilesets` does with no options (idempotent). */
export function prepareDefaultTilesets(io: CommandIo): Promise<number> {
  return runTilesets([], io);
}

/** Spawns `node <script> ...args` with inherited output; resolves to the exit code (1 if it could not start). */
export function runNode(script: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('error', () => resolve(1));
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
