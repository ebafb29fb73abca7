import { automaticMoves, type AutomaticStageInputs, type DealEvidence } from '../../../src/domain/lifecycle';

const NOW = new Date('2026-06-01T00:00:00Z');
const day = (n: number) => new Date(NOW.getTime() + n * 86_400_000);

/** A score that steps to `points` at each moment given (no decay). */
function scores(steps: Array<[number, number]>): Pick<AutomaticStageInputs, 'scoreMoments' | 'scoreAt'> {
  return {
    scoreMoments: steps.map(([at]) => day(at)),
    scoreAt: (at) => steps.filter(([when]) => day(when) <= at).reduce((_, [, points]) => points, 0),
  };
}
const inputs = (overrides: Partial<AutomaticStageInputs>): AutomaticStageInputs => ({
  initialStage: null, history: [{ to: 'LEAD', at: day(-30) }], deals: [], threshold: 50, ...scores([]), ...overrides,
});
const deal = (status: DealEvidence['status'], overrides: Partial<DealEvidence> = {}): DealEvidence => ({
  name: 'Renewal', status, createdAt: day(-5), closedAt: null, updatedAt: day(-1), ...overrides,
});
const brief = (moves: ReturnType<typeof automaticMoves>) => moves.map((move) => [move.to, move.at, move.source]);

describe('automatic stage moves', () => {
  it('move a LEAD to MQL at the moment its score reaches the threshold, exactly at it included', () => {
    expect(automaticMoves(inputs(scores([[-3, 30], [-2, 50], [-1, 60]])))).toEqual([
      { to: 'MQL', at: day(-2), cause: 'score 50 reached the MQL threshold 50', source: 'scoring' },
    ]);
    expect(automaticMoves(inputs(scores([[-2, 49.9]])))).toEqual([]);
    expect(brief(automaticMoves(inputs({ history: [], initialStage: 'LEAD', ...scores([[-2, 55]]) })))).toEqual([['MQL', day(-2), 'scoring']]);
  });

  it('keep an MQL when the score falls again: the move happened', () => {
    expect(brief(automaticMoves(inputs(scores([[-3, 60], [-2, -40]]))))).toEqual([['MQL', day(-3), 'scoring']]);
  });

  it('move a contact to OPPORTUNITY when a deal opens and to CUSTOMER when one is won; a lost deal was an opportunity too', () => {
    expect(automaticMoves(inputs({ deals: [deal('OPEN')] }))).toEqual([{ to: 'OPPORTUNITY', at: day(-5), cause: 'deal "Renewal" opened', source: 'deal' }]);
    expect(automaticMoves(inputs({ deals: [deal('WON', { name: null, closedAt: day(-2) })] }))).toEqual([
      { to: 'OPPORTUNITY', at: day(-5), cause: 'deal without a name opened', source: 'deal' },
      { to: 'CUSTOMER', at: day(-2), cause: 'deal without a name won', source: 'deal' },
    ]);
    expect(brief(automaticMoves(inputs({ deals: [deal('LOST')] })))).toEqual([['OPPORTUNITY', day(-5), 'deal']]);
    expect(brief(automaticMoves(inputs({ history: [], initialStage: 'SUBSCRIBER', deals: [deal('WON', { createdAt: null, closedAt: null })] })))).toEqual([['CUSTOMER', day(-1), 'deal']]);
  });

  it('take the furthest move at one moment and skip what it implies', () => {
    expect(brief(automaticMoves(inputs({ deals: [deal('WON', { closedAt: day(-5) })], ...scores([[-5, 80]]) })))).toEqual([['CUSTOMER', day(-5), 'deal']]);
  });

  it('only go forward: not past a later stage, not out of DISQUALIFIED, and only a LEAD by score', () => {
    expect(automaticMoves(inputs({ history: [{ to: 'CUSTOMER', at: day(-30) }], deals: [deal('WON')] }))).toEqual([]);
    expect(automaticMoves(inputs({ history: [{ to: 'DISQUALIFIED', at: day(-30) }], deals: [deal('WON')], ...scores([[-2, 90]]) }))).toEqual([]);
    expect(automaticMoves(inputs({ history: [{ to: 'SUBSCRIBER', at: day(-30) }], ...scores([[-2, 90]]) }))).toEqual([]);
    expect(automaticMoves(inputs({ history: [{ to: 'SQL', at: day(-30) }], ...scores([[-2, 90]]) }))).toEqual([]);
  });

  it('give the same moves whatever the history arrived after: a later CRM record that moves back wins', () => {
    const history = [{ to: 'LEAD' as const, at: day(-30) }, { to: 'SQL' as const, at: day(-1) }];
    expect(brief(automaticMoves(inputs({ history, deals: [deal('OPEN')] })))).toEqual([['OPPORTUNITY', day(-5), 'deal']]);
    expect(brief(automaticMoves(inputs({ history: [{ to: 'LEAD', at: day(-30) }, { to: 'SQL', at: day(-10) }], deals: [deal('OPEN')] })))).toEqual([['OPPORTUNITY', day(-5), 'deal']]);
  });

  it('after a move back, wait for new evidence: the score dipping under the threshold and reaching it again, or a later deal', () => {
    // Sales had the contact at OPPORTUNITY (its deal opened at -15), then moved it back to LEAD at -10.
    const setBack = { history: [{ to: 'LEAD' as const, at: day(-30) }, { to: 'OPPORTUNITY' as const, at: day(-20) }, { to: 'LEAD' as const, at: day(-10) }] };
    const oldDeal = deal('OPEN', { createdAt: day(-15) });
    expect(automaticMoves(inputs({ ...setBack, ...scores([[-12, 70], [-5, 71]]), deals: [oldDeal] }))).toEqual([]);
    expect(brief(automaticMoves(inputs({ ...setBack, ...scores([[-12, 70], [-8, 20], [-5, 55]]), deals: [oldDeal] })))).toEqual([['MQL', day(-5), 'scoring']]);
    expect(brief(automaticMoves(inputs({ ...setBack, deals: [oldDeal, deal('OPEN', { createdAt: day(-3) })] })))).toEqual([['OPPORTUNITY', day(-3), 'deal']]);
  });
});
