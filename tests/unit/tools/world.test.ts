import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../tools/world/index.ts';
import { rectFromLonLat, PLACES, toX, toY } from '../../../tools/world/frame.ts';
import { generateTile } from '../../../tools/reality/tile.ts';
import { DATASETS } from '../../../tools/reality/datasets.ts';

const near = (p: { lon: number; lat: number }, d: number) => rectFromLonLat({ west: p.lon - d, east: p.lon + d, south: p.lat - d, north: p.lat + d });

describe('synthetic world', () => {
  const world = createWorld(20260101);

  it('is deterministic: the same seed gives identical parcels, buildings and heights', () => {
    const other = createWorld(20260101);
    const r = near(PLACES.dongbuXincheng, 0.01);
    expect(JSON.stringify(other.parcelsIn(r))).toBe(JSON.stringify(world.parcelsIn(r)));
    expect(other.groundHeight(121.4, 29.8)).toBe(world.groundHeight(121.4, 29.8));
  });

  it('changes with the seed', () => {
    const r = near(PLACES.dongbuXincheng, 0.01);
    expect(JSON.stringify(createWorld(7).buildingsIn(r))).not.toBe(JSON.stringify(world.buildingsIn(r)));
  });

  it('knows land, sea and the three rivers', () => {
    expect(world.surface(121.554, 29.869)).toBe('land'); // Tianyi Square
    expect(world.surface(121.62, 29.902)).toBe('river'); // 甬江
    expect(world.surface(121.53, 29.885)).toBe('river'); // 余姚江 (a vertex of its course)
    expect(world.surface(121.75, 30.02)).toBe('sea'); // off 镇海
  });

  it('puts the plain near sea level and hills to the south-west', () => {
    const plain = world.groundHeight(121.554, 29.869);
    expect(plain).toBeGreaterThan(0.5);
    expect(plain).toBeLessThan(6);
    let highest = 0;
    for (let i = 0; i < 40; i++) highest = Math.max(highest, world.groundHeight(121.37 + i * 0.002, 29.77 + i * 0.001));
    expect(highest).toBeGreaterThan(200);
  });

  it('raises 100–250 m towers around 三江口 and 东部新城, and low sheds in the 镇海 industrial area', () => {
    const towers = [...world.buildingsIn(near(PLACES.sanjiangkou, 0.012)), ...world.buildingsIn(near(PLACES.dongbuXincheng, 0.01))].filter((b) => b.use === 'office');
    expect(towers.length).toBeGreaterThan(10);
    for (const t of towers) {
      expect(t.height).toBeGreaterThanOrEqual(100);
      expect(t.height).toBeLessThanOrEqual(250);
    }
    const sheds = world.buildingsIn(rectFromLonLat({ west: 121.62, east: 121.69, south: 29.96, north: 30.0 })).filter((b) => b.use === 'industrial' || b.use === 'warehouse');
    expect(sheds.length).toBeGreaterThan(20);
    for (const s of sheds) expect(s.height).toBeLessThan(30);
    const estates = world.buildingsIn(rectFromLonLat({ west: 121.45, east: 121.65, south: 29.8, north: 29.95 })).filter((b) => b.use === 'residential' && b.floors >= 18);
    expect(estates.length).toBeGreaterThan(50);
    for (const e of estates) expect(e.floors).toBeLessThanOrEqual(33);
  });

  it('keeps buildings off the water and gives roads widths by class', () => {
    for (const b of world.buildingsIn(near(PLACES.sanjiangkou, 0.01))) {
      expect(world.terrain.surface((b.rect.x0 + b.rect.x1) / 2, (b.rect.y0 + b.rect.y1) / 2)).toBe('land');
    }
    const roads = world.roadsIn(near(PLACES.sanjiangkou, 0.005));
    expect(new Set(roads.map((r) => r.cls))).toContain('arterial');
    expect(roads.every((r) => r.width > 0)).toBe(true);
    expect(toX(PLACES.sanjiangkou.lon)).toBeCloseTo(toX(121.556));
    expect(toY(PLACES.sanjiangkou.lat)).toBeCloseTo(toY(29.876));
  });

  it('generates byte-identical tiles from two worlds with the same seed', async () => {
    const d = DATASETS.find((x) => x.id === 'qianwan')!;
    const a = await generateTile(world, d, 6, 20, 30);
    const b = await generateTile(createWorld(20260101), d, 6, 20, 30);
    expect(a.glb.length).toBeGreaterThan(1000);
    expect(Buffer.from(a.glb).equals(Buffer.from(b.glb))).toBe(true);
  });
});

describe('reality datasets', () => {
  it('keep leaves ≤ 250 m across with ≤ 2 m ground spacing (issue C1 §3)', async () => {
    const { GRID, tileWidthMeters } = await import('../../../tools/reality/datasets.ts');
    const { M_PER_DEG_LAT } = await import('../../../tools/world/frame.ts');
    for (const d of DATASETS) {
      const leaf = d.levels - 1;
      const w = tileWidthMeters(d, leaf);
      const h = ((d.extent.north - d.extent.south) * M_PER_DEG_LAT) / 2 ** leaf;
      expect(Math.max(w, h)).toBeLessThanOrEqual(250);
      expect(w / GRID.nx).toBeLessThanOrEqual(2);
      expect(h / GRID.ny).toBeLessThanOrEqual(2);
    }
  });
});
