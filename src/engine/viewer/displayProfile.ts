// The display profile of a wall: how many pixels the 3D view renders. An 8K wall (7680×2160) at
// full resolution is 8× the pixels of a 1080p desk screen; rendering it at a lower scale and
// capping the device-pixel ratio keeps it responsive, and the browser upscales the canvas.
import type { Viewer } from 'cesium';
import type { DisplayProfile } from '../../domain/schemas/index.ts';

export interface AppliedProfile {
  /** The viewer's resolutionScale after the profile: rendered pixels per CSS pixel. */
  readonly renderScale: number;
  readonly drawingBuffer: { readonly width: number; readonly height: number };
}

export function applyDisplayProfile(viewer: Viewer, profile: DisplayProfile, devicePixelRatio = window.devicePixelRatio || 1): AppliedProfile {
  // Cesium renders at CSS resolution unless told otherwise; render at min(DPR, cap) × scale.
  viewer.useBrowserRecommendedResolution = false;
  const ratio = Math.min(devicePixelRatio, profile.maxPixelRatio);
  const css = viewer.scene.canvas.clientWidth * viewer.scene.canvas.clientHeight;
  const wanted = css * (ratio * profile.resolutionScale) ** 2;
  const cap = profile.maxMegapixels * 1e6;
  // Past the cap, scale both axes down by the same factor: the picture stays sharp-edged, only softer.
  const fit = wanted > cap ? Math.sqrt(cap / wanted) : 1;
  viewer.resolutionScale = (ratio / devicePixelRatio) * profile.resolutionScale * fit;
  const fxaa = viewer.scene.postProcessStages.fxaa;
  fxaa.enabled = profile.fxaa;
  viewer.resize();
  viewer.scene.requestRender();
  return {
    renderScale: ratio * profile.resolutionScale * fit,
    drawingBuffer: { width: viewer.scene.drawingBufferWidth, height: viewer.scene.drawingBufferHeight },
  };
}

/** Back to Cesium's defaults when leaving the wall's mode. */
export function resetDisplayProfile(viewer: Viewer): void {
  viewer.useBrowserRecommendedResolution = true;
  viewer.resolutionScale = 1;
  viewer.scene.postProcessStages.fxaa.enabled = false;
  viewer.scene.requestRender();
}
