// encode → decode → contains, at every level, for seeded random points in Ningbo; cell edges; heights.
import { describe, expect, it } from 'vitest';
import {
  GRID_LEVELS, UNITS_PER_DEGREE, cellContainsUnits, decodeBeidou, degreesToUnits, encode2DUnits, encode3DUnits,
  encodeBeidou2D, encodeBeidou3D, heightToLayer, layerBottom, type BeidouCell,
} from '../../../../src/domain/spacecode/index.ts';
import { NINGBO, seededRandom } from './helpers.ts';

const decoded = (code: string): BeidouCell => {
  const r = decodeBeidou(code);
  if (!r.ok) throw new Error(`${code}: ${r.issues.map((i) => i.message).join('; ')}`);
  return r.cell;
};
const levels = GRID_LEVELS.map((l) => l.level);

describe('round trip in Ningbo (seeded)', () => {
  const rnd = seededRandom(20240611);
  const points = Array.from({ length: 2000 }, () => ({
    lon: NINGBO.west + rnd() * (NINGBO.east - NINGBO.west),
    lat: NINGBO.south + rnd() * (NINGBO.north - NINGBO.south),
    height: -120 + rnd() * 800,
  }));

  it('2D: every level, the decoded cell contains the point and starts N51H', () => {
    for (const p of points) {
      const lonU = degreesToUnits(p.lon);
      const latU = degreesToUnits(p.lat);
      for (const level of levels) {
        const code = encodeBeidou2D(p, level);
        expect(code.startsWith('N51H')).toBe(true);
        const cell = decoded(code);
        expect(cell.level).toBe(level);
        expect(cell.dimension).toBe(2);
        expect(cellContainsUnits(cell, lonU, latU)).toBe(true);
        expect(p.lon >= cell.west && p.lon < cell.east && p.lat >= cell.south && p.lat < cell.north).toBe(true);
      }
    }
  });

  it('3D: every level, the decoded box contains the point and its height, and its 2D part is the 2D code', () => {
    for (const p of points.slice(0, 500)) {
      const lonU = degreesToUnits(p.lon);
      const latU = degreesToUnits(p.lat);
      for (const level of levels) {
        const cell = decoded(encodeBeidou3D(p, level));
        expect(cell.dimension).toBe(3);
        expect(cell.code2D).toBe(encodeBeidou2D(p, level));
        expect(cellContainsUnits(cell, lonU, latU, p.height)).toBe(true);
        expect(cell.height!.bottom <= p.height && p.height < cell.height!.top).toBe(true);
      }
    }
  });

  it('nests: a level-L cell lies inside its level-(L−1) parent', () => {
    for (const p of points.slice(0, 300)) {
      let parent: BeidouCell | null = null;
      for (const level of levels) {
        const cell = decoded(encodeBeidou2D(p, level));
        if (parent) {
          expect(cell.units.west >= parent.units.west && cell.units.west + cell.units.width <= parent.units.west + parent.units.width).toBe(true);
          expect(cell.units.south >= parent.units.south && cell.units.south + cell.units.height <= parent.units.south + parent.units.height).toBe(true);
        }
        parent = cell;
      }
    }
  });

  it('sizes match the standard\'s table near Ningbo (≈ 7.7 m north–south at level 7, 1.5 cm at level 10)', () => {
    const c7 = decoded(encodeBeidou2D({ lon: 121.554, lat: 29.869 }, 7));
    expect(c7.sizeMetres.northSouth).toBeCloseTo(7.7, 1);
    const c10 = decoded(encodeBeidou3D({ lon: 121.554, lat: 29.869, height: 50 }, 10));
    expect(c10.sizeMetres.northSouth).toBeCloseTo(0.015, 3);
    expect(c10.sizeMetres.vertical).toBeCloseTo(0.015, 3);
  });
});

describe('cell edges go to the cell to the north-east', () => {
  const rnd = seededRandom(99);
  for (const level of [7, 8, 9, 10]) {
    it(`level ${level}: a point on a corner, a west edge or a south edge encodes to the cell it starts`, () => {
      for (let i = 0; i < 300; i++) {
        const lon = NINGBO.west + rnd() * (NINGBO.east - NINGBO.west);
        const lat = NINGBO.south + rnd() * (NINGBO.north - NINGBO.south);
        const cell = decoded(encodeBeidou2D({ lon, lat }, level));
        const { west, south, width, height } = cell.units;
        const ne = decoded(encode2DUnits(west, south, level));
        expect(ne.code).toBe(cell.code);
        // The same corner given as double degrees, as a viewer pick would give it.
        expect(encodeBeidou2D({ lon: west / UNITS_PER_DEGREE, lat: south / UNITS_PER_DEGREE }, level)).toBe(cell.code);
        // The east and north edges belong to the neighbours.
        const east = decoded(encodeBeidou2D({ lon: (west + width) / UNITS_PER_DEGREE, lat: (south + height / 2) / UNITS_PER_DEGREE }, level));
        expect(east.units.west).toBe(west + width);
        expect(east.units.south).toBe(south);
        const north = decoded(encodeBeidou2D({ lon: (west + width / 2) / UNITS_PER_DEGREE, lat: (south + height) / UNITS_PER_DEGREE }, level));
        expect(north.units.south).toBe(south + height);
        // A hair (1e-3 unit ≈ 5e-7″) west and south of the corner is the south-west neighbour.
        const sw = decoded(encodeBeidou2D({ lon: (west - 1e-3) / UNITS_PER_DEGREE, lat: (south - 1e-3) / UNITS_PER_DEGREE }, level));
        expect(sw.units.west).toBe(west - width);
        expect(sw.units.south).toBe(south - height);
      }
    });
  }

  it('decimal edges typed by a user: 121.5°E (a level-2 edge) and 29.9°N (a level-4 edge)', () => {
    const c = decoded(encodeBeidou2D({ lon: 121.5, lat: 29.9 }, 10));
    expect(c.units.west).toBe(121.5 * UNITS_PER_DEGREE);
    expect(c.units.south).toBe(Math.round(29.9 * UNITS_PER_DEGREE));
    expect(decoded(encodeBeidou2D({ lon: 121.5, lat: 29.9 }, 4)).south).toBeCloseTo(29.9, 12);
  });
});

describe('3D heights above and below the ellipsoid', () => {
  const p = { lon: 121.554, lat: 29.869 };
  it.each([0, 0.5, -0.5, 100, 1000, -50, 0.0149, -0.0001, 8848, -11000])('height %f m lies in its decoded height range at every level', (h) => {
    for (const level of levels) {
      const code = encodeBeidou3D({ ...p, height: h }, level);
      const cell = decoded(code);
      expect(code.charAt(1)).toBe(h < 0 ? '1' : '0');
      expect(cell.height!.bottom <= h && h < cell.height!.top).toBe(true);
    }
  });

  it('layer 0 starts at the ellipsoid; layer −1 is the first below; sign-and-magnitude, no −0', () => {
    expect(heightToLayer(0)).toBe(0);
    expect(heightToLayer(-1e-9)).toBe(-1);
    expect(layerBottom(0)).toBe(0);
    expect(encodeBeidou3D({ ...p, height: 0 }, 10).charAt(1)).toBe('0');
    const below = encodeBeidou3D({ ...p, height: -0.001 }, 10);
    expect(below.charAt(1)).toBe('1');
    expect(below.slice(-1)).toBe('1'); // magnitude 1
  });

  it('one layer is ≈ 1.5 cm at the surface; heights on layer bottoms land in that layer', () => {
    expect(layerBottom(1)).toBeCloseTo(0.01497, 5);
    const rnd = seededRandom(5);
    for (let i = 0; i < 2000; i++) {
      const n = Math.floor((rnd() - 0.3) * 200_000);
      expect(heightToLayer(layerBottom(n))).toBe(n);
    }
  });

  it('a level-7 box near the surface is ≈ 7.7 m tall, above and below', () => {
    for (const h of [10, -10]) {
      const cell = decoded(encodeBeidou3D({ ...p, height: h }, 7));
      expect(cell.sizeMetres.vertical!).toBeGreaterThan(7.5);
      expect(cell.sizeMetres.vertical!).toBeLessThan(7.8);
    }
  });

  it('the Tianyi Square codes at 50 m', () => {
    expect(encodeBeidou2D(p, 10)).toBe('N51H3343232111446633');
    expect(encodeBeidou3D({ ...p, height: 50 }, 10)).toBe('N051H003304032032010116444661334');
    expect(encodeBeidou3D({ ...p, height: 50 }, 7)).toBe('N051H003304032032010116');
    expect(encode3DUnits(degreesToUnits(p.lon), degreesToUnits(p.lat), 50, 7)).toBe('N051H003304032032010116');
  });
});
