// The URL parameters the viewer reads (deep links and test hooks):
//   ?config=URL       a config other than ./config.json
//   ?lang=zh|en       UI language (zh-CN by default)
//   ?camera=lon,lat,height,headingDeg,pitchDeg,rollDeg   initial camera, overriding config home
//   ?ui=0             hide all panels (render tests, clean screenshots)
//   ?layers=a,b       show exactly these layers (by id); the others start hidden
//   ?underground=0.3  start in underground mode with this ground opacity (0–1; "1" alone = on, default opacity)
//   ?pits=a,b         open these preset excavation pits (ids from PIT_PRESETS)
//   ?select=project:CODE|parcel:ID   select this project or parcel once the planning data has loaded
//   ?mode=planner|screen|kiosk   the room's display mode (overrides the config's `mode`)
// A malformed parameter never stops the viewer: it is ignored and named in a short notice.
import { parseCameraParam, type CameraPose, type Issue } from '../domain/schemas/index.ts';
import { PIT_PRESETS } from '../domain/excavation/pit.ts';
import { parseSelection, type LinkSelection } from '../domain/links/deepLink.ts';
import { DISPLAY_MODES, isDisplayMode, type DisplayMode } from '../domain/modes/displayMode.ts';

export interface UrlOptions {
  readonly configUrl: string;
  readonly lang?: 'zh' | 'en';
  readonly camera?: CameraPose;
  readonly panelsVisible: boolean;
  /** Layer ids to show; undefined keeps each layer's configured `show`. */
  readonly visibleLayers?: readonly string[];
  /** Underground mode at start: the ground opacity, or true for the default opacity. */
  readonly underground?: number | true;
  readonly pits?: readonly string[];
  readonly mode?: DisplayMode;
  readonly selection?: LinkSelection;
  /** Problems with the parameters themselves: the viewer starts without them and shows a notice. */
  readonly issues: readonly Issue[];
}

export const DEFAULT_CONFIG_URL = './config.json';

export function readUrlOptions(search: string): UrlOptions {
  const params = new URLSearchParams(search);
  const issues: Issue[] = [];
  const langParam = params.get('lang')?.toLowerCase() ?? '';
  // Accept BCP 47 forms too (zh-CN, en-GB).
  const lang = langParam.startsWith('zh') ? 'zh' : langParam.startsWith('en') ? 'en' : undefined;
  let camera: CameraPose | undefined;
  const cameraParam = params.get('camera');
  if (cameraParam !== null) {
    const parsed = parseCameraParam(cameraParam);
    camera = parsed.pose;
    issues.push(...parsed.issues.map((i) => ({ path: `?${i.path}`, message: i.message })));
  }
  const ui = params.get('ui');
  const layersParam = params.get('layers');
  const visibleLayers = layersParam === null ? undefined : layersParam.split(',').map((x) => x.trim()).filter(Boolean);
  const undergroundParam = params.get('underground');
  let underground: number | true | undefined;
  if (undergroundParam !== null && undergroundParam !== '0' && undergroundParam !== 'false') {
    const v = Number(undergroundParam);
    if (undergroundParam === '' || undergroundParam === 'true' || undergroundParam === '1') underground = true;
    else if (Number.isFinite(v) && v >= 0 && v < 1) underground = v;
    else issues.push({ path: '?underground', message: `expected a ground opacity between 0 and 1 (or 1 for on), found "${undergroundParam}"` });
  }
  const pitsParam = params.get('pits');
  const pits = pitsParam === null ? undefined : pitsParam.split(',').map((x) => x.trim()).filter((id) => {
    if (!id) return false;
    if (PIT_PRESETS.some((p) => p.id === id)) return true;
    issues.push({ path: '?pits', message: `no preset pit "${id}" (presets: ${PIT_PRESETS.map((p) => p.id).join(', ')})` });
    return false;
  });
  const modeParam = params.get('mode');
  const mode = modeParam !== null && isDisplayMode(modeParam) ? modeParam : undefined;
  if (modeParam !== null && !mode) issues.push({ path: '?mode', message: `unknown mode "${modeParam}" (modes: ${DISPLAY_MODES.join(', ')})` });
  const selectParam = params.get('select');
  const parsedSelection = selectParam === null ? {} : parseSelection(selectParam);
  if (parsedSelection.message) issues.push({ path: '?select', message: parsedSelection.message });
  return {
    configUrl: params.get('config') || DEFAULT_CONFIG_URL,
    ...(lang ? { lang } : {}),
    ...(camera ? { camera } : {}),
    panelsVisible: !(ui === '0' || ui === 'false'),
    ...(visibleLayers ? { visibleLayers } : {}),
    ...(underground !== undefined ? { underground } : {}),
    ...(pits ? { pits } : {}),
    ...(mode ? { mode } : {}),
    ...(parsedSelection.selection ? { selection: parsedSelection.selection } : {}),
    issues,
  };
}
