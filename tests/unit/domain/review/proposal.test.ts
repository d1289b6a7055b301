import { describe, expect, it } from 'vitest';
import { parseGlbTriangles } from '../../../../src/domain/review/glbMesh.ts';
import { convexHull, measureProposal, modelToEnu, outlineAt, widenConvex, type XY } from '../../../../src/domain/review/proposal.ts';
import { modelIndicators } from '../../../../src/domain/review/schemeIndicators.ts';
import { localFrame } from '../../../../src/domain/review/frame.ts';
import { designAlternatives } from '../../../../tools/schemes/design.ts';
import { encodeAlternativeGlb } from '../../../../tools/schemes/glb.ts';

const parcel = { landUseCode: '0701', heightLimit: 100 };

async function measured(id: 'tower' | 'slab' | 'podium', scale = 1) {
  const alt = designAlternatives(parcel).find((a) => a.id === id)!;
  const parsed = parseGlbTriangles(await encodeAlternativeGlb(alt), { transform: modelToEnu(scale) });
  expect(parsed.problems).toEqual([]);
  const m = measureProposal(parsed.triangles);
  if ('tooLarge' in m) throw new Error('too large');
  return { alt, m };
}

describe('measureProposal (a GLB made by the demo generator, read back as the viewer reads it)', () => {
  it('the 30 × 30 m tower of 37 storeys at 3 m: footprint 900 m², height 111 m, GFA 33,300 m²', async () => {
    const { m } = await measured('tower');
    expect(m.height).toBeCloseTo(111, 3);
    const ind = modelIndicators(m.raster, 3, 62_035);
    expect(ind.footprint).toBeCloseTo(900, 6);
    expect(ind.gfa).toBeCloseTo(37 * 900, 6);
    expect(ind.floors).toBe(37);
    // The hull is the square, centred on the origin.
    const xs = m.hull.map((p) => p[0]), ys = m.hull.map((p) => p[1]);
    expect(Math.min(...xs)).toBeCloseTo(-15, 6);
    expect(Math.max(...ys)).toBeCloseTo(15, 6);
  });

  it('the slab lies east–west (90 m along x, 16 m along y) as the viewer turns glTF axes (forwardAxis X)', async () => {
    const { m } = await measured('slab');
    const xs = m.hull.map((p) => p[0]), ys = m.hull.map((p) => p[1]);
    expect(Math.max(...xs) - Math.min(...xs)).toBeCloseTo(90, 6);
    expect(Math.max(...ys) - Math.min(...ys)).toBeCloseTo(16, 6);
  });

  it('a podium with towers: GFA counts 3 storeys under the podium roof and the towers\' storeys under theirs', async () => {
    const { alt, m } = await measured('podium');
    const expected = alt.boxes.reduce((s, b) => s + b.w * b.d * b.storeys, 0);
    expect(modelIndicators(m.raster, alt.storeyHeight).gfa).toBeCloseTo(expected, 6);
  });

  it('scale applies before measuring, and a model spanning kilometres is refused', async () => {
    const { m } = await measured('tower', 2);
    expect(m.height).toBeCloseTo(222, 3);
    const far = new Float64Array([0, 0, 0, 5000, 0, 0, 0, 10, 0]);
    expect(measureProposal(far)).toEqual({ tooLarge: 5000 });
  });
});

describe('hull, widening and the outline at a placement', () => {
  it('convexHull drops inner points; widenConvex moves a square\'s sides out by d', () => {
    const square: XY[] = [[0, 0], [10, 0], [10, 10], [0, 10], [5, 5], [2, 8]];
    const hull = convexHull(square);
    expect(hull).toHaveLength(4);
    const wide = widenConvex(hull, 1);
    const xs = wide.map((p) => p[0]), ys = wide.map((p) => p[1]);
    expect([Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)].map((v) => Number(v.toFixed(9)))).toEqual([-1, 11, -1, 11]);
  });

  it('outlineAt turns clockwise from north: a 90° heading puts the model\'s east end to the south', () => {
    const origin = { lon: 121.6, lat: 29.85, height: 0 };
    const ring = outlineAt([[10, -1], [10, 1], [-10, 1], [-10, -1]], origin, 90, 0);
    const frame = localFrame(origin);
    const local = ring.map((p) => frame.fromGeodetic({ ...p, height: 0 }));
    // (10, ±1) east → (±1, −10): south of the origin.
    const east = local.slice(0, 2);
    for (const p of east) expect(p[1]).toBeCloseTo(-10, 3);
    expect(Math.abs(east[0]![0])).toBeCloseTo(1, 3);
  });
});
