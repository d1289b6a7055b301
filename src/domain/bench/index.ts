export * from './types.ts';
export * from './camera.ts';
export * from './flight.ts';
export * from './path.ts';
export * from './oracle.ts';
