export * from './issues.ts';
export * from './cameraPose.ts';
export * from './viewerConfig.ts';
