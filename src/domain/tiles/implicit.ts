// 3D Tiles 1.1 implicit quadtree tiling: Morton indexing, tile regions, and the binary subtree
// format (header "subt", JSON chunk, binary chunk of availability bitstreams).

export interface RegionDeg { west: number; south: number; east: number; north: number }

/** Interleave the bits of x and y (x in even bits) as the spec's Morton order. */
export function morton2(x: number, y: number): number {
  let m = 0;
  for (let b = 0; b < 16; b++) m += (((x >>> b) & 1) * 2 ** (2 * b)) + (((y >>> b) & 1) * 2 ** (2 * b + 1));
  return m;
}

/** The lon/lat rectangle of tile (level, x, y) inside a root rectangle; y counts from the south. */
export function tileRegion(root: RegionDeg, level: number, x: number, y: number): RegionDeg {
  const n = 2 ** level;
  const dx = (root.east - root.west) / n;
  const dy = (root.north - root.south) / n;
  return { west: root.west + x * dx, east: root.west + (x + 1) * dx, south: root.south + y * dy, north: root.south + (y + 1) * dy };
}

/** Number of tiles in a full quadtree of `levels` levels. */
export const quadtreeTileCount = (levels: number): number => (4 ** levels - 1) / 3;

/** Bit index of tile (level, x, y) in a subtree's tile-availability bitstream (root at level 0). */
export const availabilityIndex = (level: number, x: number, y: number): number => quadtreeTileCount(level) + morton2(x, y);

export interface SubtreeBitstreams {
  tile: Uint8Array | 0 | 1;
  content: Uint8Array | 0 | 1;
  childSubtree: Uint8Array | 0 | 1;
}

const pad8 = (n: number): number => Math.ceil(n / 8) * 8;

/** Encode a binary .subtree (3D Tiles 1.1). Constant bitstreams are written as `constant`. */
export function encodeSubtree(b: SubtreeBitstreams): Uint8Array {
  const views: { byteOffset: number; byteLength: number }[] = [];
  const chunks: Uint8Array[] = [];
  let offset = 0;
  const ref = (s: Uint8Array | 0 | 1): { constant: number } | { bitstream: number } => {
    if (typeof s === 'number') return { constant: s };
    views.push({ byteOffset: offset, byteLength: s.length });
    chunks.push(s);
    offset = pad8(offset + s.length);
    return { bitstream: views.length - 1 };
  };
  const json: Record<string, unknown> = {
    tileAvailability: ref(b.tile),
    contentAvailability: [ref(b.content)],
    childSubtreeAvailability: ref(b.childSubtree),
  };
  if (views.length > 0) {
    json.buffers = [{ byteLength: offset }];
    json.bufferViews = views.map((v) => ({ buffer: 0, ...v }));
  }
  const jsonBytes = new TextEncoder().encode(JSON.stringify(json));
  const jsonLen = pad8(jsonBytes.length);
  const out = new Uint8Array(24 + jsonLen + offset);
  const dv = new DataView(out.buffer);
  out.set([0x73, 0x75, 0x62, 0x74], 0); // "subt"
  dv.setUint32(4, 1, true);
  dv.setBigUint64(8, BigInt(jsonLen), true);
  dv.setBigUint64(16, BigInt(offset), true);
  out.set(jsonBytes, 24);
  out.fill(0x20, 24 + jsonBytes.length, 24 + jsonLen);
  chunks.forEach((c, i) => out.set(c, 24 + jsonLen + views[i]!.byteOffset));
  return out;
}

export const setBit = (bits: Uint8Array, i: number): void => { bits[i >>> 3]! |= 1 << (i & 7); };
export const getBit = (bits: Uint8Array, i: number): boolean => ((bits[i >>> 3]! >>> (i & 7)) & 1) === 1;
