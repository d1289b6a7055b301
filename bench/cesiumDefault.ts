// Bench page: the reality mesh in a plain CesiumJS Viewer with Cesium's own defaults (no base
// imagery, no widgets), the baseline the shipped viewer's streaming settings are measured against.
import 'cesium/Build/Cesium/Widgets/widgets.css';
import { buildModuleUrl, Cartesian3, Cesium3DTileset, Color, Math as CesiumMath, Viewer } from 'cesium';
import { flyAlong, type BenchPageApi, type BenchPose } from '../src/domain/bench/index.ts';
import { GLOBE_BASE_COLOUR } from '../src/domain/styling/index.ts';
import { browserClock, medianFrameMs, startPose } from './pageCommon.ts';

// vite.config.ts defines CESIUM_BASE_URL as './cesium/', which Cesium resolves against the page:
// from dist/bench/ that would be dist/bench/cesium/. The copied Workers/Assets live in dist/cesium/.
// setBaseUrl is in Cesium's JS but not its typings; without it Workers would 404, so fail loudly.
const moduleUrl = buildModuleUrl as typeof buildModuleUrl & { setBaseUrl?: (url: string) => void };
if (typeof moduleUrl.setBaseUrl !== 'function') throw new Error('cesium: buildModuleUrl.setBaseUrl missing');
moduleUrl.setBaseUrl(new URL('../cesium/', document.baseURI).href);

const TILESET_URL = new URL('/tilesets/reality/tileset.json', location.href).href;

const viewer = new Viewer('viewer', {
  baseLayer: false,
  animation: false,
  baseLayerPicker: false,
  fullscreenButton: false,
  geocoder: false,
  homeButton: false,
  infoBox: false,
  sceneModePicker: false,
  selectionIndicator: false,
  timeline: false,
  navigationHelpButton: false,
  projectionPicker: false,
  vrButton: false,
});

// The globe's base colour is the shipped viewer's, not Cesium's blue: it changes no tile request,
// and with it the side-by-side screenshots differ only where the mesh does (with Cesium's blue,
// open sea and the ground beyond the mesh counted as "pixels differing", 56 % at an overview).
viewer.scene.globe.baseColor = Color.fromCssColorString(GLOBE_BASE_COLOUR);

let frames = 0;
viewer.scene.postRender.addEventListener(() => {
  frames++;
});

const setView = (pose: BenchPose): void => {
  viewer.camera.setView({
    destination: Cartesian3.fromDegrees(pose.lon, pose.lat, pose.height),
    orientation: { heading: CesiumMath.toRadians(pose.heading), pitch: CesiumMath.toRadians(pose.pitch), roll: CesiumMath.toRadians(pose.roll) },
  });
};

const start = startPose(location.search);
setView(start.pose);

let tileset: Cesium3DTileset | undefined;
let failure: string | undefined = start.error;
Cesium3DTileset.fromUrl(TILESET_URL).then(
  (t) => {
    tileset = viewer.scene.primitives.add(t);
    t.tileFailed.addEventListener((e: { url: string; message: string }) => console.error(`tile failed: ${e.url}: ${e.message}`));
  },
  (e: unknown) => {
    failure = `tileset failed: ${e instanceof Error ? e.message : String(e)}`;
  },
);
viewer.scene.renderError.addEventListener((_scene, e: unknown) => {
  failure = `render error: ${e instanceof Error ? e.message : String(e)}`;
});

const canvas = viewer.scene.canvas;
const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');

const api: BenchPageApi = Object.freeze({
  config: 'cesiumDefault' as const,
  ready: () => tileset !== undefined && failure === undefined,
  error: () => failure,
  setView,
  fly: (from: BenchPose, to: BenchPose, seconds: number) => flyAlong(setView, from, to, seconds, browserClock),
  status: () => ({
    tilesLoaded: tileset?.tilesLoaded ?? false,
    tileMemoryBytes: tileset?.totalMemoryUsageInBytes ?? 0,
    frames,
  }),
  timeFrames: (n: number) => medianFrameMs(n, () => viewer.render(), gl),
});
window.__bench = api;
