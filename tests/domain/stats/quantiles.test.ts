import { interquartileRange, MAD_NORMAL_SCALE, median, medianAbsoluteDeviation, normalQuantile, quantile } from '../../../src/domain/stats';

describe('order statistics', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNull();
  });

  it('interpolates quantiles linearly (type 7, as R and NumPy)', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(quantile(values, 0)).toBe(1);
    expect(quantile(values, 1)).toBe(10);
    expect(quantile(values, 0.25)).toBe(3.25);
    expect(quantile(values, 0.75)).toBe(7.75);
    expect(interquartileRange(values)).toBe(4.5);
  });

  it('measures spread by the median absolute deviation, scaled to a standard deviation', () => {
    // |x − 3| = 2, 1, 0, 1, 97 → median 1.
    expect(medianAbsoluteDeviation([1, 2, 3, 4, 100], 1)).toBe(1);
    expect(medianAbsoluteDeviation([1, 2, 3, 4, 100])).toBeCloseTo(1.482602218505602, 12);
    expect(MAD_NORMAL_SCALE).toBeCloseTo(1 / normalQuantile(0.75), 12);
    expect(medianAbsoluteDeviation([])).toBeNull();
  });

  it('refuses NaN and infinities instead of returning a plausible number', () => {
    expect(() => median([1, Number.NaN])).toThrow('finite');
    expect(() => quantile([1, 2], 1.5)).toThrow('[0, 1]');
  });
});
