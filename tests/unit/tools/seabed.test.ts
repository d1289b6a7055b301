import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorld } from '../../../tools/world/index.ts';
import { toX, toY } from '../../../tools/world/frame.ts';
import { COAST_RISE_M, seabedHeight } from '../../../tools/seabed/bathymetry.ts';
import { shoreField } from '../../../tools/seabed/shore.ts';
import { shadedColour } from '../../../tools/seabed/mesh.ts';
import { readSeabedGlb } from '../../../tools/seabed/glb.ts';
import { run } from '../../../tools/commands/seabed.ts';
import { memoryIo } from '../../../tools/lib/io.ts';
import { checkTileset, nodeReader } from '../../../tools/lib/tilecheck/index.ts';
import { ecefToGeodetic } from '../../../tools/lib/tilecheck/geo.ts';
import { rampColour } from '../../../src/domain/seabed/ramp.ts';

const world = createWorld(20260101);
const H = (lon: number, lat: number): number => seabedHeight(world, lon, lat);

/** A deterministic scatter of points over the default extent. */
function scatter(n: number): [number, number][] {
  let s = 7;
  const rnd = (): number => { s = (s * 16807) % 2147483647; return s / 2147483647; };
  return Array.from({ length: n }, () => [121.66 + rnd() * 0.29, 29.9 + rnd() * 0.2]);
}

describe('seabed bathymetry', () => {
  it('is a pure function of the seed', () => {
    const other = createWorld(7);
    const pts = scatter(200);
    expect(pts.map(([a, b]) => seabedHeight(createWorld(20260101), a, b))).toEqual(pts.map(([a, b]) => H(a, b)));
    expect(pts.some(([a, b]) => Math.abs(seabedHeight(other, a, b) - H(a, b)) > 0.1)).toBe(true);
  });

  it('stays within plausible heights: sea 0 to −72 m, land just above 0 and under the mesh plain (+1.1 m)', () => {
    for (const [lon, lat] of scatter(4000)) {
      const h = H(lon, lat);
      if (world.surface(lon, lat) === 'sea') { expect(h).toBeLessThanOrEqual(0); expect(h).toBeGreaterThan(-72); }
      else expect(h).toBeLessThanOrEqual(COAST_RISE_M);
    }
  });

  it('lays 0 to −3 m tidal flats along the shore, deepening to −5…−15 m offshore', () => {
    const shore = shoreField(world.land);
    const near: number[] = [];
    const far: number[] = [];
    for (const [lon, lat] of scatter(8000)) {
      if (world.surface(lon, lat) !== 'sea') continue;
      const d = shore.signedDistance(toX(lon), toY(lat));
      if (d > 20 && d < 300) near.push(H(lon, lat));
      if (d > 4000) far.push(H(lon, lat));
    }
    near.sort((a, b) => a - b);
    far.sort((a, b) => a - b);
    expect(near.length).toBeGreaterThan(50);
    // The channels' flanks reach the shore at the 甬江 mouth: judge the flats by their bulk.
    expect(near[Math.floor(near.length * 0.05)]!).toBeGreaterThan(-3);
    const median = far[Math.floor(far.length / 2)]!;
    expect(median).toBeLessThan(-5);
    expect(median).toBeGreaterThan(-20);
  });

  it('cuts the 甬江 approach channel to −10…−14 m and the 金塘水道 to −40…−70 m, deeper than the flats beside them', () => {
    for (const [lon, lat] of [[121.745, 29.9945], [121.76, 30.0085]] as const) {
      expect(H(lon, lat)).toBeLessThan(-9);
      expect(H(lon, lat)).toBeGreaterThan(-16);
      // 1.2 km across the channel (south-east of it): natural floor, shallower.
      expect(H(lon + 0.008, lat - 0.007)).toBeGreaterThan(H(lon, lat) + 3);
    }
    for (const [lon, lat] of [[121.80, 29.996], [121.848, 29.963], [121.905, 29.96]] as const) {
      expect(H(lon, lat)).toBeLessThan(-40);
      expect(H(lon, lat)).toBeGreaterThan(-72);
    }
    expect(Math.min(...scatter(4000).map(([a, b]) => H(a, b)))).toBeLessThan(-60);
  });

  it('has no steps: points 10 m apart differ by under 2 m', () => {
    const dLon = 10 / 96_500, dLat = 10 / 110_850;
    let worst = 0;
    for (const [lon, lat] of scatter(6000)) {
      const h = H(lon, lat);
      worst = Math.max(worst, Math.abs(H(lon + dLon, lat) - h), Math.abs(H(lon, lat + dLat) - h));
    }
    expect(worst).toBeLessThan(2);
  });

  it('rises from 0 at the shoreline to about +1 m a few tens of metres inland, and stays under river water', () => {
    const shore = shoreField(world.land);
    const inland: number[] = [];
    for (const [lon, lat] of scatter(20000)) {
      const d = shore.signedDistance(toX(lon), toY(lat));
      if (world.surface(lon, lat) === 'land' && d < -60 && d > -150) inland.push(H(lon, lat));
      if (world.surface(lon, lat) === 'river') expect(H(lon, lat)).toBeLessThan(0.5);
    }
    expect(inland.length).toBeGreaterThan(20);
    for (const h of inland) expect(h).toBeLessThanOrEqual(COAST_RISE_M);
    inland.sort((a, b) => a - b);
    expect(inland[Math.floor(inland.length / 2)]!).toBeGreaterThan(0.5);
  });
});

const tmp = (): string => join(mkdtempSync(join(tmpdir(), 'nbtw-seabed-')), 'seabed');
// Off the 甬江 mouth: shore, flats and the channel in a few kilometres.
const SMALL = ['--extent', '121.72,29.965,121.76,29.995', '--levels', '2'];

describe('seabed command', () => {
  it('rejects bad options naming them, writing nothing', async () => {
    const out = tmp();
    const io = memoryIo();
    expect(await run(['--levels', '9', '--extent', '1,2,3', '--geoid', 'x', '--bogus', '--out', out], io)).toBe(2);
    const err = io.stderr.join('');
    expect(err).toContain('--levels: expected an integer 1–7, found "9"');
    expect(err).toContain('--extent: expected west,south,east,north');
    expect(err).toContain('--geoid: expected metres');
    expect(err).toContain('--bogus: unknown option');
    expect(existsSync(out)).toBe(false);
  });

  it('writes a tileset the checker accepts, skips with --if-stale, refuses to overwrite without --force', async () => {
    const out = tmp();
    const io = memoryIo();
    expect(await run([...SMALL, '--out', out, '--json', '--geoid', '11.5'], io)).toBe(0);
    const summary = JSON.parse(io.stdout.join('')) as { ok: boolean; tiles: number; bytes: number; maxDepth: number; contentDir: string };
    expect(summary.ok).toBe(true);
    expect(summary.tiles).toBeGreaterThanOrEqual(3);
    expect(summary.maxDepth).toBeGreaterThan(9);

    const tileset = JSON.parse(readFileSync(join(out, 'tileset.json'), 'utf8')) as { asset: { version: string; extras: Record<string, unknown> }; root: { refine: string; boundingVolume: { region: number[] } } };
    expect(tileset.asset.version).toBe('1.1');
    expect(tileset.asset.extras).toMatchObject({ synthetic: true, note: '合成数据 synthetic data', geoidOffsetMeters: 11.5 });
    expect(tileset.root.refine).toBe('REPLACE');
    const [w, s, e, n, minH, maxH] = tileset.root.boundingVolume.region as [number, number, number, number, number, number];
    expect(w).toBeCloseTo((121.72 * Math.PI) / 180, 12);
    expect(e - w).toBeLessThan(0.01); // radians, not degrees
    expect(n).toBeGreaterThan(s);
    expect(minH).toBeLessThan(11.5 - 9); // channel floor below the datum, as ellipsoidal height
    expect(maxH).toBeLessThan(11.5 + 2); // nothing higher than the coastal rise

    const report = await checkTileset(join(out, 'tileset.json'), nodeReader, { sample: 2 });
    expect(report.problems).toEqual([]);
    expect(report.contentsRead).toBe(summary.tiles);

    const again = memoryIo();
    expect(await run([...SMALL, '--out', out, '--json', '--geoid', '11.5', '--if-stale'], again)).toBe(0);
    expect(JSON.parse(again.stdout.join(''))).toMatchObject({ ok: true, upToDate: true });

    const refused = memoryIo();
    expect(await run([...SMALL, '--out', out, '--geoid', '11.5'], refused)).toBe(1);
    expect(refused.stderr.join('')).toContain('use --force');

    // A different geoid offset is stale: regenerated into a new content directory, the old one pruned.
    const moved = memoryIo();
    expect(await run([...SMALL, '--out', out, '--json', '--if-stale'], moved)).toBe(0);
    const next = JSON.parse(moved.stdout.join('')) as { contentDir: string; upToDate?: boolean };
    expect(next.upToDate).toBeUndefined();
    expect(next.contentDir).not.toBe(summary.contentDir);
    expect(readdirSync(out).filter((f) => f.startsWith('g'))).toEqual([next.contentDir]);
  }, 120_000);

  it('colours every vertex with the depth ramp at its height, shaded but not re-hued', async () => {
    const out = tmp();
    expect(await run([...SMALL, '--out', out, '--levels', '1', '--json'], memoryIo())).toBe(0);
    const m = JSON.parse(readFileSync(join(out, 'seabed.json'), 'utf8')) as { contentDir: string; geoidOffsetMeters: number };
    const doc = await readSeabedGlb(new Uint8Array(readFileSync(join(out, m.contentDir, '0', '0', '0.glb'))));
    const node = doc.getRoot().listNodes().find((x) => x.getMesh())!;
    const prim = node.getMesh()!.listPrimitives()[0]!;
    const pos = prim.getAttribute('POSITION')!;
    const col = prim.getAttribute('COLOR_0')!;
    const matrix = node.getWorldMatrix();
    // Top surface only: a skirt vertex shares its lon/lat with a higher one and borrows its colour.
    const top = new Map<string, { h: number; rgb: number[] }>();
    const p: number[] = [], c: number[] = [];
    for (let i = 0; i < pos.getCount(); i++) {
      pos.getElement(i, p);
      col.getElement(i, c);
      const g = [0, 1, 2].map((r) => matrix[r]! * p[0]! + matrix[4 + r]! * p[1]! + matrix[8 + r]! * p[2]! + matrix[12 + r]!);
      const [lon, lat, h] = ecefToGeodetic([g[0]!, -g[2]!, g[1]!]); // glTF y-up → ECEF
      // The grid node it stands on (64 intervals across the single tile).
      const key = `${Math.round(((lon * 180) / Math.PI - 121.72) / (0.04 / 64))},${Math.round(((lat * 180) / Math.PI - 29.965) / (0.03 / 64))}`;
      const prev = top.get(key);
      const rgb = c.slice(0, 3).map((v) => Math.round(v * 255));
      if (!prev || h > prev.h) top.set(key, { h, rgb });
    }
    expect(top.size).toBeGreaterThan(1000);
    let checked = 0;
    let deep = 0;
    for (const { h, rgb } of top.values()) {
      if (rgb.some((v) => v >= 255 || v <= 0)) continue; // clamped by the hillshade
      const depth = -(h - m.geoidOffsetMeters);
      const ramp = rampColour(depth);
      const shade = (rgb[0]! + rgb[1]! + rgb[2]!) / (ramp[0] + ramp[1] + ramp[2]);
      expect(shade).toBeGreaterThan(0.5);
      expect(shade).toBeLessThan(1.3);
      rgb.forEach((v, k) => expect(Math.abs(v - ramp[k]! * shade)).toBeLessThan(3));
      checked++;
      if (depth > 9) deep++;
    }
    expect(checked).toBeGreaterThan(1000);
    expect(deep).toBeGreaterThan(10); // the channel is in there
  }, 60_000);

  it('bakes the ramp unchanged on a flat floor', () => {
    for (const d of [0, 2, 5, 10, 20, 40, 60]) expect(shadedColour(d, 1)).toEqual(rampColour(d).map(Math.round));
  });
});
