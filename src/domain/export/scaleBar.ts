// A scale bar of a "nice" length (1, 2 or 5 × 10ⁿ metres) that fits the space given, for maps and
// exported images. Perspective views have no single scale: callers measure at the view's centre.

export interface ScaleBar {
  readonly metres: number;
  /** Bar length in pixels. */
  readonly pixels: number;
  readonly label: string;
}

export function niceScaleBar(metresPerPixel: number, maxPixels: number): ScaleBar | undefined {
  if (!(metresPerPixel > 0) || !Number.isFinite(metresPerPixel) || !(maxPixels > 0)) return undefined;
  const maxMetres = metresPerPixel * maxPixels;
  const exp = Math.floor(Math.log10(maxMetres));
  let metres = 0;
  for (let e = exp; metres === 0 && e >= exp - 1; e--) {
    for (const m of [5, 2, 1]) {
      const v = m * 10 ** e;
      if (v <= maxMetres) { metres = v; break; }
    }
  }
  if (metres === 0) return undefined;
  // Float noise from 10**e (e.g. 0.30000000000000004) must not reach the label.
  metres = Number(metres.toPrecision(1));
  const label = metres >= 1000 ? `${metres / 1000} km` : metres >= 1 ? `${metres} m` : `${Math.round(metres * 100)} cm`;
  return { metres, pixels: metres / metresPerPixel, label };
}

/** Output size for an export: screen size, a multiple of it, or a given width (≤ 7680 px), aspect kept. */
export type ExportSize = { readonly kind: 'screen' } | { readonly kind: 'scale'; readonly factor: number } | { readonly kind: 'width'; readonly width: number };

export const MAX_EXPORT_WIDTH = 7680;

export function exportDimensions(size: ExportSize, viewWidth: number, viewHeight: number): { width: number; height: number; factor: number } | { error: string } {
  if (!(viewWidth > 0 && viewHeight > 0)) return { error: 'the view has no size' };
  let factor: number;
  if (size.kind === 'screen') factor = 1;
  else if (size.kind === 'scale') factor = size.factor;
  else {
    if (!Number.isInteger(size.width) || size.width < 320 || size.width > MAX_EXPORT_WIDTH) return { error: `width must be a whole number of pixels from 320 to ${MAX_EXPORT_WIDTH}, found ${size.width}` };
    factor = size.width / viewWidth;
  }
  const width = size.kind === 'width' ? size.width : Math.round(viewWidth * factor);
  if (width > MAX_EXPORT_WIDTH) return { error: `${width} px is wider than ${MAX_EXPORT_WIDTH} px; choose a smaller size` };
  return { width, height: Math.round(viewHeight * factor), factor };
}
