/**
 * Order statistics for baselines. All functions ignore the input order and refuse non-finite values,
 * so a NaN from upstream fails loudly instead of producing a plausible-looking median.
 */

function sortedFinite(values: readonly number[]): number[] {
  const bad = values.find((value) => !Number.isFinite(value));
  if (bad !== undefined) throw new RangeError(`statistics need finite numbers (got ${bad})`);
  return [...values].sort((a, b) => a - b);
}

/**
 * The p-quantile (0 ≤ p ≤ 1) by linear interpolation between order statistics (Hyndman & Fan type 7, the
 * default of R and NumPy), or null for no values.
 */
export function quantile(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`a quantile's p lies in [0, 1] (got ${p})`);
  const sorted = sortedFinite(values);
  if (sorted.length === 0) return null;
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

export function median(values: readonly number[]): number | null {
  return quantile(values, 0.5);
}

/** Interquartile range Q3 − Q1 (type 7 quartiles), or null for no values. */
export function interquartileRange(values: readonly number[]): number | null {
  const q1 = quantile(values, 0.25);
  const q3 = quantile(values, 0.75);
  return q1 === null || q3 === null ? null : q3 - q1;
}

/** 1 / Φ⁻¹(3/4): scales the MAD so it estimates the standard deviation of normally distributed data. */
export const MAD_NORMAL_SCALE = 1.482602218505602;

/**
 * Median absolute deviation from the median, scaled by MAD_NORMAL_SCALE (pass scale 1 for the raw MAD),
 * or null for no values.
 */
export function medianAbsoluteDeviation(values: readonly number[], scale = MAD_NORMAL_SCALE): number | null {
  const centre = median(values);
  if (centre === null) return null;
  const deviations = values.map((value) => Math.abs(value - centre));
  return (median(deviations) as number) * scale;
}
