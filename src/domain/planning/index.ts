// Planning data: lifecycle stages, 用地用海 classes, control lines, indicators, and validators for
// user-supplied GeoJSON. Pure TypeScript, shared by the viewer and tools/planning.
export * from './stages.ts';
export * from './landUse.ts';
export * from './controlLines.ts';
export * from './indicators.ts';
export * from './geojson.ts';
export * from './validate.ts';
export * from './featureClasses.ts';
export * from './records.ts';
export * from './filter.ts';
export * from './statistics.ts';
export * from './parcelIndex.ts';
export * from './search.ts';
