// Survey network → 3D Tiles 1.1: `tileset.json` plus one glb per tile with content, every pipe,
// well and fitting a pickable feature with its survey attributes (EXT_mesh_features +
// EXT_structural_metadata). Heights are ellipsoidal: h = H1985 + geoidOffsetMeters (N), which the
// caller states; there is no built-in default here on purpose (standards.md §6).
import type { PipeClassCode, SurveyNetwork } from '../../../src/domain/pipelines/index.ts';
import { geodeticToEcef } from '../../../src/domain/tiles/ecef.ts';
import { networkFeatures, type Feature } from './features.ts';
import { encodeFeatureGlb, type MaterialMesh } from './glb.ts';
import { emptyGroup } from './mesh.ts';
import { buildTileTree, contentUri, countTiles, tileJson, tilesWithContent, TILESET_GEOMETRIC_ERROR, type TileNode } from './tiling.ts';

export { DETAIL_GEOMETRIC_ERROR, TILESET_GEOMETRIC_ERROR } from './tiling.ts';
export { PROPERTY_COLUMNS, PROPERTY_CLASS, type FeatureProperties } from './properties.ts';

export const GENERATOR = 'ningbo-twin pipelines converter 1';

export interface ConvertOptions {
  /** N, metres: geoid height above the ellipsoid, added to every 1985 height. */
  readonly geoidOffsetMeters: number;
  readonly name?: string;
  /** Marks output built from synthetic survey tables (tileset extras and the manifest). */
  readonly synthetic?: boolean;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface ConversionSummary {
  name: string;
  generator: string;
  synthetic: boolean;
  geoidOffsetMeters: number;
  pipes: Partial<Record<PipeClassCode, number>>;
  wells: Partial<Record<PipeClassCode, number>>;
  fittings: number;
  km: Partial<Record<PipeClassCode, number>>;
  /** Features per 权属单位 (the viewer's owner filter lists these). */
  owners: Record<string, number>;
  mains: number;
  features: number;
  tiles: number;
  contents: number;
  triangles: number;
  bytes: number;
  /** Lon/lat degrees of everything drawn. */
  bounds: { west: number; south: number; east: number; north: number };
  skipped: { points: number; pipes: number; undrawablePipes: number; byIssue: Record<string, number> };
}

export interface Conversion { files: Map<string, Uint8Array>; summary: ConversionSummary }

const ECEF_CENTRE = (n: TileNode): [number, number, number] => {
  const b = n.bounds;
  return geodeticToEcef((b.west + b.east) / 2, (b.south + b.north) / 2, (b.minH + b.maxH) / 2);
};

export async function convertNetwork(network: SurveyNetwork, opts: ConvertOptions): Promise<Conversion> {
  if (!Number.isFinite(opts.geoidOffsetMeters)) throw new Error(`geoidOffsetMeters must be a number of metres, found ${opts.geoidOffsetMeters}`);
  const name = opts.name ?? 'pipelines';
  const { features, skippedPipes } = networkFeatures(network, opts.geoidOffsetMeters);
  if (features.length === 0) throw new Error('nothing to convert: the network has no drawable pipes, wells or fittings');
  const tree = buildTileTree(features);
  const files = new Map<string, Uint8Array>();
  const tiles = [...tilesWithContent(tree)];
  let triangles = 0;
  for (const [k, node] of tiles.entries()) {
    const { glb, triangleCount } = encodeTile(node, features);
    files.set(contentUri(node), glb);
    triangles += triangleCount;
    opts.onProgress?.(k + 1, tiles.length);
    if (k % 16 === 15) await new Promise((r) => setImmediate(r)); // let progress lines out on big networks
  }
  const synthetic = opts.synthetic ?? false;
  const tileset = {
    asset: { version: '1.1', generator: GENERATOR },
    extras: {
      name, synthetic, generator: GENERATOR, geoidOffsetMeters: opts.geoidOffsetMeters,
      note: `Underground pipelines (CJJ 61-2017) from survey tables; heights are ellipsoidal, h = H1985 + ${opts.geoidOffsetMeters} m.`
        + ` The root holds the mains; detail tiles add the rest from about 1.5 km.${synthetic ? ' Synthetic data, not a survey.' : ''}`,
    },
    geometricError: TILESET_GEOMETRIC_ERROR,
    root: tileJson(tree),
  };
  files.set('tileset.json', new TextEncoder().encode(`${JSON.stringify(tileset, null, 1)}\n`));
  return { files, summary: summarise(network, features, tree, files, { name, synthetic, triangles, skippedPipes, geoid: opts.geoidOffsetMeters, contents: tiles.length }) };
}

function encodeTile(node: TileNode, features: readonly Feature[]): { glb: Uint8Array; triangleCount: number } {
  const parts = new Map<string, MaterialMesh>();
  node.features.forEach((index, fid) => {
    const f = features[index]!;
    let part = parts.get(f.material);
    if (!part) { part = { name: f.material, rgb: f.rgb, mesh: emptyGroup() }; parts.set(f.material, part); }
    f.draw(part.mesh, fid);
  });
  const ordered = [...parts.values()].sort((a, b) => a.name.localeCompare(b.name));
  const rows = node.features.map((i) => features[i]!.properties);
  const glb = encodeFeatureGlb(ordered, rows, ECEF_CENTRE(node), GENERATOR);
  return { glb, triangleCount: ordered.reduce((n, p) => n + p.mesh.indices.length / 3, 0) };
}

function summarise(network: SurveyNetwork, features: readonly Feature[], tree: TileNode, files: Map<string, Uint8Array>,
  x: { name: string; synthetic: boolean; triangles: number; skippedPipes: number; geoid: number; contents: number }): ConversionSummary {
  const pipes: Partial<Record<PipeClassCode, number>> = {}, wells: Partial<Record<PipeClassCode, number>> = {}, km: Partial<Record<PipeClassCode, number>> = {};
  let fittings = 0, mains = 0;
  const owners: Record<string, number> = {};
  for (const f of features) {
    const cls = f.properties.class as PipeClassCode;
    const owner = String(f.properties.owner ?? '');
    if (owner) owners[owner] = (owners[owner] ?? 0) + 1;
    if (f.properties.featureType === 'pipe') {
      pipes[cls] = (pipes[cls] ?? 0) + 1;
      km[cls] = (km[cls] ?? 0) + f.lengthM / 1000;
      if (f.main) mains++;
    } else if (f.properties.featureType === 'well') wells[cls] = (wells[cls] ?? 0) + 1;
    else fittings++;
  }
  for (const k of Object.keys(km) as PipeClassCode[]) km[k] = Math.round(km[k]! * 1000) / 1000;
  const byIssue: Record<string, number> = {};
  for (const i of network.issues) byIssue[i.code] = (byIssue[i.code] ?? 0) + 1;
  const b = tree.bounds;
  return {
    name: x.name, generator: GENERATOR, synthetic: x.synthetic, geoidOffsetMeters: x.geoid,
    pipes, wells, fittings, km, owners, mains, features: features.length,
    tiles: countTiles(tree), contents: x.contents, triangles: x.triangles,
    bytes: [...files.values()].reduce((n, f) => n + f.byteLength, 0),
    bounds: { west: b.west, south: b.south, east: b.east, north: b.north },
    skipped: { points: network.skipped.points, pipes: network.skipped.pipes, undrawablePipes: x.skippedPipes, byIssue },
  };
}
