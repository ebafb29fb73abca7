/**
 * The metric catalogue's closed vocabularies: metric ids exactly as ../shared/spec/metrics.md names them, units,
 * scopes, the dimensions a metric can be grouped or filtered by, and the inputs a metric needs from a source.
 * Const arrays, so GraphQL enums and validation derive from them.
 */

export const MESSAGE_METRIC_IDS = [
  'sent',
  'delivered',
  'deliveryRate',
  'hardBounceRate',
  'softBounceRate',
  'bounceRate',
  'openRate',
  'machineOpenRate',
  'scannerClickRate',
  'clickRate',
  'totalClickRate',
  'clickToOpenRate',
  'clickRateByLinkCategory',
  'avgReadSeconds',
  'readCompletionRate',
  'replyRate',
  'forwardRate',
  'unsubscribeRate',
  'complaintRate',
  'conversionRate',
  'clickToConversionRate',
  'revenue',
  'revenuePerEmail',
  'trafficSessions',
] as const;
export type MessageMetricId = (typeof MESSAGE_METRIC_IDS)[number];

export const LIST_METRIC_IDS = ['listSize', 'listGrowthRate', 'listChurnRate'] as const;
export type ListMetricId = (typeof LIST_METRIC_IDS)[number];

export const LEAD_METRIC_IDS = [
  'leads',
  'spend',
  'costPerLead',
  'mqls',
  'mqlRate',
  'sqls',
  'mqlToSqlRate',
  'customers',
  'sqlToCustomerRate',
  'medianDaysInStage',
  'costPerAcquisition',
  'roi',
  'customerLifetimeValue',
  'clvToCplRatio',
  'clvToCacRatio',
  'conversionRateOfInteractions',
] as const;
export type LeadMetricId = (typeof LEAD_METRIC_IDS)[number];

export const METRIC_IDS = [...MESSAGE_METRIC_IDS, ...LIST_METRIC_IDS, ...LEAD_METRIC_IDS] as const;
export type MetricId = (typeof METRIC_IDS)[number];

/**
 * RATIO is a share or rate (display as %; may exceed 1 for totals such as totalClickRate or a ROI);
 * MULTIPLE is an "x : 1" comparison of two amounts (CLV : CPL); money units are in the data's own currency.
 */
export const METRIC_UNITS = [
  'COUNT',
  'RATIO',
  'MULTIPLE',
  'SECONDS',
  'DAYS',
  'MONEY',
  'MONEY_PER_MESSAGE',
  'MONEY_PER_LEAD',
  'MONEY_PER_CUSTOMER',
] as const;
export type MetricUnit = (typeof METRIC_UNITS)[number];

/** What a metric counts: messages, list members, contacts on the lifecycle path, spend, or several at once. */
export const METRIC_SCOPES = ['message', 'list', 'lead', 'spend', 'mixed'] as const;
export type MetricScope = (typeof METRIC_SCOPES)[number];

export const METRIC_DIMENSIONS = ['campaign', 'campaignType', 'channel', 'source', 'list', 'period', 'linkCategory', 'stage'] as const;
export type MetricDimension = (typeof METRIC_DIMENSIONS)[number];

/** Which way is good, for baseline checks and alerts. */
export type Better = 'higher' | 'lower' | null;
