export * from './types';
export { queryFunnel, checkFunnelQuery } from './query-funnel';
export { recordSpend, checkSpendInput, type SpendInput } from './record-spend';
