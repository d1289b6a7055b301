import { describe, expect, it } from 'vitest';
import { differencesFromHome, kioskHome, resolveKioskPlaces, seabedLayerIds, type KioskSnapshot } from '../../../../src/domain/kiosk/home.ts';
import { KIOSK_DEFAULTS, type Bookmark, type CameraPose } from '../../../../src/domain/schemas/index.ts';

const homePose: CameraPose = { lon: 121.575, lat: 29.66, height: 40000, heading: 0, pitch: -60, roll: 0 };
const bookmark = (id: string, lon: number): Bookmark => ({ id, name: { zh: id, en: id }, lon, lat: 29.86, height: 1200, heading: 0, pitch: -35, roll: 0 });
const bookmarks = [bookmark('sanjiangkou', 121.556), bookmark('dongbu', 121.62), bookmark('qianwan', 121.25)];

describe('kiosk places', () => {
  it('entry buttons and attract stops come from bookmark ids; home is a stop', () => {
    const r = resolveKioskPlaces(KIOSK_DEFAULTS, homePose, bookmarks);
    expect(r.issues).toEqual([]);
    expect(r.places.map((p) => p.id)).toEqual(['sanjiangkou', 'qianwan']);
    expect(r.attractStops.map((p) => p.id)).toEqual(['sanjiangkou', 'dongbu', 'qianwan', 'home']);
    expect(r.attractStops[3]?.pose).toBe(homePose);
    expect(r.places[0]?.pose.lon).toBe(121.556);
  });

  it('an unknown id loses its button with an issue naming its path; the rest stays', () => {
    const cfg = { ...KIOSK_DEFAULTS, places: ['sanjiangkou', 'tianyi', 'home'], attract: { ...KIOSK_DEFAULTS.attract, stops: ['home', 'nowhere'] } };
    const r = resolveKioskPlaces(cfg, homePose, bookmarks);
    expect(r.places.map((p) => p.id)).toEqual(['sanjiangkou']);
    expect(r.attractStops.map((p) => p.id)).toEqual(['home']);
    expect(r.issues).toEqual([
      { path: 'kiosk.places[1]', message: 'no bookmark "tianyi" (bookmarks: sanjiangkou, dongbu, qianwan)' },
      // home is already the first entry button; as a place it is not a bookmark.
      { path: 'kiosk.places[2]', message: 'no bookmark "home" (bookmarks: sanjiangkou, dongbu, qianwan)' },
      { path: 'kiosk.attract.stops[1]', message: 'no bookmark "nowhere" (bookmarks: sanjiangkou, dongbu, qianwan, home)' },
    ]);
  });

  it('the seabed entry turns on the depth-ramp layer and the water, whatever their ids', () => {
    const layers = [
      { id: 'reality', kind: '3dtiles' }, { id: 'bathy', kind: '3dtiles', legend: 'depthRamp' }, { id: 'sea', kind: 'water' }, { id: 'projects', kind: 'geojson' },
    ];
    expect(seabedLayerIds(layers)).toEqual(['bathy', 'sea']);
  });
});

describe('kiosk home state', () => {
  const home = kioskHome(homePose, [{ id: 'base', show: true }, { id: 'projects', show: true }, { id: 'seabed', show: false }]);
  const atHome: KioskSnapshot = { camera: homePose, visibleLayers: ['projects', 'base'], underground: false, pits: 0, panel: 'none', typed: '', searchShown: false };

  it('is the home camera and the layers shown at start', () => {
    expect(home.visibleLayers).toEqual(['base', 'projects']);
    expect(differencesFromHome(atHome, home)).toEqual([]);
    // A flight lands within centimetres and a hundredth of a degree: still home.
    expect(differencesFromHome({ ...atHome, camera: { ...homePose, lon: homePose.lon + 1e-6, height: 40000.5, heading: 359.9 } }, home)).toEqual([]);
  });

  it('names every way a visitor can leave it', () => {
    const visited: KioskSnapshot = {
      camera: { ...homePose, lat: homePose.lat + 0.001, pitch: -35 }, visibleLayers: ['base', 'seabed'], underground: true, pits: 1,
      panel: 'keypad', selection: 'project:NB-2015-0001', typed: '2015', searchShown: false,
    };
    expect(differencesFromHome(visited, home)).toEqual([
      'camera 111 m from home', 'camera turned away from home', 'layers shown that home hides: seabed', 'layers hidden that home shows: projects',
      'underground mode on', '1 pit(s) open', 'keypad panel open', 'project:NB-2015-0001 selected', 'a search is still shown',
    ]);
  });
});
