export * from './facts';
export * from './derive-facts';
