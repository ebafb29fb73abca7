/**
 * A message metric's served value from its numerator and denominator totals, wherever they were summed (in
 * TypeScript by computeMetric, in SQL by the metrics service), so both serve exactly the same values and reasons.
 */
import type { LinkCategory, Source } from '../model';
import { METRICS_BY_ID } from './catalogue';
import { INPUT_DESCRIPTIONS, type MetricInput } from './inputs';
import { amountValue, nullValue, ratioValue, type MetricValue } from './value';
import type { MessageMetricId } from './vocabulary';

export interface MetricTotals {
  numerator: number;
  /** Ignored for counts and sums (their catalogue entry has no denominator). */
  denominator: number | null;
}

/** Tags a per-category metric's value with its category. */
export function withLinkCategory(value: MetricValue, linkCategory: LinkCategory | undefined): MetricValue {
  return linkCategory !== undefined && METRICS_BY_ID[value.metric].perGroup === 'linkCategory'
    ? { ...value, group: { dimension: 'linkCategory', key: linkCategory } }
    : value;
}

/** A count or sum is its own value; a rate is null with a reason when its denominator is 0. */
export function metricValueFromTotals(id: MessageMetricId, totals: MetricTotals, linkCategory?: LinkCategory): MetricValue {
  const definition = METRICS_BY_ID[id];
  const value = definition.denominator === null ? amountValue(id, totals.numerator) : ratioValue(id, totals.numerator, totals.denominator ?? 0);
  return withLinkCategory(value, linkCategory);
}

/**
 * Why a metric is null when some of its inputs are missing from a selection: the sources it holds do not supply
 * them (named, so the user sees which), or a workspace setting is not made (and which one to make).
 */
export function unavailableInputsReason(id: MessageMetricId, missing: readonly MetricInput[], sources: readonly Source[]): string {
  const name = METRICS_BY_ID[id].name;
  const fromSources = missing.filter((input) => input !== 'SITE_DOMAINS');
  const parts: string[] = [];
  if (fromSources.length > 0) {
    const what = fromSources.map((input) => INPUT_DESCRIPTIONS[input]).join(' and ');
    parts.push(`${name} needs ${what}, which none of this selection's sources (${sources.join(', ') || 'none'}) supply`);
  }
  if (missing.includes('SITE_DOMAINS')) {
    parts.push(`${name} needs the workspace's own site domains: set "siteDomains" in the workspace settings`);
  }
  return parts.join('; ');
}

export function inputsUnavailableValue(id: MessageMetricId, missing: readonly MetricInput[], sources: readonly Source[], linkCategory?: LinkCategory): MetricValue {
  return withLinkCategory(nullValue(id, unavailableInputsReason(id, missing, sources)), linkCategory);
}
