import { describe, expect, it } from 'vitest';
import { depthAt, pipeCentreline, sectionSizeMeters, type SurveyPipe, type SurveyPoint } from '../../../src/domain/pipelines/index.ts';

const point = (id: string, ground: number): SurveyPoint => ({ id, line: 2, northing: 0, easting: 0, zone: 123, lon: 121.55, lat: 29.87, groundHeight: ground, feature: '', appurtenance: '' });
const pipe = (over: Partial<SurveyPipe>): SurveyPipe => ({
  line: 2, from: 'A', to: 'B', cls: 'JS', subtype: '配水', startDepth: 1, endDepth: 2, section: { kind: 'round', diameterMm: 400 },
  material: 'QM', burial: 'ZM', owner: '', year: 2000, status: 0, ...over,
});

describe('pipe geometry', () => {
  it('sizes round and box sections in metres', () => {
    expect(sectionSizeMeters({ kind: 'round', diameterMm: 300 })).toEqual({ width: 0.3, height: 0.3 });
    expect(sectionSizeMeters({ kind: 'box', widthMm: 2000, heightMm: 1500 })).toEqual({ width: 2, height: 1.5 });
  });
  it('interpolates depth linearly and clamps t', () => {
    const p = pipe({ startDepth: 1.2, endDepth: 2.0 });
    expect(depthAt(p, 0)).toBe(1.2);
    expect(depthAt(p, 1)).toBe(2.0);
    expect(depthAt(p, 0.25)).toBeCloseTo(1.4, 12);
    expect(depthAt(p, 2)).toBe(2.0);
  });
  it('puts a drainage centreline above its invert and a water main below its top', () => {
    const a = point('A', 4), b = point('B', 3.5);
    const ps = pipeCentreline(pipe({ cls: 'PS', startDepth: 2, endDepth: 2.5, section: { kind: 'round', diameterMm: 800 } }), a, b);
    expect(ps.start.height1985).toBeCloseTo(4 - 2 + 0.4, 12);
    expect(ps.end.height1985).toBeCloseTo(3.5 - 2.5 + 0.4, 12);
    const js = pipeCentreline(pipe({ cls: 'JS', startDepth: 1, endDepth: 1, section: { kind: 'round', diameterMm: 800 } }), a, b);
    expect(js.start.height1985).toBeCloseTo(4 - 1 - 0.4, 12);
    const box = pipeCentreline(pipe({ cls: 'QT', startDepth: 3, endDepth: 3, section: { kind: 'box', widthMm: 4000, heightMm: 3500 } }), a, b);
    expect(box.end.height1985).toBeCloseTo(3.5 - 3 - 1.75, 12);
    expect(box.start).toMatchObject({ lon: 121.55, lat: 29.87 });
  });
});
