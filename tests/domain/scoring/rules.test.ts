import { DEFAULT_SCORING_RULESET, rulesetProblems } from '../../../src/domain/scoring';

describe('scoring rulesets', () => {
  it('accept the defaults', () => {
    expect(rulesetProblems(DEFAULT_SCORING_RULESET)).toEqual([]);
  });

  it('list every problem of a bad ruleset in words a user can act on', () => {
    expect(
      rulesetProblems({
        ...DEFAULT_SCORING_RULESET,
        decay: { kind: 'HALF_LIFE', days: 0 },
        rules: [
          { id: 'a', name: 'A', event: 'CLICKED', points: 0 },
          { id: 'a', name: 'A again', event: 'OPENED', points: 1, capPerContact: -5 },
        ],
      }),
    ).toEqual([
      'rule "a": points must be a non-zero number (got 0)',
      'rule id "a" is used twice; give each rule its own id',
      'rule "a": capPerContact must be more than 0, or left out for no cap (got -5)',
      'the ruleset: decay days must be more than 0 (got 0)',
    ]);
  });
});
