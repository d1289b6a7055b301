// Cesium 3D Tiles style JSON built from plain data (no Cesium here): filters and highlights are
// expressions on feature properties, so toggling a class restyles tiles without reloading them.

/** A color expression, or conditions evaluated in order (the first true one wins). */
export type ColorExpression = string | { readonly conditions: readonly (readonly [string, string])[] };

export interface TileStyleJson {
  readonly show?: string;
  readonly color?: ColorExpression;
}

/** A string literal in the styling language (single-quoted, with \ and ' escaped). */
export function styleString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** `${name}` — a feature property reference. */
export const styleProperty = (name: string): string => `\${${name}}`;

/** Scales the alpha of a color expression: vec4 products are component-wise in the language. */
function withAlpha(color: string, alpha: number): string {
  return alpha >= 1 ? color : `(${color}) * vec4(1.0, 1.0, 1.0, ${alpha.toFixed(3)})`;
}

/**
 * The style a 3D Tiles layer applies: its own style (if any) with its colours' alpha multiplied by
 * `alpha` (layer opacity × underground translucency). Undefined when nothing needs styling, which
 * keeps Cesium's opaque fast path.
 */
export function combineTileStyle(style: TileStyleJson | undefined, alpha: number): TileStyleJson | undefined {
  const a = Math.min(1, Math.max(0, alpha));
  if (!style && a >= 1) return undefined;
  const color = style?.color;
  const combined: ColorExpression =
    color === undefined ? withAlpha("color('white')", a)
      : typeof color === 'string' ? withAlpha(color, a)
        : { conditions: color.conditions.map(([cond, c]) => [cond, withAlpha(c, a)] as const) };
  return { ...(style?.show !== undefined ? { show: style.show } : {}), ...(color !== undefined || a < 1 ? { color: combined } : {}) };
}
