// One fastify server for the built app (dist/) and the generated tilesets (tilesets/).
// Static files go through @fastify/static (ETag, ranges, precompressed .br/.gz siblings) and
// @fastify/compress (on-the-fly gzip/brotli for compressible types); this file only wires the
// policy (policy.ts), the on-demand hook for missing tiles, and the SPA fallback.
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifyCompress from '@fastify/compress';
import fastifyCors from '@fastify/cors';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { constants as zlibConstants } from 'node:zlib';
import { cacheControlFor, compressibleType, extraMimeTypes, logicalPath, ON_THE_FLY_BROTLI_QUALITY, REVALIDATE } from './policy.ts';
import type { OnMissing } from '../lib/onDemand.ts';

export interface ServerOptions {
  distDir: string;
  tilesetsDir: string;
  /** Asked to produce a missing file under tilesetsDir; resolves true when it wrote it. */
  onMissing?: OnMissing;
  logger?: FastifyServerOptions['logger'];
}

const TILESETS_PREFIX = '/tilesets/';
const triedOnMissing = Symbol('triedOnMissing');
type MarkedRequest = FastifyRequest & { [triedOnMissing]?: boolean };

/** Path under the tilesets root for a request URL, or null when it is not a safe relative path. */
export function tilesetRelPath(url: string, tilesetsDir: string): string | null {
  const pathname = url.split('?')[0] ?? '';
  if (!pathname.startsWith(TILESETS_PREFIX)) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(pathname.slice(TILESETS_PREFIX.length));
  } catch {
    return null;
  }
  if (rel === '' || rel.includes('\0') || rel.includes('\\')) return null;
  const segments = rel.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return null;
  const root = path.resolve(tilesetsDir);
  const abs = path.resolve(root, rel);
  return abs.startsWith(root + path.sep) ? rel : null;
}

function relTo(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const distDir = path.resolve(options.distDir);
  const tilesetsDir = path.resolve(options.tilesetsDir);
  const app = Fastify({ logger: options.logger ?? false });

  // A byte range names offsets in the identity encoding: serve ranges uncompressed, never from a
  // .br/.gz sibling (whose offsets differ) and never through the on-the-fly compressor.
  app.addHook('onRequest', async (req) => {
    if (req.headers.range !== undefined) delete req.headers['accept-encoding'];
  });
  // Runs before the compressor's onSend (hooks run in registration order), so it sees the final type.
  app.addHook('onSend', async (req, reply, payload) => {
    const ext = path.extname(logicalPath(req.url.split('?')[0] ?? '')).slice(1).toLowerCase();
    const type = extraMimeTypes[ext];
    if (type && reply.statusCode < 300 && reply.getHeader('content-type') !== undefined) reply.header('content-type', type);
    return payload;
  });

  await app.register(fastifyCors, { origin: '*', methods: ['GET', 'HEAD', 'OPTIONS'], exposedHeaders: ['Content-Length', 'Content-Range', 'Content-Encoding', 'ETag'] });
  await app.register(fastifyCompress, {
    global: true,
    encodings: ['br', 'gzip'],
    threshold: 1024,
    customTypes: compressibleType,
    brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: ON_THE_FLY_BROTLI_QUALITY } },
    zlibOptions: { level: 6 },
  });

  await app.register(fastifyStatic, {
    root: tilesetsDir,
    prefix: TILESETS_PREFIX,
    decorateReply: true,
    preCompressed: true,
    cacheControl: false,
    etag: true,
    lastModified: true,
    acceptRanges: true,
    index: false,
    dotfiles: 'deny',
    setHeaders: (reply, file) => { reply.header('cache-control', cacheControlFor('tilesets', relTo(tilesetsDir, file))); },
  });

  const haveDist = existsSync(path.join(distDir, 'index.html'));
  if (haveDist) {
    await app.register(fastifyStatic, {
      root: distDir,
      prefix: '/',
      decorateReply: false,
      preCompressed: true,
      cacheControl: false,
      index: ['index.html'],
      dotfiles: 'deny',
      setHeaders: (reply, file) => { reply.header('cache-control', cacheControlFor('dist', relTo(distDir, file))); },
    });
  } else {
    app.get('/', async (_req, reply) => reply.code(503).type('text/plain; charset=utf-8')
      .send(`The app is not built: ${path.join(distDir, 'index.html')} is missing. Run \`npm run build\` (or \`npm start\`).\n`));
  }

  const inflight = new Map<string, Promise<boolean>>();
  const generate = (rel: string): Promise<boolean> => {
    let p = inflight.get(rel);
    if (!p) {
      const hook = options.onMissing ?? (async () => false);
      p = hook(rel).finally(() => inflight.delete(rel));
      inflight.set(rel, p);
    }
    return p;
  };

  app.setNotFoundHandler(async (req: MarkedRequest, reply: FastifyReply) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return reply.code(404).send({ error: 'Not Found' });
    const url = req.url;
    if (url.startsWith(TILESETS_PREFIX)) {
      const rel = tilesetRelPath(url, tilesetsDir);
      if (rel === null) return reply.code(403).send({ error: 'Forbidden', message: 'path outside the tilesets directory' });
      // Second pass (sendFile found nothing even after generation) ends here, not in a loop.
      if (req[triedOnMissing] || !options.onMissing) return reply.code(404).send({ error: 'Not Found', path: url });
      req[triedOnMissing] = true;
      let made: boolean;
      try {
        made = await generate(rel);
      } catch (e) {
        req.log.error({ err: e, rel }, 'on-demand generation failed');
        return reply.code(500).send({ error: 'Generation failed', path: url, message: e instanceof Error ? e.message : String(e) });
      }
      if (!made || !existsSync(path.join(tilesetsDir, rel))) return reply.code(404).send({ error: 'Not Found', path: url });
      return reply.sendFile(rel, tilesetsDir);
    }
    // Client-side routes: an extension-less path asked for by a browser gets the app shell.
    const pathname = url.split('?')[0] ?? '';
    const wantsHtml = (req.headers.accept ?? '').includes('text/html');
    if (haveDist && wantsHtml && path.extname(pathname) === '' && !pathname.startsWith('/assets/')) {
      reply.header('cache-control', REVALIDATE);
      return reply.sendFile('index.html', distDir);
    }
    return reply.code(404).send({ error: 'Not Found', path: url });
  });

  return app;
}
