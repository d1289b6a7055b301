// `start` (npm start): a fresh clone to a running viewer. Prepares the default tilesets (idempotent),
// builds the app when dist/ is missing or older than its sources, then serves and prints the URL.
import path from 'node:path';
import type { CommandIo } from '../lib/io.ts';
import { flag, parseCommandArgs } from '../lib/args.ts';
import { distIsStale, runViteBuild } from '../lib/appBuild.ts';
import { prepareDefaultTilesets } from '../lib/steps.ts';
import { listen, listenSettings, serveOptions, waitForShutdown } from '../server/listen.ts';

const usage = 'usage: cli start [--port N (or PORT)] [--host H] [--skip-data] [--rebuild] [--log] [--json]\n';

export async function run(args: string[], io: CommandIo): Promise<number> {
  const p = parseCommandArgs(args, { ...serveOptions, 'skip-data': { type: 'boolean' }, rebuild: { type: 'boolean' } });
  if ('error' in p) { io.err(`${p.error}\n${usage}`); return 2; }
  const root = process.cwd();
  const s = listenSettings(p, root);
  if ('error' in s) { io.err(`${s.error}\n`); return 2; }

  if (!flag(p, 'skip-data')) {
    io.err('[1/3] Preparing the default data (reality mesh, planning)…\n');
    const code = await prepareDefaultTilesets(io);
    if (code !== 0) { io.err(`Preparing tilesets failed (exit ${code}); fix the error above, or pass --skip-data to serve what exists.\n`); return code; }
  }

  if (flag(p, 'rebuild') || distIsStale(root, s.distDir)) {
    io.err('[2/3] Building the app (vite build)…\n');
    const started = Date.now();
    const code = await runViteBuild(root, io);
    if (code !== 0) return code;
    io.err(`      Built ${path.relative(root, s.distDir) || s.distDir}/ in ${((Date.now() - started) / 1000).toFixed(0)} s.\n`);
  } else {
    io.err('[2/3] The app build in dist/ is up to date.\n');
  }

  io.err('[3/3] Starting the server…\n');
  const started = await listen(s, io);
  if (typeof started === 'number') return started;
  io.out(s.json ? `${JSON.stringify({ url: started.url })}\n` : `\nOpen ${started.url}  (Ctrl-C to stop)\n`);
  return waitForShutdown(started.app);
}
