import { describe, expect, it } from 'vitest';
import {
  CONTROL_LINE_TYPES, LIFECYCLE_STAGE_IDS, featureClass, featureClassOf, featureClasses, featureIdOf, validatePlanningCollection,
} from '../../../../src/domain/planning/index.ts';

describe('planning feature classes (legend, toggles and map share them)', () => {
  it('control lines class by line type, with an outline for every type and fills only for areas', () => {
    expect(featureClasses('controlLines').map((c) => c.id)).toEqual([...CONTROL_LINE_TYPES]);
    expect(featureClass('controlLines', 'roadRedLine')?.fill).toBeNull();
    expect(featureClass('controlLines', 'basicFarmland')?.fill).not.toBeNull();
    expect(featureClassOf('controlLines', { lineType: 'blueLine' })).toBe('blueLine');
  });
  it('projects class by lifecycle stage, each with its own colour', () => {
    const classes = featureClasses('projects');
    expect(classes.map((c) => c.id)).toEqual([...LIFECYCLE_STAGE_IDS]);
    expect(new Set(classes.map((c) => c.fill?.join())).size).toBe(6);
    expect(classes[0]?.zh).toBe('规 · 规划');
    expect(featureClassOf('projects', { stage: 'register' })).toBe('register');
  });
  it('parcels class by first-level 用地用海 class, from 2- or 4-digit codes', () => {
    expect(featureClasses('parcels')).toHaveLength(24);
    expect(featureClassOf('parcels', { landUseCode: '0701' })).toBe('07');
    expect(featureClassOf('parcels', { landUseCode: '14' })).toBe('14');
    expect(featureClassOf('parcels', { landUseCode: '99' })).toBe('');
  });
  it('feature ids: the schema key, then the GeoJSON id, then the index', () => {
    expect(featureIdOf('projects', { id: 'x', properties: { projectCode: 'NB-2020-0001' } }, 3)).toBe('NB-2020-0001');
    expect(featureIdOf('parcels', { properties: { parcelId: '1_2_0' } }, 3)).toBe('1_2_0');
    expect(featureIdOf('controlLines', { id: 7, properties: {} }, 3)).toBe('7');
    expect(featureIdOf('controlLines', { properties: {} }, 3)).toBe('#3');
  });
  it('each schema validates with its own validator', () => {
    const line = { type: 'Feature', geometry: { type: 'LineString', coordinates: [[121.5, 29.8], [121.6, 29.8]] }, properties: { lineType: 'greenLine' } };
    const fc = { type: 'FeatureCollection', features: [line] };
    expect(validatePlanningCollection('controlLines', fc).valid).toHaveLength(1);
    // A line is no parcel, and has no parcel properties.
    const asParcels = validatePlanningCollection('parcels', fc);
    expect(asParcels.skipped).toBe(1);
    expect(asParcels.issues.map((i) => i.path)).toContain('features[0].geometry.type');
  });
});
