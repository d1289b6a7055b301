export * from './types.ts';
export * from './cjj61.ts';
