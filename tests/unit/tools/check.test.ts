import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { checkTileset, type Reader } from '../../../tools/lib/tilecheck/index.ts';
import { decodeGlb, inspectGlb } from '../../../tools/lib/tilecheck/glb.ts';
import { isAvailable, morton, mortonDecode } from '../../../tools/lib/tilecheck/subtree.ts';
import { overhang, worldVolume } from '../../../tools/lib/tilecheck/bounds.ts';
import { IDENTITY } from '../../../tools/lib/tilecheck/geo.ts';
import { run } from '../../../tools/commands/check.ts';
import { memoryIo } from '../../../tools/lib/io.ts';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/tilesets');

/** All fixture files in memory under virtual paths `/fx/<rel>`: the checker never touches disk. */
function memoryFiles(): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else files.set(`/fx/${path.relative(fixtures, p).split(path.sep).join('/')}`, new Uint8Array(readFileSync(p)));
    }
  };
  walk(fixtures);
  return files;
}

function memoryReader(files: Map<string, Uint8Array>): Reader {
  return async (p) => {
    const data = files.get(p);
    if (!data) throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
    return data;
  };
}

const files = memoryFiles();
const read = memoryReader(files);
const json = (rel: string): Record<string, unknown> => JSON.parse(new TextDecoder().decode(files.get(`/fx/${rel}`))) as Record<string, unknown>;

describe('checkTileset on valid fixtures', () => {
  it('explicit tree with an external tileset', async () => {
    const r = await checkTileset('/fx/valid-explicit/tileset.json', read, { sample: 10 });
    expect(r.problems).toEqual([]);
    expect(r).toMatchObject({ tilesVisited: 6, contentsRead: 6, externalTilesets: 1, maxDepth: 2, contentsDecoded: 5 }); // 5 glb + 1 tileset
  });
  it('implicit quadtree with binary subtrees, bitstream availability and meshopt glb', async () => {
    const r = await checkTileset('/fx/valid-implicit-quadtree/tileset.json', read, { sample: 100 });
    expect(r.problems).toEqual([]);
    expect(r).toMatchObject({ tilesVisited: 7, contentsRead: 7, subtreesRead: 3, maxDepth: 2, contentsDecoded: 7 });
  });
  it('implicit octree with a JSON subtree, constant availability and an external buffer', async () => {
    const r = await checkTileset('/fx/valid-implicit-octree/tileset.json', read);
    expect(r.problems).toEqual([]);
    expect(r).toMatchObject({ tilesVisited: 9, contentsRead: 2, subtreesRead: 1, maxDepth: 1 });
  });
  it('stops at --max-tiles and says so', async () => {
    const r = await checkTileset('/fx/valid-implicit-quadtree/tileset.json', read, { maxTiles: 3 });
    expect(r.truncated).toBe(true);
    expect(r.tilesVisited).toBe(3);
  });
});

describe('checkTileset on broken fixtures names the tile', () => {
  it.each([
    ['broken-child-outside', 'tileset.json: root.children[1]', /outside its parent's/],
    ['broken-geometric-error', 'tileset.json: root.children[2]', /geometricError 40 is larger than its parent's 16/],
    ['broken-corrupt-glb', 'tileset.json: root.children[0].content', /glb header says \d+ bytes, file has \d+/],
    ['broken-missing-content', 'tileset.json: root.children[2].content', /gone\.glb: cannot read \(not found\)/],
  ])('%s', async (dir, where, message) => {
    const r = await checkTileset(`/fx/${dir}/tileset.json`, read);
    expect(r.problems.length).toBeGreaterThan(0);
    expect(r.problems.some((p) => p.path === where && message.test(p.message))).toBe(true);
  });

  it('reports content outside an implicit tile with its implicit path', async () => {
    const mem = new Map(files);
    const t = json('valid-implicit-quadtree/tileset.json') as { root: { boundingVolume: { region: number[] } } };
    // Shrink the root region's east half away: level-1 tiles x=1 no longer cover their content.
    const [w, s, e, n, h0, h1] = t.root.boundingVolume.region as [number, number, number, number, number, number];
    t.root.boundingVolume.region = [w, s, w + (e - w) * 0.6, n, h0, h1];
    mem.set('/fx/valid-implicit-quadtree/tileset.json', new TextEncoder().encode(JSON.stringify(t)));
    const r = await checkTileset('/fx/valid-implicit-quadtree/tileset.json', memoryReader(mem));
    expect(r.problems.some((p) => p.path === 'tileset.json: root implicit L1 (1,0)' && /glb vertices extend [\d.]+ m past the east side/.test(p.message))).toBe(true);
  });

  it('reports a missing subtree and inconsistent availability', async () => {
    const mem = new Map(files);
    mem.delete('/fx/valid-implicit-quadtree/subtrees/2/3/3.subtree');
    const r = await checkTileset('/fx/valid-implicit-quadtree/tileset.json', memoryReader(mem));
    expect(r.problems).toEqual([{ path: 'tileset.json: root implicit L2 (3,3)', message: 'subtree subtrees/2/3/3.subtree: not found' }]);
  });

  it('reports a corrupt meshopt stream only when sampled for decoding', async () => {
    const mem = new Map(files);
    const key = '/fx/valid-implicit-quadtree/content/1/0/0.glb';
    const bad = (files.get(key) as Uint8Array).slice();
    bad.fill(0xff, bad.byteLength - 150);
    mem.set(key, bad);
    const quick = await checkTileset('/fx/valid-implicit-quadtree/tileset.json', memoryReader(mem));
    expect(quick.problems).toEqual([]);
    const full = await checkTileset('/fx/valid-implicit-quadtree/tileset.json', memoryReader(mem), { sample: 100 });
    expect(full.problems.map((p) => p.message)).toEqual([expect.stringMatching(/glb does not decode/)]);
  });
});

describe('checker pieces', () => {
  it('morton order interleaves x, y(, z)', () => {
    expect(morton([1, 0])).toBe(1);
    expect(morton([0, 1])).toBe(2);
    expect(morton([3, 3])).toBe(15);
    expect(morton([1, 1, 1])).toBe(7);
    for (let i = 0; i < 64; i++) expect(morton(mortonDecode(i, 3))).toBe(i);
  });
  it('availability: constant and bitstream', () => {
    expect(isAvailable({ constant: 1 }, 99)).toBe(true);
    expect(isAvailable({ explicitBitstream: new Uint8Array([0b10000001, 0b1]) }, 7)).toBe(true);
    expect(isAvailable({ explicitBitstream: new Uint8Array([0b10000001, 0b1]) }, 6)).toBe(false);
    expect(isAvailable({ explicitBitstream: new Uint8Array([0b10000001, 0b1]) }, 8)).toBe(true);
  });
  it('box and sphere containment', () => {
    const box = worldVolume({ box: [0, 0, 0, 10, 0, 0, 0, 10, 0, 0, 0, 10] }, IDENTITY);
    const inner = worldVolume({ sphere: [5, 0, 0, 5] }, IDENTITY);
    const poking = worldVolume({ sphere: [8, 0, 0, 5] }, IDENTITY);
    if (typeof box === 'string' || typeof inner === 'string' || typeof poking === 'string') throw new Error('bad volume');
    expect(overhang(box, inner)).toBe(0);
    expect(overhang(box, poking)).toBeCloseTo(3);
    expect(worldVolume({ region: [0, 1, 0, 0, 0, 0] }, IDENTITY)).toMatch(/south .* > north/);
  });
  it('glb header checks', async () => {
    expect(inspectGlb(new TextEncoder().encode('not a glb at all, no')).problems).toEqual(['not a glb: magic is not "glTF"']);
    expect(await decodeGlb(new Uint8Array(files.get('/fx/valid-explicit/q0.glb') as Uint8Array))).toBeNull();
  });
});

describe('check command', () => {
  it('exits 0 on a valid tileset, 1 with problems, 2 on usage errors; --json lists problems', async () => {
    const ok = memoryIo();
    expect(await run([path.join(fixtures, 'valid-explicit/tileset.json')], ok)).toBe(0);
    expect(ok.stdout.join('')).toMatch(/6 tiles visited.*\nno problems found/);
    const bad = memoryIo();
    expect(await run([path.join(fixtures, 'broken-geometric-error/tileset.json'), '--json'], bad)).toBe(1);
    const report = JSON.parse(bad.stdout.join('')) as { problems: { path: string }[] };
    expect(report.problems[0]?.path).toBe('tileset.json: root.children[2]');
    expect(await run([], memoryIo())).toBe(2);
    expect(await run(['x.json', '--max-tiles', 'lots'], memoryIo())).toBe(2);
  });
});
