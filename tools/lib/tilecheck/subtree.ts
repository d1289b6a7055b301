// 3D Tiles implicit tiling subtrees: binary (.subtree) and JSON forms, and availability lookups.
// Binary subtrees go through @loaders.gl/3d-tiles' Tile3DSubtreeLoader; JSON subtrees (which it does
// not read) and constant availability are handled here with the same shapes.
import { Tile3DSubtreeLoader } from '@loaders.gl/3d-tiles';

export interface Availability {
  constant?: number;
  bitstream?: number;
  bufferView?: number; // pre-1.1 extension spelling
  availableCount?: number;
  explicitBitstream?: Uint8Array;
}

export interface SubtreeJson {
  buffers?: { uri?: string; byteLength?: number }[];
  bufferViews?: { buffer?: number; byteOffset?: number; byteLength?: number }[];
  tileAvailability?: Availability;
  contentAvailability?: Availability | Availability[];
  childSubtreeAvailability?: Availability;
}

export interface Subtree {
  tile: Availability;
  content: Availability[];
  childSubtree: Availability;
}

const SUBTREE_MAGIC = 0x74627573; // "subt"

/** Parses a subtree file; `fetchRelative` reads external buffers named by relative uri. */
export async function parseSubtree(bytes: Uint8Array, baseUrl: string, fetchRelative: (uri: string) => Promise<Uint8Array>): Promise<Subtree> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const isBinary = bytes.byteLength >= 24 && view.getUint32(0, true) === SUBTREE_MAGIC;
  let json: SubtreeJson;
  if (isBinary) {
    if (view.getUint32(4, true) !== 1) throw new Error(`subtree version ${view.getUint32(4, true)}, expected 1`);
    const jsonLength = Number(view.getBigUint64(8, true));
    const binLength = Number(view.getBigUint64(16, true));
    if (24 + jsonLength + binLength > bytes.byteLength) {
      throw new Error(`subtree header promises ${24 + jsonLength + binLength} bytes, file has ${bytes.byteLength}`);
    }
    const ab = bytes.slice().buffer; // an exactly-sized ArrayBuffer, as the loader expects
    const context = {
      baseUrl,
      fetch: async (url: string): Promise<Response> => {
        const rel = url.startsWith(`${baseUrl}/`) ? url.slice(baseUrl.length + 1) : url;
        return new Response(new Uint8Array(await fetchRelative(rel)));
      },
    };
    // The loader's context type is wider than what its subtree parser uses (baseUrl + fetch).
    json = (await Tile3DSubtreeLoader.parse(ab, {}, context as unknown as Parameters<typeof Tile3DSubtreeLoader.parse>[2])) as SubtreeJson;
  } else {
    json = JSON.parse(new TextDecoder().decode(bytes)) as SubtreeJson;
    await loadJsonBitstreams(json, fetchRelative);
  }
  if (!json.tileAvailability) throw new Error('subtree has no tileAvailability');
  if (!json.childSubtreeAvailability) throw new Error('subtree has no childSubtreeAvailability');
  const content = json.contentAvailability === undefined ? [] : Array.isArray(json.contentAvailability) ? json.contentAvailability : [json.contentAvailability];
  return { tile: json.tileAvailability, content, childSubtree: json.childSubtreeAvailability };
}

async function loadJsonBitstreams(json: SubtreeJson, fetchRelative: (uri: string) => Promise<Uint8Array>): Promise<void> {
  const buffers = new Map<number, Uint8Array>();
  const all = [json.tileAvailability, json.childSubtreeAvailability, ...(Array.isArray(json.contentAvailability) ? json.contentAvailability : [json.contentAvailability])];
  for (const a of all) {
    const index = a?.bitstream ?? a?.bufferView;
    if (!a || index === undefined) continue;
    const bv = json.bufferViews?.[index];
    const buf = bv ? json.buffers?.[bv.buffer ?? -1] : undefined;
    if (!bv || !buf) throw new Error(`bitstream ${index} names a missing bufferView or buffer`);
    if (!buf.uri) throw new Error('a JSON subtree cannot have an internal buffer (buffer without uri)');
    let data = buffers.get(bv.buffer ?? 0);
    if (!data) { data = await fetchRelative(buf.uri); buffers.set(bv.buffer ?? 0, data); }
    a.explicitBitstream = data.subarray(bv.byteOffset ?? 0, (bv.byteOffset ?? 0) + (bv.byteLength ?? 0));
  }
}

/** Is bit `index` set? Constant availability answers for every index. */
export function isAvailable(a: Availability, index: number): boolean {
  if (a.constant !== undefined) return a.constant === 1;
  const bits = a.explicitBitstream;
  if (!bits) return false;
  const byte = bits[index >> 3];
  return byte !== undefined && ((byte >> (index & 7)) & 1) === 1;
}

/** Problems with one availability: too short a bitstream, availableCount that disagrees. */
export function availabilityProblems(name: string, a: Availability, bitCount: number): string[] {
  if (a.constant !== undefined) return a.constant === 0 || a.constant === 1 ? [] : [`${name}.constant must be 0 or 1, found ${a.constant}`];
  const bits = a.explicitBitstream;
  if (!bits) return [`${name} has neither constant nor a readable bitstream`];
  const out: string[] = [];
  if (bits.byteLength < Math.ceil(bitCount / 8)) out.push(`${name} bitstream has ${bits.byteLength} bytes, needs ${Math.ceil(bitCount / 8)} for ${bitCount} bits`);
  if (a.availableCount !== undefined) {
    let n = 0;
    for (let i = 0; i < bitCount; i++) if (isAvailable(a, i)) n++;
    if (n !== a.availableCount) out.push(`${name}.availableCount is ${a.availableCount} but ${n} bits are set`);
  }
  return out;
}

/** Morton (Z-order) index from coordinates: x in bit 0, y in bit 1, z in bit 2 of each group. */
export function morton(coords: number[]): number {
  const dims = coords.length;
  let index = 0;
  for (let bit = 0; bit < 26; bit++) {
    for (let d = 0; d < dims; d++) index += (((coords[d] ?? 0) >> bit) & 1) * 2 ** (bit * dims + d);
  }
  return index;
}

export function mortonDecode(index: number, dims: number): number[] {
  const out = new Array<number>(dims).fill(0);
  for (let bit = 0; index > 0; bit++) {
    for (let d = 0; d < dims; d++) {
      out[d]! += (index % 2) << bit;
      index = Math.floor(index / 2);
    }
  }
  return out;
}
