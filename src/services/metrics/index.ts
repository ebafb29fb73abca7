export * from './types';
export { queryMetrics, readMetricSettings, checkFilter, checkGrouping } from './query-metrics';
export { requestedMetrics } from './plan';
export { metricCatalog, type CatalogEntry, type CatalogInput } from './catalog';
export { campaignMetricLoaders } from './campaign-metrics';
export { metricsCsv, csvField } from './csv';
export { campaignDiagnosticLoader } from './diagnostics';
export { readClassLoader, type ReadClassShare } from './read-classes';
export { compareCampaigns, type CampaignComparison } from './compare';
