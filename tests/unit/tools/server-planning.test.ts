// The planning GeoJSON that `npm start` writes into tilesets/planning/ is served like the rest of
// tilesets/: a JSON content type the viewer's fetch accepts, compressed when the client asks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { createServer } from '../../../tools/server/createServer.ts';

let root: string;
let app: FastifyInstance;
const geojson = `{"type":"FeatureCollection","features":[\n${Array.from({ length: 40 }, (_, i) => JSON.stringify({ type: 'Feature', id: `p${i}`, geometry: { type: 'Point', coordinates: [121.5 + i / 1000, 29.87] }, properties: { synthetic: true, stage: 'plan' } })).join(',\n')}\n]}\n`;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'server-planning-'));
  mkdirSync(path.join(root, 'dist'), { recursive: true });
  writeFileSync(path.join(root, 'dist/index.html'), '<!doctype html>');
  mkdirSync(path.join(root, 'tilesets/planning'), { recursive: true });
  writeFileSync(path.join(root, 'tilesets/planning/projects.geojson'), geojson);
  app = await createServer({ distDir: path.join(root, 'dist'), tilesetsDir: path.join(root, 'tilesets') });
});

afterAll(async () => {
  await app.close();
  rmSync(root, { recursive: true, force: true });
});

describe('server: planning GeoJSON', () => {
  it('serves /tilesets/planning/projects.geojson as GeoJSON, gzipped when asked, revalidated', async () => {
    const res = await app.inject({ url: '/tilesets/planning/projects.geojson', headers: { 'accept-encoding': 'gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/(geo\+)?json/);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(res.rawPayload).toString()).toBe(geojson);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('serves it uncompressed without Accept-Encoding', async () => {
    const res = await app.inject({ url: '/tilesets/planning/projects.geojson' });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body).toBe(geojson);
  });
});
