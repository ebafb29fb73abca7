/**
 * Campaign diagnostics (spec "Diagnostics"): each diagnosed metric of a campaign against the workspace's own
 * baseline for its campaign type, with the seed's advice when it falls short. Pure: the caller brings the value
 * and the past campaigns' values.
 */
import { checkAgainstBaseline, type Baseline, type BaselineOptions } from '../stats';
import { METRICS_BY_ID } from './catalogue';
import type { MessageMetricId } from './vocabulary';

export type DiagnosticStatus = 'OK' | 'LOW' | 'HIGH' | 'NO_BASELINE' | 'NO_VALUE';

interface DiagnosedMetric {
  metric: MessageMetricId;
  /** What the seed advises when the metric is low: the catalogue entry's own diagnostic. */
  advice: string;
  /** A floor that is a problem whatever the history says (delivery under 95 %). */
  floor?: number;
}

const diagnosed = (metric: MessageMetricId, floor?: number): DiagnosedMetric => ({ metric, advice: METRICS_BY_ID[metric].diagnostic!, floor });

/** The metrics the seed gives advice for (low CTR, short dwell, low reply, delivery), in a dashboard's order. */
export const DIAGNOSED_METRICS: readonly DiagnosedMetric[] = [
  diagnosed('deliveryRate', 0.95),
  diagnosed('clickRate'),
  diagnosed('avgReadSeconds'),
  diagnosed('replyRate'),
];

export interface Diagnostic {
  metric: MessageMetricId;
  value: number | null;
  status: DiagnosticStatus;
  baseline: Baseline | null;
  /** The seed's advice when the metric is low; null otherwise. */
  advice: string | null;
  reason: string;
}

/** Baselines need a few past campaigns and a band of at least ±1 percentage point (±1 s for dwell). */
const OPTIONS: Partial<BaselineOptions> = { k: 2, minHistory: 3 };
const minHalfWidthOf = (metric: MessageMetricId) => (metric === 'avgReadSeconds' ? 1 : 0.01);

export function diagnose(rule: DiagnosedMetric, value: number | null, history: readonly number[], campaignType: string): Diagnostic {
  const { metric } = rule;
  if (value === null) return { metric, value, status: 'NO_VALUE', baseline: null, advice: null, reason: 'no value for this campaign (see its metrics for why)' };
  const check = checkAgainstBaseline(value, history, { ...OPTIONS, minHalfWidth: minHalfWidthOf(metric) });
  const belowFloor = rule.floor !== undefined && value < rule.floor;
  const floorReason = belowFloor ? `${percent(value)} is under ${percent(rule.floor!)}` : null;
  const of = `past ${campaignType.toLowerCase()} campaigns`;
  if (check.verdict === 'NOT_ENOUGH_HISTORY') {
    const reason = `no baseline yet: it needs at least ${OPTIONS.minHistory} ${of} with a value (have ${history.length})`;
    return belowFloor
      ? { metric, value, status: 'LOW', baseline: null, advice: rule.advice, reason: `${floorReason}; ${reason}` }
      : { metric, value, status: 'NO_BASELINE', baseline: null, advice: null, reason };
  }
  const baseline = check.baseline!;
  const band = `the band ${format(metric, baseline.low)}–${format(metric, baseline.high)} around the median ${format(metric, baseline.median)} of ${baseline.size} ${of}`;
  if (check.verdict === 'BELOW' || belowFloor) {
    const why = [check.verdict === 'BELOW' ? `${format(metric, value)} is below ${band}` : null, floorReason].filter(Boolean).join('; ');
    return { metric, value, status: 'LOW', baseline, advice: rule.advice, reason: why };
  }
  if (check.verdict === 'ABOVE') return { metric, value, status: 'HIGH', baseline, advice: null, reason: `${format(metric, value)} is above ${band}` };
  return { metric, value, status: 'OK', baseline, advice: null, reason: `${format(metric, value)} is within ${band}` };
}

const percent = (value: number) => `${(value * 100).toFixed(1)} %`;
const format = (metric: MessageMetricId, value: number) => (metric === 'avgReadSeconds' ? `${value.toFixed(1)} s` : percent(value));
