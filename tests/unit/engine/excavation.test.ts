import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { metresPerDegree, type LonLat } from '../../../src/domain/excavation/pit.ts';
import {
  COLLAR_MIN_M, depthMarks, labelAnchor, PIT_WALL_SHADER, PIT_WALL_UNIFORMS, pitLabelText, pitLevels, preparePit,
  resolveGroundHeights, wallBands,
} from '../../../src/engine/analysis/excavationGeometry.ts';

const ORIGIN = { lon: 121.6, lat: 29.87227 };
function ringFromMetres(points: readonly [number, number][]): LonLat[] {
  const k = metresPerDegree(ORIGIN.lat);
  return points.map(([x, y]) => ({ lon: ORIGIN.lon + x / k.lon, lat: ORIGIN.lat + y / k.lat }));
}
const CW_SQUARE = ringFromMetres([[0, 0], [0, 10], [10, 10], [10, 0]]);

describe('preparePit', () => {
  it('turns a clockwise ring counter-clockwise and keeps each height with its vertex', () => {
    const p = preparePit({ id: 'a', ring: CW_SQUARE, depth: 5, groundHeights: [10, 11, 12, 13] });
    expect(p.issues).toEqual([]);
    expect(p.ring).toEqual([...CW_SQUARE].reverse());
    expect(p.given).toEqual([13, 12, 11, 10]);
  });

  it('drops the duplicate vertex a double click leaves, with its height', () => {
    const [a, b, c] = CW_SQUARE as [LonLat, LonLat, LonLat];
    const p = preparePit({ id: 'a', ring: [a, b, c, { ...c }], depth: 2, groundHeights: [1, 2, 3, 3.001] });
    expect(p.issues).toEqual([]);
    expect(p.ring).toHaveLength(3);
    expect([...p.given].sort()).toEqual([1, 2, 3]);
  });

  it('reports a height list of the wrong length and ring issues, and marks missing heights', () => {
    expect(preparePit({ id: 'a', ring: CW_SQUARE, depth: 5, groundHeights: [1, 2] }).issues[0]).toEqual({
      path: 'groundHeights', message: 'expected 4 heights (one per ring vertex), found 2',
    });
    const bowTie = ringFromMetres([[0, 0], [10, 10], [10, 0], [0, 10]]);
    expect(preparePit({ id: 'a', ring: bowTie, depth: 5 }).issues.some((i) => /crosses edge/.test(i.message))).toBe(true);
    expect(preparePit({ id: 'a', ring: CW_SQUARE, depth: -1 }).issues[0]?.path).toBe('depth');
    expect(preparePit({ id: 'a', ring: CW_SQUARE, depth: 5 }).given).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe('resolveGroundHeights', () => {
  it('prefers the given height, then the sampled one, then the fallback', () => {
    expect(resolveGroundHeights([1, undefined, undefined, Number.NaN], [9, 2, undefined, 4], 0)).toEqual([1, 2, 0, 4]);
  });
});

describe('pitLevels and wallBands', () => {
  it('measures the depth from the lowest ground point of the rim', () => {
    expect(pitLevels([14.2, 13.8, 14.0], 5)).toEqual({ rim: 13.8, top: 14.2, floor: 8.8 });
  });

  it('gives a level main band on a closed ring and a collar only where the ground slopes', () => {
    const level = wallBands([14, 14, 14, 14], 6);
    expect(level.main.minimumHeights).toEqual([8, 8, 8, 8, 8]);
    expect(level.main.maximumHeights).toEqual([14, 14, 14, 14, 14]);
    expect(level.collar).toBeUndefined();
    expect(wallBands([14, 14 + COLLAR_MIN_M / 2, 14], 3).collar).toBeUndefined();

    const sloped = wallBands([14, 14.5, 15, 14.2], 5);
    expect(sloped.main.minimumHeights).toEqual([9, 9, 9, 9, 9]);
    expect(sloped.main.maximumHeights).toEqual([14, 14, 14, 14, 14]);
    expect(sloped.collar?.minimumHeights).toEqual([14, 14, 14, 14, 14]);
    expect(sloped.collar?.maximumHeights).toEqual([14, 14.5, 15, 14.2, 14]);
  });
});

describe('depthMarks', () => {
  it('marks every metre and makes every fifth strong', () => {
    expect(depthMarks(5.5)).toEqual([
      { depth: 1, major: false }, { depth: 2, major: false }, { depth: 3, major: false }, { depth: 4, major: false }, { depth: 5, major: true },
    ]);
    expect(depthMarks(12).filter((m) => m.major).map((m) => m.depth)).toEqual([5, 10]);
    expect(depthMarks(0.5)).toEqual([]);
  });
});

describe('depth label', () => {
  it('reads "−5.0 m" and stands over the ring, above the highest ground', () => {
    expect(pitLabelText(5)).toBe('\u22125.0 m');
    const ring = ringFromMetres([[0, 0], [10, 0], [10, 10], [0, 10]]);
    const a = labelAnchor(ring, pitLevels([3, 4, 5, 3], 5));
    expect(a.height).toBe(7);
    expect(a.lon).toBeCloseTo((ring[0]!.lon + ring[1]!.lon) / 2, 9);
    expect(a.lat).toBeCloseTo((ring[0]!.lat + ring[2]!.lat) / 2, 9);
  });
});

describe('PIT_WALL_SHADER', () => {
  it('declares exactly the uniforms the fabric provides and defines czm_getMaterial', () => {
    const declared = [...PIT_WALL_SHADER.matchAll(/uniform\s+\w+\s+(\w+);/g)].map((m) => m[1]);
    expect(declared).toEqual([...PIT_WALL_UNIFORMS]);
    expect(PIT_WALL_SHADER).toMatch(/czm_material czm_getMaterial\(czm_materialInput materialInput\)/);
  });

  // A shader that fails to compile stops Cesium's render loop, so check it with the reference
  // compiler where it is installed (Debian: glslang-tools), against stand-ins for Cesium's built-ins.
  const glslang = (() => {
    try {
      execFileSync('glslangValidator', ['--version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  it.skipIf(!glslang)('compiles as a GLSL ES 3.00 fragment shader', () => {
    let body = PIT_WALL_SHADER;
    for (const u of PIT_WALL_UNIFORMS) body = body.replace(new RegExp(`\\b${u}\\b`, 'g'), `${u}_0`); // Cesium renames them so
    const source = `#version 300 es
precision highp float;
struct czm_materialInput { float s; vec2 st; vec3 str; vec3 normalEC; mat3 tangentToEyeMatrix; vec3 positionToEyeEC; float height; float slope; float aspect; };
struct czm_material { vec3 diffuse; float specular; float shininess; vec3 normal; vec3 emission; float alpha; };
czm_material czm_getDefaultMaterial(czm_materialInput m) { czm_material r; r.diffuse = vec3(0.0); r.specular = 0.0; r.shininess = 1.0; r.normal = m.normalEC; r.emission = vec3(0.0); r.alpha = 1.0; return r; }
vec4 czm_gammaCorrect(vec4 c) { return vec4(pow(c.rgb, vec3(2.2)), c.a); }
${body}
in vec2 v_st;
out vec4 fragColor;
void main() { czm_materialInput mi; mi.st = v_st; mi.normalEC = vec3(0.0, 0.0, 1.0); czm_material m = czm_getMaterial(mi); fragColor = vec4(m.diffuse, m.alpha); }
`;
    const file = join(mkdtempSync(join(tmpdir(), 'pitwall-')), 'wall.frag');
    writeFileSync(file, source);
    expect(() => execFileSync('glslangValidator', [file], { stdio: 'pipe' })).not.toThrow();
  });
});

describe('wall bands against Cesium', () => {
  it('give WallGeometry one height per position of the closed ring (main band and collar)', async () => {
    const { Cartesian3, VertexFormat, WallGeometry } = await import('cesium');
    const ring = ringFromMetres([[0, 0], [60, 0], [60, 8], [0, 8]]);
    const closed = Cartesian3.fromDegreesArray([...ring, ring[0]!].flatMap((p) => [p.lon, p.lat]));
    const bands = wallBands([14, 14.4, 14.9, 14.2], 5);
    for (const band of [bands.main, bands.collar!]) {
      const geometry = WallGeometry.createGeometry(new WallGeometry({ positions: closed, ...band, vertexFormat: VertexFormat.POSITION_NORMAL_AND_ST }));
      // Four faces, each a quad of its own (corners are split for flat normals).
      expect(geometry?.attributes.position?.values.length).toBe(16 * 3);
    }
  });
});
