import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../../src/domain/schemas/index.ts';
import { loadViewerConfig, parseViewerConfig } from '../../../src/services/configLoader.ts';
import { readUrlOptions } from '../../../src/services/urlOptions.ts';
import { tiles3dSchema } from '../../../src/engine/layers/3dtiles/config.ts';
import { imagerySchema } from '../../../src/engine/layers/imagery/config.ts';

const kinds = { '3dtiles': tiles3dSchema, imagery: imagerySchema };

describe('URL options', () => {
  it('defaults: ./config.json, panels shown, no language or camera override', () => {
    expect(readUrlOptions('')).toEqual({ configUrl: './config.json', panelsVisible: true, issues: [] });
  });
  it('reads config, lang, ui=0 and camera', () => {
    const o = readUrlOptions('?config=/x.json&lang=en-GB&ui=0&camera=121.5,29.8,900,0,-35,0');
    expect(o.configUrl).toBe('/x.json');
    expect(o.lang).toBe('en');
    expect(o.panelsVisible).toBe(false);
    expect(o.camera).toMatchObject({ lon: 121.5, lat: 29.8, height: 900, pitch: -35 });
  });
  it('reads ?layers= as the ids to show (empty entries ignored)', () => {
    expect(readUrlOptions('?layers=reality,,base').visibleLayers).toEqual(['reality', 'base']);
    expect(readUrlOptions('?layers=').visibleLayers).toEqual([]);
    expect(readUrlOptions('').visibleLayers).toBeUndefined();
  });
  it('reads ?underground= (on, or a ground opacity) and ?pits= (preset ids)', () => {
    expect(readUrlOptions('?underground=1').underground).toBe(true);
    expect(readUrlOptions('?underground=0.3').underground).toBe(0.3);
    expect(readUrlOptions('?underground=0').underground).toBeUndefined();
    expect(readUrlOptions('?pits=zhongshan-crossing,dongbu-crossing').pits).toEqual(['zhongshan-crossing', 'dongbu-crossing']);
  });

  it('names a bad ground opacity and an unknown pit preset', () => {
    const r = readUrlOptions('?underground=2&pits=nowhere');
    expect(r.issues.map(formatIssue)).toEqual([
      '?underground: expected a ground opacity between 0 and 1 (or 1 for on), found "2"',
      expect.stringMatching(/^\?pits: no preset pit "nowhere" \(presets: zhongshan-crossing, /),
    ]);
  });

  it('reports a bad camera as an issue with its path', () => {
    expect(readUrlOptions('?camera=1,2').issues.map(formatIssue)).toEqual([
      '?camera: expected 3 to 6 comma-separated numbers (lon,lat,height[,heading,pitch,roll]), found 2',
    ]);
  });
});

describe('config loading', () => {
  it('names a JSON syntax error', () => {
    const r = parseViewerConfig('{ "version": 1,', kinds);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(formatIssue(r.issues[0] ?? { path: '', message: '' })).toMatch(/^not valid JSON: /);
  });
  it('names an HTTP failure with the URL', async () => {
    const fakeFetch = (async () => new Response('nope', { status: 404, statusText: 'Not Found' })) as typeof fetch;
    const r = await loadViewerConfig('/missing.json', kinds, fakeFetch);
    expect(r).toEqual({ ok: false, issues: [{ path: '/missing.json', message: 'could not load: HTTP 404 Not Found' }] });
  });
  it('names a network failure', async () => {
    const fakeFetch = (async () => { throw new TypeError('Failed to fetch'); }) as typeof fetch;
    const r = await loadViewerConfig('/c.json', kinds, fakeFetch);
    expect(r).toEqual({ ok: false, issues: [{ path: '/c.json', message: 'could not load: Failed to fetch' }] });
  });
});
