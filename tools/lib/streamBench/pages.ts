// Where each configuration's page lives on our server. The shipped viewer runs its shipped config
// with only the mesh shown (the other configurations stream the mesh alone) and starts at the
// path's first pose, like the bench pages given ?camera=.
import type { BenchConfigName, BenchPose } from '../../../src/domain/bench/index.ts';

const cameraParam = (p: BenchPose): string => [p.lon, p.lat, p.height, p.heading, p.pitch, p.roll].join(',');

export function pageUrl(base: string, config: BenchConfigName, start: BenchPose): string {
  const camera = `camera=${cameraParam(start)}`;
  switch (config) {
    case 'shipped': return `${base}/?layers=reality&ui=0&${camera}`;
    case 'cesiumDefault': return `${base}/bench/cesium-default.html?${camera}`;
    case 'tilesRenderer': return `${base}/bench/tiles-renderer.html?${camera}`;
  }
}

/** The requests that count: everything of the reality tileset (root and external tileset JSON,
 *  subtrees, tile content). */
export const isRealityRequest = (url: string): boolean => new URL(url).pathname.startsWith('/tilesets/reality/');
