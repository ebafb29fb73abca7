/**
 * How message metrics can be grouped when they are served, and which catalogue dimension each grouping breaks a
 * metric down by: the catalogue's `groupBy` of a metric decides whether a grouping applies to it (only the
 * per-category metrics break down by link category).
 */
import type { MetricDefinition } from './definition';
import type { MessageMetricId, MetricDimension } from './vocabulary';

export const METRIC_GROUPINGS = ['CAMPAIGN', 'DAY', 'WEEK', 'MONTH', 'CHANNEL', 'CAMPAIGN_TYPE', 'LINK_CATEGORY', 'SOURCE', 'LIST'] as const;
export type MetricGrouping = (typeof METRIC_GROUPINGS)[number];

export const GROUPING_DIMENSIONS: Readonly<Record<MetricGrouping, MetricDimension>> = {
  CAMPAIGN: 'campaign',
  DAY: 'period',
  WEEK: 'period',
  MONTH: 'period',
  CHANNEL: 'channel',
  CAMPAIGN_TYPE: 'campaignType',
  LINK_CATEGORY: 'linkCategory',
  SOURCE: 'source',
  LIST: 'list',
};

const DIMENSION_WORDS: Readonly<Record<MetricDimension, string>> = {
  campaign: 'campaign',
  campaignType: 'campaign type',
  channel: 'channel',
  source: 'source',
  list: 'list',
  period: 'period (day, week, month)',
  linkCategory: 'link category',
  stage: 'lifecycle stage',
};

/** Why a metric cannot be served under a grouping, or null when it can (no grouping always can). */
export function groupingProblem(definition: MetricDefinition, grouping: MetricGrouping | null): string | null {
  if (grouping === null) return null;
  const dimension = GROUPING_DIMENSIONS[grouping];
  if (definition.groupBy.includes(dimension)) return null;
  const possible = definition.groupBy.map((each) => DIMENSION_WORDS[each]).join(', ');
  return `${definition.name} is not broken down by ${DIMENSION_WORDS[dimension]}; group it by ${possible}, or by nothing`;
}

/** The workspace's `ctrMode` names which of the two click rates dashboards call "CTR"; both are always served. */
export function ctrMetricOf(mode: 'UNIQUE' | 'TOTAL'): Extract<MessageMetricId, 'clickRate' | 'totalClickRate'> {
  return mode === 'TOTAL' ? 'totalClickRate' : 'clickRate';
}
