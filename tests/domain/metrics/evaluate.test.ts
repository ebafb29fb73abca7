import { evaluateMeasure, measureProblems, type Measure } from '../../../src/domain/metrics';
import { delivered, facts } from './facts';

const ROWS = [
  delivered({ humanClicks: 2, readSeconds: 9.5, clickedLinkCategories: ['CASE_STUDY', 'PRODUCT'], revenue: 120.5 }),
  delivered({ humanClicks: 1, readSeconds: 3, clickedLinkCategories: ['PRODUCT'] }),
  delivered({ replied: true }),
  facts({ status: 'HARD_BOUNCED' }),
  facts({ status: 'PENDING' }),
];

describe('the measure language', () => {
  it('counts all rows, or the rows matching a predicate', () => {
    expect(evaluateMeasure({ count: {} }, ROWS)).toBe(5);
    expect(evaluateMeasure({ count: { where: { field: 'status', eq: 'DELIVERED' } } }, ROWS)).toBe(3);
    expect(evaluateMeasure({ count: { where: { field: 'status', in: ['HARD_BOUNCED', 'PENDING'] } } }, ROWS)).toBe(2);
    expect(evaluateMeasure({ count: { where: { field: 'humanClicks', gt: 1 } } }, ROWS)).toBe(1);
    expect(evaluateMeasure({ count: { where: { field: 'humanClicks', lte: 1 } } }, ROWS)).toBe(4);
    expect(evaluateMeasure({ count: { where: { field: 'replied', eq: true } } }, ROWS)).toBe(1);
  });

  it('sums a numeric fact, skipping nulls', () => {
    expect(evaluateMeasure({ sum: 'humanClicks' }, ROWS)).toBe(3);
    expect(evaluateMeasure({ sum: 'readSeconds' }, ROWS)).toBe(12.5);
    expect(evaluateMeasure({ sum: 'revenue', where: { field: 'humanClicks', gte: 2 } }, ROWS)).toBe(120.5);
  });

  it('tests array facts with contains, a parameter filling the value', () => {
    const inCategory: Measure = { count: { where: { field: 'clickedLinkCategories', contains: { param: 'linkCategory' } } } };
    expect(evaluateMeasure(inCategory, ROWS, { linkCategory: 'PRODUCT' })).toBe(2);
    expect(evaluateMeasure(inCategory, ROWS, { linkCategory: 'CASE_STUDY' })).toBe(1);
    expect(evaluateMeasure(inCategory, ROWS, { linkCategory: 'INQUIRY' })).toBe(0);
  });

  it('never matches a comparison on a null fact, so "not" keeps its meaning', () => {
    const deep: Measure = { count: { where: { field: 'readSeconds', gte: { param: 'deepReadSeconds' } } } };
    const notDeep: Measure = { count: { where: { not: { field: 'readSeconds', gte: { param: 'deepReadSeconds' } } } } };
    expect(evaluateMeasure(deep, ROWS, { deepReadSeconds: 8 })).toBe(1);
    // Null read times are not deep reads: 4 rows are "not deep" (one skim, three never measured).
    expect(evaluateMeasure(notDeep, ROWS, { deepReadSeconds: 8 })).toBe(4);
    expect(evaluateMeasure({ count: { where: { field: 'readSeconds', isNull: true } } }, ROWS)).toBe(3);
  });

  it('combines predicates with and / or; an empty and is true, an empty or false', () => {
    const clickedOrReplied: Measure = { count: { where: { or: [{ field: 'humanClicks', gt: 0 }, { field: 'replied', eq: true }] } } };
    expect(evaluateMeasure(clickedOrReplied, ROWS)).toBe(3);
    expect(evaluateMeasure({ count: { where: { and: [] } } }, ROWS)).toBe(5);
    expect(evaluateMeasure({ count: { where: { or: [] } } }, ROWS)).toBe(0);
  });

  it('refuses measures it cannot evaluate, saying what is wrong', () => {
    expect(measureProblems({ count: { where: { field: 'opens' as never, gt: 0 } } })).toEqual(['where: "opens" is not a message fact']);
    expect(measureProblems({ count: { where: { field: 'status', gt: 1 } } })).toEqual(['where: "gt" does not apply to "status" (a status fact)']);
    expect(measureProblems({ count: { where: { field: 'status', eq: 'BOUNCED' } } })).toEqual([
      'where: "BOUNCED" is not a valid value of "status" (a status fact)',
    ]);
    expect(measureProblems({ sum: 'status' })).toEqual(['sum: "status" is not numeric']);
    expect(measureProblems({ count: { where: { field: 'status', in: [] } } })).toEqual(['where: "in" needs at least one value']);
    expect(measureProblems({ count: { where: { field: 'status', eq: 'DELIVERED', in: ['PENDING'] } as never } })).toEqual([
      'where: a predicate on "status" needs exactly one of eq, in, gt, gte, lt, lte, contains, isNull, isNotNull',
    ]);
    expect(measureProblems({ count: { where: { field: 'humanClicks', in: [{ param: 'deepReadSeconds' }] as never } } })).toEqual([
      'where: "in" takes constants, not parameters',
    ]);
    expect(() => evaluateMeasure({ sum: 'status' }, ROWS)).toThrow('invalid measure: sum: "status" is not numeric');
  });

  it('refuses a missing or impossible parameter', () => {
    const deep: Measure = { count: { where: { field: 'readSeconds', gte: { param: 'deepReadSeconds' } } } };
    expect(() => evaluateMeasure(deep, ROWS)).toThrow('the measure needs the parameter "deepReadSeconds"');
    expect(() => evaluateMeasure(deep, ROWS, { deepReadSeconds: -1 })).toThrow('deepReadSeconds is a number of seconds ≥ 0 (got -1)');
    expect(() => evaluateMeasure(deep, ROWS, { deepReadSeconds: 8, linkCategory: 'PRICING' as never })).toThrow('linkCategory is one of');
  });
});
