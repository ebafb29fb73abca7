/**
 * The two-proportion z-test for an A/B test of a rate (open, click, reply …): is variant B's rate different
 * from variant A's?
 *
 * The test statistic uses the pooled proportion (the null hypothesis says both rates are equal); the confidence
 * interval of the difference uses the unpooled (Wald) standard error, as textbooks do. Both rest on the normal
 * approximation, which we only trust when each variant has at least MIN_EXPECTED successes and failures
 * (the usual n·p ≥ 5 and n·(1 − p) ≥ 5 rule, with p the variant's observed rate); below that the verdict is
 * NOT_ENOUGH_DATA and no p-value is claimed.
 */
import { normalCdf, normalQuantile } from './normal';

export const MIN_EXPECTED = 5;

export interface VariantCounts {
  /** Messages with the outcome (e.g. clicked). */
  successes: number;
  /** Messages the rate is over (e.g. delivered). */
  trials: number;
}

export type AbVerdict = 'B_HIGHER' | 'A_HIGHER' | 'NO_SIGNIFICANT_DIFFERENCE' | 'NOT_ENOUGH_DATA';

export interface TwoProportionResult {
  rateA: number | null;
  rateB: number | null;
  /** rateB − rateA. */
  difference: number | null;
  confidenceLevel: number;
  /** Confidence interval of the difference at confidenceLevel. */
  interval: { low: number; high: number } | null;
  z: number | null;
  /** Two-sided p-value. */
  pValue: number | null;
  verdict: AbVerdict;
  reason: string;
}

function checkCounts(name: string, counts: VariantCounts): void {
  const { successes, trials } = counts;
  if (!Number.isInteger(successes) || !Number.isInteger(trials) || successes < 0 || successes > trials) {
    throw new RangeError(`variant ${name} needs whole counts with 0 ≤ successes ≤ trials (got ${successes} of ${trials})`);
  }
}

export function twoProportionTest(a: VariantCounts, b: VariantCounts, confidenceLevel = 0.95): TwoProportionResult {
  checkCounts('A', a);
  checkCounts('B', b);
  if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
    throw new RangeError(`the confidence level lies strictly between 0 and 1, e.g. 0.95 (got ${confidenceLevel})`);
  }
  const rateA = a.trials > 0 ? a.successes / a.trials : null;
  const rateB = b.trials > 0 ? b.successes / b.trials : null;
  const difference = rateA !== null && rateB !== null ? rateB - rateA : null;
  const thin = [['A', a] as const, ['B', b] as const].filter(
    ([, counts]) => counts.successes < MIN_EXPECTED || counts.trials - counts.successes < MIN_EXPECTED,
  );
  if (thin.length > 0) {
    const which = thin.map(([name, counts]) => `${name} has ${counts.successes} of ${counts.trials}`).join(', ');
    return {
      rateA, rateB, difference, confidenceLevel, interval: null, z: null, pValue: null, verdict: 'NOT_ENOUGH_DATA',
      reason: `each variant needs at least ${MIN_EXPECTED} messages with and ${MIN_EXPECTED} without the outcome (${which}); keep the test running`,
    };
  }
  const pA = rateA as number;
  const pB = rateB as number;
  const pooled = (a.successes + b.successes) / (a.trials + b.trials);
  const z = (pB - pA) / Math.sqrt(pooled * (1 - pooled) * (1 / a.trials + 1 / b.trials));
  const pValue = Math.min(1, 2 * normalCdf(-Math.abs(z)));
  const critical = normalQuantile(1 - (1 - confidenceLevel) / 2);
  const unpooledError = Math.sqrt((pA * (1 - pA)) / a.trials + (pB * (1 - pB)) / b.trials);
  const interval = { low: pB - pA - critical * unpooledError, high: pB - pA + critical * unpooledError };
  const significant = pValue < 1 - confidenceLevel;
  const verdict: AbVerdict = !significant ? 'NO_SIGNIFICANT_DIFFERENCE' : pB > pA ? 'B_HIGHER' : 'A_HIGHER';
  const reason = significant
    ? `${verdict === 'B_HIGHER' ? 'B' : 'A'} is higher: p = ${pValue.toPrecision(3)} < ${(1 - confidenceLevel).toPrecision(3)}`
    : `the difference could be chance: p = ${pValue.toPrecision(3)} ≥ ${(1 - confidenceLevel).toPrecision(3)}`;
  return { rateA, rateB, difference: pB - pA, confidenceLevel, interval, z, pValue, verdict, reason };
}
