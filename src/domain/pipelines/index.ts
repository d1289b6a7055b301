export * from './types.ts';
export * from './cjj61.ts';
export * from './csv.ts';
export * from './survey.ts';
export * from './geometry.ts';
export * from './style.ts';
