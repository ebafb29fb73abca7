import { listChurnRate, listGrowthRate, listSizeAt, type MembershipChange } from '../../../src/domain/metrics';

const day = (d: number) => new Date(Date.UTC(2025, 0, d));

describe('list metrics', () => {
  const movement = { startSize: 1000, newSubscribers: 120, unsubscribes: 30, hardBounces: 15, complaints: 5 };

  it('computes list growth as (new − unsubscribed − hard bounced − complaints) / size at period start', () => {
    expect(listGrowthRate(movement)).toEqual({ metric: 'listGrowthRate', value: 0.07, numerator: 70, denominator: 1000, unit: 'RATIO', reason: null });
  });

  it('computes list churn as (unsubscribed + hard bounced + complaints) / size at period start', () => {
    expect(listChurnRate(movement)).toEqual({ metric: 'listChurnRate', value: 0.05, numerator: 50, denominator: 1000, unit: 'RATIO', reason: null });
  });

  it('can shrink', () => {
    expect(listGrowthRate({ ...movement, newSubscribers: 10 }).value).toBe(-0.04);
  });

  it('is null with a reason for a list that was empty at period start', () => {
    expect(listGrowthRate({ ...movement, startSize: 0 })).toMatchObject({
      value: null,
      numerator: 70,
      denominator: 0,
      reason: 'the list had no subscribers at the start of the period, so its growth rate is undefined',
    });
    expect(listChurnRate({ ...movement, startSize: 0 }).reason).toBe('the list had no subscribers at the start of the period, so its churn rate is undefined');
    expect(() => listChurnRate({ ...movement, complaints: 1.5 })).toThrow('list movement "complaints" is a whole count ≥ 0 (got 1.5)');
  });

  it('counts the list size at a moment from each contact’s latest membership status', () => {
    const changes: MembershipChange[] = [
      { contactKey: 'a', status: 'SUBSCRIBED', at: day(1) },
      { contactKey: 'b', status: 'SUBSCRIBED', at: day(1) },
      { contactKey: 'b', status: 'UNSUBSCRIBED', at: day(5) },
      { contactKey: 'c', status: 'PENDING', at: day(2) },
      { contactKey: 'd', status: 'SUBSCRIBED', at: day(3) },
      { contactKey: 'd', status: 'CLEANED', at: day(3) }, // same instant: leaving wins
      { contactKey: 'e', status: 'SUBSCRIBED', at: day(9) },
    ];
    expect(listSizeAt(changes, day(4))).toMatchObject({ metric: 'listSize', value: 2, unit: 'COUNT' });
    expect(listSizeAt(changes, day(6)).value).toBe(1);
    expect(listSizeAt([...changes].reverse(), day(10)).value).toBe(2);
  });
});
