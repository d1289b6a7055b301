import { describe, expect, it } from 'vitest';
import { exportLegend } from '../../../../src/domain/export/legend.ts';
import { exportDimensions, niceScaleBar } from '../../../../src/domain/export/scaleBar.ts';
import type { LayerConfig } from '../../../../src/domain/schemas/index.ts';

const layer = (id: string, kind: string, extra: Record<string, unknown> = {}): LayerConfig => ({
  id, kind, name: { zh: `图层${id}`, en: `Layer ${id}` }, show: true, opacity: 1, synthetic: true, enabled: true, sensitive: false, ...extra,
});

describe('scale bar', () => {
  it('picks the longest 1/2/5 × 10ⁿ length that fits', () => {
    expect(niceScaleBar(10, 160)).toEqual({ metres: 1000, pixels: 100, label: '1 km' });
    expect(niceScaleBar(1, 160)).toEqual({ metres: 100, pixels: 100, label: '100 m' });
    expect(niceScaleBar(0.003, 160)).toEqual({ metres: 0.2, pixels: 0.2 / 0.003, label: '20 cm' });
    expect(niceScaleBar(3.3, 160)).toMatchObject({ metres: 500, label: '500 m' });
    expect(niceScaleBar(0, 160)).toBeUndefined();
    expect(niceScaleBar(Number.NaN, 160)).toBeUndefined();
  });
});

describe('export size', () => {
  it('screen, double or a width, aspect kept, 7680 px at most', () => {
    expect(exportDimensions({ kind: 'screen' }, 1280, 720)).toEqual({ width: 1280, height: 720, factor: 1 });
    expect(exportDimensions({ kind: 'scale', factor: 2 }, 1280, 720)).toEqual({ width: 2560, height: 1440, factor: 2 });
    expect(exportDimensions({ kind: 'width', width: 7680 }, 1280, 720)).toEqual({ width: 7680, height: 4320, factor: 6 });
    expect(exportDimensions({ kind: 'width', width: 9000 }, 1280, 720)).toEqual({ error: 'width must be a whole number of pixels from 320 to 7680, found 9000' });
    expect(exportDimensions({ kind: 'scale', factor: 2 }, 3840, 2160)).toEqual({ width: 7680, height: 4320, factor: 2 });
    expect(exportDimensions({ kind: 'scale', factor: 3 }, 3840, 2160)).toEqual({ error: '11520 px is wider than 7680 px; choose a smaller size' });
    expect(exportDimensions({ kind: 'screen' }, 0, 720)).toEqual({ error: 'the view has no size' });
  });
});

describe('export legend', () => {
  it('lists visible layers only, with the classes left on and the filtered stages', () => {
    const legend = exportLegend({
      lang: 'zh',
      stages: ['plan', 'use'],
      layers: [
        layer('reality', '3dtiles'),
        layer('off', 'geojson', { schema: 'parcels', show: false }),
        layer('projects', 'geojson', { schema: 'projects' }),
        layer('lines', 'geojson', { schema: 'controlLines', hiddenClasses: ['ecologyRedLine'] }),
        layer('pipes', 'pipelines', { hiddenClasses: ['RQ'] }),
        layer('seabed', '3dtiles', { legend: 'depthRamp' }),
      ],
    });
    expect(legend.map((s) => s.layerId)).toEqual(['reality', 'projects', 'lines', 'pipes', 'seabed']);
    expect(legend[0]?.items).toEqual([]);
    expect(legend[1]?.items.map((i) => i.label)).toEqual(['规 · 规划', '用 · 用地']);
    expect(legend[2]?.items.map((i) => i.label)).not.toContain('生态保护红线');
    expect(legend[2]?.items.find((i) => i.label === '道路红线')).toEqual({ rgb: [230, 0, 0], label: '道路红线', line: true });
    expect(legend[3]?.items.map((i) => i.label.split(' ')[0])).not.toContain('RQ');
    expect(legend[3]?.items[0]).toEqual({ rgb: [0, 255, 255], label: 'JS 给水' });
    expect(legend[4]?.items[0]?.label).toBe('水深 0 m');
  });
});
