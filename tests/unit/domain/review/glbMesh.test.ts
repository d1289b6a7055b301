import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MeshoptDecoder } from 'meshoptimizer';
import { describe, expect, it } from 'vitest';
import { ecefToGeodetic, localFrame } from '../../../../src/domain/review/frame.ts';
import { NO_TRIANGLES, Y_UP_TO_Z_UP, ecefToEnuMatrix, parseGlbTriangles, placeModelTriangles, type MeshoptDecoderLike } from '../../../../src/domain/review/glbMesh.ts';
import { tileRegion } from '../../../../src/domain/tiles/implicit.ts';
import { createRealityOnDemand } from '../../../../tools/lib/onDemand.ts';

// A minimal GLB writer: one buffer (the BIN chunk), one bufferView per accessor.
interface Acc { data: Float32Array | Int16Array | Uint8Array | Uint16Array | Uint32Array; type: 'VEC3' | 'SCALAR'; componentType: number; normalized?: boolean }
function glb(json: Record<string, unknown>, accessors: Acc[], version = 2): Uint8Array {
  let offset = 0;
  const views: object[] = [];
  const parts: Uint8Array[] = [];
  for (const a of accessors) {
    const bytes = new Uint8Array(a.data.buffer, a.data.byteOffset, a.data.byteLength);
    views.push({ buffer: 0, byteOffset: offset, byteLength: bytes.length });
    parts.push(bytes);
    offset += Math.ceil(bytes.length / 4) * 4;
  }
  const full = {
    asset: { version: '2.0' },
    buffers: [{ byteLength: offset }],
    bufferViews: views,
    accessors: accessors.map((a, i) => ({ bufferView: i, componentType: a.componentType, count: a.data.length / (a.type === 'VEC3' ? 3 : 1), type: a.type, normalized: a.normalized })),
    ...json,
  };
  const js = new TextEncoder().encode(JSON.stringify(full));
  const jsLen = Math.ceil(js.length / 4) * 4;
  const out = new Uint8Array(12 + 8 + jsLen + 8 + offset);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, 0x46546c67, true); dv.setUint32(4, version, true); dv.setUint32(8, out.length, true);
  dv.setUint32(12, jsLen, true); dv.setUint32(16, 0x4e4f534a, true);
  out.fill(0x20, 20, 20 + jsLen); out.set(js, 20);
  dv.setUint32(20 + jsLen, offset, true); dv.setUint32(24 + jsLen, 0x004e4942, true);
  let at = 28 + jsLen;
  parts.forEach((p) => { out.set(p, at); at += Math.ceil(p.length / 4) * 4; });
  return out;
}
const pos = (...v: number[]): Acc => ({ data: new Float32Array(v), type: 'VEC3', componentType: 5126 });
const oneMesh = (attrs: { POSITION: number; indices?: number; mode?: number }, node: Record<string, unknown> = {}): Record<string, unknown> => ({
  meshes: [{ primitives: [{ attributes: { POSITION: attrs.POSITION }, indices: attrs.indices, mode: attrs.mode }] }],
  nodes: [{ mesh: 0, ...node }], scenes: [{ nodes: [0] }], scene: 0,
});
const tris = (t: Float64Array): number[][] => Array.from({ length: t.length / 3 }, (_, k) => [t[3 * k]!, t[3 * k + 1]!, t[3 * k + 2]!]);
const close = (got: number[][], want: number[][], digits = 9): void => {
  expect(got).toHaveLength(want.length);
  got.forEach((p, k) => p.forEach((v, c) => expect(v).toBeCloseTo(want[k]![c]!, digits)));
};

describe('parseGlbTriangles: plain glTF', () => {
  it('reads float positions with uint16 indices', () => {
    const r = parseGlbTriangles(glb(oneMesh({ POSITION: 0, indices: 1 }), [pos(0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1, 0), { data: new Uint16Array([0, 1, 2, 2, 1, 3]), type: 'SCALAR', componentType: 5123 }]));
    expect(r.problems).toEqual([]);
    close(tris(r.triangles), [[0, 0, 0], [1, 0, 0], [0, 1, 0], [0, 1, 0], [1, 0, 0], [1, 1, 0]]);
  });

  it('reads uint8 and uint32 indices, non-indexed triangles and strips', () => {
    const p = pos(0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1, 0);
    const u8 = parseGlbTriangles(glb(oneMesh({ POSITION: 0, indices: 1 }), [p, { data: new Uint8Array([3, 2, 1, 0]), type: 'SCALAR', componentType: 5121 }]));
    close(tris(u8.triangles), [[1, 1, 0], [0, 1, 0], [1, 0, 0]]); // the fourth index makes no triangle
    const u32 = parseGlbTriangles(glb(oneMesh({ POSITION: 0, indices: 1 }), [p, { data: new Uint32Array([1, 2, 3]), type: 'SCALAR', componentType: 5125 }]));
    close(tris(u32.triangles), [[1, 0, 0], [0, 1, 0], [1, 1, 0]]);
    const flat = parseGlbTriangles(glb(oneMesh({ POSITION: 0 }), [p]));
    close(tris(flat.triangles), [[0, 0, 0], [1, 0, 0], [0, 1, 0]]);
    // A strip 0 1 2 3 is triangles (0 1 2) and (1 3 2): the spec flips every second one to keep the winding.
    const strip = parseGlbTriangles(glb(oneMesh({ POSITION: 0, mode: 5 }), [p]));
    close(tris(strip.triangles), [[0, 0, 0], [1, 0, 0], [0, 1, 0], [1, 0, 0], [1, 1, 0], [0, 1, 0]]);
  });

  it('applies node TRS down the hierarchy and a matrix node', () => {
    // Parent: translate (10, 0, 0), rotate 90° about +y (x → −z), scale 2. Child: translate (0, 5, 0).
    const s = Math.SQRT1_2;
    const json = {
      meshes: [{ primitives: [{ attributes: { POSITION: 0 } }] }],
      nodes: [{ translation: [10, 0, 0], rotation: [0, s, 0, s], scale: [2, 2, 2], children: [1] }, { translation: [0, 5, 0], mesh: 0 }, { matrix: [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, -7, 1], mesh: 0 }],
      scenes: [{ nodes: [0, 2] }],
    };
    const r = parseGlbTriangles(glb(json, [pos(1, 0, 0, 0, 0, 1, 0, 0, 0)]));
    expect(r.problems).toEqual([]);
    // Child point p → parent: T(10,0,0)·R·S·(p + (0,5,0)); R maps x → −z and z → x.
    close(tris(r.triangles), [[10, 10, -2], [12, 10, 0], [10, 10, 0], [1, 0, -7], [0, 0, -6], [0, 0, -7]]);
  });

  it('turns normalized shorts into −1…1 and applies a caller transform after the nodes', () => {
    const r = parseGlbTriangles(
      glb(oneMesh({ POSITION: 0 }, { scale: [100, 100, 100] }), [{ data: new Int16Array([32767, 0, 0, 0, -32767, 0, 0, -32768, 16384]), type: 'VEC3', componentType: 5122, normalized: true }]),
      { transform: Y_UP_TO_Z_UP },
    );
    // y-up (x, y, z) → z-up (x, −z, y); −32768 clamps to −1 per the glTF spec.
    close(tris(r.triangles), [[100, 0, 0], [0, 0, -100], [0, (-100 * 16384) / 32767, -100]]);
  });
});

describe('parseGlbTriangles: problems, not exceptions', () => {
  const p = pos(0, 0, 0, 1, 0, 0, 0, 1, 0);
  it.each([
    ['not a GLB', new TextEncoder().encode('{"asset":{"version":"2.0"}}'), /not a GLB/],
    ['glTF 1 binary', glb(oneMesh({ POSITION: 0 }), [p], 1), /version 1 is not supported/],
    ['no triangles', glb({ nodes: [{}], scenes: [{ nodes: [0] }] }, [p]), new RegExp(NO_TRIANGLES)],
    ['draco', glb({ ...oneMesh({ POSITION: 0 }), extensionsRequired: ['KHR_draco_mesh_compression'] }, [p]), /KHR_draco_mesh_compression is not supported/],
    ['meshopt without a decoder', glb({ ...oneMesh({ POSITION: 0 }), extensionsRequired: ['EXT_meshopt_compression'] }, [p]), /EXT_meshopt_compression needs a meshopt decoder/],
    ['index out of range', glb(oneMesh({ POSITION: 0, indices: 1 }), [p, { data: new Uint16Array([0, 1, 9]), type: 'SCALAR', componentType: 5123 }]), /index 9 outside its 3 vertices/],
  ])('%s', (_, bytes, message) => {
    const r = parseGlbTriangles(bytes);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatch(message);
    expect(r.triangles).toHaveLength(0);
  });

  it('skips points and lines with a warning and reads the rest', () => {
    const json = { meshes: [{ primitives: [{ attributes: { POSITION: 0 }, mode: 1 }, { attributes: { POSITION: 0 } }] }], nodes: [{ mesh: 0 }], scenes: [{ nodes: [0] }] };
    const r = parseGlbTriangles(glb(json, [p]));
    expect(r.problems).toEqual([]);
    expect(r.warnings).toEqual(['meshes[0].primitives[0]: mode 1 (points or lines) skipped']);
    expect(r.triangles).toHaveLength(9);
  });
});

describe('parseGlbTriangles: a reality-mesh tile (meshopt, quantized)', async () => {
  await MeshoptDecoder.ready;
  // Through the server's on-demand hook, so a fresh checkout (or a new generator version) works.
  const dir = fileURLToPath(new URL('../../../../tilesets', import.meta.url));
  const make = createRealityOnDemand(dir);
  const rootJson = JSON.parse(readFileSync(join(dir, 'reality/tileset.json'), 'utf8')) as { root: { children: { content: { uri: string } }[] } };
  const central = `reality/${rootJson.root.children.find((c) => c.content.uri.includes('/central/'))!.content.uri.replace('/tileset.json', '')}`;
  if (!existsSync(join(dir, central, 'tileset.json'))) await make(`${central}/tileset.json`);
  const region = (JSON.parse(readFileSync(join(dir, central, 'tileset.json'), 'utf8')) as { root: { boundingVolume: { region: number[] } } }).root.boundingVolume.region;
  const deg = region.map((v) => (v * 180) / Math.PI);
  // The level-6 tile (~650 m) over 东部新城: its corners must land inside the quadtree cell that names it.
  const l = 6, n = 2 ** l;
  const x = Math.floor(((121.62 - deg[0]!) / (deg[2]! - deg[0]!)) * n), y = Math.floor(((29.856 - deg[1]!) / (deg[3]! - deg[1]!)) * n);
  const rel = `${central}/content/${l}/${x}/${y}.glb`;
  if (!existsSync(join(dir, rel))) expect(await make(rel)).toBe(true);
  const bytes = new Uint8Array(readFileSync(join(dir, rel)));

  it('decodes to ECEF inside the tile’s own region and height range', () => {
    const r = parseGlbTriangles(bytes, { decoder: MeshoptDecoder, transform: Y_UP_TO_Z_UP });
    expect(r.problems).toEqual([]);
    const cell = tileRegion({ west: deg[0]!, south: deg[1]!, east: deg[2]!, north: deg[3]! }, l, x, y);
    const slack = 1e-6; // degrees (0.1 m); 16-bit quantization over a 650 m tile is 1 cm a step
    let minLon = Infinity, maxLon = -Infinity, minLat = Infinity, maxLat = -Infinity, minH = Infinity, maxH = -Infinity;
    for (let k = 0; k < r.triangles.length; k += 3 * 7) { // every 7th corner keeps it fast
      const g = ecefToGeodetic([r.triangles[k]!, r.triangles[k + 1]!, r.triangles[k + 2]!]);
      minLon = Math.min(minLon, g.lon); maxLon = Math.max(maxLon, g.lon); minLat = Math.min(minLat, g.lat); maxLat = Math.max(maxLat, g.lat);
      minH = Math.min(minH, g.height); maxH = Math.max(maxH, g.height);
    }
    expect(minLon).toBeGreaterThan(cell.west - slack);
    expect(maxLon).toBeLessThan(cell.east + slack);
    expect(minLat).toBeGreaterThan(cell.south - slack);
    expect(maxLat).toBeLessThan(cell.north + slack);
    // And it spans most of the cell (a wrong scale would shrink or blow it up).
    expect(maxLon - minLon).toBeGreaterThan(0.9 * (cell.east - cell.west));
    expect(minH).toBeGreaterThan(region[4]!);
    expect(maxH).toBeLessThan(region[5]!);
  });

  it('names the bufferView whose decoding fails', () => {
    const broken: MeshoptDecoderLike = { decodeGltfBuffer: () => { throw new Error('malformed'); } };
    expect(parseGlbTriangles(bytes, { decoder: broken }).problems[0]).toMatch(/bufferView \d+: meshopt decoding failed \(malformed\)/);
  });
});

describe('placeModelTriangles', () => {
  const origin = { lon: 121.55, lat: 29.87, height: 5 };
  // glTF +z (the model's front), +x and +y (up), one triangle.
  const model = new Float64Array([0, 0, 1, 1, 0, 0, 0, 1, 0]);

  it('puts glTF axes where Cesium’s Model shows them, turned clockwise by the heading and scaled', () => {
    const at0 = tris(placeModelTriangles(model, { origin }, origin));
    close(at0, [[1, 0, 0], [0, 1, 0], [0, 0, 1]], 6); // forwardAxis Z: +z east, +x north, +y up
    const turned = tris(placeModelTriangles(model, { origin, heading: 90, scale: 2 }, origin));
    close(turned, [[0, -2, 0], [2, 0, 0], [0, 0, 2]], 6); // east → south, north → east
    const tiles = tris(placeModelTriangles(model, { origin, axes: '3d-tiles' }, origin));
    close(tiles, [[0, -1, 0], [1, 0, 0], [0, 0, 1]], 6); // (x, y, z) → (x, −z, y)
  });

  it('lands in another frame where that frame says the origin is', () => {
    const frameOrigin = { lon: 121.549, lat: 29.8705, height: 0 };
    const got = tris(placeModelTriangles(new Float64Array([0, 0, 0, 0, 0, 0, 0, 0, 0]), { origin }, frameOrigin))[0]!;
    const want = localFrame(frameOrigin).fromGeodetic(origin);
    close([got], [want], 6);
    // The same map as a matrix: ecefToEnuMatrix agrees with frame.ts.
    const m = ecefToEnuMatrix(frameOrigin), p = [-2_850_000, 4_650_000, 3_160_000];
    const viaMatrix = [0, 1, 2].map((r) => m[r]! * p[0]! + m[4 + r]! * p[1]! + m[8 + r]! * p[2]! + m[12 + r]!);
    close([viaMatrix], [localFrame(frameOrigin).toLocal(p)], 6);
  });
});
