export * from './ellipsoid.ts';
export * from './gaussKruger.ts';
export * from './cgcs2000.ts';
export * from './geoid.ts';
export * from './geodesic.ts';
