import { normalCdf, normalQuantile } from '../../../src/domain/stats';

// Reference values: scipy.stats.norm.cdf / norm.ppf (double precision).
const CDF: Array<[number, number]> = [
  [0, 0.5],
  [1, 0.8413447460685429],
  [-1, 0.15865525393145707],
  [0.5, 0.6914624612740131],
  [1.96, 0.9750021048517795],
  [-1.96, 0.024997895148220435],
  [2.5758293035489004, 0.995],
  [3, 0.9986501019683699],
  [-3, 0.0013498980316300933],
  [-5, 2.866515718791933e-7],
  [7.5, 0.9999999999999681],
];

const QUANTILES: Array<[number, number]> = [
  [0.5, 0],
  [0.975, 1.959963984540054],
  [0.995, 2.5758293035489004],
  [0.9, 1.2815515655446004],
  [0.01, -2.3263478740408408],
  [0.02425, -1.972961051311885],
  [0.001, -3.090232306167813],
  [1e-6, -4.753424308822899],
];

describe('the standard normal distribution', () => {
  it.each(CDF)('Φ(%p) is %p to within 1e-9', (x, expected) => {
    expect(Math.abs(normalCdf(x) - expected)).toBeLessThan(1e-9);
  });

  it('keeps the relative precision of far lower tails', () => {
    expect(normalCdf(-8) / 6.22096057427174e-16).toBeCloseTo(1, 6);
    expect(normalCdf(-7.5) / 3.1908916729108844e-14).toBeCloseTo(1, 6);
    expect(normalCdf(-40)).toBe(0);
  });

  it.each(QUANTILES)('Φ⁻¹(%p) is %p to within 1e-9', (p, expected) => {
    expect(Math.abs(normalQuantile(p) - expected)).toBeLessThan(1e-9);
  });

  it('is symmetric and the quantile inverts the CDF', () => {
    for (const x of [-4, -2.2, -0.3, 0.7, 1.5, 3.3]) {
      expect(normalCdf(x) + normalCdf(-x)).toBeCloseTo(1, 14);
      expect(normalQuantile(normalCdf(x))).toBeCloseTo(x, 8);
    }
  });

  it('refuses probabilities outside (0, 1)', () => {
    expect(() => normalQuantile(0)).toThrow('0 < p < 1');
    expect(() => normalQuantile(1)).toThrow('0 < p < 1');
  });
});
