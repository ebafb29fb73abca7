export * from './quantiles';
export * from './baseline';
export * from './normal';
export * from './proportions';
export * from './trend';
