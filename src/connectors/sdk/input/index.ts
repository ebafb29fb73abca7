export * from './lines';
export * from './json-values';
export * from './csv-rows';
export * from './limits';
