// Captures the 3D view as pixels for export, at screen size or larger. The scene is re-rendered
// at a raised resolution scale and copied inside postRender, while the WebGL drawing buffer still
// holds the frame (no preserveDrawingBuffer needed, so normal rendering pays nothing for it).
import { Cartesian2, Cartesian3, type Viewer } from 'cesium';

export interface ViewCapture {
  readonly canvas: HTMLCanvasElement;
  /** The view's size in CSS pixels at capture time. */
  readonly cssWidth: number;
  readonly cssHeight: number;
  /** Metres per output pixel at the view's centre, undefined when the centre shows sky. */
  readonly metresPerPixel?: number;
  /** Camera heading, degrees clockwise from north. */
  readonly headingDeg: number;
}

/** Frames to render after a size change before copying: the first may still use the old size. */
const FRAMES_BEFORE_COPY = 2;

function nextFrame(viewer: Viewer): Promise<void> {
  return new Promise((resolve) => {
    const off = viewer.scene.postRender.addEventListener(() => {
      off();
      resolve();
    });
    viewer.scene.requestRender();
  });
}

function copyNextFrame(viewer: Viewer): Promise<HTMLCanvasElement> {
  return new Promise((resolve, reject) => {
    const off = viewer.scene.postRender.addEventListener(() => {
      off();
      const src = viewer.scene.canvas;
      const out = document.createElement('canvas');
      out.width = src.width;
      out.height = src.height;
      const ctx = out.getContext('2d');
      if (!ctx) {
        reject(new Error('no 2D canvas context for the export'));
        return;
      }
      ctx.drawImage(src, 0, 0);
      resolve(out);
    });
    viewer.scene.requestRender();
  });
}

/** The largest drawing buffer side the GPU allows (asking the canvas returns Cesium's own context). */
function maxDrawingSide(canvas: HTMLCanvasElement): number {
  const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
  if (!gl) return 4096;
  const dims = gl.getParameter(gl.MAX_VIEWPORT_DIMS) as Int32Array | undefined;
  const rb = gl.getParameter(gl.MAX_RENDERBUFFER_SIZE) as number | undefined;
  return Math.min(rb ?? 4096, dims?.[0] ?? 4096, dims?.[1] ?? 4096);
}

/** Metres per CSS pixel at the centre of the view, measured on the globe or the mesh. */
export function metresPerCssPixel(viewer: Viewer): number | undefined {
  const scene = viewer.scene;
  const w = scene.canvas.clientWidth, h = scene.canvas.clientHeight;
  const pick = (x: number): Cartesian3 | undefined => {
    const ray = scene.camera.getPickRay(new Cartesian2(x, h / 2));
    return ray ? scene.globe.pick(ray, scene) ?? scene.camera.pickEllipsoid(new Cartesian2(x, h / 2)) : undefined;
  };
  const step = Math.max(10, Math.round(w / 20));
  const a = pick(w / 2 - step / 2), b = pick(w / 2 + step / 2);
  if (!a || !b) return undefined;
  return Cartesian3.distance(a, b) / step;
}

/**
 * Renders the view `factor` times larger than on screen and returns the pixels. Tiles are chosen
 * by screen-space error in CSS pixels, so a larger export shows the same tiles as the screen.
 * Where the GPU cannot draw that large, it draws as large as it can and the caller scales up.
 */
export async function captureView(viewer: Viewer, factor: number): Promise<ViewCapture> {
  const scene = viewer.scene;
  const cssWidth = scene.canvas.clientWidth, cssHeight = scene.canvas.clientHeight;
  const before = viewer.resolutionScale;
  const limit = maxDrawingSide(scene.canvas);
  // Drawing-buffer pixels per CSS pixel at resolutionScale 1: the device ratio unless Cesium is
  // left at its default of rendering at CSS resolution.
  const perCss = viewer.useBrowserRecommendedResolution ? 1 : window.devicePixelRatio || 1;
  const maxScale = limit / (Math.max(cssWidth, cssHeight) * perCss);
  const scale = Math.min(factor / perCss, maxScale);
  const mpp = metresPerCssPixel(viewer);
  try {
    viewer.resolutionScale = scale;
    for (let i = 0; i < FRAMES_BEFORE_COPY; i++) await nextFrame(viewer);
    const canvas = await copyNextFrame(viewer);
    return {
      canvas, cssWidth, cssHeight, headingDeg: (scene.camera.heading * 180) / Math.PI,
      ...(mpp !== undefined ? { metresPerPixel: (mpp * cssWidth) / canvas.width } : {}),
    };
  } finally {
    viewer.resolutionScale = before;
    scene.requestRender();
  }
}
