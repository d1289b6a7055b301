import { describe, expect, it } from 'vitest';
import { encodeLinkedView, formatCameraParam, historyStep, parseSelection, type LinkedView } from '../../../../src/domain/links/deepLink.ts';
import { parseCameraParam } from '../../../../src/domain/schemas/index.ts';
import { readUrlOptions } from '../../../../src/services/urlOptions.ts';

const view: LinkedView = {
  camera: { lon: 121.5560004, lat: 29.8576, height: 1200.04, heading: 359.96, pitch: -35, roll: 0 },
  layers: ['reality', 'projects'],
  selection: { kind: 'project', code: 'NB-2015-0001' },
  mode: 'planner',
  lang: 'en',
  pits: [],
};

describe('deep links', () => {
  it('write the camera to a tenth of a metre and degree, trimming zeros', () => {
    expect(formatCameraParam(view.camera)).toBe('121.556,29.8576,1200,0,-35,0');
    expect(formatCameraParam({ lon: -0.0000001, lat: 0, height: 0, heading: -0.01, pitch: -90, roll: 0 })).toBe('0,0,0,0,-90,0');
    expect(formatCameraParam({ lon: 121, lat: 30, height: 5, heading: -90, pitch: -45, roll: 359.99 })).toBe('121,30,5,270,-45,0');
  });

  it('round-trip through the URL reader: camera, layers, selection, mode, language, underground, pits', () => {
    const search = encodeLinkedView({ ...view, underground: 0.35, pits: ['zhongshan-crossing'] }, '?config=/other.json&ui=1');
    expect(search).toBe('?config=%2Fother.json&ui=1&mode=planner&lang=en&camera=121.556,29.8576,1200,0,-35,0&layers=reality,projects&select=project:NB-2015-0001&underground=0.35&pits=zhongshan-crossing');
    const back = readUrlOptions(search);
    expect(back.issues).toEqual([]);
    expect(back.configUrl).toBe('/other.json');
    expect(back.mode).toBe('planner');
    expect(back.lang).toBe('en');
    expect(back.camera).toEqual(parseCameraParam('121.556,29.8576,1200,0,-35,0').pose);
    expect(back.visibleLayers).toEqual(['reality', 'projects']);
    expect(back.selection).toEqual({ kind: 'project', code: 'NB-2015-0001' });
    expect(back.underground).toBe(0.35);
    expect(back.pits).toEqual(['zhongshan-crossing']);
  });

  it('replace the parameters they own and keep the others', () => {
    const once = encodeLinkedView(view, '?lang=zh&camera=1,2,3&select=parcel:x&foo=bar');
    expect(once.startsWith('?foo=bar&mode=planner&lang=en&camera=')).toBe(true);
    expect(once).not.toContain('parcel');
    expect(encodeLinkedView(view, once)).toBe(once);
    // No layers visible is a view too: an empty list, not "all layers".
    expect(readUrlOptions(encodeLinkedView({ ...view, layers: [] })).visibleLayers).toEqual([]);
  });

  it('read selections and name a bad one', () => {
    expect(parseSelection('parcel:36_44_1')).toEqual({ selection: { kind: 'parcel', id: '36_44_1' } });
    expect(parseSelection('project:')).toEqual({ message: 'expected project:CODE or parcel:ID, found "project:"' });
    expect(parseSelection('building:7').message).toContain('building:7');
  });

  it('history: the first write after opening or stepping replaces, later changes push, no change writes nothing', () => {
    expect(historyStep('?a', '?a', false)).toBe('none');
    expect(historyStep('?a', '?b', true)).toBe('replace');
    expect(historyStep('?a', '?b', false)).toBe('push');
  });
});

describe('URL options for modes', () => {
  it('take a known mode and name an unknown one without stopping', () => {
    expect(readUrlOptions('?mode=kiosk').mode).toBe('kiosk');
    const bad = readUrlOptions('?mode=wall&pits=zhongshan-crossing,nowhere');
    expect(bad.mode).toBeUndefined();
    expect(bad.issues.map((i) => i.path)).toEqual(['?pits', '?mode']);
    // The good pit survives the bad one.
    expect(bad.pits).toEqual(['zhongshan-crossing']);
  });
});
