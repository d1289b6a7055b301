// Levels of detail by addition (refine ADD): the root holds the mains, seen from afar; below it a
// quadtree over the rest (≈ 1 km tiles, split to 250–500 m where they are busy). A feature goes to
// the tile holding its anchor (a pipe's midpoint); every region is computed from the bounds of the
// content under it, so a pipe that crosses a tile edge is still inside its tile.
import type { Feature, GeoBounds } from './features.ts';

/** Camera distance at which detail tiles appear, for a 1080 px high view at 60° and SSE 16. */
export const DETAIL_DISTANCE_M = 1500;
const REFERENCE_HEIGHT_PX = 1080;
const MAX_SSE = 16;
/** Geometric error that makes a parent refine when the camera is DETAIL_DISTANCE_M from its volume:
 *  SSE = error · height / (distance · 2 tan(fov/2)). */
export const DETAIL_GEOMETRIC_ERROR = Math.round(((DETAIL_DISTANCE_M * MAX_SSE * 2 * Math.tan(Math.PI / 6)) / REFERENCE_HEIGHT_PX) * 10) / 10;
/** The tileset's own error: mains stay on screen from any distance the city is seen at. */
export const TILESET_GEOMETRIC_ERROR = 500;

/** Tiles are split while larger than this… */
const MAX_TILE_M = 1000;
/** …or while busier than this and larger than the smallest tile. */
const FEW_FEATURES = 300;
const MIN_TILE_M = 400;
/** Room around content for rounding (metres of height). */
const HEIGHT_MARGIN_M = 0.5;

export interface TileNode {
  /** Feature indices drawn by this tile's content (empty: no content). */
  readonly features: number[];
  readonly children: TileNode[];
  /** Union of the content's and the children's bounds. */
  bounds: GeoBounds;
  /** Quadtree address (`root`, `0`, `0-3`, …), used for content names. */
  readonly key: string;
}

const emptyBounds = (): GeoBounds => ({ west: Infinity, south: Infinity, east: -Infinity, north: -Infinity, minH: Infinity, maxH: -Infinity });
function grow(b: GeoBounds, o: GeoBounds): void {
  b.west = Math.min(b.west, o.west); b.south = Math.min(b.south, o.south); b.east = Math.max(b.east, o.east);
  b.north = Math.max(b.north, o.north); b.minH = Math.min(b.minH, o.minH); b.maxH = Math.max(b.maxH, o.maxH);
}

interface Rect { west: number; south: number; east: number; north: number }
const widthM = (r: Rect): number => (r.east - r.west) * 111_320 * Math.cos(((r.south + r.north) / 2) * Math.PI / 180);
const heightM = (r: Rect): number => (r.north - r.south) * 110_574;

export function buildTileTree(features: readonly Feature[]): TileNode {
  const mains: number[] = [], rest: number[] = [];
  features.forEach((f, i) => (f.main ? mains : rest).push(i));
  const root: TileNode = { features: mains, children: [], bounds: emptyBounds(), key: 'root' };
  for (const i of mains) grow(root.bounds, features[i]!.bounds);
  if (rest.length > 0) {
    const rect: Rect = { west: Infinity, south: Infinity, east: -Infinity, north: -Infinity };
    for (const i of rest) {
      const f = features[i]!;
      rect.west = Math.min(rect.west, f.lon); rect.east = Math.max(rect.east, f.lon);
      rect.south = Math.min(rect.south, f.lat); rect.north = Math.max(rect.north, f.lat);
    }
    // A hair of slack so anchors on the far edges fall inside the half-open cells.
    rect.east += 1e-9; rect.north += 1e-9;
    const top = split(features, rest, rect, '');
    // One node at the top is the quadtree's whole area: hang its children directly below the root.
    for (const child of top.features.length === 0 ? top.children : [top]) { root.children.push(child); grow(root.bounds, child.bounds); }
  }
  return root;
}

function split(features: readonly Feature[], items: number[], rect: Rect, key: string): TileNode {
  const w = widthM(rect), h = heightM(rect);
  const size = Math.max(w, h);
  const node: TileNode = { features: [], children: [], bounds: emptyBounds(), key: key || '0' };
  if (size <= MAX_TILE_M && (items.length <= FEW_FEATURES || size <= MIN_TILE_M)) {
    node.features.push(...items);
    for (const i of items) grow(node.bounds, features[i]!.bounds);
    return node;
  }
  // Split the long side only when the cell is elongated, so tiles stay roughly square.
  const nx = w >= size / 2 ? 2 : 1, ny = h >= size / 2 ? 2 : 1;
  const cells: number[][] = Array.from({ length: nx * ny }, () => []);
  const dx = (rect.east - rect.west) / nx, dy = (rect.north - rect.south) / ny;
  for (const i of items) {
    const f = features[i]!;
    const cx = Math.min(nx - 1, Math.floor((f.lon - rect.west) / dx)), cy = Math.min(ny - 1, Math.floor((f.lat - rect.south) / dy));
    cells[cy * nx + cx]!.push(i);
  }
  cells.forEach((cell, c) => {
    if (cell.length === 0) return;
    const x = c % nx, y = Math.floor(c / nx);
    const sub: Rect = { west: rect.west + x * dx, east: rect.west + (x + 1) * dx, south: rect.south + y * dy, north: rect.south + (y + 1) * dy };
    const child = split(features, cell, sub, key ? `${key}-${c}` : String(c));
    node.children.push(child);
    grow(node.bounds, child.bounds);
  });
  return node;
}

const RAD = Math.PI / 180;
/** A 3D Tiles region in radians, with a height margin. */
export const regionOf = (b: GeoBounds): number[] =>
  [b.west * RAD, b.south * RAD, b.east * RAD, b.north * RAD, b.minH - HEIGHT_MARGIN_M, b.maxH + HEIGHT_MARGIN_M];

/** Content file of a tile (relative to tileset.json). */
export const contentUri = (node: TileNode): string => (node.key === 'root' ? 'mains.glb' : `detail/${node.key}.glb`);

/** The explicit tile JSON: parents refine at DETAIL_GEOMETRIC_ERROR, content-only leaves at 0. */
export function tileJson(node: TileNode): Record<string, unknown> {
  const tile: Record<string, unknown> = {
    boundingVolume: { region: regionOf(node.bounds) },
    geometricError: node.children.length > 0 ? DETAIL_GEOMETRIC_ERROR : 0,
    refine: 'ADD',
  };
  if (node.features.length > 0) tile.content = { uri: contentUri(node) };
  if (node.children.length > 0) tile.children = node.children.map(tileJson);
  return tile;
}

export function countTiles(node: TileNode): number {
  return 1 + node.children.reduce((n, c) => n + countTiles(c), 0);
}

export function* tilesWithContent(node: TileNode): Generator<TileNode> {
  if (node.features.length > 0) yield node;
  for (const c of node.children) yield* tilesWithContent(c);
}
