export * from './stages';
export * from './history';
