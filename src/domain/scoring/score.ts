/**
 * A contact's score at a moment: the sum of its ledger's points, each faded by its rule's decay. Computed, not
 * stored, so changing a rule's decay re-scores everyone consistently.
 */
import type { LedgerEntry } from './award';
import type { Decay, ScoringRuleset } from './rules';

const DAY_MS = 86_400_000;

/** The share of an entry's points left after `ageDays`. */
export function decayFactor(decay: Decay, ageDays: number): number {
  switch (decay.kind) {
    case 'HALF_LIFE':
      return Math.pow(0.5, ageDays / decay.days);
    case 'WINDOW':
      return ageDays < decay.days ? 1 : 0;
    default:
      return 1;
  }
}

/**
 * An entry's current points. Entries after `now` do not count yet; entries of a rule since deleted keep the
 * ruleset's decay (the points were earned under it).
 */
function currentPoints(entry: LedgerEntry, ruleset: Pick<ScoringRuleset, 'rules' | 'decay'>, now: Date): number {
  const age = now.getTime() - entry.at.getTime();
  if (age < 0) return 0;
  const decay = ruleset.rules.find((rule) => rule.id === entry.ruleId)?.decay ?? ruleset.decay;
  return entry.points * decayFactor(decay, age / DAY_MS);
}

/** Sum in a fixed order, so the score does not depend on the ledger's order. */
function stableSum(values: number[]): number {
  return values.sort((a, b) => a - b).reduce((total, value) => total + value, 0);
}

/** The score of the entries given (one contact's ledger) at `now`. */
export function scoreAt(ledger: readonly LedgerEntry[], ruleset: Pick<ScoringRuleset, 'rules' | 'decay'>, now: Date): number {
  return stableSum(ledger.map((entry) => currentPoints(entry, ruleset, now)));
}

export interface RuleBreakdown {
  ruleId: string;
  /** Points awarded up to now, before decay. */
  awarded: number;
  /** What they are worth now, after decay. */
  current: number;
  entries: number;
}

/**
 * Where a score comes from, per rule: largest current contribution first (in absolute value), then rule id.
 * Without a ruleset, no decay is applied.
 */
export function breakdown(
  ledger: readonly LedgerEntry[],
  now: Date,
  ruleset: Pick<ScoringRuleset, 'rules' | 'decay'> = { rules: [], decay: { kind: 'NONE' } },
): RuleBreakdown[] {
  const byRule = new Map<string, LedgerEntry[]>();
  for (const entry of ledger) {
    if (entry.at > now) continue;
    byRule.set(entry.ruleId, [...(byRule.get(entry.ruleId) ?? []), entry]);
  }
  return [...byRule]
    .map(([ruleId, entries]) => ({
      ruleId,
      awarded: stableSum(entries.map((entry) => entry.points)),
      current: stableSum(entries.map((entry) => currentPoints(entry, ruleset, now))),
      entries: entries.length,
    }))
    .sort((a, b) => Math.abs(b.current) - Math.abs(a.current) || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
}
