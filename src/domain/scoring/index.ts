export * from './rules';
export * from './award';
export * from './score';
export * from './threshold';
