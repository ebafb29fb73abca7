/**
 * Tier rules and thresholds, as a workspace sets them (spec "Engagement tiers").
 *
 * The spec rates click as "any human click, or unique CTR ≥ highClickRate" and dwell as "any deep read, or
 * average read ≥ deepReadSeconds". Taken as a logical OR each second half would add nothing (a CTR above zero
 * already means a click; an average of per-message reads ≥ 8 s means some read ≥ 8 s), so they are read as
 * alternative rules a workspace chooses between; the default is the first of each.
 */
import { DEFAULT_READ_THRESHOLDS, type ReadThresholds } from './read-class';

export const CLICK_RULES = ['ANY_CLICK', 'CLICK_RATE'] as const;
export type ClickRule = (typeof CLICK_RULES)[number];

export const DWELL_RULES = ['ANY_DEEP_READ', 'AVERAGE_READ'] as const;
export type DwellRule = (typeof DWELL_RULES)[number];

export interface TierSettings extends ReadThresholds {
  /** Days of delivered messages a contact is rated on, counted back from now. */
  windowDays: number;
  clickRule: ClickRule;
  /** Unique CTR (clicked / delivered messages, 0..1) that counts as clicking, under the CLICK_RATE rule. */
  highClickRate: number;
  dwellRule: DwellRule;
}

export const DEFAULT_TIER_SETTINGS: TierSettings = {
  ...DEFAULT_READ_THRESHOLDS,
  windowDays: 90,
  clickRule: 'ANY_CLICK',
  // Only used under CLICK_RATE: a contact who clicks one message in five is clicking habitually.
  highClickRate: 0.2,
  dwellRule: 'ANY_DEEP_READ',
};
