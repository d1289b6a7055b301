// Parent and child cells, 2D and 3D.
import { describe, expect, it } from 'vitest';
import { childCodes, decodeBeidou, encodeBeidou2D, encodeBeidou3D, parentCode } from '../../../../src/domain/spacecode/index.ts';

const units = (code: string) => {
  const r = decodeBeidou(code);
  if (!r.ok) throw new Error(code);
  return r.cell;
};

describe('parent and child cells', () => {
  const p = { lon: 121.554, lat: 29.869, height: 50 };

  it('a parent is the code cut at the shorter level, 2D and 3D', () => {
    const c2 = encodeBeidou2D(p, 10);
    const c3 = encodeBeidou3D(p, 10);
    for (let level = 1; level < 10; level++) {
      expect(parentCode(c2, level)).toBe(encodeBeidou2D(p, level));
      expect(parentCode(c3, level)).toBe(encodeBeidou3D(p, level));
    }
    expect(parentCode(c2)).toBe(encodeBeidou2D(p, 9));
    expect(() => parentCode('N51H', 2)).toThrow(/ancestors at levels 1–1/);
    expect(() => parentCode('N51X')).toThrow(/latitude letter/);
  });

  it.each([
    [1, 96], [2, 6], [3, 150], [4, 225], [5, 4], [6, 64], [7, 64], [8, 64], [9, 64], [10, 0],
  ])('a level-%i 2D cell has %i children that tile it exactly', (level, count) => {
    const code = encodeBeidou2D(p, level);
    const kids = childCodes(code);
    expect(kids).toHaveLength(count);
    if (count === 0) return;
    const parent = units(code).units;
    let area = 0;
    for (const k of kids) {
      const c = units(k).units;
      expect(parentCode(k)).toBe(code);
      expect(c.west >= parent.west && c.west + c.width <= parent.west + parent.width).toBe(true);
      expect(c.south >= parent.south && c.south + c.height <= parent.south + parent.height).toBe(true);
      area += c.width * c.height;
    }
    expect(area).toBe(parent.width * parent.height);
  });

  it('3D children split the height too (level 6 → 7: 64 ground cells × 8 layers) and contain the point\'s child', () => {
    const code = encodeBeidou3D(p, 6);
    const kids = childCodes(code);
    expect(kids).toHaveLength(64 * 8);
    expect(kids).toContain(encodeBeidou3D(p, 7));
    const parent = units(code).height!;
    const heights = kids.map((k) => units(k).height!);
    expect(Math.min(...heights.map((h) => h.minLayer))).toBe(parent.minLayer);
    expect(Math.max(...heights.map((h) => h.maxLayer))).toBe(parent.maxLayer);
  });

  it('below ground, the level-9 cell at magnitude 0 has no −0 child', () => {
    const code = encodeBeidou3D({ ...p, height: -0.001 }, 9);
    expect(code.charAt(1)).toBe('1');
    const kids = childCodes(code);
    expect(kids).toHaveLength(64 * 8 - 64);
    expect(kids).toContain(encodeBeidou3D({ ...p, height: -0.001 }, 10));
  });
});
