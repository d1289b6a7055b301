// The planning catalogue: lifecycle stages, 用地用海 classes, control-line types and colours.
import { describe, expect, it } from 'vitest';
import {
  LIFECYCLE_STAGES, LIFECYCLE_STAGE_IDS, LAND_USE_CLASSES, landUseClass, landUseFirstLevel, checkLandUseCode,
  CONTROL_LINE_INFO, CONTROL_LINE_TYPES, controlLineStyles, INDICATOR_TYPES, isLifecycleStageId,
} from '../../../../src/domain/planning/index.ts';

describe('lifecycle stages', () => {
  it('are 规 批 供 用 登 管 in order', () => {
    expect(LIFECYCLE_STAGES.map((s) => s.short).join('')).toBe('规批供用登管');
    expect(LIFECYCLE_STAGES.map((s) => s.id)).toEqual([...LIFECYCLE_STAGE_IDS]);
    expect(LIFECYCLE_STAGES.map((s) => s.order)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(isLifecycleStageId('use')).toBe(true);
    expect(isLifecycleStageId('build')).toBe(false);
  });
});

describe('用地用海 classes', () => {
  it('has the 24 first-level classes with the unconfirmed ones marked', () => {
    const first = LAND_USE_CLASSES.filter((c) => c.level === 1);
    expect(first.map((c) => c.code)).toEqual(Array.from({ length: 24 }, (_, i) => String(i + 1).padStart(2, '0')));
    expect(first.filter((c) => !c.confirmed).map((c) => c.code)).toEqual(['10', '12', '13', '17', '23']);
    expect(landUseClass('07')?.zh).toBe('居住用地');
  });

  it('has the confirmed second-level examples', () => {
    for (const [code, zh] of [['0701', '城镇住宅用地'], ['0901', '商业用地'], ['1001', '工业用地'], ['1207', '城镇村道路用地'], ['1401', '公园绿地']]) {
      expect(landUseClass(code!)).toMatchObject({ zh, level: 2, confirmed: true });
    }
    expect(landUseFirstLevel('0804')?.zh).toBe('公共管理与公共服务用地');
    expect(checkLandUseCode('0799')).toBeNull();
    expect(checkLandUseCode('99')).toMatch(/unknown first-level/);
  });
});

describe('control lines and indicators', () => {
  it('lists 三区三线 and 五线 with default colours from standards §5', () => {
    expect(CONTROL_LINE_INFO.map((c) => c.id)).toEqual([...CONTROL_LINE_TYPES]);
    expect(CONTROL_LINE_INFO.filter((c) => c.group === 'threeZonesThreeLines').map((c) => c.zh)).toEqual(['生态保护红线', '永久基本农田', '城镇开发边界']);
    const styles = controlLineStyles({ blueLine: { stroke: [0, 0, 255] } });
    expect(styles.roadRedLine.stroke).toEqual([230, 0, 0]);
    expect(styles.blueLine.stroke).toEqual([0, 0, 255]);
    expect(styles.urbanBoundary).toEqual({ stroke: [206, 83, 83], fill: [255, 190, 190] });
  });

  it('has the four regulatory indicators', () => {
    expect(INDICATOR_TYPES.map((i) => `${i.id}:${i.zh}`)).toEqual(['far:容积率', 'density:建筑密度', 'greenRatio:绿地率', 'heightLimit:建筑限高']);
  });
});
