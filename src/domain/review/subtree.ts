// 3D Tiles 1.1 implicit-tiling subtrees, bytes in: the binary form ("subt" header, JSON chunk,
// binary chunk) and the JSON form, with availability as constants or bitstreams. Pure, so the
// browser's surface raster and Node tools read subtrees with one parser; buffers that live in
// other files come through an injected fetch (the caller resolves their uri against the subtree).
import { availabilityIndex, getBit, morton2 } from '../tiles/implicit.ts';

/** One availability as read: every bit the same, or an explicit bitstream (bit i = index i). */
export type Availability = { readonly constant: boolean } | { readonly bits: Uint8Array };

export interface Subtree {
  readonly tile: Availability;
  /** One per content of the tile (3D Tiles 1.1 allows several); empty when tiles carry none. */
  readonly content: readonly Availability[];
  readonly childSubtree: Availability;
}

interface AvailabilityJson { constant?: number; bitstream?: number; bufferView?: number; availableCount?: number }
interface SubtreeJson {
  buffers?: { uri?: string; byteLength?: number }[];
  bufferViews?: { buffer?: number; byteOffset?: number; byteLength?: number }[];
  tileAvailability?: AvailabilityJson;
  contentAvailability?: AvailabilityJson | AvailabilityJson[];
  childSubtreeAvailability?: AvailabilityJson;
}

const SUBTREE_MAGIC = 0x74627573; // "subt" little-endian

/**
 * Parse a .subtree file (binary or JSON). `fetchBuffer(uri)` reads a buffer named by uri, as written
 * in the file (relative to the subtree's own URL); it is called only for buffers that have one.
 * Throws with a message naming what is wrong: a caller walking a tileset records it per subtree.
 */
export async function parseSubtree(bytes: Uint8Array, fetchBuffer: (uri: string) => Promise<Uint8Array>): Promise<Subtree> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let json: SubtreeJson;
  let binChunk: Uint8Array | undefined;
  if (bytes.byteLength >= 24 && view.getUint32(0, true) === SUBTREE_MAGIC) {
    const version = view.getUint32(4, true);
    if (version !== 1) throw new Error(`subtree version ${version}, expected 1`);
    const jsonLength = Number(view.getBigUint64(8, true));
    const binLength = Number(view.getBigUint64(16, true));
    if (24 + jsonLength + binLength > bytes.byteLength) {
      throw new Error(`subtree header promises ${24 + jsonLength + binLength} bytes, file has ${bytes.byteLength}`);
    }
    json = parseJson(bytes.subarray(24, 24 + jsonLength));
    binChunk = bytes.subarray(24 + jsonLength, 24 + jsonLength + binLength);
  } else {
    json = parseJson(bytes);
  }
  const buffers = new Map<number, Uint8Array>();
  const bufferBytes = async (index: number): Promise<Uint8Array> => {
    const cached = buffers.get(index);
    if (cached) return cached;
    const b = json.buffers?.[index];
    if (!b) throw new Error(`subtree names buffer ${index}, which is not in buffers`);
    let data: Uint8Array;
    if (b.uri !== undefined) data = await fetchBuffer(b.uri);
    else if (binChunk && index === 0) data = binChunk; // the binary chunk is buffer 0 without a uri
    else throw new Error(`subtree buffer ${index} has no uri and is not the binary chunk`);
    if (b.byteLength !== undefined && data.byteLength < b.byteLength) {
      throw new Error(`subtree buffer ${index} has ${data.byteLength} bytes, declares ${b.byteLength}`);
    }
    buffers.set(index, data);
    return data;
  };
  const read = async (a: AvailabilityJson | undefined, name: string): Promise<Availability> => {
    if (!a) throw new Error(`subtree has no ${name}`);
    if (a.constant !== undefined) {
      if (a.constant !== 0 && a.constant !== 1) throw new Error(`${name}.constant must be 0 or 1, found ${a.constant}`);
      return { constant: a.constant === 1 };
    }
    const index = a.bitstream ?? a.bufferView; // bufferView: the pre-1.1 extension's spelling
    if (index === undefined) throw new Error(`${name} has neither constant nor bitstream`);
    const bv = json.bufferViews?.[index];
    if (!bv) throw new Error(`${name}.bitstream ${index} is not in bufferViews`);
    const data = await bufferBytes(bv.buffer ?? 0);
    const start = bv.byteOffset ?? 0, end = start + (bv.byteLength ?? 0);
    if (end > data.byteLength) throw new Error(`${name}: bufferView ${index} ends at byte ${end}, its buffer has ${data.byteLength}`);
    return { bits: data.subarray(start, end) };
  };
  const rawContent = json.contentAvailability;
  const contentJson = rawContent === undefined ? [] : Array.isArray(rawContent) ? rawContent : [rawContent];
  const content: Availability[] = [];
  for (const [i, c] of contentJson.entries()) content.push(await read(c, `contentAvailability[${i}]`));
  return {
    tile: await read(json.tileAvailability, 'tileAvailability'),
    content,
    childSubtree: await read(json.childSubtreeAvailability, 'childSubtreeAvailability'),
  };
}

function parseJson(bytes: Uint8Array): SubtreeJson {
  try {
    const v: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('not an object');
    return v as SubtreeJson;
  } catch (e) {
    throw new Error(`subtree JSON unreadable: ${(e as Error).message}`);
  }
}

/** Is bit `index` set? A bitstream shorter than the index reads as unavailable. */
export function isAvailable(a: Availability, index: number): boolean {
  if ('constant' in a) return a.constant;
  return index >>> 3 < a.bits.length && getBit(a.bits, index);
}

/** Tile and content availability of quadtree tile (level, x, y) inside one subtree whose root is
 *  at (rootLevel, rootX, rootY); the tile must lie in that subtree's levels. */
export function tileAvailabilityIn(st: Subtree, rootLevel: number, rootX: number, rootY: number, level: number, x: number, y: number): { tile: boolean; content: boolean } {
  const local = level - rootLevel;
  const i = availabilityIndex(local, x - (rootX << local), y - (rootY << local));
  const c = st.content[0];
  return { tile: isAvailable(st.tile, i), content: c !== undefined && isAvailable(c, i) };
}

/** Whether the child subtree at (x, y) of the subtree's bottom level + 1 (coordinates relative to
 *  the subtree root's children at depth `subtreeLevels`) is available. */
export const childSubtreeAvailable = (st: Subtree, localX: number, localY: number): boolean => isAvailable(st.childSubtree, morton2(localX, localY));
