// The polygon grid index: exact point-in-polygon (holes, MultiPolygons, shared edges), bbox
// queries, and speed at the size of the real parcel layer.
import { describe, expect, it } from 'vitest';
import {
  bboxOf, createPolygonIndex, pointInPolygons, type LonLatBox, type PolygonRings, type Position,
} from '../../../../src/domain/planning/index.ts';

interface Item { readonly id: string; readonly bbox: LonLatBox; readonly polygons: PolygonRings }
const item = (id: string, polygons: PolygonRings): Item => ({ id, bbox: bboxOf(polygons), polygons });
const rect = (w: number, s: number, e: number, n: number): Position[] => [[w, s], [e, s], [e, n], [w, n], [w, s]];
const ids = (xs: readonly Item[]): string[] => xs.map((x) => x.id);

// A 2×2 block of 0.01° squares, one with a hole, one MultiPolygon, and a triangle pair sharing a slanted edge.
const items = [
  item('sw', [[rect(121.50, 29.80, 121.51, 29.81)]]),
  item('se', [[rect(121.51, 29.80, 121.52, 29.81)]]),
  item('nw', [[rect(121.50, 29.81, 121.51, 29.82), rect(121.503, 29.813, 121.507, 29.817)]]),
  item('ne', [[rect(121.51, 29.81, 121.52, 29.82)]]),
  item('multi', [[rect(121.60, 29.80, 121.61, 29.81)], [rect(121.70, 29.90, 121.71, 29.91)]]),
  item('triA', [[[[121.53, 29.80], [121.54, 29.80], [121.53, 29.813], [121.53, 29.80]]]]),
  item('triB', [[[[121.54, 29.80], [121.54, 29.813], [121.53, 29.813], [121.54, 29.80]]]]),
];
const index = createPolygonIndex(items, 0.004);

describe('at', () => {
  it.each<[string, number, number, string[]]>([
    ['inside sw', 121.505, 29.805, ['sw']],
    ['in the hole of nw', 121.505, 29.815, []],
    ['in nw, outside its hole', 121.501, 29.819, ['nw']],
    ['on the hole edge: the hole takes its west edge', 121.503, 29.815, []],
    ['on the hole east edge: back in nw', 121.507, 29.815, ['nw']],
    ['shared vertical edge sw|se goes east', 121.51, 29.805, ['se']],
    ['shared horizontal edge sw/nw goes north', 121.505, 29.81, ['nw']],
    ['the four-way corner goes to ne', 121.51, 29.81, ['ne']],
    ['west edge of the block is inside', 121.50, 29.805, ['sw']],
    ['east edge of the block is outside', 121.52, 29.805, []],
    ['first part of a MultiPolygon', 121.605, 29.805, ['multi']],
    ['second part of a MultiPolygon', 121.705, 29.905, ['multi']],
    ['between the parts (inside the bbox)', 121.65, 29.85, []],
    ['slanted shared edge, exactly on it', 121.535, 29.8065, ['triB']],
    ['left of the slanted edge', 121.534, 29.8065, ['triA']],
    ['right of the slanted edge', 121.536, 29.8065, ['triB']],
    ['outside every bbox', 120, 30, []],
  ])('%s', (_, lon, lat, expected) => { expect(ids(index.at(lon, lat))).toEqual(expected); });

  it('gives every point on a shared edge to exactly one neighbour', () => {
    for (let k = 0; k <= 100; k++) {
      const t = k / 100;
      expect(index.at(121.51, 29.80 + 0.02 * t * 0.999).length, `vertical edge ${t}`).toBe(1);
      expect(index.at(121.50 + 0.02 * t * 0.999, 29.81).length, `horizontal edge ${t}`).toBe(1);
      // the slanted edge from (121.54, 29.80) to (121.53, 29.813); its south end is on the outer east boundary
      if (k > 0) expect(index.at(121.54 - 0.01 * t * 0.999, 29.80 + 0.013 * t * 0.999).length, `slanted edge ${t}`).toBe(1);
    }
  });

  it('agrees with pointInPolygons', () => {
    expect(pointInPolygons(121.505, 29.815, items[2]!.polygons)).toBe(false);
    expect(pointInPolygons(121.501, 29.815, items[2]!.polygons)).toBe(true);
  });
});

describe('intersecting', () => {
  it.each<[string, LonLatBox, string[]]>([
    ['one square', [121.501, 29.801, 121.502, 29.802], ['sw']],
    ['across the block', [121.505, 29.805, 121.515, 29.815], ['sw', 'se', 'nw', 'ne']],
    ['touching an edge or corner counts', [121.52, 29.80, 121.525, 29.81], ['se', 'ne']],
    ['the MultiPolygon bbox, between its parts', [121.65, 29.85, 121.651, 29.851], ['multi']],
    ['everything', [-180, -90, 180, 90], ['sw', 'se', 'nw', 'ne', 'multi', 'triA', 'triB']],
    ['nothing', [100, 10, 101, 11], []],
  ])('%s', (_, box, expected) => { expect(ids(index.intersecting(box))).toEqual(expected); });

  it('dedupes items spanning many cells across repeated queries', () => {
    for (let k = 0; k < 3; k++) expect(ids(index.intersecting([121.5, 29.8, 121.72, 29.92]))).toHaveLength(7);
  });
});

describe('degenerate input', () => {
  it('indexes nothing, and skips items without polygons', () => {
    expect(createPolygonIndex<Item>([]).at(121.5, 29.8)).toEqual([]);
    const withEmpty = createPolygonIndex([item('empty', []), items[0]!]);
    expect(ids(withEmpty.intersecting([-180, -90, 180, 90]))).toEqual(['sw']);
    expect(ids(withEmpty.at(121.505, 29.805))).toEqual(['sw']);
  });

  it('coarsens the grid for items spread over the globe instead of allocating billions of cells', () => {
    const far = createPolygonIndex([item('a', [[rect(-170, -80, -169, -79)]]), item('b', [[rect(170, 79, 171, 80)]])], 0.0001);
    expect(ids(far.at(170.5, 79.5))).toEqual(['b']);
  });
});

describe('speed at the size of the parcel layer', () => {
  it('builds 16 000 parcels fast and answers point queries in microseconds', () => {
    const parcels: Item[] = [];
    for (let i = 0; i < 128; i++) for (let j = 0; j < 128; j++) {
      const w = 121.0 + i * 0.008, s = 29.4 + j * 0.008;
      parcels.push(item(`${i}_${j}`, [[rect(w, s, w + 0.0075, s + 0.0075)]]));
    }
    // Best of three: the first build also pays for JIT warm-up (about 60 ms cold, 10–20 ms warm here).
    let build = Infinity;
    let big = createPolygonIndex<Item>([]);
    for (let k = 0; k < 3; k++) {
      const t0 = performance.now();
      big = createPolygonIndex(parcels);
      build = Math.min(build, performance.now() - t0);
    }
    const t1 = performance.now();
    let found = 0;
    for (let k = 0; k < 10000; k++) found += big.at(121.0 + (k % 128) * 0.008 + 0.004, 29.4 + ((k * 7) % 128) * 0.008 + 0.004).length;
    const perQuery = (performance.now() - t1) / 10000;
    expect(found).toBe(10000);
    // A query takes about 1–2 µs here; the limits leave headroom for slow CI machines.
    expect(build).toBeLessThan(100);
    expect(perQuery).toBeLessThan(0.05);
  });
});
