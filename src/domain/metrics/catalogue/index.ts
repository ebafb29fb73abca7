/**
 * The metric catalogue: one entry per metric id of ../shared/spec/metrics.md. The API's metricCatalog, the
 * GraphQL enum, the SQL of message metrics and the documentation all derive from it.
 */
import type { MetricDefinition } from '../definition';
import { METRIC_IDS, type MetricId } from '../vocabulary';
import { DELIVERY_METRICS } from './delivery';
import { ENGAGEMENT_METRICS } from './engagement';
import { FUNNEL_METRICS } from './funnel';
import { LIST_METRICS } from './list';
import { MONEY_METRICS } from './money';
import { OUTCOME_METRICS } from './outcomes';

export const METRICS_BY_ID: Readonly<Record<MetricId, MetricDefinition>> = {
  ...DELIVERY_METRICS,
  ...ENGAGEMENT_METRICS,
  ...OUTCOME_METRICS,
  ...LIST_METRICS,
  ...FUNNEL_METRICS,
  ...MONEY_METRICS,
};

/** Every definition, in the spec's order. */
export const METRIC_CATALOGUE: readonly MetricDefinition[] = METRIC_IDS.map((id) => METRICS_BY_ID[id]);

export function isMetricId(value: unknown): value is MetricId {
  return typeof value === 'string' && (METRIC_IDS as readonly string[]).includes(value);
}

/** The definition of a metric id, or an error naming the known ids (an unknown id is a caller's typo). */
export function metricDefinition(id: string): MetricDefinition {
  if (!isMetricId(id)) throw new RangeError(`unknown metric "${id}"; known metrics: ${METRIC_IDS.join(', ')}`);
  return METRICS_BY_ID[id];
}
