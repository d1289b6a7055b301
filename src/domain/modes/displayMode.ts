// The rooms the viewer is made for (product.md): the planner's desk (default), the command
// centre's video wall, and the public touch kiosk. One build serves all three; the mode comes
// from ?mode= or the deployment's config.
export const DISPLAY_MODES = ['planner', 'screen', 'kiosk'] as const;
export type DisplayMode = (typeof DISPLAY_MODES)[number];
export const DEFAULT_DISPLAY_MODE: DisplayMode = 'planner';

export function isDisplayMode(v: unknown): v is DisplayMode {
  return typeof v === 'string' && (DISPLAY_MODES as readonly string[]).includes(v);
}

/** The mode a deployment runs in: the URL wins over the config, the default when neither names one. */
export function resolveDisplayMode(fromUrl: DisplayMode | undefined, fromConfig: DisplayMode | undefined): DisplayMode {
  return fromUrl ?? fromConfig ?? DEFAULT_DISPLAY_MODE;
}

/** Kiosks are public: layers marked sensitive are never offered there, whatever the URL asks. */
export function layersForMode<L extends { readonly sensitive?: boolean }>(mode: DisplayMode, layers: readonly L[]): readonly L[] {
  return mode === 'kiosk' ? layers.filter((l) => l.sensitive !== true) : layers;
}
