// GLB content checks without decoding geometry: header and chunks, required extensions, every
// bufferView/accessor/image within its buffer, and POSITION min/max carried through the node
// hierarchy (KHR_mesh_quantization puts the dequantising scale/offset on nodes). Full decoding
// (meshopt included) is left to @loaders.gl/gltf on a sample, see decodeGlb.
import { parse } from '@loaders.gl/core';
import { GLTFLoader, GLTFScenegraph, type GLTFWithBuffers } from '@loaders.gl/gltf';
import { apply, fromTRS, IDENTITY, mul, type Mat4, type Vec3 } from './geo.ts';

/** Extensions CesiumJS (1.14x) can render when required. */
export const SUPPORTED_REQUIRED = new Set([
  'EXT_meshopt_compression', 'KHR_meshopt_compression', 'KHR_mesh_quantization', 'KHR_draco_mesh_compression',
  'KHR_texture_basisu', 'KHR_texture_transform', 'KHR_materials_unlit', 'EXT_texture_webp',
  'EXT_mesh_gpu_instancing', 'CESIUM_RTC', 'EXT_mesh_features', 'EXT_structural_metadata', 'KHR_materials_common',
]);

interface GltfJson {
  asset?: { version?: string };
  extensionsUsed?: string[];
  extensionsRequired?: string[];
  extensions?: { CESIUM_RTC?: { center?: number[] } };
  buffers?: { uri?: string; byteLength?: number; extensions?: Record<string, { fallback?: boolean }> }[];
  bufferViews?: { buffer?: number; byteOffset?: number; byteLength?: number; byteStride?: number; extensions?: Record<string, { buffer?: number; byteOffset?: number; byteLength?: number }> }[];
  accessors?: { bufferView?: number; byteOffset?: number; componentType?: number; normalized?: boolean; count?: number; type?: string; min?: number[]; max?: number[] }[];
  meshes?: { primitives?: { attributes?: Record<string, number>; indices?: number }[] }[];
  nodes?: { mesh?: number; children?: number[]; matrix?: number[]; translation?: number[]; rotation?: number[]; scale?: number[] }[];
  scenes?: { nodes?: number[] }[];
  scene?: number;
  images?: { bufferView?: number; uri?: string }[];
}

export interface GlbResult {
  problems: string[];
  /** Corners of each POSITION box in the glTF scene frame (before y-up→z-up), with RTC centre. */
  positionCorners: Vec3[];
  rtcCenter?: Vec3;
}

const COMPONENT_BYTES: Record<number, number> = { 5120: 1, 5121: 1, 5122: 2, 5123: 2, 5125: 4, 5126: 4 };
const COMPONENT_MAX: Record<number, number> = { 5120: 127, 5121: 255, 5122: 32767, 5123: 65535 };
const TYPE_SIZE: Record<string, number> = { SCALAR: 1, VEC2: 2, VEC3: 3, VEC4: 4, MAT2: 4, MAT3: 9, MAT4: 16 };

export function inspectGlb(bytes: Uint8Array): GlbResult {
  const problems: string[] = [];
  const result: GlbResult = { problems, positionCorners: [] };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 20) { problems.push(`glb is ${bytes.byteLength} bytes: too short for a header`); return result; }
  if (view.getUint32(0, true) !== 0x46546c67) { problems.push('not a glb: magic is not "glTF"'); return result; }
  if (view.getUint32(4, true) !== 2) problems.push(`glb version ${view.getUint32(4, true)}, expected 2`);
  const total = view.getUint32(8, true);
  if (total !== bytes.byteLength) { problems.push(`glb header says ${total} bytes, file has ${bytes.byteLength}`); if (total > bytes.byteLength) return result; }
  const jsonLength = view.getUint32(12, true);
  if (view.getUint32(16, true) !== 0x4e4f534a) { problems.push('first glb chunk is not JSON'); return result; }
  if (20 + jsonLength > total) { problems.push('JSON chunk runs past the end of the glb'); return result; }
  let json: GltfJson;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes.subarray(20, 20 + jsonLength))) as GltfJson;
  } catch (e) {
    problems.push(`JSON chunk does not parse: ${e instanceof Error ? e.message : String(e)}`);
    return result;
  }
  let bin: Uint8Array | undefined;
  const binStart = 20 + jsonLength + ((4 - (jsonLength % 4)) % 4);
  if (binStart + 8 <= total) {
    const binLength = view.getUint32(binStart, true);
    if (view.getUint32(binStart + 4, true) !== 0x004e4942) problems.push('second glb chunk is not BIN');
    else if (binStart + 8 + binLength > total) problems.push('BIN chunk runs past the end of the glb');
    else bin = bytes.subarray(binStart + 8, binStart + 8 + binLength);
  }
  checkJson(json, bin, problems);
  const rtc = json.extensions?.CESIUM_RTC?.center;
  if (rtc && rtc.length === 3) result.rtcCenter = [rtc[0] ?? 0, rtc[1] ?? 0, rtc[2] ?? 0];
  if (problems.length === 0) result.positionCorners = positionCorners(json);
  return result;
}

function checkJson(json: GltfJson, bin: Uint8Array | undefined, problems: string[]): void {
  if (json.asset?.version !== '2.0') problems.push(`asset.version is ${JSON.stringify(json.asset?.version)}, expected "2.0"`);
  const used = new Set(json.extensionsUsed ?? []);
  for (const ext of json.extensionsRequired ?? []) {
    if (!used.has(ext)) problems.push(`extensionsRequired names ${ext}, missing from extensionsUsed`);
    if (!SUPPORTED_REQUIRED.has(ext)) problems.push(`requires ${ext}, which CesiumJS does not support`);
  }
  const bufferLength = (i: number | undefined, where: string): number | undefined => {
    const b = i === undefined ? undefined : json.buffers?.[i];
    if (!b) { problems.push(`${where}: buffer ${i} does not exist`); return undefined; }
    if (b.uri !== undefined) return b.byteLength; // external buffer: trust its declared length
    if (b.extensions?.EXT_meshopt_compression?.fallback || b.extensions?.KHR_meshopt_compression?.fallback) return undefined; // no bytes by design
    if (!bin) { problems.push(`${where}: buffer ${i} has no uri and the glb has no BIN chunk`); return undefined; }
    if ((b.byteLength ?? 0) > bin.byteLength) problems.push(`buffers[${i}].byteLength ${b.byteLength} exceeds the BIN chunk (${bin.byteLength})`);
    return bin.byteLength;
  };
  (json.bufferViews ?? []).forEach((bv, i) => {
    const len = bufferLength(bv.buffer, `bufferViews[${i}]`);
    const end = (bv.byteOffset ?? 0) + (bv.byteLength ?? 0);
    if (len !== undefined && end > len) problems.push(`bufferViews[${i}] ends at byte ${end}, past its buffer (${len})`);
    const mo = bv.extensions?.EXT_meshopt_compression ?? bv.extensions?.KHR_meshopt_compression;
    if (mo) {
      const mlen = bufferLength(mo.buffer, `bufferViews[${i}].extensions meshopt`);
      const mend = (mo.byteOffset ?? 0) + (mo.byteLength ?? 0);
      if (mlen !== undefined && mend > mlen) problems.push(`bufferViews[${i}] meshopt data ends at ${mend}, past its buffer (${mlen})`);
    }
  });
  (json.accessors ?? []).forEach((a, i) => {
    const comp = COMPONENT_BYTES[a.componentType ?? -1];
    const size = TYPE_SIZE[a.type ?? ''];
    if (!comp || !size) { problems.push(`accessors[${i}]: bad componentType ${a.componentType} or type ${a.type}`); return; }
    if (a.bufferView === undefined) return; // all zeros (or sparse): nothing to bound
    const bv = json.bufferViews?.[a.bufferView];
    if (!bv) { problems.push(`accessors[${i}]: bufferView ${a.bufferView} does not exist`); return; }
    const elem = comp * size;
    const stride = bv.byteStride ?? elem;
    const need = (a.byteOffset ?? 0) + stride * Math.max(0, (a.count ?? 0) - 1) + elem;
    if ((a.count ?? 0) > 0 && need > (bv.byteLength ?? 0)) problems.push(`accessors[${i}] needs ${need} bytes of bufferViews[${a.bufferView}], which has ${bv.byteLength}`);
  });
  (json.meshes ?? []).forEach((m, mi) => (m.primitives ?? []).forEach((p, pi) => {
    const where = `meshes[${mi}].primitives[${pi}]`;
    for (const [name, index] of Object.entries(p.attributes ?? {})) {
      if (!json.accessors?.[index]) problems.push(`${where}.attributes.${name}: accessor ${index} does not exist`);
    }
    if (p.indices !== undefined && !json.accessors?.[p.indices]) problems.push(`${where}.indices: accessor ${p.indices} does not exist`);
    const pos = p.attributes?.POSITION;
    if (pos === undefined) problems.push(`${where} has no POSITION`);
    else {
      const a = json.accessors?.[pos];
      if (a && (a.min?.length !== 3 || a.max?.length !== 3)) problems.push(`${where} POSITION accessor ${pos} lacks min/max (required by glTF)`);
    }
  }));
  (json.images ?? []).forEach((im, i) => {
    if (im.bufferView !== undefined && !json.bufferViews?.[im.bufferView]) problems.push(`images[${i}]: bufferView ${im.bufferView} does not exist`);
  });
}

interface PositionUse { accessor: number; world: Mat4 }

/** Every primitive's POSITION accessor with the world matrix of the node that draws it. */
function positionUses(json: GltfJson): PositionUse[] {
  const out: PositionUse[] = [];
  const scene = json.scenes?.[json.scene ?? 0];
  const roots = scene?.nodes ?? (json.nodes ?? []).map((_, i) => i);
  const visit = (index: number, parent: Mat4, depth: number): void => {
    const node = json.nodes?.[index];
    if (!node || depth > 64) return;
    const local = node.matrix?.length === 16 ? node.matrix : fromTRS(node.translation, node.rotation, node.scale);
    const world = mul(parent, local);
    for (const p of json.meshes?.[node.mesh ?? -1]?.primitives ?? []) {
      if (p.attributes?.POSITION !== undefined) out.push({ accessor: p.attributes.POSITION, world });
    }
    for (const c of node.children ?? []) visit(c, world, depth + 1);
  };
  for (const r of roots) visit(r, IDENTITY, 0);
  return out;
}

/** Normalized integer accessors (quantization) store values, min and max in integer units. */
const dequantize = (a: { normalized?: boolean; componentType?: number }): number => (a.normalized ? 1 / (COMPONENT_MAX[a.componentType ?? 0] ?? 1) : 1);

/** Corners of every primitive's POSITION box moved through its node's world matrix. */
function positionCorners(json: GltfJson): Vec3[] {
  const out: Vec3[] = [];
  for (const { accessor, world } of positionUses(json)) {
    const a = json.accessors?.[accessor];
    if (!a?.min || !a.max) continue;
    const k = dequantize(a);
    const lo = a.min.map((v) => v * k);
    const hi = a.max.map((v) => v * k);
    for (const x of [lo[0], hi[0]]) for (const y of [lo[1], hi[1]]) for (const z of [lo[2], hi[2]]) out.push(apply(world, [x ?? 0, y ?? 0, z ?? 0]));
  }
  return out;
}

/**
 * Decodes the glb (meshopt included) and returns its vertex positions in the glTF scene frame,
 * at most `limit` per primitive (evenly strided), or an error message.
 */
export async function decodedPositions(bytes: Uint8Array, limit = 20000): Promise<Vec3[] | string> {
  let gltf: GLTFWithBuffers;
  try {
    gltf = (await parse(bytes.slice().buffer, GLTFLoader, { gltf: { decompressMeshes: true, normalize: true, loadImages: false, loadBuffers: true }, worker: false })) as GLTFWithBuffers;
  } catch (e) {
    return `glb does not decode: ${e instanceof Error ? e.message : String(e)}`;
  }
  const json = gltf.json as GltfJson;
  const sg = new GLTFScenegraph(gltf);
  const out: Vec3[] = [];
  for (const { accessor, world } of positionUses(json)) {
    const a = json.accessors?.[accessor];
    const bv = a?.bufferView === undefined ? undefined : json.bufferViews?.[a.bufferView];
    const comp = COMPONENT_BYTES[a?.componentType ?? -1];
    if (!a || !bv || !comp || a.bufferView === undefined) continue;
    const data = sg.getTypedArrayForBufferView(a.bufferView);
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const stride = bv.byteStride ?? comp * 3;
    const k = dequantize(a);
    const read = READERS[a.componentType ?? 5126] ?? READERS[5126]!;
    const count = a.count ?? 0;
    const step = Math.max(1, Math.ceil(count / limit));
    for (let i = 0; i < count; i += step) {
      const at = (a.byteOffset ?? 0) + i * stride;
      if (at + comp * 3 > data.byteLength) return `POSITION accessor ${accessor} runs past its decoded bufferView`;
      out.push(apply(world, [read(view, at) * k, read(view, at + comp) * k, read(view, at + 2 * comp) * k]));
    }
  }
  return out;
}

const READERS: Record<number, (v: DataView, at: number) => number> = {
  5120: (v, at) => v.getInt8(at), 5121: (v, at) => v.getUint8(at), 5122: (v, at) => v.getInt16(at, true),
  5123: (v, at) => v.getUint16(at, true), 5125: (v, at) => v.getUint32(at, true), 5126: (v, at) => v.getFloat32(at, true),
};

/** Full parse with @loaders.gl/gltf (decodes meshopt/Draco buffers); resolves to an error or null. */
export async function decodeGlb(bytes: Uint8Array): Promise<string | null> {
  try {
    const ab = bytes.slice().buffer;
    const gltf = await parse(ab, GLTFLoader, { gltf: { decompressMeshes: true, normalize: true, loadImages: false, loadBuffers: true }, worker: false });
    const meshes = (gltf as { json?: { meshes?: unknown[] } }).json?.meshes ?? [];
    return meshes.length === 0 ? 'decoded glb has no meshes' : null;
  } catch (e) {
    return `glb does not decode: ${e instanceof Error ? e.message : String(e)}`;
  }
}
