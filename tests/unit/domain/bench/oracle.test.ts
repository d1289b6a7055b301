import { describe, expect, it } from 'vitest';
import { cameraFrame, type CameraFrame } from '../../../../src/domain/bench/camera.ts';
import { CESIUM_RELIEF, cesiumReliefDensity, frustumPlanes, isVisible, minimalCut, regionBox, screenSpaceError, volumeDistance, type OracleTile, type OracleView, type OracleVolume } from '../../../../src/domain/bench/oracle.ts';
import { geodeticToEcef, type Vec3 } from '../../../../src/domain/tiles/ecef.ts';

// A camera at the origin looking down +x (up +z, right −y), 90° square view of 1000 px: then
// 2·tan(fovy/2) = 2 and sse = geometricError · 1000 / (distance · 2) = 500 · error / distance.
// With maxSse 16 a tile refines when distance < 31.25 · error.
const frame: CameraFrame = { position: [0, 0, 0], direction: [1, 0, 0], up: [0, 0, 1], right: [0, -1, 0] };
const view: OracleView = { frame, widthPx: 1000, heightPx: 1000, fovy: Math.PI / 2 };
const MAX_SSE = 16;

const sphere = (x: number, y: number, radius: number): OracleVolume => ({ kind: 'sphere', center: [x, y, 0], radius });

/** A test tile that counts how often its children were asked for (laziness). */
function tile(id: string, volume: OracleVolume, geometricError: number, kids: OracleTile[] = [], opts: Partial<Pick<OracleTile, 'hasContent' | 'refine' | 'alwaysRefine'>> = {}): OracleTile & { expanded: () => number } {
  let expanded = 0;
  return {
    id, volume, geometricError, hasContent: opts.hasContent ?? true, refine: opts.refine ?? 'REPLACE', alwaysRefine: opts.alwaysRefine,
    children: () => { expanded++; return kids; },
    expanded: () => expanded,
  };
}

const ids = (ts: readonly OracleTile[]): string[] => ts.map((t) => t.id);

describe('screen-space error and distance', () => {
  it('applies Cesium’s formula: error · height / (distance · 2 tan(fovy/2))', () => {
    // 4 m error at 250 m, 1000 px, fovy 90°: 4 · 1000 / (250 · 2) = 8 px.
    expect(screenSpaceError(4, 250, view)).toBeCloseTo(8, 12);
    // 60° fovy, 600 px: 2 tan 30° = 1.1547; 10 · 600 / (1000 · 1.1547) = 5.196 px.
    expect(screenSpaceError(10, 1000, { ...view, heightPx: 600, fovy: Math.PI / 3 })).toBeCloseTo(5.19615, 4);
    expect(Number.isFinite(screenSpaceError(1, 0, view))).toBe(true);
  });

  it('measures to the surface of spheres and boxes, 0 inside', () => {
    expect(volumeDistance(sphere(100, 0, 10), [0, 0, 0])).toBeCloseTo(90, 9);
    expect(volumeDistance(sphere(100, 0, 10), [95, 0, 0])).toBe(0);
    const box: OracleVolume = { kind: 'box', center: [100, 0, 0], halfAxes: [[10, 0, 0], [0, 20, 0], [0, 0, 30]] };
    expect(volumeDistance(box, [0, 0, 0])).toBeCloseTo(90, 9);
    expect(volumeDistance(box, [100, 50, 0])).toBeCloseTo(30, 9);
    expect(volumeDistance(box, [100, 50, 40])).toBeCloseTo(Math.hypot(30, 10), 9);
    expect(volumeDistance(box, [105, -15, 25])).toBe(0);
    // Rotated 45° about z: the corner direction (1,1) reaches |(5,5)| from the centre.
    const turned: OracleVolume = { kind: 'box', center: [0, 0, 0], halfAxes: [[5, 5, 0], [-5, 5, 0], [0, 0, 1]] };
    expect(volumeDistance(turned, [10, 10, 0])).toBeCloseTo(Math.hypot(10, 10) - Math.hypot(5, 5), 9);
    // A flat box still measures along its normal.
    const flat: OracleVolume = { kind: 'box', center: [0, 0, 0], halfAxes: [[5, 0, 0], [0, 5, 0], [0, 0, 0]] };
    expect(volumeDistance(flat, [0, 0, 7])).toBeCloseTo(7, 9);
  });
});

describe('frustum', () => {
  const planes = frustumPlanes(view);
  it('keeps what is in front and inside the 90° cone, culls what is behind or wholly aside', () => {
    expect(planes).toHaveLength(6);
    expect(isVisible(sphere(100, 0, 1), planes)).toBe(true);
    expect(isVisible(sphere(100, 90, 1), planes)).toBe(true);
    expect(isVisible(sphere(100, 120, 1), planes)).toBe(false);
    expect(isVisible(sphere(100, 120, 30), planes)).toBe(true); // straddles the side plane
    expect(isVisible(sphere(-50, 0, 10), planes)).toBe(false);
    expect(isVisible(sphere(-50, 0, 60), planes)).toBe(true); // reaches past the near plane
    expect(isVisible(sphere(2000, 0, 10), frustumPlanes({ ...view, far: 1000 }))).toBe(false);
  });
});

describe('minimalCut', () => {
  it('keeps the root alone when it meets the SSE from far away', () => {
    //   R (error 1, 990 m away: sse 0.5) ── R0
    const r0 = tile('R0', sphere(1000, 0, 5), 0.5);
    const root = tile('R', sphere(1000, 0, 10), 1, [r0]);
    const { cut, hlod } = minimalCut(root, view, MAX_SSE);
    expect(ids(cut)).toEqual(['R']);
    expect(ids(hlod)).toEqual(['R']);
    expect(root.expanded()).toBe(0);
  });

  //   R  (around the camera: distance 0, refines)
  //   ├─ A   x=100 r50, error 8: d 50,  sse 80  → refine
  //   │  ├─ A0  x=80  r20, error 1: d 60,  sse 8.3 → cut
  //   │  └─ A1  x=120 r20, error 1: d 100, sse 5   → cut
  //   ├─ B   x=1000 r50, error 8: d 950, sse 4.2 → cut (B0 never expanded)
  //   │  └─ B0
  //   ├─ C   x=-300 r50: behind the camera → culled (C0 never expanded)
  //   │  └─ C0
  //   └─ D   x=100 y=500 r50: wholly left of the view → culled
  const near = () => {
    const a0 = tile('A0', sphere(80, 0, 20), 1);
    const a1 = tile('A1', sphere(120, 0, 20), 1);
    const a = tile('A', sphere(100, 0, 50), 8, [a0, a1]);
    const b = tile('B', sphere(1000, 0, 50), 8, [tile('B0', sphere(1000, 0, 25), 1)]);
    const c = tile('C', sphere(-300, 0, 50), 8, [tile('C0', sphere(-300, 0, 25), 1)]);
    const d = tile('D', sphere(100, 500, 50), 8);
    const root = tile('R', sphere(400, 0, 800), 64, [a, b, c, d]);
    return { root, a, b, c };
  };

  it('refines to level 2 near the camera, stops at level 1 far away, culls what is behind', () => {
    const { root, a, b, c } = near();
    expect(volumeDistance(root.volume, frame.position)).toBe(0);
    const { cut } = minimalCut(root, view, MAX_SSE);
    expect(ids(cut)).toEqual(['A0', 'A1', 'B']);
    expect(a.expanded()).toBe(1);
    expect(b.expanded()).toBe(0);
    expect(c.expanded()).toBe(0);
  });

  it('hlod adds every content ancestor once', () => {
    const { cut, hlod } = minimalCut(near().root, view, MAX_SSE);
    expect(ids(hlod).sort()).toEqual(['A', 'A0', 'A1', 'B', 'R']);
    for (const t of cut) expect(hlod).toContain(t);
  });

  it('a stricter target refines further; a looser one stops higher', () => {
    expect(ids(minimalCut(near().root, view, 2).cut)).toEqual(['A0', 'A1', 'B0']);
    expect(ids(minimalCut(near().root, view, 100).cut)).toEqual(['A', 'B']);
  });

  it('ADD keeps the parent’s content in the cut with its refined children', () => {
    //   P (ADD, error 8 at 50 m: sse 80) ─┬─ P0 (error 1, sse 8.3)
    //                                    └─ P1 (error 1, sse 5)
    const root = tile('P', sphere(100, 0, 50), 8, [tile('P0', sphere(80, 0, 20), 1), tile('P1', sphere(120, 0, 20), 1)], { refine: 'ADD' });
    const { cut, hlod } = minimalCut(root, view, MAX_SSE);
    expect(ids(cut)).toEqual(['P', 'P0', 'P1']);
    expect(ids(hlod)).toEqual(['P', 'P0', 'P1']);
  });

  it('a refining tile whose children are all culled stays in the cut itself', () => {
    //   Q (error 8 at 50 m: refine) ── Q0 (behind the camera)
    const root = tile('Q', sphere(100, 0, 50), 8, [tile('Q0', sphere(-300, 0, 10), 1)]);
    expect(ids(minimalCut(root, view, MAX_SSE).cut)).toEqual(['Q']);
  });

  it('empty tiles: pass through when refining, contribute nothing when they meet the SSE', () => {
    //   E (empty, error 64, around the camera) ── A (content, error 1 at 50 m: sse 10)
    const child = tile('A', sphere(100, 0, 50), 1);
    const refined = minimalCut(tile('E', sphere(0, 0, 500), 64, [child], { hasContent: false }), view, MAX_SSE);
    expect(ids(refined.cut)).toEqual(['A']);
    expect(ids(refined.hlod)).toEqual(['A']);
    //   F (empty, error 1 at 990 m) ── F0: F needs no refinement and has nothing to show.
    const far = tile('F', sphere(1000, 0, 10), 1, [tile('F0', sphere(1000, 0, 5), 0.5)], { hasContent: false });
    expect(minimalCut(far, view, MAX_SSE).cut).toEqual([]);
    // The same empty tile as an external-tileset tile is always traversed (as Cesium does).
    const external = tile('X', sphere(1000, 0, 10), 1, [tile('X0', sphere(1000, 0, 5), 1)], { hasContent: false, alwaysRefine: true });
    expect(ids(minimalCut(external, view, MAX_SSE).cut)).toEqual(['X0']);
  });
});

describe('region volumes', () => {
  const RAD = Math.PI / 180;
  // About 2 km × 2 km around (121.55°, 29.87°), heights −10…100 m.
  const region: OracleVolume = { kind: 'region', west: 121.54 * RAD, south: 29.86 * RAD, east: 121.56 * RAD, north: 29.88 * RAD, minHeight: -10, maxHeight: 100 };
  const pose = { lon: 121.55, lat: 29.87, height: 1000, heading: 0, pitch: -90, roll: 0 };

  it('the box encloses the region and hugs its top', () => {
    for (const [lon, lat] of [[121.54, 29.86], [121.56, 29.88], [121.55, 29.87], [121.541, 29.879], [121.553, 29.861]] as const) {
      for (const h of [-10, 45, 100]) expect(volumeDistance(region, geodeticToEcef(lon, lat, h))).toBeLessThan(1e-6);
    }
    expect(volumeDistance(region, geodeticToEcef(121.55, 29.87, 1000))).toBeCloseTo(900, 3);
    expect(volumeDistance(region, geodeticToEcef(121.55, 29.87, 50))).toBe(0);
    const box = regionBox(region as Extract<OracleVolume, { kind: 'region' }>);
    const halves = box.halfAxes.map((a: Vec3) => Math.hypot(...a));
    expect(halves[0]).toBeGreaterThan(950); // ≈ 0.02° of longitude at 29.9° ≈ 1930 m across
    expect(halves[0]).toBeLessThan(1000);
    expect(halves[2]).toBeLessThan(60); // 110 m of heights plus the Earth's bulge over 1 km
  });

  it('is visible looking down on it and culled looking away', () => {
    const down: OracleView = { frame: cameraFrame(pose), widthPx: 800, heightPx: 600, fovy: Math.PI / 3 };
    expect(isVisible(region, frustumPlanes(down))).toBe(true);
    const up: OracleView = { ...down, frame: cameraFrame({ ...pose, pitch: 90 }) };
    expect(isVisible(region, frustumPlanes(up))).toBe(false);
    const leaf: OracleTile = tile('leaf', region, 10);
    // 10 m error at 900 m, 600 px, fovy 60°: 10 · 600 / (900 · 1.1547) = 5.77 px → meets 16.
    expect(ids(minimalCut(leaf, down, MAX_SSE).cut)).toEqual(['leaf']);
    expect(minimalCut(leaf, up, MAX_SSE).cut).toEqual([]);
  });
});

describe('Cesium\'s dynamic-SSE relief', () => {
  // sse = 500·error/distance in this view (90° fov, 1000 px); relief subtracts fog(d, density)·factor.
  it('lowers the SSE by (1 − e^−(d·density)²)·factor', () => {
    const relief = { density: 2e-4, factor: 24 };
    const d = 5000;
    const expected = (500 * 100) / d - (1 - Math.exp(-((d * 2e-4) ** 2))) * 24; // 10 − 15.17
    expect(screenSpaceError(100, d, { ...view, relief })).toBeCloseTo(expected, 9);
    expect(screenSpaceError(100, d, view)).toBeCloseTo(10, 9);
  });

  it('has Cesium\'s density: full at street level looking level, none looking down or from above the tileset', () => {
    const street = cameraFrame({ lon: 121.55, lat: 29.87, height: 20, heading: 90, pitch: 0, roll: 0 });
    const down = cameraFrame({ lon: 121.55, lat: 29.87, height: 20, heading: 0, pitch: -90, roll: 0 });
    const high = cameraFrame({ lon: 121.55, lat: 29.87, height: 900, heading: 90, pitch: 0, roll: 0 });
    // Geodetic and geocentric up differ by ~0.19° here: the factor is 1 − |cos| of that, ≈ 1.
    expect(cesiumReliefDensity(street, 20, -100, 800)).toBeCloseTo(CESIUM_RELIEF.density, 8);
    expect(cesiumReliefDensity(down, 20, -100, 800)).toBeLessThan(1e-9);
    expect(cesiumReliefDensity(high, 900, -100, 800)).toBe(0);
    // Halfway between the falloff height (−100 + 0.25·900 = 125) and the top (800): half the density.
    const mid = cameraFrame({ lon: 121.55, lat: 29.87, height: 462.5, heading: 90, pitch: 0, roll: 0 });
    expect(cesiumReliefDensity(mid, 462.5, -100, 800)).toBeCloseTo(CESIUM_RELIEF.density / 2, 8);
  });

  it('keeps far tiles coarser in a level view', () => {
    //   root (error 400, at 20 km) ── child (error 200, at 20 km)
    // Without relief: sse(root) = 500·400/20000 = 10 < 16 … so put the root nearer: 10 km → 20 > 16, refine.
    // With full relief at 10 km: fog = 1 − e^−4 ≈ 0.982 → 20 − 23.56 < 16: the root is enough.
    const child = tile('child', sphere(10000, 0, 10), 200);
    const root = tile('root', sphere(10000, 0, 10), 400, [child]);
    expect(ids(minimalCut(root, view, MAX_SSE).cut)).toEqual(['child']);
    expect(ids(minimalCut(root, { ...view, relief: { density: 2e-4, factor: 24 } }, MAX_SSE).cut)).toEqual(['root']);
  });
});
