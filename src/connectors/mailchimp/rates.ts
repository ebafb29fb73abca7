/**
 * Mailchimp gives rates on two scales, and the model stores fractions 0..1 only:
 * - a campaign report's own rates (`opens.open_rate`, `clicks.click_rate`, `opens.proxy_excluded_open_rate`)
 *   are fractions of deliveries: 0.2 means 20 %;
 * - list-level rates (the report's `list_stats.*`, `GET /lists` `stats.open_rate` …) are percentages 0..100:
 *   20 means 20 % (the SDK's schema: "a percentage represented as a number between 0 and 100").
 * A value outside its scale is refused rather than guessed at (20 as a fraction is not 0.2).
 */
import type { Problem } from './problems';

export interface RateResult {
  value?: number;
  problem?: Problem;
}

/** A rate that Mailchimp already gives as a fraction. */
export function rateFromFraction(value: number | undefined, field: string): RateResult {
  if (value === undefined) return {};
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    return { problem: { field, reason: `"${field}" should be a fraction between 0 and 1 (got ${value}); Mailchimp reports campaign rates as fractions` } };
  }
  return { value };
}

/** A rate that Mailchimp gives as a percentage (lists): converted to a fraction. */
export function rateFromPercent(value: number | undefined, field: string): RateResult {
  if (value === undefined) return {};
  if (!Number.isFinite(value) || value < 0 || value > 100) {
    return { problem: { field, reason: `"${field}" should be a percentage between 0 and 100 (got ${value}); Mailchimp reports list rates as percentages` } };
  }
  // Rounded to 10 decimals so 28.57 reads back as 0.2857, not 0.28569999999999995.
  return { value: Math.round((value / 100) * 1e10) / 1e10 };
}
