/**
 * Workspace scoring rules (spec "Lead score and MQL"): an event type, optional conditions, points (negative
 * allowed), an optional cap per contact, and how points fade (half-life or a fixed window).
 */
import type { BounceKind, CampaignType, EngagementEventType, LinkCategory } from '../model';
import { DEFAULT_READ_THRESHOLDS, type ReadClass, type ReadThresholds } from '../tiers/read-class';

export interface ScoringConditions {
  linkCategories?: readonly LinkCategory[];
  campaignTypes?: readonly CampaignType[];
  readClasses?: readonly ReadClass[];
  bounceKinds?: readonly BounceKind[];
}

/**
 * How points fade with age. NONE keeps them; HALF_LIFE halves them every `days`; WINDOW keeps them whole for
 * `days` and then drops them.
 */
export type Decay = { kind: 'NONE' } | { kind: 'HALF_LIFE'; days: number } | { kind: 'WINDOW'; days: number };

export interface ScoringRule {
  id: string;
  name: string;
  event: EngagementEventType;
  conditions?: ScoringConditions;
  points: number;
  /** Most points (in absolute value) one contact can collect from this rule, ever; absent = no cap. */
  capPerContact?: number;
  /** Overrides the ruleset's decay for this rule. */
  decay?: Decay;
}

export interface ScoringRuleset {
  rules: readonly ScoringRule[];
  decay: Decay;
  /** A LEAD whose score reaches this becomes an MQL. */
  mqlThreshold: number;
  readThresholds: ReadThresholds;
}

export const DEFAULT_MQL_THRESHOLD = 50;

/** The spec's default rules; workspaces edit them. */
export const DEFAULT_SCORING_RULES: readonly ScoringRule[] = [
  { id: 'page-view', name: 'Site page view', event: 'PAGE_VIEW', points: 5 },
  { id: 'form-submit', name: 'Inquiry or form submit', event: 'FORM_SUBMITTED', points: 10 },
  { id: 'email-click', name: 'Human email click', event: 'CLICKED', points: 3 },
  { id: 'deep-read', name: 'Deep read', event: 'READ', conditions: { readClasses: ['DEEP_READ'] }, points: 3 },
  { id: 'reply', name: 'Reply', event: 'REPLIED', points: 15 },
  { id: 'human-open', name: 'Human open', event: 'OPENED', points: 1 },
  { id: 'unsubscribe', name: 'Unsubscribe', event: 'UNSUBSCRIBED', points: -20 },
  { id: 'hard-bounce', name: 'Hard bounce', event: 'BOUNCED', conditions: { bounceKinds: ['HARD'] }, points: -50 },
  { id: 'complaint', name: 'Spam complaint', event: 'COMPLAINED', points: -50 },
];

export const DEFAULT_SCORING_RULESET: ScoringRuleset = {
  rules: DEFAULT_SCORING_RULES,
  decay: { kind: 'NONE' },
  mqlThreshold: DEFAULT_MQL_THRESHOLD,
  readThresholds: DEFAULT_READ_THRESHOLDS,
};

/** Everything wrong with a ruleset a workspace submitted, in words it can act on; empty when it is fine. */
export function rulesetProblems(ruleset: ScoringRuleset): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const rule of ruleset.rules) {
    if (seen.has(rule.id)) problems.push(`rule id "${rule.id}" is used twice; give each rule its own id`);
    seen.add(rule.id);
    if (!Number.isFinite(rule.points) || rule.points === 0) problems.push(`rule "${rule.id}": points must be a non-zero number (got ${rule.points})`);
    if (rule.capPerContact !== undefined && !(rule.capPerContact > 0)) {
      problems.push(`rule "${rule.id}": capPerContact must be more than 0, or left out for no cap (got ${rule.capPerContact})`);
    }
    if (rule.decay) problems.push(...decayProblems(rule.decay, `rule "${rule.id}"`));
  }
  problems.push(...decayProblems(ruleset.decay, 'the ruleset'));
  if (!Number.isFinite(ruleset.mqlThreshold)) problems.push(`mqlThreshold must be a number (got ${ruleset.mqlThreshold})`);
  return problems;
}

function decayProblems(decay: Decay, owner: string): string[] {
  if (decay.kind === 'NONE') return [];
  return decay.days > 0 && Number.isFinite(decay.days) ? [] : [`${owner}: decay days must be more than 0 (got ${decay.days})`];
}
