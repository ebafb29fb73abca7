export * from './read-class';
export * from './settings';
export * from './signals';
export * from './tier';
