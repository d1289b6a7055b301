import { afterAll, describe, expect, it } from 'vitest';
import { createServer as createNetServer, type Server } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { listen, listenSettings, serveOptions, type ListenSettings } from '../../../tools/server/listen.ts';
import { parseCommandArgs, type Parsed } from '../../../tools/lib/args.ts';
import { memoryIo } from '../../../tools/lib/io.ts';

const parsed = (args: string[]): Parsed => {
  const p = parseCommandArgs(args, serveOptions);
  if ('error' in p) throw new Error(p.error);
  return p;
};

describe('listen settings', () => {
  it('port: flag over PORT env over 8080; host defaults to 127.0.0.1', () => {
    expect(listenSettings(parsed([]), '/r', {})).toMatchObject({ port: 8080, host: '127.0.0.1', distDir: '/r/dist', tilesetsDir: '/r/tilesets' });
    expect(listenSettings(parsed([]), '/r', { PORT: '9000' })).toMatchObject({ port: 9000 });
    expect(listenSettings(parsed(['--port', '9100', '--host', '0.0.0.0']), '/r', { PORT: '9000' })).toMatchObject({ port: 9100, host: '0.0.0.0' });
    expect(listenSettings(parsed(['--port', 'abc']), '/r', {})).toHaveProperty('error');
    expect(listenSettings(parsed([]), '/r', { PORT: '70000' })).toHaveProperty('error');
  });
  it('rejects unknown flags with a message', () => {
    expect(parseCommandArgs(['--prot', '1'], serveOptions)).toHaveProperty('error');
  });
});

describe('listen', () => {
  let blocker: Server | undefined;
  afterAll(() => { blocker?.close(); });

  it('prints one clear line and returns 1 when the port is taken', async () => {
    blocker = createNetServer();
    await new Promise<void>((r) => blocker?.listen(0, '127.0.0.1', r));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const dir = mkdtempSync(path.join(tmpdir(), 'listen-'));
    const s: ListenSettings = { port, host: '127.0.0.1', distDir: path.join(dir, 'dist'), tilesetsDir: dir, log: false, json: false };
    const io = memoryIo();
    expect(await listen(s, io)).toBe(1);
    const text = io.stderr.join('');
    expect(text).toBe(`Port ${port} on 127.0.0.1 is already in use: stop the other server, or pick another port with --port N (or PORT=N).\n`);
  });

  it('returns the URL to open and serves a hint when dist/ is not built', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'listen-'));
    const started = await listen({ port: 0, host: '127.0.0.1', distDir: path.join(dir, 'dist'), tilesetsDir: dir, log: false, json: false }, memoryIo());
    if (typeof started === 'number') throw new Error('did not start');
    try {
      expect(started.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const res = await fetch(started.url);
      expect(res.status).toBe(503);
      expect(await res.text()).toMatch(/npm run build/);
    } finally {
      await started.app.close();
    }
  });
});

describe('start: is dist/ stale?', () => {
  it('is stale without dist/index.html, fresh after a build, stale again when a source changes', async () => {
    const { distIsStale } = await import('../../../tools/lib/appBuild.ts');
    const { mkdirSync, writeFileSync, utimesSync } = await import('node:fs');
    const root = mkdtempSync(path.join(tmpdir(), 'stale-'));
    mkdirSync(path.join(root, 'src'));
    writeFileSync(path.join(root, 'src', 'main.ts'), '');
    utimesSync(path.join(root, 'src', 'main.ts'), 1000, 1000);
    utimesSync(path.join(root, 'src'), 1000, 1000);
    const dist = path.join(root, 'dist');
    expect(distIsStale(root, dist, ['src'])).toBe(true);
    mkdirSync(dist);
    writeFileSync(path.join(dist, 'index.html'), '');
    expect(distIsStale(root, dist, ['src', 'missing.ts'])).toBe(false);
    writeFileSync(path.join(root, 'src', 'main.ts'), 'changed');
    utimesSync(path.join(root, 'src', 'main.ts'), Date.now() / 1000 + 10, Date.now() / 1000 + 10);
    expect(distIsStale(root, dist, ['src'])).toBe(true);
  });
});
