export * from './tileStyle.ts';
export * from './sceneLook.ts';
