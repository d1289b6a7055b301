// Steps shared by `start` and `test`: prepare the default tilesets through the tilesets command
// (owned elsewhere, loaded dynamically so this compiles before it lands) and spawn child tools.
import { spawn } from 'node:child_process';
import type { CommandIo, CommandModule } from './io.ts';

/** Runs the tilesets command's default (`run([], io)`); null when that command does not exist yet. */
export async function prepareDefaultTilesets(io: CommandIo): Promise<number | null> {
  const specifier = '../commands/tilesets.ts'; // a variable: resolved at run time, not by tsc
  let mod: unknown;
  try {
    mod = await import(specifier);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ERR_MODULE_NOT_FOUND' && String((e as Error).message).includes('tilesets.ts')) return null;
    throw e;
  }
  const run = (mod as Partial<CommandModule>).run;
  if (typeof run !== 'function') throw new Error('tools/commands/tilesets.ts does not export run(args, io)');
  return run([], io);
}

/** Spawns `node <script> ...args` with inherited output; resolves to the exit code (1 if it could not start). */
export function runNode(script: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('error', () => resolve(1));
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
