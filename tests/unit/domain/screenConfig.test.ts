import { describe, expect, it } from 'vitest';
import { SCREEN_DEFAULTS, validateScreenConfig, validateViewerConfig, type Issue } from '../../../src/domain/schemas/index.ts';

describe('screen config', () => {
  it('defaults when absent; reads tour, feed and display', () => {
    expect(validateScreenConfig(undefined, [])).toEqual(SCREEN_DEFAULTS);
    const issues: Issue[] = [];
    const c = validateScreenConfig({
      tour: { stops: [{ bookmark: 'qianwan' }, { project: 'NB-2015-0008', dwellSeconds: 20 }, { camera: { lon: 121.5, lat: 29.8, height: 900 } }], flightSeconds: 4 },
      feed: { layer: 'projects', sse: '/events' },
      display: { maxMegapixels: 4 },
    }, issues);
    expect(issues).toEqual([]);
    expect(c.tour.stops.map((s) => s.dwellSeconds)).toEqual([12, 20, 12]);
    expect(c.tour.stops[2]?.camera).toEqual({ lon: 121.5, lat: 29.8, height: 900, heading: 0, pitch: -90, roll: 0 });
    expect(c.tour).toMatchObject({ flightSeconds: 4, resumeAfterSeconds: 60 });
    expect(c.feed).toEqual({ layer: 'projects', sse: '/events', intervalSeconds: 30 });
    expect(c.display).toEqual({ resolutionScale: 1, maxPixelRatio: 1, maxMegapixels: 4, fxaa: true });
  });

  it('names every problem by path', () => {
    const issues: Issue[] = [];
    validateScreenConfig({
      tour: { stops: [{}, { bookmark: 'a', project: 'b' }, { bookmark: 'a', dwellSeconds: 0 }] },
      feed: { url: '/a.json', sse: '/b' },
      display: { resolutionScale: 5, fxaa: 'yes' },
      extra: 1,
    }, issues);
    expect(issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'screen.extra: unknown property',
      'screen.tour.stops[0]: name exactly one of bookmark, camera or project (found 0)',
      'screen.tour.stops[1]: name exactly one of bookmark, camera or project (found 2)',
      'screen.tour.stops[2].dwellSeconds: expected a number in 1..3600, found 0',
      'screen.feed.layer: is required',
      'screen.feed: name url (polling) or sse (a stream), not both',
      'screen.display.resolutionScale: expected a number in 0.25..2, found 5',
      'screen.display.fxaa: expected a boolean, found string',
    ]);
  });

  it('the tour’s bookmarks and the feed’s layer must exist in the config', () => {
    const base = { version: 1, title: { zh: '宁波', en: 'Ningbo' }, home: { lon: 121.5, lat: 29.8, height: 1000 }, layers: [], bookmarks: [] };
    const r = validateViewerConfig({ ...base, screen: { tour: { stops: [{ bookmark: 'nowhere' }] }, feed: { layer: 'projects' } } }, {});
    expect(r.issues).toEqual([
      { path: 'screen.feed.layer', message: 'no layer with id "projects"' },
      { path: 'screen.tour.stops[0].bookmark', message: 'no bookmark with id "nowhere"' },
    ]);
  });
});
