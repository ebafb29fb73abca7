export * from './lines';
export * from './json-values';
export * from './csv-rows';
export * from './limits';
export * from '../../sdk/input/json-items';
