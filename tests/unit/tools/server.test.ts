import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { createServer, tilesetRelPath } from '../../../tools/server/createServer.ts';
import { cacheControlFor, IMMUTABLE, REVALIDATE } from '../../../tools/server/policy.ts';

let root: string;
let app: FastifyInstance;
const calls: string[] = [];
// Compressible but not trivially so: repeated JSON-ish text, > 1 KiB threshold.
const tilesetJson = JSON.stringify({ asset: { version: '1.1' }, geometricError: 100, root: { children: Array.from({ length: 60 }, (_, i) => ({ geometricError: i })) } });
const glb = Buffer.alloc(8192, 'meshopt'); // stands in for a .glb: only the bytes' journey matters here

function write(rel: string, data: string | Buffer): void {
  const file = path.join(root, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, data);
}

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'server-test-'));
  write('dist/index.html', '<!doctype html><title>twin</title>');
  write('dist/assets/index-abc123.js', 'console.log(1);'.repeat(200));
  write('dist/cesium/Workers/x.wasm', Buffer.alloc(2000, 1));
  write('tilesets/reality/tileset.json', tilesetJson);
  write('tilesets/reality/g0123abcd/content/5/1/2.glb', glb);
  write('tilesets/reality/subtrees/0/0/0.subtree', Buffer.alloc(3000, 2));
  write('tilesets/reality/tex.ktx2', Buffer.alloc(3000, 3));
  write('tilesets/pre/tileset.json', '{"plain":true}'.padEnd(2000, ' '));
  write('tilesets/pre/tileset.json.br', brotliCompressSync(Buffer.from('{"from":"br"}')));
  write('tilesets/pre/tileset.json.gz', gzipSync(Buffer.from('{"from":"gz"}')));
  write('secret.txt', 'do not serve');
  app = await createServer({
    distDir: path.join(root, 'dist'),
    tilesetsDir: path.join(root, 'tilesets'),
    onMissing: async (rel) => {
      calls.push(rel);
      await new Promise((r) => setTimeout(r, 30));
      if (!rel.startsWith('gen/')) return false;
      write(path.join('tilesets', rel), Buffer.alloc(100, 7));
      return true;
    },
  });
});

afterAll(async () => {
  await app.close();
  rmSync(root, { recursive: true, force: true });
});

describe('server: MIME types', () => {
  it.each([
    ['/tilesets/reality/g0123abcd/content/5/1/2.glb', 'model/gltf-binary'],
    ['/tilesets/reality/tileset.json', 'application/json'],
    ['/tilesets/reality/subtrees/0/0/0.subtree', 'application/octet-stream'],
    ['/tilesets/reality/tex.ktx2', 'image/ktx2'],
    ['/cesium/Workers/x.wasm', 'application/wasm'],
    ['/', 'text/html'],
  ])('%s → %s', async (url, type) => {
    const res = await app.inject({ url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(type);
  });
});

describe('server: compression', () => {
  it('compresses a .glb on the fly with brotli when preferred', async () => {
    const res = await app.inject({ url: '/tilesets/reality/g0123abcd/content/5/1/2.glb', headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(res.rawPayload).equals(glb)).toBe(true);
    expect(res.rawPayload.length).toBeLessThan(glb.length / 10);
  });
  it('falls back to gzip, and to identity without Accept-Encoding', async () => {
    const gz = await app.inject({ url: '/tilesets/reality/tileset.json', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(tilesetJson);
    const plain = await app.inject({ url: '/tilesets/reality/tileset.json' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(tilesetJson);
  });
  it('compresses .subtree but not .ktx2 (already compressed)', async () => {
    const sub = await app.inject({ url: '/tilesets/reality/subtrees/0/0/0.subtree', headers: { 'accept-encoding': 'gzip' } });
    expect(sub.headers['content-encoding']).toBe('gzip');
    const ktx = await app.inject({ url: '/tilesets/reality/tex.ktx2', headers: { 'accept-encoding': 'gzip' } });
    expect(ktx.headers['content-encoding']).toBeUndefined();
  });
  it('serves precompressed .br/.gz siblings with the original type', async () => {
    const br = await app.inject({ url: '/tilesets/pre/tileset.json', headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toContain('application/json');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe('{"from":"br"}');
    const gz = await app.inject({ url: '/tilesets/pre/tileset.json', headers: { 'accept-encoding': 'gzip' } });
    expect(gunzipSync(gz.rawPayload).toString()).toBe('{"from":"gz"}');
  });
});

describe('server: caching', () => {
  it('versioned and tile payloads are immutable; tileset JSON and index.html revalidate with an ETag', async () => {
    const tile = await app.inject({ url: '/tilesets/reality/g0123abcd/content/5/1/2.glb' });
    expect(tile.headers['cache-control']).toBe(IMMUTABLE);
    const json = await app.inject({ url: '/tilesets/reality/tileset.json' });
    expect(json.headers['cache-control']).toBe(REVALIDATE);
    expect(json.headers.etag).toBeTruthy();
    const again = await app.inject({ url: '/tilesets/reality/tileset.json', headers: { 'if-none-match': String(json.headers.etag) } });
    expect(again.statusCode).toBe(304);
    // @fastify/static's ETags are weak, so one ETag may name the identity and compressed forms
    // (semantically equivalent); a compressed reply still revalidates to 304.
    const gz = await app.inject({ url: '/tilesets/reality/tileset.json', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(String(gz.headers.etag)).toMatch(/^W\//);
    const gzAgain = await app.inject({ url: '/tilesets/reality/tileset.json', headers: { 'accept-encoding': 'gzip', 'if-none-match': String(gz.headers.etag) } });
    expect(gzAgain.statusCode).toBe(304);
    const index = await app.inject({ url: '/' });
    expect(index.headers['cache-control']).toBe(REVALIDATE);
    const asset = await app.inject({ url: '/assets/index-abc123.js' });
    expect(asset.headers['cache-control']).toBe(IMMUTABLE);
  });
  it.each([
    ['tilesets', 'reality/g0123abcd/tileset.json', IMMUTABLE],
    ['tilesets', 'reality/gxyz/tileset.json', REVALIDATE],
    ['tilesets', 'a/b.subtree.br', IMMUTABLE],
    ['tilesets', 'tileset.json.gz', REVALIDATE],
    ['dist', 'assets/x-1.js', IMMUTABLE],
    ['dist', 'config.json', REVALIDATE],
  ] as const)('policy %s %s', (where, rel, expected) => {
    expect(cacheControlFor(where, rel)).toBe(expected);
  });
});

describe('server: ranges, CORS, errors', () => {
  it('answers a range request with 206 and the exact bytes, uncompressed', async () => {
    const res = await app.inject({ url: '/tilesets/reality/g0123abcd/content/5/1/2.glb', headers: { range: 'bytes=10-19', 'accept-encoding': 'br' } });
    expect(res.statusCode).toBe(206);
    expect(res.headers['content-range']).toBe(`bytes 10-19/${glb.length}`);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.rawPayload.equals(glb.subarray(10, 20))).toBe(true);
  });
  it('sends CORS headers and answers preflight', async () => {
    const res = await app.inject({ url: '/tilesets/reality/tileset.json', headers: { origin: 'http://example.test' } });
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const pre = await app.inject({ method: 'OPTIONS', url: '/tilesets/reality/tileset.json', headers: { origin: 'http://example.test', 'access-control-request-method': 'GET' } });
    expect(pre.statusCode).toBe(204);
  });
  it('404s a missing file the hook does not make', async () => {
    const res = await app.inject({ url: '/tilesets/reality/nope.glb' });
    expect(res.statusCode).toBe(404);
    expect((await app.inject({ url: '/nope.js' })).statusCode).toBe(404);
  });
  it.each(['/tilesets/../secret.txt', '/tilesets/%2e%2e/secret.txt', '/tilesets/reality/..%2f..%2fsecret.txt', '/..%2fsecret.txt'])('refuses traversal %s', async (url) => {
    const res = await app.inject({ url });
    expect([400, 403, 404]).toContain(res.statusCode);
    expect(res.body).not.toContain('do not serve');
  });
  it('tilesetRelPath rejects unsafe paths', () => {
    expect(tilesetRelPath('/tilesets/a/b.glb?x=1', '/t')).toBe('a/b.glb');
    expect(tilesetRelPath('/tilesets/a/../b', '/t')).toBeNull();
    expect(tilesetRelPath('/tilesets/a//b', '/t')).toBeNull();
    expect(tilesetRelPath('/tilesets/%00', '/t')).toBeNull();
  });
});

describe('server: on-demand tiles', () => {
  it('calls onMissing once for concurrent requests to one path, then serves the file', async () => {
    calls.length = 0;
    const url = '/tilesets/gen/3/4/5.glb';
    const results = await Promise.all(Array.from({ length: 5 }, () => app.inject({ url })));
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect(results[0]?.headers['content-type']).toContain('model/gltf-binary');
    expect(calls).toEqual(['gen/3/4/5.glb']);
    // Now on disk: served directly, no further call.
    expect((await app.inject({ url })).statusCode).toBe(200);
    expect(calls).toEqual(['gen/3/4/5.glb']);
  });
  it('404s when the hook declines', async () => {
    calls.length = 0;
    const res = await app.inject({ url: '/tilesets/other/1.glb' });
    expect(res.statusCode).toBe(404);
    expect(calls).toEqual(['other/1.glb']);
  });
});
