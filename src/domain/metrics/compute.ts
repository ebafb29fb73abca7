/**
 * Computing a message metric over message rows in TypeScript, from its catalogue entry. The SQL layer computes
 * the same numerator and denominator with measureToSql; this is the reference it is tested against, and what
 * the demo and the tests use on plain values.
 */
import { LINK_CATEGORIES, type LinkCategory } from '../model';
import { DEFAULT_READ_THRESHOLDS } from '../tiers/read-class';
import { METRICS_BY_ID } from './catalogue';
import { evaluateMeasure, type FactRow } from './evaluate';
import { missingInputReason, missingInputs, type MetricInput } from './inputs';
import type { MeasureParams } from './measure';
import { metricValueFromTotals, withLinkCategory } from './totals';
import { nullValue, type MetricValue } from './value';
import { MESSAGE_METRIC_IDS, type MessageMetricId } from './vocabulary';

export interface ComputeOptions {
  /** Workspace settings and the group being computed; deepReadSeconds defaults to 8. */
  params?: Partial<MeasureParams>;
  /**
   * The inputs the selected sources can supply (see availableInputs). When given, a metric whose input is
   * missing is null with a reason instead of a count of nothing; when absent, every input is assumed present.
   */
  availableInputs?: ReadonlySet<MetricInput>;
}

function isMessageMetric(id: string): id is MessageMetricId {
  return (MESSAGE_METRIC_IDS as readonly string[]).includes(id);
}

/** A message metric over the given message rows. */
export function computeMetric(id: MessageMetricId, rows: readonly FactRow[], options: ComputeOptions = {}): MetricValue {
  if (!isMessageMetric(id)) {
    const computedBy = METRICS_BY_ID[id as MessageMetricId]?.computedBy;
    throw new RangeError(`"${id}" is not a message metric${computedBy ? `: compute it with ${computedBy}` : ''}`);
  }
  const definition = METRICS_BY_ID[id];
  const params: Partial<MeasureParams> = { deepReadSeconds: DEFAULT_READ_THRESHOLDS.deepReadSeconds, ...options.params };
  if (definition.perGroup === 'linkCategory' && params.linkCategory === undefined) {
    throw new RangeError(`${id} is computed per link category: pass params.linkCategory, or call computeMetricByLinkCategory`);
  }
  const missing = options.availableInputs ? missingInputs(definition.requiredInputs, options.availableInputs) : [];
  if (missing.length > 0) return withLinkCategory(nullValue(id, `${definition.name} ${missingInputReason(missing)}`), params.linkCategory);

  const numerator = evaluateMeasure(definition.numerator.measure!, rows, params);
  const denominator = definition.denominator === null ? null : evaluateMeasure(definition.denominator.measure!, rows, params);
  return metricValueFromTotals(id, { numerator, denominator }, params.linkCategory);
}

/** A per-category metric (clickRateByLinkCategory) for every link category, in vocabulary order. */
export function computeMetricByLinkCategory(id: MessageMetricId, rows: readonly FactRow[], options: ComputeOptions = {}): MetricValue[] {
  if (METRICS_BY_ID[id]?.perGroup !== 'linkCategory') throw new RangeError(`${id} is not computed per link category`);
  return LINK_CATEGORIES.map((linkCategory: LinkCategory) =>
    computeMetric(id, rows, { ...options, params: { ...options.params, linkCategory } }),
  );
}

/** Every message metric over the same rows (per-category ones for each category). */
export function computeMessageMetrics(rows: readonly FactRow[], options: ComputeOptions = {}): MetricValue[] {
  return MESSAGE_METRIC_IDS.flatMap((id) =>
    METRICS_BY_ID[id].perGroup === 'linkCategory' ? computeMetricByLinkCategory(id, rows, options) : [computeMetric(id, rows, options)],
  );
}
