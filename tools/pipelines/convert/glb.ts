// Writes one tile's glb by hand: gltf-transform has no EXT_structural_metadata, and the format is
// small. Layout: one node (translation = tile centre, glTF y-up), one mesh with a primitive per
// material, each with POSITION/NORMAL (float32, relative to the centre), _FEATURE_ID_0 and
// indices; EXT_mesh_features points the ids at the one property table of EXT_structural_metadata.
// Every bufferView starts on an 8-byte boundary of the GLB, as EXT_structural_metadata requires.
import type { MeshGroup, Vec3 } from './mesh.ts';
import { PROPERTY_CLASS, PROPERTY_COLUMNS, SCHEMA_ID, type FeatureProperties, type PropertyColumnType } from './properties.ts';

export interface MaterialMesh {
  readonly name: string;
  readonly rgb: readonly [number, number, number];
  readonly mesh: MeshGroup;
}

const FLOAT = 5126, UNSIGNED_SHORT = 5123, UNSIGNED_INT = 5125;
const ARRAY_BUFFER = 34962, ELEMENT_ARRAY_BUFFER = 34963;
const pad8 = (n: number): number => Math.ceil(n / 8) * 8;

/** sRGB 0–255 → linear baseColorFactor. Black (工业, 综合管廊) is lifted a little so shape still reads under lighting. */
const linear = (c: number): number => { const s = c / 255; const l = s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; return Math.max(l, 0.02); };

class BinWriter {
  readonly views: Record<string, number>[] = [];
  private readonly chunks: { offset: number; bytes: Uint8Array }[] = [];
  private length = 0;
  /** Adds a bufferView; returns its index. */
  add(data: ArrayBufferView, target?: number): number {
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    const offset = this.length;
    this.chunks.push({ offset, bytes });
    this.length = pad8(offset + bytes.byteLength);
    this.views.push({ buffer: 0, byteOffset: offset, byteLength: bytes.byteLength, ...(target ? { target } : {}) });
    return this.views.length - 1;
  }
  get byteLength(): number { return this.length; }
  bytes(): Uint8Array {
    const out = new Uint8Array(this.length);
    for (const c of this.chunks) out.set(c.bytes, c.offset);
    return out;
  }
}

const encoder = new TextEncoder();

/** A STRING column: UTF-8 bytes back to back, and count + 1 UINT32 offsets into them. */
function stringColumn(values: readonly string[]): { bytes: Uint8Array; offsets: Uint32Array } {
  const encoded = values.map((v) => encoder.encode(v));
  const offsets = new Uint32Array(values.length + 1);
  let total = 0;
  encoded.forEach((e, i) => { offsets[i] = total; total += e.byteLength; });
  offsets[values.length] = total;
  // A bufferView may not be empty, so a column of empty strings keeps one unused byte.
  const bytes = new Uint8Array(Math.max(1, total));
  encoded.forEach((e, i) => bytes.set(e, offsets[i]!));
  return { bytes, offsets };
}

const NUMERIC: Record<Exclude<PropertyColumnType, 'STRING'>, (n: number) => Uint8Array | Uint16Array | Float32Array> = {
  UINT8: (n) => new Uint8Array(n), UINT16: (n) => new Uint16Array(n), FLOAT32: (n) => new Float32Array(n),
};
const clampUint = (v: number, max: number): number => Math.min(max, Math.max(0, Math.round(v)));

function propertyTable(bin: BinWriter, rows: readonly FeatureProperties[]): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const col of PROPERTY_COLUMNS) {
    if (col.type === 'STRING') {
      const { bytes, offsets } = stringColumn(rows.map((r) => String(r[col.name])));
      properties[col.name] = { values: bin.add(bytes), stringOffsets: bin.add(offsets), stringOffsetType: 'UINT32' };
    } else {
      const arr = NUMERIC[col.type](rows.length);
      const max = col.type === 'UINT8' ? 255 : 65535;
      rows.forEach((r, i) => { const v = Number(r[col.name]); arr[i] = col.type === 'FLOAT32' ? v : clampUint(v, max); });
      properties[col.name] = { values: bin.add(arr) };
    }
  }
  return { name: 'pipelines', class: PROPERTY_CLASS, count: rows.length, properties };
}

function schema(): Record<string, unknown> {
  const properties = Object.fromEntries(PROPERTY_COLUMNS.map((c) => [c.name, c.type === 'STRING'
    ? { type: 'STRING', description: c.description }
    : { type: 'SCALAR', componentType: c.type, description: c.description }]));
  return { id: SCHEMA_ID, classes: { [PROPERTY_CLASS]: { name: 'Underground pipeline feature (CJJ 61)', properties } } };
}

/**
 * Encodes a tile. `rows[i]` is the property row of feature id i; `centre` (ECEF) becomes the node
 * translation and positions are stored relative to it.
 */
export function encodeFeatureGlb(parts: readonly MaterialMesh[], rows: readonly FeatureProperties[], centre: Vec3, generator: string): Uint8Array {
  const bin = new BinWriter();
  const accessors: Record<string, unknown>[] = [];
  const materials: Record<string, unknown>[] = [];
  const primitives: Record<string, unknown>[] = [];
  const accessor = (view: number, componentType: number, count: number, type: string, extra: Record<string, unknown> = {}): number => {
    accessors.push({ bufferView: view, componentType, count, type, ...extra });
    return accessors.length - 1;
  };
  for (const part of parts) {
    const m = part.mesh;
    const n = m.featureIds.length;
    if (n === 0) continue;
    // ECEF (x, y, z) relative to the centre → glTF y-up (x, z, −y); Cesium rotates it back.
    const pos = new Float32Array(3 * n), nor = new Float32Array(3 * n);
    const min = [Infinity, Infinity, Infinity], max = [-Infinity, -Infinity, -Infinity];
    for (let i = 0; i < n; i++) {
      const x = m.positions[3 * i]! - centre[0], y = m.positions[3 * i + 1]! - centre[1], z = m.positions[3 * i + 2]! - centre[2];
      pos[3 * i] = x; pos[3 * i + 1] = z; pos[3 * i + 2] = -y;
      nor[3 * i] = m.normals[3 * i]!; nor[3 * i + 1] = m.normals[3 * i + 2]!; nor[3 * i + 2] = -m.normals[3 * i + 1]!;
      for (let k = 0; k < 3; k++) { const v = pos[3 * i + k]!; if (v < min[k]!) min[k] = v; if (v > max[k]!) max[k] = v; }
    }
    const ids = Float32Array.from(m.featureIds); // float ids are exact below 2^24 and 4-byte aligned as vertex data must be
    const indices = n <= 65535 ? Uint16Array.from(m.indices) : Uint32Array.from(m.indices);
    const featureCount = new Set(m.featureIds).size;
    materials.push({
      name: part.name,
      pbrMetallicRoughness: { baseColorFactor: [linear(part.rgb[0]), linear(part.rgb[1]), linear(part.rgb[2]), 1], metallicFactor: 0, roughnessFactor: 0.6 },
      doubleSided: false,
    });
    primitives.push({
      attributes: {
        POSITION: accessor(bin.add(pos, ARRAY_BUFFER), FLOAT, n, 'VEC3', { min, max }),
        NORMAL: accessor(bin.add(nor, ARRAY_BUFFER), FLOAT, n, 'VEC3'),
        _FEATURE_ID_0: accessor(bin.add(ids, ARRAY_BUFFER), FLOAT, n, 'SCALAR'),
      },
      indices: accessor(bin.add(indices, ELEMENT_ARRAY_BUFFER), n <= 65535 ? UNSIGNED_SHORT : UNSIGNED_INT, m.indices.length, 'SCALAR'),
      material: materials.length - 1,
      mode: 4,
      extensions: { EXT_mesh_features: { featureIds: [{ featureCount, attribute: 0, propertyTable: 0 }] } },
    });
  }
  const table = propertyTable(bin, rows);
  const json = {
    asset: { version: '2.0', generator },
    extensionsUsed: ['EXT_mesh_features', 'EXT_structural_metadata'],
    extensions: { EXT_structural_metadata: { schema: schema(), propertyTables: [table] } },
    scene: 0,
    scenes: [{ nodes: [0] }],
    nodes: [{ name: 'pipelines', mesh: 0, translation: [centre[0], centre[2], -centre[1]] }],
    meshes: [{ name: 'pipelines', primitives }],
    materials,
    accessors,
    bufferViews: bin.views,
    buffers: [{ byteLength: bin.byteLength }],
  };
  return packGlb(json, bin.bytes());
}

/** GLB container: 12-byte header, JSON chunk padded with spaces so the BIN data starts 8-aligned. */
function packGlb(json: unknown, bin: Uint8Array): Uint8Array {
  const text = encoder.encode(JSON.stringify(json));
  // Header (12) + JSON chunk header (8) + JSON + BIN chunk header (8): pad JSON so the sum is ≡ 0 mod 8.
  let jsonLength = Math.ceil(text.byteLength / 4) * 4;
  if ((28 + jsonLength) % 8 !== 0) jsonLength += 4;
  const total = 12 + 8 + jsonLength + 8 + bin.byteLength;
  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, 0x46546c67, true); // "glTF"
  dv.setUint32(4, 2, true);
  dv.setUint32(8, total, true);
  dv.setUint32(12, jsonLength, true);
  dv.setUint32(16, 0x4e4f534a, true); // "JSON"
  out.set(text, 20);
  out.fill(0x20, 20 + text.byteLength, 20 + jsonLength);
  dv.setUint32(20 + jsonLength, bin.byteLength, true);
  dv.setUint32(24 + jsonLength, 0x004e4942, true); // "BIN\0"
  out.set(bin, 28 + jsonLength);
  return out;
}
