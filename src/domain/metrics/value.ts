/**
 * A served metric value (spec/api.md): `{ metric, value, numerator, denominator, unit, reason }`. The numerator
 * and denominator let a BI tool re-aggregate; `reason` says why the value is null. Never a silent 0.
 */
import { METRICS_BY_ID } from './catalogue';
import type { MetricDimension, MetricId, MetricUnit } from './vocabulary';

export interface MetricValue {
  metric: MetricId;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  unit: MetricUnit;
  reason: string | null;
  /** For metrics computed per group (link category, stage): which one. */
  group?: { dimension: MetricDimension; key: string };
}

/** A count or sum: its own value, no denominator. */
export function amountValue(metric: MetricId, amount: number): MetricValue {
  return { metric, value: amount, numerator: amount, denominator: null, unit: METRICS_BY_ID[metric].unit, reason: null };
}

/**
 * numerator / denominator, or null when the denominator is 0 — the reason then names what was missing, in the
 * catalogue's words ("no delivered messages in this selection").
 */
export function ratioValue(metric: MetricId, numerator: number, denominator: number): MetricValue {
  const definition = METRICS_BY_ID[metric];
  if (denominator === 0) {
    const what = definition.denominator?.label ?? 'denominator';
    const reason = `no ${what} in this selection, so ${definition.name} is undefined`;
    return { metric, value: null, numerator, denominator, unit: definition.unit, reason };
  }
  return { metric, value: numerator / denominator, numerator, denominator, unit: definition.unit, reason: null };
}

/** A value that cannot be computed: an input is missing, or the data is not fit (mixed currencies …). */
export function nullValue(metric: MetricId, reason: string, parts: { numerator?: number | null; denominator?: number | null } = {}): MetricValue {
  return {
    metric,
    value: null,
    numerator: parts.numerator ?? null,
    denominator: parts.denominator ?? null,
    unit: METRICS_BY_ID[metric].unit,
    reason,
  };
}
