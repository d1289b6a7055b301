// The pipelines layer's 3D Tiles style: CJJ 61 colours per class, classes and owners filtered
// away with `show`, the picked feature highlighted. Property names are those the converter writes
// into EXT_structural_metadata (`class`, `owner`, `featureId`, `subtype`).
import { styleProperty, styleString, type TileStyleJson } from '../styling/index.ts';
import { PIPE_CLASSES, UNKNOWN_PIPE_RGB } from './cjj61.ts';

export interface PipelineFilter {
  readonly hiddenClasses: readonly string[];
  readonly hiddenOwners: readonly string[];
  /** featureId of the picked pipe or well. */
  readonly highlight: string | null;
}

export const HIGHLIGHT_CSS = '#ffe14d';

/** Lit pure black reads as a hole: black classes (GY, the 综合管廊) are drawn a dark grey. */
export function renderRgb(rgb: readonly [number, number, number]): readonly [number, number, number] {
  return rgb[0] + rgb[1] + rgb[2] === 0 ? [64, 64, 64] : rgb;
}

const rgbExpr = (rgb: readonly [number, number, number]): string => `rgb(${rgb.join(', ')})`;

export function pipelineStyle(f: PipelineFilter): TileStyleJson {
  const cls = styleProperty('class');
  const hidden = [
    ...f.hiddenClasses.map((c) => `${cls} === ${styleString(c)}`),
    ...f.hiddenOwners.map((o) => `${styleProperty('owner')} === ${styleString(o)}`),
  ];
  const conditions: [string, string][] = [];
  if (f.highlight !== null) conditions.push([`${styleProperty('featureId')} === ${styleString(f.highlight)}`, `color('${HIGHLIGHT_CSS}')`]);
  conditions.push([`${styleProperty('subtype')} === '不明管线'`, rgbExpr(UNKNOWN_PIPE_RGB)]);
  for (const c of PIPE_CLASSES) conditions.push([`${cls} === ${styleString(c.code)}`, rgbExpr(renderRgb(c.rgb))]);
  conditions.push(['true', "color('white')"]);
  return { ...(hidden.length ? { show: `!(${hidden.join(' || ')})` } : {}), color: { conditions } };
}
