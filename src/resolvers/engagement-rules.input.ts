/** GraphQL inputs of the rules mutations → domain rules: nulls dropped, decay checked for its days. */
import type { Decay, ScoringRule } from '../domain/scoring';
import { DEFAULT_MQL_THRESHOLD } from '../domain/scoring';
import type { WorkspaceSettings } from '../domain/workspace/settings';
import type { DecayInput, ScoringRulesInput, TierRulesInput } from '../schema/engagement-rules';
import type { ScoringRulesUpdate, TierRulesUpdate } from '../services/engagement/rules-update';
import { UserInputError } from '../services/errors';

function decayOf(input: DecayInput, owner: string): Decay {
  if (input.kind === 'NONE') return { kind: 'NONE' };
  if (input.days === null || input.days === undefined) throw new UserInputError(`${owner}: decay ${input.kind} needs "days"`);
  return { kind: input.kind, days: input.days };
}

export function scoringRulesFromInput(input: ScoringRulesInput): ScoringRulesUpdate {
  const rules = input.rules.map((rule): ScoringRule => {
    const conditions = Object.fromEntries(Object.entries(rule.conditions ?? {}).filter(([, value]) => Array.isArray(value)));
    return {
      id: rule.id.trim(),
      name: rule.name,
      event: rule.event,
      points: rule.points,
      ...(Object.keys(conditions).length ? { conditions } : {}),
      ...(rule.capPerContact !== null && rule.capPerContact !== undefined ? { capPerContact: rule.capPerContact } : {}),
      ...(rule.decay ? { decay: decayOf(rule.decay, `rule "${rule.id}"`) } : {}),
    };
  });
  return { rules, decay: input.decay ? decayOf(input.decay, 'the ruleset') : { kind: 'NONE' }, mqlThreshold: input.mqlThreshold ?? DEFAULT_MQL_THRESHOLD };
}

/** Fields left out keep the workspace's current values. */
export function tierRulesFromInput(input: TierRulesInput, current: WorkspaceSettings): TierRulesUpdate {
  const keep = <T>(value: T | null | undefined, fallback: T) => (value === null || value === undefined ? fallback : value);
  return {
    windowDays: keep(input.windowDays, current.tierWindowDays),
    clickRule: keep(input.clickRule, current.tierClickRule),
    highClickRate: keep(input.highClickRate, current.highClickRate),
    dwellRule: keep(input.dwellRule, current.tierDwellRule),
    glanceSeconds: keep(input.glanceSeconds, current.glanceSeconds),
    deepReadSeconds: keep(input.deepReadSeconds, current.deepReadSeconds),
  };
}
