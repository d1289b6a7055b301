export * from './issues.ts';
export * from './cameraPose.ts';
export * from './viewerConfig.ts';
export * from './screenConfig.ts';
export * from './kioskConfig.ts';
export * from './streamingConfig.ts';
