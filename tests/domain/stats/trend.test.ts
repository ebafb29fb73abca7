import { theilSenSlope, trendOf } from '../../../src/domain/stats';

describe('the trend of a metric', () => {
  it('is the median of the pairwise slopes', () => {
    // Slopes: (1,2)→−0.01, (1,3)→−0.01, (2,3)→−0.01 … one outlier at x = 4 cannot tip it.
    const points = [
      { x: 1, y: 0.98 },
      { x: 2, y: 0.97 },
      { x: 3, y: 0.96 },
      { x: 4, y: 0.99 },
      { x: 5, y: 0.94 },
    ];
    expect(theilSenSlope(points)).toBeCloseTo(-0.01, 12);
    expect(trendOf(points)).toBe('FALLING');
  });

  it('is flat within the tolerance, rising above it, unknown on too few points', () => {
    const rising = [
      { x: 0, y: 1 },
      { x: 1, y: 2 },
      { x: 2, y: 3 },
    ];
    expect(trendOf(rising)).toBe('RISING');
    expect(trendOf(rising, 5)).toBe('FLAT');
    expect(trendOf(rising.slice(0, 2))).toBe('UNKNOWN');
    expect(theilSenSlope([{ x: 1, y: 1 }, { x: 1, y: 2 }])).toBeNull();
  });
});
