import { canMove, impliedStages, isForward, refusalOf, stageRank } from '../../../src/domain/lifecycle';

describe('lifecycle stage order', () => {
  it('orders the path SUBSCRIBER → LEAD → MQL → SQL → OPPORTUNITY → CUSTOMER, with DISQUALIFIED off it', () => {
    expect(['SUBSCRIBER', 'LEAD', 'MQL', 'SQL', 'OPPORTUNITY', 'CUSTOMER'].map((stage) => stageRank(stage as never))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(stageRank('DISQUALIFIED')).toBe(-1);
  });

  it('calls a move forward only when it goes further along the path', () => {
    expect(isForward('LEAD', 'MQL')).toBe(true);
    expect(isForward('LEAD', 'SQL')).toBe(true);
    expect(isForward(null, 'CUSTOMER')).toBe(true);
    expect(isForward('MQL', 'LEAD')).toBe(false);
    expect(isForward('MQL', 'MQL')).toBe(false);
    expect(isForward('LEAD', 'DISQUALIFIED')).toBe(false);
    expect(isForward('DISQUALIFIED', 'LEAD')).toBe(false);
  });

  it('lets automatic moves go forward only, and manual or imported moves any direction', () => {
    expect(canMove('LEAD', 'MQL', 'automatic')).toBe(true);
    expect(canMove('MQL', 'LEAD', 'automatic')).toBe(false);
    expect(canMove('SQL', 'DISQUALIFIED', 'automatic')).toBe(false);
    expect(canMove('MQL', 'LEAD', 'manual')).toBe(true);
    expect(canMove('SQL', 'DISQUALIFIED', 'manual')).toBe(true);
    expect(canMove('DISQUALIFIED', 'LEAD', 'imported')).toBe(true);
    expect(canMove('LEAD', 'LEAD', 'manual')).toBe(false);
  });

  it('explains a refused move', () => {
    expect(refusalOf('MQL', 'LEAD', 'automatic')).toBe(
      'an automatic move only goes forward along the path (SUBSCRIBER → LEAD → MQL → SQL → OPPORTUNITY → CUSTOMER); moving from MQL to LEAD must be done by hand',
    );
    expect(refusalOf('LEAD', 'LEAD', 'manual')).toBe('the contact is already LEAD');
    expect(refusalOf('LEAD', 'MQL', 'automatic')).toBeNull();
  });

  it('implies every earlier path stage not yet entered', () => {
    expect(impliedStages(['SUBSCRIBER', 'LEAD'], 'SQL')).toEqual(['MQL']);
    expect(impliedStages([], 'MQL')).toEqual(['SUBSCRIBER', 'LEAD']);
    expect(impliedStages(['SUBSCRIBER', 'LEAD', 'MQL'], 'SQL')).toEqual([]);
    expect(impliedStages([], 'DISQUALIFIED')).toEqual([]);
  });
});
