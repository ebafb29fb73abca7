/**
 * Metric alerts (issue "Metrics and funnels"): delivery under its floor, a bounce or complaint spike, or a metric
 * outside the workspace's baseline band for the campaign type. Pure: the caller brings the campaign's values and
 * its history (the same history diagnostics use) and the workspace's thresholds.
 */
import { baselineOf } from '../stats';
import { DIAGNOSED_METRICS, diagnose } from './diagnostics';
import type { MessageMetricId } from './vocabulary';

export const ALERT_KINDS = ['DELIVERY_BELOW_FLOOR', 'BOUNCE_SPIKE', 'COMPLAINT_SPIKE', 'OUTSIDE_BASELINE'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export interface AlertThresholds {
  /** Campaigns with fewer messages raise nothing: three sends and one bounce is not a spike. */
  minMessages: number;
  deliveryRateFloor: number;
  /** A bounce rate at or above this is a spike whatever the history. */
  bounceRateCeiling: number;
  /** Above the baseline band, a bounce rate is a spike only from this level on (0.4 % → 0.6 % is noise). */
  bounceRateConcern: number;
  complaintRateCeiling: number;
  complaintRateConcern: number;
}

/** Google and Yahoo's bulk-sender rules put the complaint limit at 0.3 %; bounces over 5 % get senders throttled. */
export const DEFAULT_ALERT_THRESHOLDS: AlertThresholds = {
  minMessages: 100,
  deliveryRateFloor: 0.95,
  bounceRateCeiling: 0.05,
  bounceRateConcern: 0.02,
  complaintRateCeiling: 0.003,
  complaintRateConcern: 0.001,
};

/** The metrics alert evaluation reads. */
export const ALERT_METRICS: readonly MessageMetricId[] = [...new Set<MessageMetricId>([...DIAGNOSED_METRICS.map((rule) => rule.metric), 'bounceRate', 'complaintRate'])];

export interface AlertInput {
  campaignType: string;
  messages: number;
  values: ReadonlyMap<MessageMetricId, number | null>;
  history: ReadonlyMap<MessageMetricId, readonly number[]>;
}

export interface AlertFinding {
  kind: AlertKind;
  metric: MessageMetricId;
  value: number;
  /** The limit crossed: the floor, the ceiling, or the band's edge. */
  threshold: number;
  message: string;
}

const percent = (value: number) => `${(value * 100).toFixed(value < 0.01 ? 2 : 1)} %`;

export function evaluateAlerts(input: AlertInput, thresholds: AlertThresholds = DEFAULT_ALERT_THRESHOLDS): AlertFinding[] {
  if (input.messages < thresholds.minMessages) return [];
  const findings: AlertFinding[] = [];
  const value = (metric: MessageMetricId) => input.values.get(metric) ?? null;
  const history = (metric: MessageMetricId) => input.history.get(metric) ?? [];

  const delivery = value('deliveryRate');
  if (delivery !== null && delivery < thresholds.deliveryRateFloor) {
    findings.push({
      kind: 'DELIVERY_BELOW_FLOOR', metric: 'deliveryRate', value: delivery, threshold: thresholds.deliveryRateFloor,
      message: `delivery rate ${percent(delivery)} is under ${percent(thresholds.deliveryRateFloor)}: clean the list (remove hard bounces) and check the content for spam triggers`,
    });
  }
  for (const [metric, kind, ceiling, concern, what] of [
    ['bounceRate', 'BOUNCE_SPIKE', thresholds.bounceRateCeiling, thresholds.bounceRateConcern, 'remove hard-bounced addresses and check how the list was collected'],
    ['complaintRate', 'COMPLAINT_SPIKE', thresholds.complaintRateCeiling, thresholds.complaintRateConcern, 'check consent, frequency and the unsubscribe link'],
  ] as const) {
    const rate = value(metric);
    if (rate === null) continue;
    const band = baselineOf(history(metric), { k: 2, minHistory: 3 });
    const overBand = band !== null && rate > band.high && rate >= concern;
    if (rate >= ceiling || overBand) {
      const threshold = rate >= ceiling ? ceiling : band!.high;
      const against = rate >= ceiling ? `the limit ${percent(ceiling)}` : `the usual ${percent(band!.low)}–${percent(band!.high)} of past ${input.campaignType.toLowerCase()} campaigns`;
      findings.push({ kind, metric, value: rate, threshold, message: `${metric} ${percent(rate)} is above ${against}: ${what}` });
    }
  }
  for (const rule of DIAGNOSED_METRICS) {
    if (rule.metric === 'deliveryRate' && findings.some((finding) => finding.kind === 'DELIVERY_BELOW_FLOOR')) continue;
    const metricValue = value(rule.metric);
    const diagnostic = diagnose(rule, metricValue, history(rule.metric), input.campaignType);
    if (diagnostic.status !== 'LOW' || !diagnostic.baseline || metricValue === null) continue;
    findings.push({ kind: 'OUTSIDE_BASELINE', metric: rule.metric, value: metricValue, threshold: diagnostic.baseline.low, message: `${diagnostic.reason}. ${diagnostic.advice}` });
  }
  return findings;
}
