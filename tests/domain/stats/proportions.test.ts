import { twoProportionTest } from '../../../src/domain/stats';

describe('the two-proportion z-test', () => {
  it('finds B higher when 25 % beats 20 % on 1000 messages each (hand-computed: pooled 0.225, z = 2.6774)', () => {
    const result = twoProportionTest({ successes: 200, trials: 1000 }, { successes: 250, trials: 1000 });
    expect(result.rateA).toBe(0.2);
    expect(result.rateB).toBe(0.25);
    expect(result.difference).toBeCloseTo(0.05, 12);
    // z = 0.05 / sqrt(0.225 · 0.775 · (1/1000 + 1/1000)) = 0.05 / 0.0186748 (reference values from scipy).
    expect(result.z).toBeCloseTo(2.677397763008329, 9);
    expect(result.pValue).toBeCloseTo(0.007419649261025687, 9);
    expect(result.interval!.low).toBeCloseTo(0.01346362168753984, 9);
    expect(result.interval!.high).toBeCloseTo(0.08653637831246014, 9);
    expect(result.verdict).toBe('B_HIGHER');
  });

  it('widens the interval at a higher confidence level', () => {
    const result = twoProportionTest({ successes: 200, trials: 1000 }, { successes: 250, trials: 1000 }, 0.99);
    expect(result.interval!.low).toBeCloseTo(0.0019830595637865267, 9);
    expect(result.interval!.high).toBeCloseTo(0.09801694043621345, 9);
    expect(result.verdict).toBe('B_HIGHER');
  });

  it('finds A higher when the difference is negative and significant', () => {
    const result = twoProportionTest({ successes: 120, trials: 1000 }, { successes: 90, trials: 1000 });
    expect(result.z).toBeCloseTo(-2.1882658846227234, 9);
    expect(result.pValue).toBeCloseTo(0.028650240398448473, 9);
    expect(result.interval!.high).toBeCloseTo(-0.003162087844242642, 9);
    expect(result.verdict).toBe('A_HIGHER');
  });

  it('calls a small difference chance', () => {
    const result = twoProportionTest({ successes: 50, trials: 500 }, { successes: 55, trials: 500 });
    expect(result.pValue).toBeCloseTo(0.6060086207726982, 9);
    expect(result.verdict).toBe('NO_SIGNIFICANT_DIFFERENCE');
    expect(result.reason).toContain('could be chance');
  });

  it('says "not enough data" when a variant has fewer than 5 successes or failures', () => {
    const few = twoProportionTest({ successes: 4, trials: 100 }, { successes: 30, trials: 100 });
    expect(few.verdict).toBe('NOT_ENOUGH_DATA');
    expect(few.pValue).toBeNull();
    expect(few.interval).toBeNull();
    expect(few.difference).toBeCloseTo(0.26, 12);
    expect(few.reason).toContain('A has 4 of 100');
    const almostAll = twoProportionTest({ successes: 50, trials: 100 }, { successes: 97, trials: 100 });
    expect(almostAll.verdict).toBe('NOT_ENOUGH_DATA');
    expect(almostAll.reason).toContain('B has 97 of 100');
  });

  it('has no rates for a variant with no trials', () => {
    const result = twoProportionTest({ successes: 0, trials: 0 }, { successes: 10, trials: 100 });
    expect(result.rateA).toBeNull();
    expect(result.difference).toBeNull();
    expect(result.verdict).toBe('NOT_ENOUGH_DATA');
  });

  it('refuses impossible counts and levels', () => {
    expect(() => twoProportionTest({ successes: 5, trials: 3 }, { successes: 1, trials: 10 })).toThrow('0 ≤ successes ≤ trials');
    expect(() => twoProportionTest({ successes: 1.5, trials: 3 }, { successes: 1, trials: 10 })).toThrow('whole counts');
    expect(() => twoProportionTest({ successes: 5, trials: 30 }, { successes: 10, trials: 30 }, 95)).toThrow('e.g. 0.95');
  });
});
