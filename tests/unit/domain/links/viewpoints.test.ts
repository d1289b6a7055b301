import { describe, expect, it } from 'vitest';
import { mergeViewpoints, parseViewpointFile, viewpointFile, type Viewpoint } from '../../../../src/domain/links/viewpoints.ts';

const vp: Viewpoint = {
  id: 'a', name: '三江口汇报', camera: { lon: 121.556, lat: 29.8576, height: 1200, heading: 0, pitch: -35, roll: 0 }, layers: ['reality'], savedAt: '2026-11-24T03:00:00.000Z',
};

describe('viewpoint files', () => {
  it('round-trip through export and import', () => {
    const r = parseViewpointFile(JSON.stringify(viewpointFile([vp])));
    expect(r).toEqual({ viewpoints: [vp], skipped: 0, issues: [] });
  });

  it('skip bad entries by index, count them and keep the rest', () => {
    const text = JSON.stringify({
      format: 'ningbo-twin-viewpoints', version: 1,
      viewpoints: [vp, 'x', { id: 'b', name: '', camera: { lon: 121, lat: 29, height: 10 } }, { id: 'c', name: 'c', camera: { lon: 121, lat: 99, height: 10 }, layers: [3] }, { id: 'd', name: 'd', camera: { lon: 121, lat: 29, height: 10 } }],
    });
    const r = parseViewpointFile(text, 'mine.json');
    expect(r.viewpoints.map((v) => v.id)).toEqual(['a', 'd']);
    expect(r.viewpoints[1]).toMatchObject({ camera: { heading: 0, pitch: -90, roll: 0 }, layers: [], savedAt: '' });
    expect(r.skipped).toBe(3);
    expect(r.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'mine.json: viewpoints[1]: expected an object, found string',
      'mine.json: viewpoints[2].name: must not be empty',
      'mine.json: viewpoints[3].camera.lat: expected a number in -90..90, found 99',
      'mine.json: viewpoints[3].layers: expected an array of layer ids',
    ]);
  });

  it('say why a file is not a viewpoint file at all', () => {
    expect(parseViewpointFile('{').issues[0]?.message).toMatch(/^not valid JSON/);
    expect(parseViewpointFile('{"viewpoints":[]}').issues[0]?.message).toContain('not a viewpoint file');
    expect(parseViewpointFile('{"format":"ningbo-twin-viewpoints","version":2,"viewpoints":[]}').issues[0]?.message).toContain('unsupported version 2');
    expect(parseViewpointFile('{"format":"ningbo-twin-viewpoints","version":1,"viewpoints":{}}').issues[0]?.message).toBe('expected an array, found object');
  });

  it('merge without overwriting: a taken id gets a fresh one', () => {
    let n = 0;
    const merged = mergeViewpoints([vp], [{ ...vp, name: 'other' }, { ...vp, id: 'z' }], () => `fresh-${++n}`);
    expect(merged.map((v) => `${v.id}:${v.name}`)).toEqual(['a:三江口汇报', 'fresh-1:other', 'z:三江口汇报']);
  });
});
