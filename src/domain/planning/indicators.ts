// Regulatory-plan (控制性详细规划) indicators of a parcel (standards.md §5).
export const INDICATOR_TYPES = [
  { id: 'far', zh: '容积率', en: 'Floor area ratio', unit: '', min: 0, max: 30 },
  { id: 'density', zh: '建筑密度', en: 'Building coverage', unit: '%', min: 0, max: 100 },
  { id: 'greenRatio', zh: '绿地率', en: 'Green ratio', unit: '%', min: 0, max: 100 },
  { id: 'heightLimit', zh: '建筑限高', en: 'Height limit', unit: 'm', min: 0, max: 1000 },
] as const;
export type IndicatorId = (typeof INDICATOR_TYPES)[number]['id'];
export type ParcelIndicators = Record<IndicatorId, number>;
