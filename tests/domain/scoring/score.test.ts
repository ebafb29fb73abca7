import { breakdown, DEFAULT_SCORING_RULESET, decayFactor, scoreAt, type LedgerEntry, type ScoringRuleset } from '../../../src/domain/scoring';

const NOW = new Date('2025-03-31T00:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);
const entry = (ruleId: string, points: number, ageDays: number): LedgerEntry => ({
  contactId: 'c1',
  ruleId,
  eventId: `${ruleId}-${ageDays}`,
  points,
  at: daysAgo(ageDays),
});

const LEDGER = [entry('page-view', 5, 0), entry('page-view', 5, 30), entry('reply', 15, 60), entry('unsubscribe', -20, 10)];

describe('a score', () => {
  it('is the sum of the ledger without decay', () => {
    expect(scoreAt(LEDGER, DEFAULT_SCORING_RULESET, NOW)).toBe(5);
  });

  it('halves points every half-life', () => {
    const ruleset: ScoringRuleset = { ...DEFAULT_SCORING_RULESET, decay: { kind: 'HALF_LIFE', days: 30 } };
    // 5 + 5/2 + 15/4 − 20·2^(−1/3)
    expect(scoreAt(LEDGER, ruleset, NOW)).toBeCloseTo(5 + 2.5 + 3.75 - 20 * Math.pow(2, -1 / 3), 12);
    expect(decayFactor({ kind: 'HALF_LIFE', days: 30 }, 30)).toBe(0.5);
  });

  it('drops points older than a window', () => {
    const ruleset: ScoringRuleset = { ...DEFAULT_SCORING_RULESET, decay: { kind: 'WINDOW', days: 30 } };
    expect(scoreAt(LEDGER, ruleset, NOW)).toBe(5 - 20);
    expect(decayFactor({ kind: 'WINDOW', days: 30 }, 29.99)).toBe(1);
  });

  it('lets a rule decay its own way', () => {
    const ruleset: ScoringRuleset = {
      ...DEFAULT_SCORING_RULESET,
      rules: DEFAULT_SCORING_RULESET.rules.map((rule) => (rule.id === 'unsubscribe' ? { ...rule, decay: { kind: 'WINDOW', days: 7 } } : rule)),
    };
    expect(scoreAt(LEDGER, ruleset, NOW)).toBe(25);
  });

  it('does not count entries after now', () => {
    expect(scoreAt([entry('reply', 15, -1)], DEFAULT_SCORING_RULESET, NOW)).toBe(0);
  });

  it('does not depend on the order of the ledger', () => {
    const ruleset: ScoringRuleset = { ...DEFAULT_SCORING_RULESET, decay: { kind: 'HALF_LIFE', days: 7 } };
    expect(scoreAt([...LEDGER].reverse(), ruleset, NOW)).toBe(scoreAt(LEDGER, ruleset, NOW));
  });
});

describe('a score breakdown', () => {
  it('gives points per rule, largest current contribution first', () => {
    expect(breakdown(LEDGER, NOW)).toEqual([
      { ruleId: 'unsubscribe', awarded: -20, current: -20, entries: 1 },
      { ruleId: 'reply', awarded: 15, current: 15, entries: 1 },
      { ruleId: 'page-view', awarded: 10, current: 10, entries: 2 },
    ]);
  });

  it('shows what decay left of each rule', () => {
    const ruleset: ScoringRuleset = { ...DEFAULT_SCORING_RULESET, decay: { kind: 'WINDOW', days: 30 } };
    expect(breakdown(LEDGER, NOW, ruleset)).toEqual([
      { ruleId: 'unsubscribe', awarded: -20, current: -20, entries: 1 },
      { ruleId: 'page-view', awarded: 10, current: 5, entries: 2 },
      { ruleId: 'reply', awarded: 15, current: 0, entries: 1 },
    ]);
  });
});
