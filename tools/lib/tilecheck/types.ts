// The slice of the 3D Tiles 1.0/1.1 JSON schema the checker reads. Everything is optional because
// the input is untrusted: the walker validates shapes and reports what is missing.

export type Reader = (pathOrUrl: string) => Promise<Uint8Array>;

export interface Problem {
  /** Where: `tileset.json: root.children[3]`, `a/tileset.json: implicit L5 (12,7)`. */
  path: string;
  message: string;
}

export interface BoundingVolumeJson {
  region?: number[];
  box?: number[];
  sphere?: number[];
}

export interface ContentJson {
  uri?: string;
  url?: string; // 3D Tiles 1.0 pre-release spelling, still seen in the wild
  boundingVolume?: BoundingVolumeJson;
}

export interface ImplicitTilingJson {
  subdivisionScheme?: string;
  subtreeLevels?: number;
  availableLevels?: number;
  maximumLevel?: number; // the 3DTILES_implicit_tiling extension's name for availableLevels - 1
  subtrees?: { uri?: string };
}

export interface TileJson {
  boundingVolume?: BoundingVolumeJson;
  geometricError?: number;
  refine?: string;
  transform?: number[];
  content?: ContentJson;
  contents?: ContentJson[];
  children?: TileJson[];
  implicitTiling?: ImplicitTilingJson;
  extensions?: Record<string, unknown>;
}

export interface TilesetJson {
  asset?: { version?: string; gltfUpAxis?: string };
  geometricError?: number;
  root?: TileJson;
  extensionsUsed?: string[];
  extensionsRequired?: string[];
}

export interface CheckOptions {
  /** Stop after visiting this many tiles (the report says it was truncated). */
  maxTiles?: number;
  /** Fully decode (meshopt included) this many glb contents with @loaders.gl/gltf, spread evenly. */
  sample?: number;
  onProgress?: (s: CheckStats) => void;
}

export interface CheckStats {
  tilesVisited: number;
  contentsRead: number;
  contentsDecoded: number;
  externalTilesets: number;
  subtreesRead: number;
  maxDepth: number;
  bytesRead: number;
}

export interface CheckReport extends CheckStats {
  root: string;
  truncated: boolean;
  problems: Problem[];
}
