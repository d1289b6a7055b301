// The streaming benchmark's shared shapes (issue C6): the camera path, what a page exposes to the
// harness, and what one run measures. Pure data: the harness (tools/), the bench pages and the
// report maths all read these.

import type { CameraPose } from '../schemas/cameraPose.ts';

/** A camera pose as configs write it: degrees and metres above the ellipsoid; heading clockwise
 *  from north, pitch down < 0. */
export type BenchPose = CameraPose;

export interface WaypointStep {
  readonly kind: 'waypoint';
  readonly id: string;
  readonly name: string;
  readonly pose: BenchPose;
}

/** A timed flight from the previous step's pose to `to`, then a settle at `to`. */
export interface FlightStep {
  readonly kind: 'flight';
  readonly id: string;
  readonly name: string;
  readonly to: BenchPose;
  readonly seconds: number;
}

export type PathStep = WaypointStep | FlightStep;

export interface BenchPath {
  readonly format: 'ningbo-twin-bench-path';
  readonly version: 1;
  readonly steps: readonly PathStep[];
}

/** The configurations compared in one run, under these keys in report.json. */
export const BENCH_CONFIGS = ['shipped', 'cesiumDefault', 'tilesRenderer'] as const;
export type BenchConfigName = (typeof BENCH_CONFIGS)[number];

/** What every bench page (shipped viewer, plain Cesium, 3DTilesRendererJS) puts on `window.__bench`. */
export interface BenchPageApi {
  readonly config: BenchConfigName;
  /** The tileset's root is loaded and the page takes camera commands. */
  ready(): boolean;
  /** Why the page cannot run (tileset failed…), if so. */
  error(): string | undefined;
  setView(pose: BenchPose): void;
  /** Moves the camera along `flightPose(from, to, t)` over `seconds` of wall time; resolves on arrival. */
  fly(from: BenchPose, to: BenchPose, seconds: number): Promise<void>;
  status(): BenchPageStatus;
  /** Median ms per frame over `n` frames rendered back to back (relative figures only). */
  timeFrames(n: number): number;
}

export interface BenchPageStatus {
  /** The renderer's own "everything wanted for this view is loaded" (Cesium tilesLoaded; 3DTR queues empty). */
  readonly tilesLoaded: boolean;
  /** Tile memory as the renderer counts it (Cesium totalMemoryUsageInBytes; 3DTR cache bytes). */
  readonly tileMemoryBytes: number;
  readonly frames: number;
}

/** One step of one run of one configuration. */
export interface StepMeasure {
  readonly stepId: string;
  /** Encoded bytes of reality-tileset requests (content, subtrees, tileset JSON), cancelled ones included. */
  readonly bytes: number;
  readonly requests: number;
  readonly cancelled: number;
  /** Camera set (or flight started) → tiles loaded and the network quiet. */
  readonly settleSeconds: number;
  readonly timedOut: boolean;
  readonly tileMemoryBytes: number;
  readonly heapBytes: number;
}

export interface RunMeasure {
  readonly config: BenchConfigName;
  readonly rep: number;
  readonly steps: readonly StepMeasure[];
  /** Median ms per frame at the last waypoint (relative only). */
  readonly frameMs: number;
}

/** The oracle's minimal cut for one step's final pose. */
export interface IdealStep {
  readonly stepId: string;
  /** Bytes of the cut C(v): tiles that meet the target SSE, visible. */
  readonly skipBytes: number;
  /** Bytes of C(v) with all its content ancestors: the floor for a non-skipping REPLACE traversal. */
  readonly hlodBytes: number;
  readonly cutTiles: number;
  readonly hlodTiles: number;
  /** Ids (e.g. content URIs) of C(v), so a report can count a tile shared by several steps once. */
  readonly cutIds?: readonly string[];
  /** Ids of C(v) with its content ancestors. */
  readonly hlodIds?: readonly string[];
  /** Content bytes of each tile named in cutIds/hlodIds. */
  readonly tileSizes?: Readonly<Record<string, number>>;
}
