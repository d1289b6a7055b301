import { describe, expect, it } from 'vitest';
import { translate } from '../../../src/ui/i18n/index.ts';
import { pipeRows } from '../../../src/ui/underground/pipeText.ts';
import { readPipelineManifest } from '../../../src/services/pipelineManifest.ts';

const pipe = {
  featureId: 'WS0012-WS0013', featureType: 'pipe', class: 'PS', subtype: '污水', size: 'DN600', material: 'T', burial: 'ZM',
  owner: '宁波市排水有限公司', year: 2009, status: 0, startDepth: 2.5, endDepth: 2.62, startPoint: 'WS0012', endPoint: 'WS0013', groundHeight: 3.1,
};
const rows = (lang: 'zh' | 'en', p: Record<string, string | number>) =>
  Object.fromEntries(pipeRows((k, params) => translate(lang, k, params), p).map((r) => [r.testId, r.value]));

describe('pipe card text', () => {
  it('reads codes as Chinese names, drainage depths to the invert', () => {
    const r = rows('zh', pipe);
    expect(r).toMatchObject({ id: 'WS0012-WS0013', class: '排水 (PS)', subtype: '污水', size: 'DN600', material: '混凝土', burial: '直埋', owner: '宁波市排水有限公司', year: '2009', status: '在用', points: 'WS0012 → WS0013' });
    expect(r['startDepth']).toBe('2.50 m （管内底）');
    expect(r['endDepth']).toBe('2.62 m （管内底）');
  });

  it('has a complete English card; pressure pipes are measured to the top', () => {
    const r = rows('en', { ...pipe, class: 'RQ', subtype: '天然气', material: 'PE', status: 2 });
    expect(r).toMatchObject({ class: 'Gas (RQ)', subtype: 'Natural gas', material: 'Polyethylene', burial: 'Direct burial', status: 'Empty duct' });
    expect(r['startDepth']).toBe('2.50 m (to top)');
  });

  it('shows wells by their depth and shows unknown codes as they are', () => {
    const r = rows('zh', { featureId: 'YS0001', featureType: 'well', class: 'PS', subtype: '检查井', endDepth: 3.4, owner: 'x', year: 2001, status: 9 });
    expect(r['wellDepth']).toBe('3.40 m');
    expect(r['status']).toBe('9');
    expect(r['size']).toBeUndefined();
  });
});

describe('pipelines manifest', () => {
  it('reads km per class and owners sorted by count', () => {
    const m = readPipelineManifest({ km: { JS: 12.5, PS: 3 }, owners: { 甲: 2, 乙: 10 } });
    expect(m.kmByClass).toEqual({ JS: 12.5, PS: 3 });
    expect(m.owners).toEqual([{ name: '乙', count: 10 }, { name: '甲', count: 2 }]);
  });

  it('tolerates a missing or odd manifest', () => {
    expect(readPipelineManifest(null)).toEqual({ kmByClass: {}, owners: [] });
    expect(readPipelineManifest({ km: 'x', owners: ['甲', { name: '乙', count: 3 }, 5] }).owners.map((o) => o.name)).toEqual(['乙', '甲']);
  });
});
