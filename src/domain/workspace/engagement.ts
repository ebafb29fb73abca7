/**
 * The scoring ruleset and tier settings a workspace's settings describe. Read thresholds are one setting for the
 * whole workspace: metrics (readCompletionRate), the deep-read scoring rule and the dwell signal all use them.
 */
import type { ScoringRuleset } from '../scoring/rules';
import { checkReadThresholds } from '../tiers/read-class';
import type { TierSettings } from '../tiers/settings';
import type { WorkspaceSettings } from './settings';

export function scoringRulesetOf(settings: WorkspaceSettings): ScoringRuleset {
  return {
    rules: settings.scoringRules,
    decay: settings.scoreDecay,
    mqlThreshold: settings.mqlThreshold,
    readThresholds: { glanceSeconds: settings.glanceSeconds, deepReadSeconds: settings.deepReadSeconds },
  };
}

export function tierSettingsOf(settings: WorkspaceSettings): TierSettings {
  return {
    glanceSeconds: settings.glanceSeconds,
    deepReadSeconds: settings.deepReadSeconds,
    windowDays: settings.tierWindowDays,
    clickRule: settings.tierClickRule,
    highClickRate: settings.highClickRate,
    dwellRule: settings.tierDwellRule,
  };
}

/** The stored settings keys each kind of rules owns (what updateScoringRules / updateTierRules replace). */
export const SCORING_SETTING_KEYS = ['scoringRules', 'scoreDecay', 'mqlThreshold'] as const;
export const TIER_SETTING_KEYS = ['tierWindowDays', 'tierClickRule', 'highClickRate', 'tierDwellRule', 'glanceSeconds', 'deepReadSeconds'] as const;

/** Everything wrong with tier settings a workspace submitted, in words it can act on; empty when they are fine. */
export function tierSettingsProblems(settings: TierSettings): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(settings.windowDays) || settings.windowDays < 1 || settings.windowDays > 3650) {
    problems.push(`windowDays must be a whole number of days from 1 to 3650 (got ${settings.windowDays})`);
  }
  if (!(settings.highClickRate > 0 && settings.highClickRate <= 1)) {
    problems.push(`highClickRate is a share of delivered messages, more than 0 and at most 1 (got ${settings.highClickRate})`);
  }
  const thresholds = checkReadThresholds(settings);
  if (thresholds) problems.push(thresholds);
  return problems;
}
