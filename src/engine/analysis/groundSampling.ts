// Heights of the ground (the reality mesh) under lon/lat points, shared by excavation pits,
// measurements and scheme placement: the mesh at its most detailed level where it can be loaded in
// time, else what the current view holds, else the globe. Everything else in the scene (overlays,
// measurement lines, a proposal model, another pit's floor) is excluded: sampleHeight hits every
// primitive, shown or not, and would pass them off as ground.
import { Cartographic, PrimitiveCollection, type Cesium3DTileset, type Viewer } from 'cesium';

export interface LonLatPoint { readonly lon: number; readonly lat: number }

/** Most-detailed sampling loads tiles; past this it falls back to what is loaded. */
const SAMPLE_TIMEOUT_MS = 8000;

function timeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<undefined>((resolve) => { timer = setTimeout(() => resolve(undefined), ms); });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

/** `ground` returns the tilesets that count as ground (the reality mesh layers). */
export function createGroundSampler(viewer: Viewer, ground: () => readonly Cesium3DTileset[]) {
  const scene = viewer.scene;

  const notGround = (): object[] => {
    const keep = new Set<object>(ground());
    const out: object[] = [];
    const walk = (c: PrimitiveCollection) => {
      for (let i = 0; i < c.length; i++) {
        const p = c.get(i) as object;
        if (p instanceof PrimitiveCollection) walk(p);
        else if (!keep.has(p)) out.push(p);
      }
    };
    walk(scene.primitives);
    return out;
  };

  /** Ellipsoidal heights, undefined where nothing (not even the globe) answers. */
  return async (points: readonly LonLatPoint[]): Promise<(number | undefined)[]> => {
    const at = points.map((p) => Cartographic.fromDegrees(p.lon, p.lat));
    let heights: (number | undefined)[] = at.map(() => undefined);
    if (scene.sampleHeightSupported) {
      const exclude = notGround();
      try {
        const most = await timeout(scene.sampleHeightMostDetailed(at.map((c) => c.clone()), exclude), SAMPLE_TIMEOUT_MS);
        if (most) heights = most.map((c) => c?.height);
      } catch {
        // fall through to the current view
      }
      if (viewer.isDestroyed()) return heights;
      heights = heights.map((h, i) => h ?? scene.sampleHeight(at[i]!, exclude));
    }
    if (viewer.isDestroyed()) return heights;
    return heights.map((h, i) => h ?? scene.globe?.getHeight(at[i]!));
  };
}

export type GroundSampler = ReturnType<typeof createGroundSampler>;
