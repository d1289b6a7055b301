// `npm run schemes -- demo`: against planning data generated into a temporary directory (a small
// bbox over 东部新城 keeps it about a second), the package it writes must pass the viewer's own
// validator, its models must be the sizes intended and stand inside the parcel, and the indicators
// measured from the models must show the deliberate fail.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeIO, type Document } from '@gltf-transform/core';
import { run } from '../../../../tools/commands/schemes.ts';
import { prepareDefaultPlanning } from '../../../../tools/lib/steps.ts';
import { memoryIo } from '../../../../tools/lib/io.ts';
import { validateSchemePackage, type SchemePackage } from '../../../../src/domain/review/scheme.ts';
import { localFrame } from '../../../../src/domain/review/frame.ts';
import { createRaster } from '../../../../src/domain/review/raster.ts';
import { compareWithParcel, modelIndicators } from '../../../../src/domain/review/schemeIndicators.ts';
import { parcelRecord, type Feature } from '../../../../src/domain/planning/index.ts';

const root = mkdtempSync(join(tmpdir(), 'schemes-demo-'));
const planning = join(root, 'planning');
const out = join(root, 'demo');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const schemes = async (...args: string[]): Promise<{ code: number; out: string; err: string }> => {
  const io = memoryIo();
  const code = await run(args, io);
  return { code, out: io.stdout.join(''), err: io.stderr.join('') };
};

let features: Feature[] = [];
let pkg: SchemePackage;
const docs = new Map<string, Document>();

beforeAll(async () => {
  expect(await prepareDefaultPlanning(memoryIo(), ['--out', planning, '--bbox', '121.6,29.85,121.64,29.87'])).toBe(0);
  features = (JSON.parse(readFileSync(join(planning, 'parcels.geojson'), 'utf8')) as { features: Feature[] }).features;
  const r = await schemes('demo', '--out', out, '--planning', planning, '--json');
  expect(r.code, r.err).toBe(0);
  pkg = JSON.parse(readFileSync(join(out, 'package.json'), 'utf8')) as SchemePackage;
  for (const id of ['tower', 'slab', 'podium']) docs.set(id, await new NodeIO().readBinary(new Uint8Array(readFileSync(join(out, `${id}.glb`)))));
});

/** The qualifying parcel the brief asks for, found here from the raw properties: the largest. */
function expectedParcel(): Feature {
  const ok = features.filter((f) => {
    const p = f.properties as { landUseCode: string; heightLimit?: number; area: number };
    const ring = (f.geometry as { coordinates: [number, number][][] }).coordinates[0]!;
    const lon = (Math.min(...ring.map((c) => c[0])) + Math.max(...ring.map((c) => c[0]))) / 2;
    const lat = (Math.min(...ring.map((c) => c[1])) + Math.max(...ring.map((c) => c[1]))) / 2;
    return /^0[79]/.test(p.landUseCode) && (p.heightLimit ?? 0) >= 80 && p.area >= 20000 && lon > 121.6 && lon < 121.64 && lat > 29.85 && lat < 29.87;
  });
  ok.sort((a, b) => (b.properties.area as number) - (a.properties.area as number));
  return ok[0]!;
}

function positions(doc: Document): { points: number[][]; triangles: number } {
  const points: number[][] = [];
  let triangles = 0;
  for (const mesh of doc.getRoot().listMeshes()) {
    for (const prim of mesh.listPrimitives()) {
      const pos = prim.getAttribute('POSITION')!;
      for (let i = 0; i < pos.getCount(); i++) points.push(pos.getElement(i, []));
      triangles += (prim.getIndices()?.getCount() ?? 0) / 3;
    }
  }
  return { points, triangles };
}

function bounds(doc: Document): { min: number[]; max: number[] } {
  const { points } = positions(doc);
  return {
    min: [0, 1, 2].map((k) => Math.min(...points.map((p) => p[k]!))),
    max: [0, 1, 2].map((k) => Math.max(...points.map((p) => p[k]!))),
  };
}

describe('schemes demo', () => {
  it('writes a package the validator accepts with no issue and no warning, marked synthetic', () => {
    const v = validateSchemePackage(pkg);
    expect(v.issues).toEqual([]);
    expect(v.warnings).toEqual([]);
    expect(pkg.synthetic).toBe(true);
    expect(pkg.name.zh).toContain('示例');
    expect(pkg.alternatives.map((a) => a.id)).toEqual(['tower', 'slab', 'podium']);
    for (const a of pkg.alternatives) {
      expect(a.name.zh).toContain('示例');
      expect(a.name.en).toContain('Demo');
      expect(a.model).toBe(`${a.id}.glb`);
    }
  });

  it('chooses the largest residential/commercial parcel in 东部新城 with a ≥ 80 m height limit and ≥ 20,000 m²', () => {
    const f = expectedParcel();
    expect(pkg.parcel).toBe(f.properties.parcelId);
    const ring = (f.geometry as { coordinates: [number, number][][] }).coordinates[0]!;
    // The generated parcels are rectangles: the centroid is the middle of the ring's extremes.
    const lon = (Math.min(...ring.map((c) => c[0])) + Math.max(...ring.map((c) => c[0]))) / 2;
    const lat = (Math.min(...ring.map((c) => c[1])) + Math.max(...ring.map((c) => c[1]))) / 2;
    for (const a of pkg.alternatives) {
      expect(a.placement.lon).toBeCloseTo(lon, 6);
      expect(a.placement.lat).toBeCloseTo(lat, 6);
      expect(a.placement.height).toBeUndefined();
    }
  });

  it('models a 30 × 30 m tower over the limit, a 90 × 16 m slab and an 84 × 48 m podium with towers, all < 200 KB', () => {
    const H = expectedParcel().properties.heightLimit as number;
    const s = 3; // the chosen parcel is housing (0701): 3 m storeys
    expect(expectedParcel().properties.landUseCode).toBe('0701');
    const want = {
      tower: { half: [15, 15], height: (Math.floor(H / s) + 4) * s },
      slab: { half: [45, 8], height: Math.floor((0.6 * H) / s) * s },
      podium: { half: [42, 24], height: Math.floor((0.92 * H) / s) * s },
    };
    for (const [id, w] of Object.entries(want)) {
      const b = bounds(docs.get(id)!);
      // glTF y-up: x east, y up, z south.
      expect(b.min[0]).toBeCloseTo(-w.half[0]!, 4);
      expect(b.max[0]).toBeCloseTo(w.half[0]!, 4);
      expect(b.min[2]).toBeCloseTo(-w.half[1]!, 4);
      expect(b.max[2]).toBeCloseTo(w.half[1]!, 4);
      expect(b.min[1]).toBe(0);
      expect(b.max[1]).toBeCloseTo(w.height, 4);
      const alt = pkg.alternatives.find((a) => a.id === id)!;
      expect(alt.declared.height).toBe(w.height);
      expect(alt.declared.floors).toBe(w.height / s);
      expect(readFileSync(join(out, `${id}.glb`)).byteLength).toBeLessThan(200 * 1024);
    }
    expect(want.tower.height).toBeGreaterThan(H);
    // Two bands (facade, spandrel) on four walls per storey, two triangles each, plus the roof.
    expect(positions(docs.get('tower')!).triangles).toBe(16 * (want.tower.height / s) + 2);
    expect(positions(docs.get('slab')!).triangles).toBeGreaterThan(0);
  });

  it('makes storeys readable: a dark band per storey, a roof of its own colour, flat normals facing out', () => {
    const doc = docs.get('tower')!;
    const prims = doc.getRoot().listMeshes().flatMap((m) => m.listPrimitives());
    const byName = new Map(prims.map((p) => [p.getMaterial()!.getName(), p]));
    expect([...byName.keys()].sort()).toEqual(['glass', 'roof', 'spandrel']);
    const lum = (name: string): number => { const c = byName.get(name)!.getMaterial()!.getBaseColorFactor(); return c[0] + c[1] + c[2]; };
    expect(lum('spandrel')).toBeLessThan(lum('glass') / 3);
    expect(lum('roof')).not.toBeCloseTo(lum('glass'), 1);
    const spandrel = byName.get('spandrel')!.getAttribute('POSITION')!;
    const bottoms = new Set<number>();
    for (let i = 0; i < spandrel.getCount(); i++) bottoms.add(Math.round(spandrel.getElement(i, [])[1]! * 10));
    // Each storey's band has a bottom and a top edge.
    expect(bottoms.size).toBe(2 * (pkg.alternatives[0]!.declared.floors));
    for (const p of prims) {
      const pos = p.getAttribute('POSITION')!, nor = p.getAttribute('NORMAL')!, idx = p.getIndices()!;
      for (let t = 0; t < idx.getCount(); t += 3) {
        const [a, b, c] = [0, 1, 2].map((k) => pos.getElement(idx.getScalar(t + k), []));
        const u = [b![0]! - a![0]!, b![1]! - a![1]!, b![2]! - a![2]!], v = [c![0]! - a![0]!, c![1]! - a![1]!, c![2]! - a![2]!];
        const n = [u[1]! * v[2]! - u[2]! * v[1]!, u[2]! * v[0]! - u[0]! * v[2]!, u[0]! * v[1]! - u[1]! * v[0]!];
        const len = Math.hypot(n[0]!, n[1]!, n[2]!);
        const stored = nor.getElement(idx.getScalar(t), []);
        expect((n[0]! * stored[0]! + n[1]! * stored[1]! + n[2]! * stored[2]!) / len).toBeCloseTo(1, 6);
        // Outward: the normal points away from the footprint's vertical axis, or up on the roof.
        const mid = [(a![0]! + b![0]! + c![0]!) / 3, (a![2]! + b![2]! + c![2]!) / 3];
        expect(stored[1]! > 0.5 || stored[0]! * mid[0]! + stored[2]! * mid[1]! > 0).toBe(true);
      }
    }
  });

  it('keeps every footprint inside the parcel', () => {
    const ring = (expectedParcel().geometry as { coordinates: [number, number][][] }).coordinates[0]!;
    const inside = (lon: number, lat: number): boolean => {
      let odd = false;
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i]!, [xj, yj] = ring[j]!;
        if ((yi > lat) !== (yj > lat) && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) odd = !odd;
      }
      return odd;
    };
    for (const alt of pkg.alternatives) {
      const frame = localFrame({ lon: alt.placement.lon, lat: alt.placement.lat, height: 0 });
      for (const [x, , z] of positions(docs.get(alt.id)!).points) {
        const g = frame.toGeodetic([x!, -z!, 0]);
        expect(inside(g.lon, g.lat)).toBe(true);
      }
    }
  });

  it('measured from the models, the tower fails the height limit, the others pass, and GFA matches the declared', () => {
    const parcel = parcelRecord(expectedParcel());
    const fails: string[] = [];
    for (const alt of pkg.alternatives) {
      // Rasterise the roofs (upward quads) of the model on a 1 m grid.
      const r = createRaster({ lon: 0, lat: 0, height: 0 }, -59.5, -59.5, 1, 120, 120);
      const roof = docs.get(alt.id)!.getRoot().listMeshes()[0]!.listPrimitives().find((p) => p.getMaterial()!.getName() === 'roof')!;
      const pos = roof.getAttribute('POSITION')!;
      for (let q = 0; q < pos.getCount(); q += 4) {
        const c = [0, 1, 2, 3].map((k) => pos.getElement(q + k, []));
        const xs = c.map((p) => p[0]!), ys = c.map((p) => -p[2]!), top = c[0]![1]!;
        for (let j = 0; j < r.rows; j++) {
          for (let i = 0; i < r.cols; i++) {
            const x = r.x0 + i, y = r.y0 + j, k = j * r.cols + i;
            if (x > Math.min(...xs) && x < Math.max(...xs) && y > Math.min(...ys) && y < Math.max(...ys) && !(r.heights[k]! >= top)) r.heights[k] = top;
          }
        }
      }
      const ind = modelIndicators(r, alt.declared.storeyHeight!, parcel.area);
      expect(ind.gfa).toBe(alt.declared.gfa);
      expect(ind.floors).toBe(alt.declared.floors);
      const rows = compareWithParcel(ind, alt.declared, parcel);
      expect(rows.find((x) => x.id === 'gfa')!.mismatch).toBeUndefined();
      for (const row of rows) if (row.pass === false) fails.push(`${alt.id}.${row.id}`);
    }
    expect(fails).toEqual(['tower.height']);
  });

  it('refuses to overwrite without --force, and overwrites with it', async () => {
    const before = readFileSync(join(out, 'package.json'));
    const r = await schemes('demo', '--out', out, '--planning', planning);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/already exist.*use --force/);
    expect(readFileSync(join(out, 'package.json')).equals(before)).toBe(true);
    const f = await schemes('demo', '--out', out, '--planning', planning, '--force');
    expect(f.code, f.err).toBe(0);
    expect(f.out).toContain(`parcel ${pkg.parcel}`);
    expect(readFileSync(join(out, 'package.json')).equals(before)).toBe(true); // deterministic
  });

  it('--if-stale skips a current package and regenerates when the generator or planning data changed', async () => {
    const skip = await schemes('demo', '--out', out, '--planning', planning, '--if-stale');
    expect(skip.code).toBe(0);
    expect(skip.out).toMatch(/^scheme demo up to date/);
    const manifestPath = join(out, 'generated.json');
    const m = JSON.parse(readFileSync(manifestPath, 'utf8')) as { generator: string };
    writeFileSync(manifestPath, JSON.stringify({ ...m, generator: 'd000000000000' }));
    const regen = await schemes('demo', '--out', out, '--planning', planning, '--if-stale');
    expect(regen.code).toBe(0);
    expect(regen.err).toContain('generator changed (d000000000000 → ');
    expect(JSON.parse(readFileSync(manifestPath, 'utf8'))).toMatchObject({ generator: m.generator });
    writeFileSync(manifestPath, JSON.stringify({ ...m, planning: 'something else' }));
    expect((await schemes('demo', '--out', out, '--planning', planning, '--if-stale')).err).toContain('the planning data changed');
  });

  it('says the planning data is missing, writing nothing', async () => {
    const empty = join(root, 'no-planning');
    const target = join(root, 'never');
    const r = await schemes('demo', '--out', target, '--planning', empty);
    expect(r.code).toBe(1);
    expect(r.err).toContain('no planning data');
    expect(r.err).toContain('npm run planning');
    expect(existsSync(target)).toBe(false);
    const j = await schemes('demo', '--out', target, '--planning', empty, '--json');
    expect(JSON.parse(j.out)).toMatchObject({ ok: false });
  });

  it('rejects a bad --out and bad usage', async () => {
    const file = join(root, 'a-file');
    writeFileSync(file, 'x');
    const r = await schemes('demo', '--out', file, '--planning', planning);
    expect(r.code).toBe(1);
    expect(r.err).toContain('is not a directory');
    expect((await schemes('demo', '--out')).code).toBe(2);
    expect((await schemes('--out', out)).err).toContain('expected a subcommand: demo');
    expect((await schemes('tower')).code).toBe(2);
    expect((await schemes('demo', '--bogus')).err).toContain('--bogus: unknown option');
    const help = await schemes('--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('usage: npm run schemes -- demo');
  });
});
