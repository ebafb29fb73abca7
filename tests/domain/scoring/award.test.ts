import { awardPoints, awardedByRule, DEFAULT_SCORING_RULESET, type ScoringEvent, type ScoringRuleset } from '../../../src/domain/scoring';

const AT = new Date('2025-03-01T10:00:00Z');
const event = (overrides: Partial<ScoringEvent>): ScoringEvent => ({ eventId: 'e1', contactId: 'c1', type: 'CLICKED', at: AT, ...overrides });
const points = (overrides: Partial<ScoringEvent>) => awardPoints(DEFAULT_SCORING_RULESET, event(overrides)).map((entry) => entry.points);

describe('awarding points for an event under the default rules', () => {
  it.each([
    ['a site page view', { type: 'PAGE_VIEW' }, [5]],
    ['an inquiry or form submit', { type: 'FORM_SUBMITTED' }, [10]],
    ['a human email click', { type: 'CLICKED' }, [3]],
    ['a deep read (8 s or more)', { type: 'READ', readSeconds: 8 }, [3]],
    ['a reply', { type: 'REPLIED' }, [15]],
    ['a human open', { type: 'OPENED' }, [1]],
    ['an unsubscribe', { type: 'UNSUBSCRIBED' }, [-20]],
    ['a hard bounce', { type: 'BOUNCED', bounceKind: 'HARD' }, [-50]],
    ['a spam complaint', { type: 'COMPLAINED' }, [-50]],
  ] as Array<[string, Partial<ScoringEvent>, number[]]>)('gives %s its points', (_name, overrides, expected) => {
    expect(points(overrides)).toEqual(expected);
  });

  it.each([
    ['a machine open', { type: 'OPENED', isMachine: true }],
    ['a link-scanner click', { type: 'CLICKED', isMachine: true }],
    ['a skim (under 8 s)', { type: 'READ', readSeconds: 5 }],
    ['a read receipt without a read time', { type: 'READ' }],
    ['a soft bounce', { type: 'BOUNCED', bounceKind: 'SOFT' }],
    ['a delivery', { type: 'DELIVERED' }],
  ] as Array<[string, Partial<ScoringEvent>]>)('gives %s nothing', (_name, overrides) => {
    expect(points(overrides)).toEqual([]);
  });

  it('writes a ledger entry naming the contact, rule, event, points and moment', () => {
    expect(awardPoints(DEFAULT_SCORING_RULESET, event({ eventId: 'sg-42', type: 'REPLIED' }))).toEqual([
      { contactId: 'c1', ruleId: 'reply', eventId: 'sg-42', points: 15, at: AT },
    ]);
  });
});

describe('scoring conditions and caps', () => {
  const ruleset: ScoringRuleset = {
    ...DEFAULT_SCORING_RULESET,
    rules: [
      {
        id: 'pricing-click',
        name: 'Click on a product link in a promotion',
        event: 'CLICKED',
        points: 8,
        conditions: { linkCategories: ['PRODUCT'], campaignTypes: ['PROMOTIONAL'] },
        capPerContact: 20,
      },
      { id: 'any-click', name: 'Any click', event: 'CLICKED', points: 3 },
      { id: 'unsubscribe', name: 'Unsubscribe', event: 'UNSUBSCRIBED', points: -20, capPerContact: 30 },
    ],
  };

  it('awards every matching rule, conditions included', () => {
    const entries = awardPoints(ruleset, event({ linkCategory: 'PRODUCT', campaignType: 'PROMOTIONAL' }));
    expect(entries.map((entry) => [entry.ruleId, entry.points])).toEqual([
      ['pricing-click', 8],
      ['any-click', 3],
    ]);
    expect(awardPoints(ruleset, event({ linkCategory: 'PRODUCT', campaignType: 'NEWSLETTER' })).map((entry) => entry.ruleId)).toEqual(['any-click']);
    expect(awardPoints(ruleset, event({ linkCategory: null, campaignType: 'PROMOTIONAL' })).map((entry) => entry.ruleId)).toEqual(['any-click']);
  });

  it('trims points to what the cap per contact still allows, then awards nothing', () => {
    const click = event({ linkCategory: 'PRODUCT', campaignType: 'PROMOTIONAL' });
    expect(awardPoints(ruleset, click, { 'pricing-click': 16 })[0]).toMatchObject({ ruleId: 'pricing-click', points: 4 });
    expect(awardPoints(ruleset, click, { 'pricing-click': 20 }).map((entry) => entry.ruleId)).toEqual(['any-click']);
  });

  it('caps negative rules by their absolute points', () => {
    expect(awardPoints(ruleset, event({ type: 'UNSUBSCRIBED' }), { unsubscribe: -20 })[0].points).toBe(-10);
    expect(awardPoints(ruleset, event({ type: 'UNSUBSCRIBED' }), { unsubscribe: -30 })).toEqual([]);
  });

  it('sums what a contact already collected per rule from its ledger', () => {
    const ledger = [
      { contactId: 'c1', ruleId: 'any-click', eventId: 'a', points: 3, at: AT },
      { contactId: 'c1', ruleId: 'any-click', eventId: 'b', points: 3, at: AT },
      { contactId: 'c2', ruleId: 'any-click', eventId: 'c', points: 3, at: AT },
      { contactId: 'c1', ruleId: 'unsubscribe', eventId: 'd', points: -20, at: AT },
    ];
    expect(awardedByRule(ledger, 'c1')).toEqual({ 'any-click': 6, unsubscribe: -20 });
  });
});
