// Start-up: read URL options, load and validate the config, fill the stores. A config problem ends
// in the error view listing every issue (the map starts only with a valid config); a bad URL
// parameter is left out and named in a notice, so a mistyped deep link still opens the viewer.
import type { CameraPose, ViewerConfig } from '../domain/schemas/index.ts';
import { layerKindSchemas } from '../engine/layers/registry.ts';
import { loadViewerConfig } from '../services/configLoader.ts';
import { readUrlOptions, type UrlOptions } from '../services/urlOptions.ts';
import { useLayers } from '../state/layers.ts';
import { useUi } from '../state/ui.ts';
import { useView } from '../state/view.ts';
import { useGround } from '../state/ground.ts';
import { selectedParcel, selectedProject, usePlanning } from '../state/planning.ts';
import type { LinkSelection } from '../domain/links/deepLink.ts';
import { layersForMode, resolveDisplayMode } from '../domain/modes/displayMode.ts';

let loaded: ViewerConfig | undefined;

export function currentConfig(): ViewerConfig | undefined {
  return loaded;
}

export interface BootResult {
  readonly initialCamera: CameraPose;
}

export async function boot(search: string = window.location.search): Promise<BootResult | undefined> {
  const url: UrlOptions = readUrlOptions(search);
  const ui = useUi.getState();
  if (url.lang) ui.setLang(url.lang);
  ui.setPanelsVisible(url.panelsVisible);
  document.documentElement.lang = useUi.getState().lang === 'zh' ? 'zh-CN' : 'en';
  const result = await loadViewerConfig(url.configUrl, layerKindSchemas);
  if (!result.ok) {
    ui.setBoot({ phase: 'invalid', source: url.configUrl, issues: result.issues });
    return undefined;
  }
  const config = result.config;
  const urlIssues = [...url.issues];
  const mode = resolveDisplayMode(url.mode, config.mode);
  const layers = layersForMode(mode, config.layers);
  if (url.visibleLayers) {
    const known = new Set(layers.map((l) => l.id));
    for (const id of url.visibleLayers) if (!known.has(id)) urlIssues.push({ path: '?layers', message: `no layer with id "${id}" (layers: ${[...known].join(', ')})` });
  }
  ui.setMode(mode);
  ui.pushNotice(urlIssues);
  loaded = config;
  useView.getState().setPlaces({ title: config.title, home: config.home, bookmarks: config.bookmarks, geoid: config.geoid, watermark: config.watermark });
  const visible = url.visibleLayers ? new Set(url.visibleLayers) : undefined;
  useLayers.getState().load(visible ? layers.map((l) => ({ ...l, show: visible.has(l.id) })) : layers);
  applyGroundOptions(url);
  // A linked selection shows once its layer has loaded (the card reads it from the index).
  if (url.selection) selectWhenLoaded(url.selection);
  ui.setBoot({ phase: 'ready' });
  return { initialCamera: url.camera ?? config.home };
}

/** Selects a linked project or parcel; once its kind of data has loaded, an unknown one is named in a notice. */
function selectWhenLoaded(selection: LinkSelection): void {
  const planning = usePlanning.getState();
  planning.select(selection);
  const schema = selection.kind === 'project' ? 'projects' : 'parcels';
  const check = (): boolean => {
    const s = usePlanning.getState();
    if (!Object.values(s.sources).some((src) => src.schema === schema)) return false;
    if (s.selection === selection && !(selection.kind === 'project' ? selectedProject(s) : selectedParcel(s))) {
      s.select(undefined);
      useUi.getState().pushNotice([{ path: '?select', message: `no ${selection.kind} "${selection.kind === 'project' ? selection.code : selection.id}" in the loaded data` }]);
    }
    return true;
  };
  if (check()) return;
  const unsubscribe = usePlanning.subscribe(() => { if (check()) unsubscribe(); });
}

function applyGroundOptions(url: UrlOptions): void {
  const ground = useGround.getState();
  if (url.underground !== undefined) {
    ground.setUnderground(true);
    if (url.underground !== true) ground.setOpacity(url.underground);
  }
  for (const id of url.pits ?? []) ground.addPresetPit(id);
}
