import { clvToCacRatio, clvToCplRatio, customerLifetimeValue } from '../../../src/domain/metrics';

describe('customer lifetime value', () => {
  it('is average value per month × average lifespan in months, from the customers’ own histories', () => {
    // 1400 over 8 customer-months → 175 a month; 8 months / 3 customers → 8/3 months; 175 × 8/3 = 1400 / 3.
    const clv = customerLifetimeValue([{ monthlyRevenue: [100, 100, 100] }, { monthlyRevenue: [200, 0, 200, 200] }, { monthlyRevenue: [500] }]);
    expect(clv.averageMonthlyValue).toBe(175);
    expect(clv.averageLifespanMonths).toBeCloseTo(8 / 3, 12);
    expect(clv.value).toBeCloseTo(1400 / 3, 9);
    expect(clv.numerator).toBe(1400);
    expect(clv.denominator).toBe(3);
    expect(clv.unit).toBe('MONEY_PER_CUSTOMER');
  });

  it('is null with a reason when no customer has a history', () => {
    expect(customerLifetimeValue([{ monthlyRevenue: [] }])).toMatchObject({
      value: null,
      reason: 'no customer has a revenue history yet (won deals with dates)',
      averageMonthlyValue: null,
    });
  });

  it('compares with the cost of a lead and of a customer (≈ 5 : 1 is good business)', () => {
    expect(clvToCacRatio(1000, 200)).toMatchObject({ metric: 'clvToCacRatio', value: 5, numerator: 1000, denominator: 200, unit: 'MULTIPLE' });
    expect(clvToCplRatio(1000, 20).value).toBe(50);
    expect(clvToCplRatio(null, 20).reason).toBe('the customer lifetime value is unknown (no customer revenue history)');
    expect(clvToCacRatio(1000, null).reason).toBe('the cost per acquisition is unknown (no spend recorded, or nothing acquired)');
    expect(clvToCacRatio(1000, 0).reason).toBe('the cost per acquisition is 0, so the ratio is undefined');
  });
});
