// `serve`: serve dist/ and tilesets/ as they are (no build, no generation beyond on-demand tiles).
import type { CommandIo } from '../lib/io.ts';
import { parseCommandArgs } from '../lib/args.ts';
import { listen, listenSettings, serveOptions, waitForShutdown } from '../server/listen.ts';

const usage = 'usage: cli serve [--port N (or PORT)] [--host H] [--dist dir] [--tilesets dir] [--log] [--json]\n';

export async function run(args: string[], io: CommandIo): Promise<number> {
  const p = parseCommandArgs(args, serveOptions);
  if ('error' in p) { io.err(`${p.error}\n${usage}`); return 2; }
  const s = listenSettings(p, process.cwd());
  if ('error' in s) { io.err(`${s.error}\n`); return 2; }
  const started = await listen(s, io);
  if (typeof started === 'number') return started;
  io.out(s.json ? `${JSON.stringify({ url: started.url, dist: s.distDir, tilesets: s.tilesetsDir })}\n` : `Serving ${s.distDir} and ${s.tilesetsDir}\nOpen ${started.url}\n`);
  return waitForShutdown(started.app);
}
