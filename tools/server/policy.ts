// What the server says about each file: its cache lifetime and whether it is worth compressing.
// Kept apart from the fastify wiring so the rules read as a table and unit-test without HTTP.

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache'; // may be stored, but must be revalidated (ETag → 304)

/** A path segment naming versioned generator output, e.g. `g3fa9c01d`: its bytes never change. */
const versionedSegment = /^g[0-9a-f]{8,}$/;
const precompressedSuffix = /\.(br|gz)$/;

/** Strips the .br/.gz suffix of a precompressed sibling so the rules see the logical file. */
export function logicalPath(relPath: string): string {
  return relPath.replace(precompressedSuffix, '');
}

/**
 * Cache-Control for a file, given where it is served from and its path relative to that root
 * (forward slashes). Tile payloads (.glb/.subtree) are content-addressed by their place in a
 * generated tree and never rewritten in place; tileset JSON is the entry point and must revalidate.
 */
export function cacheControlFor(root: 'dist' | 'tilesets', relPath: string): string {
  const rel = logicalPath(relPath);
  const segments = rel.split('/');
  if (root === 'tilesets') {
    if (segments.slice(0, -1).some((s) => versionedSegment.test(s))) return IMMUTABLE;
    if (/\.(glb|subtree)$/i.test(rel)) return IMMUTABLE;
    return REVALIDATE;
  }
  // Vite writes content-hashed names under assets/; everything else (index.html, Cesium's
  // unhashed Workers/Assets, config.json) must revalidate so a rebuild is seen at once.
  if (segments[0] === 'assets' && segments.length > 1) return IMMUTABLE;
  return REVALIDATE;
}

/**
 * MIME types the on-the-fly compressor should encode. Geometry (.glb, .subtree) is included on
 * purpose: meshopt-encoded buffers are built to shrink further under gzip/brotli. Already-compressed
 * payloads (jpeg, png, webp, ktx2, woff2) are left alone.
 */
export const compressibleType =
  /^(text\/|application\/(json|javascript|xml|wasm|octet-stream|manifest\+json)|model\/gltf|image\/svg\+xml)/;

/** Types the static layer would get wrong or leave generic; keyed by lower-case extension. */
export const extraMimeTypes: Record<string, string> = {
  glb: 'model/gltf-binary',
  gltf: 'model/gltf+json',
  subtree: 'application/octet-stream',
  ktx2: 'image/ktx2',
  wasm: 'application/wasm',
  b3dm: 'application/octet-stream',
  pnts: 'application/octet-stream',
  i3dm: 'application/octet-stream',
  cmpt: 'application/octet-stream',
};

/** Brotli quality of the on-the-fly compressor. Quality 11 (Node's default) costs ~50x more CPU
 *  than 5 for a few % on tiles; precompressed siblings are the place for maximal brotli. */
export const ON_THE_FLY_BROTLI_QUALITY = 5;
