/**
 * A workspace's own baseline for a metric (spec "Diagnostics": baselines are the workspace's own history per
 * campaign type, not industry averages): the median of past values with a band of ± k robust spreads.
 *
 * Spread is the scaled MAD rather than the IQR: campaign histories are short (a handful of sends per type) and
 * often contain one disastrous send; the MAD ignores up to half the values being outliers (the IQR a quarter),
 * and scaled by 1.4826 it reads like a standard deviation, so "k = 2" means what people expect.
 */
import { median, medianAbsoluteDeviation } from './quantiles';

export interface Baseline {
  median: number;
  /** Scaled MAD (≈ standard deviation for normal data). */
  spread: number;
  low: number;
  high: number;
  /** How many past values the baseline stands on. */
  size: number;
}

export interface BaselineOptions {
  /** Band half-width in spreads. */
  k: number;
  /** Fewer past values than this give no baseline: a band from two campaigns is noise. */
  minHistory: number;
  /**
   * Smallest half-width of the band, in the metric's unit. Without it a history of identical values (MAD 0)
   * flags any change at all, however tiny.
   */
  minHalfWidth: number;
}

export const DEFAULT_BASELINE_OPTIONS: BaselineOptions = { k: 2, minHistory: 5, minHalfWidth: 0 };

export type BaselineVerdict = 'BELOW' | 'WITHIN' | 'ABOVE' | 'NOT_ENOUGH_HISTORY';

export interface BaselineCheck {
  verdict: BaselineVerdict;
  baseline: Baseline | null;
  reason: string;
}

export function baselineOf(history: readonly number[], options: Partial<BaselineOptions> = {}): Baseline | null {
  const { k, minHistory, minHalfWidth } = { ...DEFAULT_BASELINE_OPTIONS, ...options };
  if (history.length < minHistory) return null;
  const centre = median(history) as number;
  const spread = medianAbsoluteDeviation(history) as number;
  const halfWidth = Math.max(k * spread, minHalfWidth);
  return { median: centre, spread, low: centre - halfWidth, high: centre + halfWidth, size: history.length };
}

/** Where a value falls against the band of its history; the band edges count as within. */
export function checkAgainstBaseline(value: number, history: readonly number[], options: Partial<BaselineOptions> = {}): BaselineCheck {
  const minHistory = options.minHistory ?? DEFAULT_BASELINE_OPTIONS.minHistory;
  const baseline = baselineOf(history, options);
  if (baseline === null) {
    return {
      verdict: 'NOT_ENOUGH_HISTORY',
      baseline: null,
      reason: `a baseline needs at least ${minHistory} past values (have ${history.length})`,
    };
  }
  const band = `[${baseline.low}, ${baseline.high}] around the median ${baseline.median} of ${baseline.size} past values`;
  if (value < baseline.low) return { verdict: 'BELOW', baseline, reason: `${value} is below the band ${band}` };
  if (value > baseline.high) return { verdict: 'ABOVE', baseline, reason: `${value} is above the band ${band}` };
  return { verdict: 'WITHIN', baseline, reason: `${value} is within the band ${band}` };
}
