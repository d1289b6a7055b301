export * from './tileStyle.ts';
