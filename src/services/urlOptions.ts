// The URL parameters the viewer reads (deep links and test hooks):
//   ?config=URL       a config other than ./config.json
//   ?lang=zh|en       UI language (zh-CN by default)
//   ?camera=lon,lat,height,headingDeg,pitchDeg,rollDeg   initial camera, overriding config home
//   ?ui=0             hide all panels (render tests, clean screenshots)
//   ?layers=a,b       show exactly these layers (by id); the others start hidden
import { parseCameraParam, type CameraPose, type Issue } from '../domain/schemas/index.ts';

export interface UrlOptions {
  readonly configUrl: string;
  readonly lang?: 'zh' | 'en';
  readonly camera?: CameraPose;
  readonly panelsVisible: boolean;
  /** Layer ids to show; undefined keeps each layer's configured `show`. */
  readonly visibleLayers?: readonly string[];
  /** Problems with the parameters themselves, shown like config problems. */
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
  return {
    configUrl: params.get('config') || DEFAULT_CONFIG_URL,
    ...(lang ? { lang } : {}),
    ...(camera ? { camera } : {}),
    panelsVisible: !(ui === '0' || ui === 'false'),
    ...(visibleLayers ? { visibleLayers } : {}),
    issues,
  };
}
