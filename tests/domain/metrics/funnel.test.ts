import type { StageChange } from '../../../src/domain/lifecycle';
import { cohortFunnel, firstReachedIn, medianDaysInStage, stageCountsAt, type ContactHistory } from '../../../src/domain/metrics';

const day = (d: number) => new Date(Date.UTC(2025, 2, d));
const change = (to: StageChange['to'], d: number): StageChange => ({ from: null, to, at: day(d), cause: 'test' });
const NOW = day(31);
const MARCH_1_TO_15 = { start: day(1), end: day(16) };

const HISTORIES: ContactHistory[] = [
  { contactId: 'a', changes: [change('LEAD', 2), change('MQL', 6), change('SQL', 10), change('CUSTOMER', 20)] },
  { contactId: 'b', changes: [change('LEAD', 3), change('SQL', 9)] }, // HubSpot skip: MQL implied on the 9th
  { contactId: 'c', changes: [change('SUBSCRIBER', 1), change('LEAD', 5), change('MQL', 8), change('DISQUALIFIED', 12)] },
  { contactId: 'd', changes: [change('LEAD', 4)] },
  { contactId: 'e', changes: [change('LEAD', 20), change('MQL', 22)] }, // after the period: not in the cohort
  { contactId: 'f', changes: [change('SUBSCRIBER', 2)] },
];

describe('the cohort funnel', () => {
  it('follows the contacts that first reached LEAD in the period through the later stages', () => {
    const funnel = cohortFunnel(HISTORIES, MARCH_1_TO_15, NOW);
    expect(funnel.cohort).toEqual(['a', 'b', 'c', 'd']);
    expect(funnel.leads.value).toBe(4);
    expect(funnel.mqls.value).toBe(3); // a, b (implied), c
    expect(funnel.mqlRate).toMatchObject({ value: 0.75, numerator: 3, denominator: 4 });
    expect(funnel.sqls.value).toBe(2);
    expect(funnel.mqlToSqlRate).toMatchObject({ value: 2 / 3, numerator: 2, denominator: 3 });
    expect(funnel.customers.value).toBe(1);
    expect(funnel.sqlToCustomerRate).toMatchObject({ value: 0.5, numerator: 1, denominator: 2 });
  });

  it('only counts what had happened by now', () => {
    const funnel = cohortFunnel(HISTORIES, MARCH_1_TO_15, day(15));
    expect(funnel.customers.value).toBe(0);
    expect(funnel.sqlToCustomerRate.value).toBe(0);
  });

  it('is null with a reason for rates over an empty cohort', () => {
    const funnel = cohortFunnel(HISTORIES, { start: day(25), end: day(30) }, NOW);
    expect(funnel.leads.value).toBe(0);
    expect(funnel.mqlRate.value).toBeNull();
    expect(funnel.mqlRate.reason).toBe('no contacts that first reached LEAD (or beyond) in the period in this selection, so MQL rate is undefined');
  });

  it('counts new leads and new customers of a period for CPL and CPA', () => {
    expect(firstReachedIn(HISTORIES, 'LEAD', MARCH_1_TO_15, NOW)).toBe(4);
    expect(firstReachedIn(HISTORIES, 'CUSTOMER', { start: day(16), end: day(31) }, NOW)).toBe(1);
  });

  it('counts contacts per stage at a date (snapshot)', () => {
    expect(stageCountsAt(HISTORIES, day(12))).toEqual({ SUBSCRIBER: 1, LEAD: 1, MQL: 0, SQL: 2, OPPORTUNITY: 0, CUSTOMER: 0, DISQUALIFIED: 1 });
  });
});

describe('median days in stage', () => {
  it('is the median time from entering a stage to leaving it forward, skipped stages left out', () => {
    const byStage = Object.fromEntries(medianDaysInStage(HISTORIES, NOW).map((result) => [result.group!.key, result]));
    // LEAD: a 4 days, b 6 (left for the implied MQL on the 9th), c 3, e 2 → median 3.5.
    expect(byStage.LEAD).toMatchObject({ value: 3.5, numerator: null, denominator: 4, unit: 'DAYS', reason: null });
    // MQL: a 4 days; b's MQL is implied (no observed duration); c was disqualified → one sample.
    expect(byStage.MQL).toMatchObject({ value: 4, denominator: 1 });
    expect(byStage.SQL).toMatchObject({ value: 10, denominator: 1 }); // a: SQL on the 10th, CUSTOMER on the 20th (OPPORTUNITY implied)
    expect(byStage.SUBSCRIBER).toMatchObject({ value: 4, denominator: 1 }); // c: 1st → 5th
    expect(byStage.OPPORTUNITY).toMatchObject({ value: null, denominator: 0, reason: 'no contact has entered and left OPPORTUNITY forward in this selection' });
    expect(Object.keys(byStage)).toEqual(['SUBSCRIBER', 'LEAD', 'MQL', 'SQL', 'OPPORTUNITY']);
  });
});
