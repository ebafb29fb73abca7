/**
 * Awarding points for one event. Pure: the caller passes what the contact already collected per rule (from its
 * ledger), and writes the entries returned. A ledger entry is unique per (rule, event), so replaying an event
 * after a re-import awards nothing twice once the store enforces that key.
 */
import type { BounceKind, CampaignType, EngagementEventType, LinkCategory } from '../model';
import { readClassOf } from '../tiers/read-class';
import type { ScoringRule, ScoringRuleset } from './rules';

/** What scoring needs to know of an engagement event. */
export interface ScoringEvent {
  eventId: string;
  contactId: string;
  type: EngagementEventType;
  at: Date;
  /** Machine opens and link-scanner clicks (flagged by the source or by timing) never score. */
  isMachine?: boolean;
  linkCategory?: LinkCategory | null;
  campaignType?: CampaignType | null;
  readSeconds?: number | null;
  bounceKind?: BounceKind | null;
}

export interface LedgerEntry {
  contactId: string;
  ruleId: string;
  eventId: string;
  points: number;
  at: Date;
}

export function ruleMatches(rule: ScoringRule, event: ScoringEvent, ruleset: Pick<ScoringRuleset, 'readThresholds'>): boolean {
  if (rule.event !== event.type || event.isMachine) return false;
  const conditions = rule.conditions ?? {};
  const within = <T>(allowed: readonly T[] | undefined, value: T | null | undefined) =>
    allowed === undefined || (value !== null && value !== undefined && allowed.includes(value));
  return (
    within(conditions.linkCategories, event.linkCategory) &&
    within(conditions.campaignTypes, event.campaignType) &&
    within(conditions.readClasses, readClassOf(event.readSeconds, ruleset.readThresholds)) &&
    within(conditions.bounceKinds, event.bounceKind)
  );
}

/**
 * Ledger entries for one event: one per matching rule, the points trimmed to what the rule's cap still allows
 * for this contact (caps count absolute points, so they bound negative rules too); nothing for a rule whose
 * cap is used up.
 */
export function awardPoints(
  ruleset: ScoringRuleset,
  event: ScoringEvent,
  alreadyAwardedForRule: Readonly<Record<string, number>> = {},
): LedgerEntry[] {
  const entries: LedgerEntry[] = [];
  for (const rule of ruleset.rules) {
    if (!ruleMatches(rule, event, ruleset)) continue;
    let points = rule.points;
    if (rule.capPerContact !== undefined) {
      const remaining = Math.max(0, rule.capPerContact - Math.abs(alreadyAwardedForRule[rule.id] ?? 0));
      points = Math.sign(points) * Math.min(Math.abs(points), remaining);
    }
    if (points !== 0) entries.push({ contactId: event.contactId, ruleId: rule.id, eventId: event.eventId, points, at: event.at });
  }
  return entries;
}

/** Points a contact has collected per rule, ever (what caps count), from its ledger. */
export function awardedByRule(ledger: readonly LedgerEntry[], contactId: string): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const entry of ledger) {
    if (entry.contactId === contactId) totals[entry.ruleId] = (totals[entry.ruleId] ?? 0) + entry.points;
  }
  return totals;
}
