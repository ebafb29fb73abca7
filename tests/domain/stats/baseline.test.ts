import { baselineOf, checkAgainstBaseline } from '../../../src/domain/stats';

// Delivery rates of a workspace's past newsletters; one disastrous send (0.70) does not move the band.
const HISTORY = [0.97, 0.96, 0.98, 0.7, 0.97, 0.96, 0.99];

describe('a baseline band', () => {
  it('is the median ± 2 scaled MADs of the history', () => {
    // Sorted: 0.70 0.96 0.96 0.97 0.97 0.98 0.99 → median 0.97; |x − 0.97| sorted: 0 0 0.01 0.01 0.01 0.02 0.27 → MAD 0.01.
    const baseline = baselineOf(HISTORY)!;
    expect(baseline.median).toBe(0.97);
    expect(baseline.spread).toBeCloseTo(0.01 * 1.482602218505602, 12);
    expect(baseline.low).toBeCloseTo(0.97 - 0.02965204437011204, 12);
    expect(baseline.high).toBeCloseTo(0.97 + 0.02965204437011204, 12);
    expect(baseline.size).toBe(7);
  });

  it('flags a campaign below the band, and accepts one within it', () => {
    expect(checkAgainstBaseline(0.93, HISTORY).verdict).toBe('BELOW');
    expect(checkAgainstBaseline(0.95, HISTORY).verdict).toBe('WITHIN');
    expect(checkAgainstBaseline(1.0, HISTORY).verdict).toBe('ABOVE');
    expect(checkAgainstBaseline(0.93, HISTORY).reason).toContain('below the band');
  });

  it('gives no verdict on too short a history', () => {
    const check = checkAgainstBaseline(0.5, [0.9, 0.95]);
    expect(check.verdict).toBe('NOT_ENOUGH_HISTORY');
    expect(check.baseline).toBeNull();
    expect(check.reason).toBe('a baseline needs at least 5 past values (have 2)');
  });

  it('keeps a minimum half-width so a history of identical values does not flag every change', () => {
    const flat = [0.2, 0.2, 0.2, 0.2, 0.2];
    expect(checkAgainstBaseline(0.2001, flat).verdict).toBe('ABOVE');
    expect(checkAgainstBaseline(0.2001, flat, { minHalfWidth: 0.01 }).verdict).toBe('WITHIN');
  });
});
