// Starting the server from a command: flags/env → options, a clear one-line error when the port is
// taken, the URL to open, and a clean shutdown on Ctrl-C / SIGTERM.
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createServer } from './createServer.ts';
import { createRealityOnDemand } from '../lib/onDemand.ts';
import type { CommandIo } from '../lib/io.ts';
import { flag, int, str, type Options, type Parsed } from '../lib/args.ts';

export const serveOptions: Options = {
  port: { type: 'string' },
  host: { type: 'string' },
  dist: { type: 'string' },
  tilesets: { type: 'string' },
  log: { type: 'boolean' },
  json: { type: 'boolean' },
};

export interface ListenSettings {
  port: number;
  host: string;
  distDir: string;
  tilesetsDir: string;
  log: boolean;
  json: boolean;
}

export function listenSettings(p: Parsed, root: string, env: NodeJS.ProcessEnv = process.env): ListenSettings | { error: string } {
  const fromFlag = int(p, 'port');
  const fromEnv = env.PORT !== undefined && env.PORT !== '' ? (/^\d+$/.test(env.PORT) ? Number(env.PORT) : Number.NaN) : undefined;
  const port = fromFlag ?? fromEnv ?? 8080;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    return { error: `invalid port ${str(p, 'port') ?? env.PORT}: expected an integer 0–65535` };
  }
  return {
    port,
    host: str(p, 'host') ?? env.HOST ?? '127.0.0.1',
    distDir: path.resolve(root, str(p, 'dist') ?? 'dist'),
    tilesetsDir: path.resolve(root, str(p, 'tilesets') ?? 'tilesets'),
    log: flag(p, 'log'),
    json: flag(p, 'json'),
  };
}

/** Starts listening; resolves to the running app and its URL, or an exit code after printing why. */
export async function listen(s: ListenSettings, io: CommandIo): Promise<{ app: FastifyInstance; url: string } | number> {
  const onMissing = createRealityOnDemand(s.tilesetsDir, { workers: 2 });
  const app = await createServer({
    distDir: s.distDir,
    tilesetsDir: s.tilesetsDir,
    onMissing,
    logger: s.log ? { level: 'info' } : false,
  });
  // Closing the server ends the tile workers, or a command that closes it would never exit.
  app.addHook('onClose', async () => { await onMissing.close(); });
  try {
    await app.listen({ port: s.port, host: s.host });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    await app.close().catch(() => {});
    if (code === 'EADDRINUSE') {
      io.err(`Port ${s.port} on ${s.host} is already in use: stop the other server, or pick another port with --port N (or PORT=N).\n`);
    } else if (code === 'EACCES') {
      io.err(`No permission to listen on ${s.host}:${s.port}: use a port above 1023 (--port N).\n`);
    } else if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
      io.err(`Cannot listen on host ${s.host}: not an address of this machine (try --host 127.0.0.1 or 0.0.0.0).\n`);
    } else {
      io.err(`Server could not start: ${e instanceof Error ? e.message : String(e)}\n`);
    }
    return 1;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : s.port;
  const shownHost = s.host === '0.0.0.0' || s.host === '::' ? 'localhost' : s.host.includes(':') ? `[${s.host}]` : s.host;
  return { app, url: `http://${shownHost}:${port}/` };
}

/** Keeps the process alive until SIGINT/SIGTERM, then closes the server. */
export function waitForShutdown(app: FastifyInstance): Promise<number> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      app.close().then(() => resolve(0), () => resolve(1));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
