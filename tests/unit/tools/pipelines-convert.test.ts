import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { convertNetwork, PROPERTY_COLUMNS } from '../../../tools/pipelines/convert/index.ts';
import { checkTileset, nodeReader } from '../../../tools/lib/tilecheck/index.ts';
import { ecefToGeodetic } from '../../../tools/lib/tilecheck/geo.ts';
import type { PipeClassCode, PipeSection, SurveyNetwork, SurveyPipe, SurveyPoint } from '../../../src/domain/pipelines/index.ts';

// ---- a hand-built network -------------------------------------------------------------------

const LON = 121.55, LAT = 29.87;
function point(id: string, dx: number, dy: number, groundHeight: number, appurtenance = '', wellDepth?: number): SurveyPoint {
  // dx/dy in metres east/north of (LON, LAT).
  return {
    id, line: 2, northing: 0, easting: 0, zone: 123, groundHeight, feature: '', appurtenance,
    lon: LON + dx / (111_320 * Math.cos((LAT * Math.PI) / 180)), lat: LAT + dy / 110_574, ...(wellDepth === undefined ? {} : { wellDepth }),
  };
}
function pipe(from: string, to: string, cls: PipeClassCode, section: PipeSection, depth: number, extra: Partial<SurveyPipe> = {}): SurveyPipe {
  return {
    line: 2, from, to, cls, subtype: cls === 'PS' ? '雨水' : '配水', startDepth: depth, endDepth: depth, section,
    material: 'QM', burial: 'ZM', owner: '宁波市自来水有限公司', year: 2015, status: 0, ...extra,
  };
}
const round = (diameterMm: number): PipeSection => ({ kind: 'round', diameterMm });
const network = (points: SurveyPoint[], pipes: SurveyPipe[]): SurveyNetwork => ({ points, pipes, zone: 123, issues: [], skipped: { points: 0, pipes: 0 } });

/** Three points, two DN200 water pipes meeting at JS0002 (a joint: no well there). */
const threePoints = network(
  [point('JS0001', 0, 0, 3.0), point('JS0002', 50, 0, 3.0), point('JS0003', 100, 20, 3.0)],
  [pipe('JS0001', 'JS0002', 'JS', round(200), 1.0), pipe('JS0002', 'JS0003', 'JS', round(200), 1.0, { owner: '宁波水务', year: 2003 })],
);

// ---- reading a glb back ------------------------------------------------------------------------

interface Gltf {
  extensionsUsed: string[];
  nodes: { translation: number[] }[];
  meshes: { primitives: { attributes: Record<string, number>; indices: number; material: number; extensions: { EXT_mesh_features: { featureIds: { featureCount: number; attribute: number; propertyTable: number }[] } } }[] }[];
  accessors: { bufferView: number; componentType: number; count: number; type: string; min?: number[]; max?: number[] }[];
  bufferViews: { byteOffset: number; byteLength: number }[];
  materials: { pbrMetallicRoughness: { baseColorFactor: number[] } }[];
  extensions: { EXT_structural_metadata: { schema: { classes: Record<string, { properties: Record<string, { type: string; componentType?: string }> }> }; propertyTables: { class: string; count: number; properties: Record<string, { values: number; stringOffsets?: number; stringOffsetType?: string }> }[] } };
}

function readGlb(bytes: Uint8Array): { json: Gltf; bin: Uint8Array; binStart: number } {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect(dv.getUint32(0, true)).toBe(0x46546c67);
  expect(dv.getUint32(8, true)).toBe(bytes.byteLength);
  const jsonLength = dv.getUint32(12, true);
  const json = JSON.parse(new TextDecoder().decode(bytes.subarray(20, 20 + jsonLength))) as Gltf;
  const binLength = dv.getUint32(20 + jsonLength, true);
  expect(dv.getUint32(24 + jsonLength, true)).toBe(0x004e4942);
  const binStart = 28 + jsonLength;
  return { json, bin: bytes.subarray(binStart, binStart + binLength), binStart };
}

function view(g: { json: Gltf; bin: Uint8Array }, index: number): DataView {
  const bv = g.json.bufferViews[index]!;
  return new DataView(g.bin.buffer, g.bin.byteOffset + bv.byteOffset, bv.byteLength);
}

/** Every row of the property table as an object, decoded as Cesium's MetadataTableProperty does. */
function tableRows(g: { json: Gltf; bin: Uint8Array }): Record<string, string | number>[] {
  const meta = g.json.extensions.EXT_structural_metadata;
  const table = meta.propertyTables[0]!;
  const cls = meta.schema.classes[table.class]!;
  const rows: Record<string, string | number>[] = Array.from({ length: table.count }, () => ({}));
  for (const [name, prop] of Object.entries(table.properties)) {
    const def = cls.properties[name]!;
    const values = view(g, prop.values);
    for (let i = 0; i < table.count; i++) {
      if (def.type === 'STRING') {
        expect(prop.stringOffsetType).toBe('UINT32');
        const offsets = view(g, prop.stringOffsets!);
        const a = offsets.getUint32(4 * i, true), b = offsets.getUint32(4 * i + 4, true);
        rows[i]![name] = new TextDecoder().decode(new Uint8Array(values.buffer, values.byteOffset + a, b - a));
      } else {
        rows[i]![name] = def.componentType === 'UINT8' ? values.getUint8(i) : def.componentType === 'UINT16' ? values.getUint16(2 * i, true) : values.getFloat32(4 * i, true);
      }
    }
  }
  return rows;
}

/** World (ECEF) vertex positions per primitive with their feature ids. */
function vertices(g: { json: Gltf; bin: Uint8Array }): { ecef: [number, number, number]; featureId: number }[] {
  const t = g.json.nodes[0]!.translation;
  const out: { ecef: [number, number, number]; featureId: number }[] = [];
  for (const p of g.json.meshes[0]!.primitives) {
    const pos = g.json.accessors[p.attributes.POSITION!]!, ids = g.json.accessors[p.attributes._FEATURE_ID_0!]!;
    expect(ids.count).toBe(pos.count);
    const pv = view(g, pos.bufferView), iv = view(g, ids.bufferView);
    for (let i = 0; i < pos.count; i++) {
      // glTF y-up (x, y, z) → ECEF (x, −z, y), node translation included.
      const x = pv.getFloat32(12 * i, true) + t[0]!, y = pv.getFloat32(12 * i + 4, true) + t[1]!, z = pv.getFloat32(12 * i + 8, true) + t[2]!;
      out.push({ ecef: [x, -z, y], featureId: iv.getFloat32(4 * i, true) });
    }
  }
  return out;
}

const tmp = mkdtempSync(path.join(tmpdir(), 'pipelines-convert-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
function writeOut(files: Map<string, Uint8Array>, dir: string): string {
  for (const [rel, bytes] of files) { mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true }); writeFileSync(path.join(dir, rel), bytes); }
  return path.join(dir, 'tileset.json');
}

// ---- tests -------------------------------------------------------------------------------------

describe('convertNetwork', () => {
  it('converts a three-point network into a 1.1 tileset with one detail tile', async () => {
    const { files, summary } = await convertNetwork(threePoints, { geoidOffsetMeters: 12.4, name: 'test', synthetic: true });
    expect([...files.keys()].sort()).toEqual(['detail/0.glb', 'tileset.json']);
    const tileset = JSON.parse(new TextDecoder().decode(files.get('tileset.json'))) as { asset: { version: string }; extras: Record<string, unknown>; root: { children: { content: { uri: string } }[]; content?: unknown } };
    expect(tileset.asset.version).toBe('1.1');
    expect(tileset.extras).toMatchObject({ synthetic: true, geoidOffsetMeters: 12.4 });
    expect(tileset.root.content).toBeUndefined(); // no mains
    expect(summary).toMatchObject({ pipes: { JS: 2 }, features: 2, mains: 0, contents: 1, skipped: { points: 0, pipes: 0 } });
    expect(summary.km.JS).toBeGreaterThan(0.1);
    expect(summary.km.JS).toBeLessThan(0.11);
  });

  it('writes a glb whose features and property table read back to the input', async () => {
    const { files } = await convertNetwork(threePoints, { geoidOffsetMeters: 12.4 });
    const g = readGlb(files.get('detail/0.glb')!);
    expect(g.json.extensionsUsed).toEqual(expect.arrayContaining(['EXT_mesh_features', 'EXT_structural_metadata']));
    expect(g.binStart % 8).toBe(0);
    for (const bv of g.json.bufferViews) expect(bv.byteOffset % 8).toBe(0);
    const rows = tableRows(g);
    expect(rows).toHaveLength(2);
    expect(Object.keys(rows[0]!).sort()).toEqual(PROPERTY_COLUMNS.map((c) => c.name).sort());
    const byId = new Map(rows.map((r) => [r.featureId, r]));
    expect(byId.get('JS0001-JS0002')).toMatchObject({
      featureType: 'pipe', class: 'JS', className: '给水', subtype: '配水', size: 'DN200', diameterMm: 200, widthMm: 200, heightMm: 200,
      material: 'QM', burial: 'ZM', owner: '宁波市自来水有限公司', year: 2015, status: 0, startDepth: 1, endDepth: 1,
      startPoint: 'JS0001', endPoint: 'JS0002', groundHeight: 3,
    });
    expect(byId.get('JS0002-JS0003')).toMatchObject({ owner: '宁波水务', year: 2003 });
    const prim = g.json.meshes[0]!.primitives[0]!;
    expect(prim.extensions.EXT_mesh_features.featureIds).toEqual([{ featureCount: 2, attribute: 0, propertyTable: 0 }]);
    const vs = vertices(g);
    expect(vs.length).toBe(g.json.accessors[prim.attributes.POSITION!]!.count);
    for (const v of vs) { expect(Number.isInteger(v.featureId)).toBe(true); expect(v.featureId).toBeGreaterThanOrEqual(0); expect(v.featureId).toBeLessThan(rows.length); }
    expect(new Set(vs.map((v) => v.featureId)).size).toBe(2);
    // Water supply is cyan (0, 255, 255): red channel dark, green and blue full, in linear units.
    expect(g.json.materials[prim.material]!.pbrMetallicRoughness.baseColorFactor.slice(1, 3)).toEqual([1, 1]);
  });

  it("decodes with CesiumJS's own reader (parseStructuralMetadata → PropertyTable), as picking will", async () => {
    const { files } = await convertNetwork(threePoints, { geoidOffsetMeters: 12.4 });
    const g = readGlb(files.get('detail/0.glb')!);
    // Untyped engine sources: imported by a computed name so tsc does not look for declarations.
    const scene = '@cesium/engine/Source/Scene';
    const { default: parseStructuralMetadata } = (await import(`${scene}/parseStructuralMetadata.js`)) as { default: (o: unknown) => { getPropertyTable(i: number): { count: number; getProperty(i: number, name: string): unknown } } };
    const { default: MetadataSchema } = (await import(`${scene}/MetadataSchema.js`)) as { default: { fromJson(json: unknown): unknown } };
    const ext = g.json.extensions.EXT_structural_metadata;
    const bufferViews = Object.fromEntries(g.json.bufferViews.map((_, i) => [i, new Uint8Array(view(g, i).buffer, view(g, i).byteOffset, view(g, i).byteLength)]));
    const warn = console.warn; console.warn = () => {}; // Node has no GPU: Cesium warns it cannot also make a texture of the table
    try {
      const table = parseStructuralMetadata({ extension: ext, schema: MetadataSchema.fromJson(ext.schema), bufferViews }).getPropertyTable(0);
      expect(table.count).toBe(2);
      const ids = [0, 1].map((i) => table.getProperty(i, 'featureId'));
      const i = ids.indexOf('JS0002-JS0003');
      expect(table.getProperty(i, 'owner')).toBe('宁波水务');
      expect(table.getProperty(i, 'year')).toBe(2003);
      expect(table.getProperty(i, 'diameterMm')).toBe(200);
      expect(table.getProperty(i, 'className')).toBe('给水');
      expect(table.getProperty(i, 'startDepth')).toBeCloseTo(1, 6);
    } finally { console.warn = warn; }
  });

  it('puts a pipe at H1985 + N: ground 3.0, 1.0 m to the top, DN200 → centre 1.9 m + N', async () => {
    const heightsFor = async (geoidOffsetMeters: number): Promise<{ mean: number; min: number; max: number }> => {
      const { files } = await convertNetwork(threePoints, { geoidOffsetMeters });
      const g = readGlb(files.get('detail/0.glb')!);
      const id = tableRows(g).findIndex((r) => r.featureId === 'JS0001-JS0002');
      const hs = vertices(g).filter((v) => v.featureId === id).map((v) => ecefToGeodetic(v.ecef)[2]);
      return { mean: hs.reduce((a, b) => a + b, 0) / hs.length, min: Math.min(...hs), max: Math.max(...hs) };
    };
    const n124 = await heightsFor(12.4);
    expect(n124.mean).toBeCloseTo(3.0 - 1.0 - 0.1 + 12.4, 2);
    expect(n124.max).toBeCloseTo(3.0 - 1.0 + 12.4, 2); // the surveyed depth is to the top
    expect(n124.min).toBeCloseTo(3.0 - 1.2 + 12.4, 2);
    const n10 = await heightsFor(10);
    expect(n124.mean - n10.mean).toBeCloseTo(2.4, 3);
  });

  it('measures drainage depth to the invert', async () => {
    const ps = network([point('YS1', 0, 0, 4.0), point('YS2', 40, 0, 4.0)], [pipe('YS1', 'YS2', 'PS', round(400), 2.0)]);
    const { files } = await convertNetwork(ps, { geoidOffsetMeters: 12.4 });
    const hs = vertices(readGlb(files.get('detail/0.glb')!)).map((v) => ecefToGeodetic(v.ecef)[2]);
    expect(Math.min(...hs)).toBeCloseTo(4.0 - 2.0 + 12.4, 2);
  });

  it('shows mains from the root and the rest in a child tile', async () => {
    const net = network(
      [point('JS1', 0, 0, 3), point('JS2', 80, 0, 3), point('JS3', 0, 60, 3), point('JS4', 80, 60, 3, '阀门井', 2.2), point('JS5', 0, 120, 3, '消防栓'), point('ZH1', 160, 0, 3.2)],
      [pipe('JS1', 'JS2', 'JS', round(1000), 1.5), pipe('JS3', 'JS4', 'JS', round(100), 0.8), pipe('JS3', 'JS5', 'JS', round(150), 0.8),
        pipe('JS2', 'ZH1', 'QT', { kind: 'box', widthMm: 2000, heightMm: 1500 }, 2.0, { subtype: '综合管廊', burial: 'ZH' })],
    );
    const { files, summary } = await convertNetwork(net, { geoidOffsetMeters: 12.4 });
    const tileset = JSON.parse(new TextDecoder().decode(files.get('tileset.json'))) as { geometricError: number; root: { geometricError: number; refine: string; content: { uri: string }; children: { geometricError: number; content: { uri: string } }[] } };
    expect(tileset.root.refine).toBe('ADD');
    expect(tileset.root.content.uri).toBe('mains.glb');
    expect(tileset.root.geometricError).toBeGreaterThan(0);
    const mains = tableRows(readGlb(files.get('mains.glb')!)).map((r) => r.featureId);
    expect(mains.sort()).toEqual(['JS1-JS2', 'JS2-ZH1']);
    const child = tileset.root.children[0]!;
    const detail = tableRows(readGlb(files.get(child.content.uri)!));
    expect(detail.map((r) => r.featureId).sort()).toEqual(['JS3-JS4', 'JS3-JS5', 'JS4', 'JS5']);
    expect(detail.find((r) => r.featureId === 'JS4')).toMatchObject({ featureType: 'well', subtype: '阀门井', startDepth: 0, class: 'JS' });
    expect(detail.find((r) => r.featureId === 'JS4')!.endDepth).toBeCloseTo(2.2, 5);
    expect(detail.find((r) => r.featureId === 'JS5')).toMatchObject({ featureType: 'fitting', subtype: '消防栓' });
    expect(summary).toMatchObject({ wells: { JS: 1 }, fittings: 1, mains: 2, pipes: { JS: 3, QT: 1 } });
    const box = tableRows(readGlb(files.get('mains.glb')!)).find((r) => r.featureId === 'JS2-ZH1');
    expect(box).toMatchObject({ size: '2000×1500', diameterMm: 0, widthMm: 2000, heightMm: 1500 });
  });

  it('splits a large network into a quadtree of about 1 km tiles that the tileset checker accepts', async () => {
    const points: SurveyPoint[] = [];
    const pipes: SurveyPipe[] = [];
    // A 3 km × 1.5 km grid of DN150 pipes every 100 m, wells at every fourth point.
    for (let i = 0; i <= 30; i++) for (let j = 0; j <= 15; j++) points.push(point(`P${i}_${j}`, i * 100, j * 100, 3 + 0.01 * i, (i + j) % 4 === 0 ? '检查井' : ''));
    for (let i = 0; i <= 30; i++) for (let j = 0; j <= 15; j++) {
      if (i < 30) pipes.push(pipe(`P${i}_${j}`, `P${i + 1}_${j}`, j % 5 === 0 ? 'PS' : 'JS', round(j === 0 ? 800 : 150), 1.2));
      if (j < 15) pipes.push(pipe(`P${i}_${j}`, `P${i}_${j + 1}`, 'DL', { kind: 'box', widthMm: 600, heightMm: 400 }, 0.7, { subtype: '供电' }));
    }
    const { files, summary } = await convertNetwork(network(points, pipes), { geoidOffsetMeters: 12.4 });
    expect(summary.contents).toBeGreaterThan(4);
    const report = await checkTileset(writeOut(files, path.join(tmp, 'grid')), nodeReader, { sample: 5 });
    expect(report.problems).toEqual([]);
    expect(report.contentsRead).toBe(summary.contents);
  });

  it('passes the tileset checker on the small networks too', async () => {
    const { files } = await convertNetwork(threePoints, { geoidOffsetMeters: 12.4 });
    const report = await checkTileset(writeOut(files, path.join(tmp, 'three')), nodeReader, { sample: 2 });
    expect(report.problems).toEqual([]);
  });

  it('closes bends with a sphere but not straight runs, and every face points outwards (doubleSided is false)', async () => {
    const net = network(
      [point('A', 0, 0, 3), point('B', 40, 0, 3), point('C', 80, 0, 3), point('D', 110, 30, 3, '检查井', 2), point('E', 110, 60, 3, '阀门'),
        point('F', 0, 40, 3), point('G', 30, 40, 3)],
      [pipe('A', 'B', 'JS', round(300), 1), pipe('B', 'C', 'JS', round(300), 1), pipe('C', 'D', 'JS', round(300), 1), pipe('D', 'E', 'JS', round(300), 1),
        pipe('F', 'G', 'DL', { kind: 'box', widthMm: 800, heightMm: 500 }, 0.7, { subtype: '供电' }), pipe('A', 'F', 'DL', { kind: 'box', widthMm: 800, heightMm: 500 }, 0.7, { subtype: '供电' })],
    );
    const { files } = await convertNetwork(net, { geoidOffsetMeters: 12.4 });
    const g = readGlb(files.get('detail/0.glb')!);
    const rows = tableRows(g);
    const vs = vertices(g);
    const count = (id: string): number => vs.filter((v) => v.featureId === rows.findIndex((r) => r.featureId === id)).length;
    const tube = 2 * 12, sphere = 12 * 7, cap = 13;
    expect(count('A-B')).toBe(tube + sphere); // the only round pipe where a box joins at A: a sphere closes it
    expect(count('D-E')).toBe(tube + cap); // D is a well, E a valve on a free end: a flat cap
    // B continues straight with one size: no sphere there; C bends by 45°: one sphere, owned by the first pipe.
    expect(count('B-C')).toBe(tube + sphere);
    expect(count('C-D')).toBe(tube); // D is a well: the shaft closes the end
    // Faces: the geometric normal of every triangle agrees with its vertices' normals.
    let wrong = 0, total = 0;
    for (const p of g.json.meshes[0]!.primitives) {
      const pos = view(g, g.json.accessors[p.attributes.POSITION!]!.bufferView), nor = view(g, g.json.accessors[p.attributes.NORMAL!]!.bufferView);
      const ia = g.json.accessors[p.indices]!, idx = view(g, ia.bufferView);
      const at = (v: DataView, i: number): number[] => [0, 1, 2].map((k) => v.getFloat32(12 * i + 4 * k, true));
      for (let t = 0; t < ia.count; t += 3) {
        const [a, b, c] = [0, 1, 2].map((k) => (ia.componentType === 5123 ? idx.getUint16(2 * (t + k), true) : idx.getUint32(4 * (t + k), true))) as [number, number, number];
        const [pa, pb, pc] = [at(pos, a), at(pos, b), at(pos, c)];
        const e1 = pb.map((x, k) => x - pa[k]!), e2 = pc.map((x, k) => x - pa[k]!);
        const n = [e1[1]! * e2[2]! - e1[2]! * e2[1]!, e1[2]! * e2[0]! - e1[0]! * e2[2]!, e1[0]! * e2[1]! - e1[1]! * e2[0]!];
        const d = at(nor, a).reduce((sum, x, k) => sum + x * n[k]!, 0);
        total++;
        if (d <= 0) wrong++;
      }
    }
    expect(total).toBeGreaterThan(100);
    expect(wrong).toBe(0);
  });

  it('refuses a network with nothing to draw and a missing geoid offset', async () => {
    await expect(convertNetwork(network([], []), { geoidOffsetMeters: 12.4 })).rejects.toThrow(/nothing to convert/);
    await expect(convertNetwork(threePoints, { geoidOffsetMeters: Number.NaN })).rejects.toThrow(/geoidOffsetMeters/);
  });
});
