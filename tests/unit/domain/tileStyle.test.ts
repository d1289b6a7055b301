import { describe, expect, it } from 'vitest';
import { combineTileStyle, styleString } from '../../../src/domain/styling/index.ts';
import { pipelineStyle, renderRgb, HIGHLIGHT_CSS } from '../../../src/domain/pipelines/index.ts';

describe('3D Tiles style building', () => {
  it('quotes strings for the styling language', () => {
    expect(styleString("O'Neil \\ Co")).toBe("'O\\'Neil \\\\ Co'");
  });

  it('leaves an opaque, unstyled layer without a style (the fast path)', () => {
    expect(combineTileStyle(undefined, 1)).toBeUndefined();
  });

  it('turns opacity into a white colour with alpha when there is no style', () => {
    expect(combineTileStyle(undefined, 0.4)).toEqual({ color: "(color('white')) * vec4(1.0, 1.0, 1.0, 0.400)" });
  });

  it('multiplies the alpha of every condition colour and keeps show', () => {
    const s = combineTileStyle({ show: '${a} > 1', color: { conditions: [['true', "color('red')"]] } }, 0.5);
    expect(s).toEqual({ show: '${a} > 1', color: { conditions: [['true', "(color('red')) * vec4(1.0, 1.0, 1.0, 0.500)"]] } });
  });
});

describe('pipelines style', () => {
  it('colours each CJJ 61 class and shows everything when nothing is filtered', () => {
    const s = pipelineStyle({ hiddenClasses: [], hiddenOwners: [], highlight: null });
    expect(s.show).toBeUndefined();
    const conditions = typeof s.color === 'object' ? s.color.conditions : [];
    expect(conditions).toContainEqual(["${class} === 'JS'", 'rgb(0, 255, 255)']);
    expect(conditions).toContainEqual(["${class} === 'PS'", 'rgb(76, 57, 38)']);
    expect(conditions.at(-1)).toEqual(['true', "color('white')"]);
  });

  it('hides classes and owners, and highlights the picked feature first', () => {
    const s = pipelineStyle({ hiddenClasses: ['RQ'], hiddenOwners: ["宁波'燃气"], highlight: 'JS0001-JS0002' });
    expect(s.show).toBe("!(${class} === 'RQ' || ${owner} === '宁波\\'燃气')");
    const conditions = typeof s.color === 'object' ? s.color.conditions : [];
    expect(conditions[0]).toEqual(["${featureId} === 'JS0001-JS0002'", `color('${HIGHLIGHT_CSS}')`]);
  });

  it('draws black classes dark grey so lit pipes do not read as holes', () => {
    expect(renderRgb([0, 0, 0])).toEqual([64, 64, 64]);
    expect(renderRgb([255, 0, 0])).toEqual([255, 0, 0]);
  });
});
