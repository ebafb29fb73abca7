export * from './vocabulary';
export * from './records';
