// The triangles of a binary glTF (GLB), for rasterising into the height raster: reality-mesh tiles
// (meshopt-compressed, quantized positions) and a planner's own building proposal (plain floats).
// Only geometry is read; materials and textures are ignored. The meshopt decoder is injected so
// this stays pure and callers decide when its WASM is ready. Bad files give problems, never throws.
import { enuBasis, geodeticToEcef } from '../tiles/ecef.ts';
import type { LonLatHeight } from './frame.ts';

/** Column-major 4×4 (glTF's and Cesium's layout). */
export type Mat4 = Float64Array;

/** What `meshoptimizer`'s MeshoptDecoder offers (after `await MeshoptDecoder.ready`). */
export interface MeshoptDecoderLike {
  decodeGltfBuffer(target: Uint8Array, count: number, size: number, source: Uint8Array, mode: string, filter?: string): void;
}

export interface GlbTriangles {
  /** xyz of each triangle's three corners (9 numbers a triangle), after node transforms and `transform`. */
  triangles: Float64Array;
  /** Why the file was rejected (triangles then empty). */
  problems: string[];
  /** What was skipped but did not stop reading (point/line primitives). */
  warnings: string[];
}

export const identity = (): Mat4 => new Float64Array([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);

/** a · b (apply b first). */
export function multiply(a: Mat4, b: Mat4): Mat4 {
  const out = new Float64Array(16);
  for (let c = 0; c < 4; c++) {
    for (let r = 0; r < 4; r++) {
      let s = 0;
      for (let k = 0; k < 4; k++) s += a[k * 4 + r]! * b[c * 4 + k]!;
      out[c * 4 + r] = s;
    }
  }
  return out;
}

/** 3D Tiles' glTF y-up → z-up: (x, y, z) → (x, −z, y) (Cesium's Axis.Y_UP_TO_Z_UP). */
export const Y_UP_TO_Z_UP: Mat4 = new Float64Array([1, 0, 0, 0, 0, 0, 1, 0, 0, -1, 0, 0, 0, 0, 0, 1]);

/** Apply a matrix to xyz triples (a new array). */
export function transformPoints(points: Float64Array | Float32Array, m: Mat4): Float64Array {
  const out = new Float64Array(points.length);
  for (let k = 0; k + 2 < points.length; k += 3) {
    const x = points[k]!, y = points[k + 1]!, z = points[k + 2]!;
    out[k] = m[0]! * x + m[4]! * y + m[8]! * z + m[12]!;
    out[k + 1] = m[1]! * x + m[5]! * y + m[9]! * z + m[13]!;
    out[k + 2] = m[2]! * x + m[6]! * y + m[10]! * z + m[14]!;
  }
  return out;
}

/** ECEF → local ENU metres of a frame with this origin (the affine map frame.ts's toLocal makes). */
export function ecefToEnuMatrix(origin: LonLatHeight): Mat4 {
  const o = geodeticToEcef(origin.lon, origin.lat, origin.height);
  const { east: e, north: n, up: u } = enuBasis(origin.lon, origin.lat);
  const t = (a: readonly number[]): number => -(a[0]! * o[0] + a[1]! * o[1] + a[2]! * o[2]);
  return new Float64Array([e[0], n[0], u[0], 0, e[1], n[1], u[1], 0, e[2], n[2], u[2], 0, t(e), t(n), t(u), 1]);
}

/** Local ENU metres at `origin` → ECEF. */
export function enuToEcefMatrix(origin: LonLatHeight): Mat4 {
  const o = geodeticToEcef(origin.lon, origin.lat, origin.height);
  const { east: e, north: n, up: u } = enuBasis(origin.lon, origin.lat);
  return new Float64Array([...e, 0, ...n, 0, ...u, 0, ...o, 1]);
}

/** Where a proposal's model stands: its glTF origin at `origin`, turned `heading` degrees clockwise
 *  seen from above (Cesium's HeadingPitchRoll heading), scaled uniformly. `axes` says how glTF's
 *  y-up axes meet east/north/up, as the viewer shows the model: 'cesium-model' is what
 *  Model.fromGltfAsync does by default (forwardAxis Z: glTF (x, y, z) → (z, x, y)); '3d-tiles' is a
 *  tileset's (and a Model with forwardAxis X): (x, y, z) → (x, −z, y). */
export interface ModelPlacement { origin: LonLatHeight; heading?: number; scale?: number; axes?: 'cesium-model' | '3d-tiles' }

/** Model (glTF scene) space → local ENU of a frame at `frameOrigin`. */
export function placementMatrix(p: ModelPlacement, frameOrigin: LonLatHeight): Mat4 {
  const s = p.scale ?? 1;
  const h = ((p.heading ?? 0) * Math.PI) / 180;
  const c = Math.cos(h), sn = Math.sin(h);
  // Rotation about −up by the heading (column-major), times the uniform scale.
  const turn = new Float64Array([c * s, -sn * s, 0, 0, sn * s, c * s, 0, 0, 0, 0, s, 0, 0, 0, 0, 1]);
  const axes = (p.axes ?? 'cesium-model') === '3d-tiles' ? Y_UP_TO_Z_UP : new Float64Array([0, 1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 1]);
  return multiply(ecefToEnuMatrix(frameOrigin), multiply(enuToEcefMatrix(p.origin), multiply(turn, axes)));
}

/** Triangles read in model space (parseGlbTriangles without a transform) → ENU of `frameOrigin`. */
export const placeModelTriangles = (triangles: Float64Array, p: ModelPlacement, frameOrigin: LonLatHeight): Float64Array =>
  transformPoints(triangles, placementMatrix(p, frameOrigin));

// Extensions that may be required without changing where the triangles are.
const GEOMETRY_NEUTRAL = new Set(['KHR_materials_unlit', 'KHR_texture_transform', 'KHR_texture_basisu', 'EXT_texture_webp', 'EXT_texture_avif', 'KHR_materials_emissive_strength', 'KHR_mesh_quantization']);
const MESHOPT = ['EXT_meshopt_compression', 'KHR_meshopt_compression'];

interface Gltf {
  asset?: { version?: string };
  extensionsRequired?: string[];
  buffers?: { uri?: string; byteLength?: number }[];
  bufferViews?: { buffer?: number; byteOffset?: number; byteLength?: number; byteStride?: number; extensions?: Record<string, MeshoptView | undefined> }[];
  accessors?: { bufferView?: number; byteOffset?: number; componentType?: number; normalized?: boolean; count?: number; type?: string; sparse?: unknown }[];
  meshes?: { primitives?: { attributes?: Record<string, number>; indices?: number; mode?: number }[] }[];
  nodes?: { children?: number[]; mesh?: number; matrix?: number[]; translation?: number[]; rotation?: number[]; scale?: number[] }[];
  scenes?: { nodes?: number[] }[];
  scene?: number;
}
interface MeshoptView { buffer?: number; byteOffset?: number; byteLength?: number; byteStride?: number; count?: number; mode?: string; filter?: string }

const COMPONENTS: Record<string, number> = { SCALAR: 1, VEC2: 2, VEC3: 3, VEC4: 4 };
const BYTES: Record<number, number> = { 5120: 1, 5121: 1, 5122: 2, 5123: 2, 5125: 4, 5126: 4 };

class Bad extends Error {}

/** The problem of a GLB without triangles: an error for a proposal, an all-sea tile for a tileset. */
export const NO_TRIANGLES = 'GLB has no triangles';

/**
 * Every triangle of the GLB's default scene (or of all root nodes when it names none), with node
 * TRS/matrix hierarchies applied and then `transform` (e.g. Y_UP_TO_Z_UP, a tile transform and
 * ecefToEnuMatrix composed). Positions as stored: normalized integers are turned into −1…1 / 0…1
 * per the glTF spec, plain integers kept as numbers (KHR_mesh_quantization).
 */
export function parseGlbTriangles(bytes: Uint8Array, opts: { decoder?: MeshoptDecoderLike; transform?: Mat4 } = {}): GlbTriangles {
  const warnings: string[] = [];
  try {
    return { triangles: readTriangles(bytes, opts.decoder, opts.transform ?? identity(), warnings), problems: [], warnings };
  } catch (e) {
    if (!(e instanceof Bad)) throw e;
    return { triangles: new Float64Array(0), problems: [e.message], warnings };
  }
}

function readTriangles(bytes: Uint8Array, decoder: MeshoptDecoderLike | undefined, transform: Mat4, warnings: string[]): Float64Array {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 20 || dv.getUint32(0, true) !== 0x46546c67) throw new Bad('not a GLB (no "glTF" magic at byte 0)');
  const version = dv.getUint32(4, true);
  if (version !== 2) throw new Bad(`GLB version ${version} is not supported (only glTF 2.0)`);
  const total = Math.min(dv.getUint32(8, true), bytes.byteLength);
  let gltf: Gltf | undefined;
  let bin: Uint8Array | undefined;
  for (let at = 12; at + 8 <= total; ) {
    const len = dv.getUint32(at, true), type = dv.getUint32(at + 4, true);
    if (at + 8 + len > total) throw new Bad(`GLB chunk at byte ${at} runs past the end of the file`);
    const chunk = bytes.subarray(at + 8, at + 8 + len);
    if (type === 0x4e4f534a && !gltf) {
      try { gltf = JSON.parse(new TextDecoder().decode(chunk)) as Gltf; } catch { throw new Bad('GLB JSON chunk is not valid JSON'); }
    } else if (type === 0x004e4942 && !bin) bin = chunk;
    at += 8 + ((len + 3) & ~3);
  }
  if (!gltf) throw new Bad('GLB has no JSON chunk');
  if (gltf.asset?.version !== undefined && !gltf.asset.version.startsWith('2.')) throw new Bad(`glTF asset version ${gltf.asset.version} is not supported`);
  for (const ext of gltf.extensionsRequired ?? []) {
    if (MESHOPT.includes(ext) && !decoder) throw new Bad(`required extension ${ext} needs a meshopt decoder, none was given`);
    if (!MESHOPT.includes(ext) && !GEOMETRY_NEUTRAL.has(ext)) throw new Bad(`required extension ${ext} is not supported`);
  }
  const g = gltf;
  const buffers = new Map<number, Uint8Array>();
  const buffer = (i: number): Uint8Array => {
    let b = buffers.get(i);
    if (b) return b;
    const info = g.buffers?.[i];
    if (!info) throw new Bad(`buffer ${i} does not exist`);
    if (info.uri === undefined) {
      if (i !== 0 || !bin) throw new Bad(`buffer ${i} has no data (no uri, not the GLB binary chunk)`);
      b = bin;
    } else if (info.uri.startsWith('data:')) {
      const comma = info.uri.indexOf(',');
      const raw = atob(info.uri.slice(comma + 1));
      b = Uint8Array.from(raw, (ch) => ch.charCodeAt(0));
    } else throw new Bad(`buffer ${i} is an external file (${info.uri}): a GLB must carry its data`);
    buffers.set(i, b);
    return b;
  };
  const views = new Map<number, { data: Uint8Array; stride: number | undefined }>();
  const view = (i: number): { data: Uint8Array; stride: number | undefined } => {
    const cached = views.get(i);
    if (cached) return cached;
    const bv = g.bufferViews?.[i];
    if (!bv) throw new Bad(`bufferView ${i} does not exist`);
    const mo = bv.extensions?.EXT_meshopt_compression ?? bv.extensions?.KHR_meshopt_compression;
    let out: { data: Uint8Array; stride: number | undefined };
    if (mo) {
      if (!decoder) throw new Bad(`bufferView ${i} is meshopt-compressed and no decoder was given`);
      const src = buffer(mo.buffer ?? 0);
      const start = mo.byteOffset ?? 0, size = mo.byteStride ?? 0, count = mo.count ?? 0;
      if (start + (mo.byteLength ?? 0) > src.byteLength) throw new Bad(`bufferView ${i}: compressed bytes run past buffer ${mo.buffer ?? 0}`);
      const data = new Uint8Array(count * size);
      try {
        decoder.decodeGltfBuffer(data, count, size, src.subarray(start, start + (mo.byteLength ?? 0)), mo.mode ?? 'ATTRIBUTES', mo.filter ?? 'NONE');
      } catch (e) {
        throw new Bad(`bufferView ${i}: meshopt decoding failed (${(e as Error).message})`);
      }
      out = { data, stride: size };
    } else {
      const src = buffer(bv.buffer ?? 0);
      const start = bv.byteOffset ?? 0, end = start + (bv.byteLength ?? 0);
      if (end > src.byteLength) throw new Bad(`bufferView ${i} ends at byte ${end}, buffer ${bv.buffer ?? 0} has ${src.byteLength}`);
      out = { data: src.subarray(start, end), stride: bv.byteStride };
    }
    views.set(i, out);
    return out;
  };
  const accessor = (i: number, name: string): { values: Float64Array; n: number } => {
    const a = g.accessors?.[i];
    if (!a) throw new Bad(`${name}: accessor ${i} does not exist`);
    if (a.sparse !== undefined) throw new Bad(`${name}: sparse accessors are not supported`);
    const n = COMPONENTS[a.type ?? ''], size = BYTES[a.componentType ?? 0], count = a.count ?? 0;
    if (n === undefined || size === undefined) throw new Bad(`${name}: accessor ${i} has type ${a.type} / componentType ${a.componentType}`);
    const values = new Float64Array(count * n);
    if (a.bufferView === undefined) return { values, n }; // no bufferView: all zeros, per the spec
    const { data, stride } = view(a.bufferView);
    const step = stride ?? n * size, base = a.byteOffset ?? 0;
    if (count > 0 && base + (count - 1) * step + n * size > data.byteLength) throw new Bad(`${name}: accessor ${i} reads past its bufferView`);
    const d = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const norm = a.normalized === true;
    for (let k = 0; k < count; k++) {
      for (let c = 0; c < n; c++) {
        const at = base + k * step + c * size;
        let v: number;
        switch (a.componentType) {
          case 5120: v = d.getInt8(at); if (norm) v = Math.max(v / 127, -1); break;
          case 5121: v = d.getUint8(at); if (norm) v /= 255; break;
          case 5122: v = d.getInt16(at, true); if (norm) v = Math.max(v / 32767, -1); break;
          case 5123: v = d.getUint16(at, true); if (norm) v /= 65535; break;
          case 5125: v = d.getUint32(at, true); break;
          default: v = d.getFloat32(at, true);
        }
        values[k * n + c] = v;
      }
    }
    return { values, n };
  };

  const out: number[] = [];
  const emit = (mesh: number, m: Mat4): void => {
    for (const [pi, prim] of (g.meshes?.[mesh]?.primitives ?? []).entries()) {
      const name = `meshes[${mesh}].primitives[${pi}]`;
      const mode = prim.mode ?? 4;
      if (mode < 4 || mode > 6) { warnings.push(`${name}: mode ${mode} (points or lines) skipped`); continue; }
      const posIndex = prim.attributes?.POSITION;
      if (posIndex === undefined) { warnings.push(`${name}: no POSITION, skipped`); continue; }
      const pos = accessor(posIndex, `${name}.POSITION`);
      if (pos.n !== 3) throw new Bad(`${name}.POSITION is not VEC3`);
      const vertexCount = pos.values.length / 3;
      const idx = prim.indices !== undefined ? accessor(prim.indices, `${name}.indices`).values : Float64Array.from({ length: vertexCount }, (_, k) => k);
      const p = transformPoints(pos.values, m);
      const corner = (v: number): void => {
        if (!(v >= 0 && v < vertexCount)) throw new Bad(`${name}: index ${v} outside its ${vertexCount} vertices`);
        out.push(p[v * 3]!, p[v * 3 + 1]!, p[v * 3 + 2]!);
      };
      const tri = (a: number, b: number, c: number): void => { corner(a); corner(b); corner(c); };
      if (mode === 4) for (let k = 0; k + 2 < idx.length; k += 3) tri(idx[k]!, idx[k + 1]!, idx[k + 2]!);
      else if (mode === 5) for (let k = 0; k + 2 < idx.length; k++) tri(idx[k]!, idx[k + 1 + (k & 1)]!, idx[k + 2 - (k & 1)]!);
      else for (let k = 1; k + 1 < idx.length; k++) tri(idx[0]!, idx[k]!, idx[k + 1]!);
    }
  };
  const seen = new Set<number>();
  const walk = (i: number, parent: Mat4): void => {
    const node = g.nodes?.[i];
    if (!node) throw new Bad(`node ${i} does not exist`);
    if (seen.has(i)) throw new Bad(`node ${i} appears twice in the scene (a cycle or shared child)`);
    seen.add(i);
    const m = multiply(parent, localMatrix(node));
    if (node.mesh !== undefined) emit(node.mesh, m);
    for (const c of node.children ?? []) walk(c, m);
  };
  const sceneIndex = g.scene ?? 0;
  let roots = g.scenes?.[sceneIndex]?.nodes;
  if (!roots) {
    const children = new Set((g.nodes ?? []).flatMap((n) => n.children ?? []));
    roots = (g.nodes ?? []).map((_, i) => i).filter((i) => !children.has(i));
  }
  for (const r of roots) walk(r, transform);
  if (out.length === 0) throw new Bad(NO_TRIANGLES);
  return Float64Array.from(out);
}

function localMatrix(n: { matrix?: number[]; translation?: number[]; rotation?: number[]; scale?: number[] }): Mat4 {
  if (n.matrix?.length === 16) return Float64Array.from(n.matrix);
  const [tx = 0, ty = 0, tz = 0] = n.translation ?? [];
  const [qx = 0, qy = 0, qz = 0, qw = 1] = n.rotation ?? [];
  const [sx = 1, sy = 1, sz = 1] = n.scale ?? [];
  // T · R · S, R from the unit quaternion.
  return new Float64Array([
    (1 - 2 * (qy * qy + qz * qz)) * sx, 2 * (qx * qy + qz * qw) * sx, 2 * (qx * qz - qy * qw) * sx, 0,
    2 * (qx * qy - qz * qw) * sy, (1 - 2 * (qx * qx + qz * qz)) * sy, 2 * (qy * qz + qx * qw) * sy, 0,
    2 * (qx * qz + qy * qw) * sz, 2 * (qy * qz - qx * qw) * sz, (1 - 2 * (qx * qx + qy * qy)) * sz, 0,
    tx, ty, tz, 1,
  ]);
}
