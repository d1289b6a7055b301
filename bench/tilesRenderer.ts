// Bench page: the reality mesh in three.js + 3DTilesRendererJS with that library's defaults
// (errorTarget 16, its download/parse queues and LRU cache), seen from the same poses as Cesium.
import { HemisphereLight, PerspectiveCamera, Scene, Vector3, WebGLRenderer } from 'three';
import { MeshoptDecoder } from 'three/examples/jsm/libs/meshopt_decoder.module.js';
import { TilesRenderer } from '3d-tiles-renderer';
import { GLTFExtensionsPlugin, ImplicitTilingPlugin } from '3d-tiles-renderer/plugins';
import { cameraFrame, cesiumFovy, flyAlong, type BenchPageApi, type BenchPose } from '../src/domain/bench/index.ts';
import { browserClock, medianFrameMs, startPose } from './pageCommon.ts';

// Absolute: the implicit tiling plugin resolves subtree URLs with new URL(uri, basePath), which
// throws on a path-only base.
const TILESET_URL = new URL('/tilesets/reality/tileset.json', location.href).href;

/** Counters 0.5.3 keeps but does not declare in its typings; checked at start so a version that
 *  renames them fails loudly instead of reporting "loaded" or 0 bytes forever. */
interface TilesInternals {
  readonly stats: { readonly queued: number; readonly downloading: number; readonly parsing: number };
  readonly lruCache: { readonly cachedBytes: number };
}

function internals(tiles: TilesRenderer): TilesInternals {
  const t = tiles as unknown as Partial<TilesInternals>;
  const ok = typeof t.stats?.queued === 'number' && typeof t.stats.downloading === 'number'
    && typeof t.stats.parsing === 'number' && typeof t.lruCache?.cachedBytes === 'number';
  if (!ok) throw new Error('3d-tiles-renderer: stats.queued/downloading/parsing or lruCache.cachedBytes missing');
  return t as TilesInternals;
}

const renderer = new WebGLRenderer({ logarithmicDepthBuffer: true });
renderer.setPixelRatio(1);
document.body.appendChild(renderer.domElement);

const scene = new Scene();
scene.add(new HemisphereLight(0xffffff, 0x444444, 3));
// Cesium's vertical fov at this aspect, so errorTarget 16 and maximumScreenSpaceError 16 ask for
// the same pixels. Near 1 m / far 10,000 km with a log depth buffer, like Cesium's.
const camera = new PerspectiveCamera(60, 16 / 9, 1, 1e7);

const tiles = new TilesRenderer(TILESET_URL);
tiles.registerPlugin(new ImplicitTilingPlugin());
// Meshopt only: no Draco/KTX2 loaders, whose decoders would be fetched from a CDN.
tiles.registerPlugin(new GLTFExtensionsPlugin({ meshoptDecoder: MeshoptDecoder }));
tiles.setCamera(camera);
scene.add(tiles.group); // ECEF as is: three builds modelView matrices in float64, so no re-centring
const counters = internals(tiles);

let failure: string | undefined;
tiles.addEventListener('load-error', (e) => {
  const message = `${String(e.url)}: ${e.error.message}`;
  if (e.tile === null) failure = `tileset failed: ${message}`;
  else console.error(`tile failed: ${message}`);
});

function resize(): void {
  const w = window.innerWidth;
  const h = window.innerHeight;
  renderer.setSize(w, h);
  camera.fov = (cesiumFovy(w, h) * 180) / Math.PI;
  camera.aspect = w / h;
  camera.updateProjectionMatrix();
  tiles.setResolutionFromRenderer(camera, renderer);
}
resize();
window.addEventListener('resize', resize);

/** After a traversal: nothing queued, downloading or parsing, no child expansion pending. Read
 *  right after update(), like Cesium's tilesLoaded: between frames the counters also drop to 0 when
 *  an external tileset or subtree has arrived but the next traversal has not yet asked for what it
 *  unlocks. */
const nothingPending = (): boolean => {
  const s = counters.stats;
  return tiles.root !== null && s.queued + s.downloading + s.parsing === 0
    && !tiles.downloadQueue.running && !tiles.parseQueue.running && !tiles.processNodeQueue.running;
};

let frames = 0;
let loaded = false;
const frame = (): void => {
  camera.updateMatrixWorld();
  tiles.update();
  loaded = nothingPending();
  renderer.render(scene, camera);
  frames++;
};

const setView = (pose: BenchPose): void => {
  loaded = false; // unknown until a traversal has seen the new view
  const f = cameraFrame(pose);
  camera.position.set(...f.position);
  camera.up.set(...f.up);
  camera.lookAt(new Vector3(...f.position).add(new Vector3(...f.direction)));
};

const start = startPose(location.search);
if (start.error) failure = start.error;
setView(start.pose);

renderer.setAnimationLoop(frame);

const api: BenchPageApi = Object.freeze({
  config: 'tilesRenderer' as const,
  ready: () => tiles.root !== null && failure === undefined,
  error: () => failure,
  setView,
  fly: (from: BenchPose, to: BenchPose, seconds: number) => flyAlong(setView, from, to, seconds, browserClock),
  status: () => ({ tilesLoaded: loaded, tileMemoryBytes: counters.lruCache.cachedBytes, frames }),
  timeFrames: (n: number) => medianFrameMs(n, frame, renderer.getContext()),
});
window.__bench = api;
