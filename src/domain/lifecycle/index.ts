export * from './stages';
export * from './history';
export * from './automatic';
