import { firstEntries, reachedAt, stageAt, stageEntries, type StageChange } from '../../../src/domain/lifecycle';

const at = (day: number) => new Date(Date.UTC(2025, 0, day));

// HubSpot allows LEAD → SQL: MQL is then entered at the moment of SQL.
const SKIPPING: StageChange[] = [
  { from: 'LEAD', to: 'SQL', at: at(10), cause: 'hubspot lifecyclestage' },
  { from: null, to: 'LEAD', at: at(1), cause: 'form submit' },
];

describe('a lifecycle history', () => {
  it('adds skipped path stages, entered at the moment of the later stage', () => {
    expect(stageEntries(SKIPPING).map((entry) => [entry.stage, entry.at.getUTCDate(), entry.implied])).toEqual([
      ['SUBSCRIBER', 1, true],
      ['LEAD', 1, false],
      ['MQL', 10, true],
      ['SQL', 10, false],
    ]);
    expect(stageEntries(SKIPPING)[2].cause).toBe('implied by SQL');
  });

  it('keeps the first entry of each stage', () => {
    const history: StageChange[] = [
      { from: null, to: 'LEAD', at: at(1), cause: 'import' },
      { from: 'LEAD', to: 'MQL', at: at(3), cause: 'score 52' },
      { from: 'MQL', to: 'LEAD', at: at(5), cause: 'sales' },
      { from: 'LEAD', to: 'MQL', at: at(7), cause: 'score 55' },
    ];
    const first = firstEntries(history);
    expect(first.get('MQL')!.at).toEqual(at(3));
    expect(first.has('SQL')).toBe(false);
  });

  it('tells when a stage was reached, counting later stages', () => {
    expect(reachedAt(SKIPPING, 'MQL')).toEqual(at(10));
    expect(reachedAt(SKIPPING, 'MQL', at(5))).toBeNull();
    expect(reachedAt(SKIPPING, 'CUSTOMER')).toBeNull();
  });

  it('tells the stage at a moment, by the last change at or before it', () => {
    expect(stageAt(SKIPPING, at(0))).toBeNull();
    expect(stageAt(SKIPPING, at(1))).toBe('LEAD');
    expect(stageAt(SKIPPING, at(9))).toBe('LEAD');
    expect(stageAt(SKIPPING, at(10))).toBe('SQL');
  });

  it('does not imply path stages for DISQUALIFIED, which is off the path', () => {
    const entries = stageEntries([{ from: null, to: 'DISQUALIFIED', at: at(2), cause: 'sales' }]);
    expect(entries.map((entry) => entry.stage)).toEqual(['DISQUALIFIED']);
  });
});
