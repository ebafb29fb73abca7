import { DIAGNOSED_METRICS, diagnose } from '../../../src/domain/metrics';

const rule = (metric: string) => DIAGNOSED_METRICS.find((entry) => entry.metric === metric)!;

describe('campaign diagnostics against the workspace’s own baseline', () => {
  // Click rates of five past newsletters: median 0.04, |deviations| 0.01,0,0,0.005,0.01 → MAD 0.005, scaled 0.007413;
  // band ± max(2 × 0.007413, 0.01) = ± 0.014826 → [0.025174, 0.054826].
  const clicks = [0.03, 0.04, 0.04, 0.045, 0.05];

  it('flags a CTR under the band as LOW with the seed’s advice on subject, link copy and position', () => {
    const result = diagnose(rule('clickRate'), 0.02, clicks, 'NEWSLETTER');
    expect(result.status).toBe('LOW');
    expect(result.advice).toMatch(/subject, the link copy and the link position/);
    expect(result.baseline!.median).toBeCloseTo(0.04, 10);
    expect(result.baseline!.low).toBeCloseTo(0.04 - 2 * 1.4826 * 0.005, 6);
    expect(result.reason).toBe('2.0 % is below the band 2.5 %–5.5 % around the median 4.0 % of 5 past newsletter campaigns');
  });

  it('keeps the band edge within, and a value above the band is HIGH without advice', () => {
    expect(diagnose(rule('clickRate'), 0.0252, clicks, 'NEWSLETTER').status).toBe('OK');
    const high = diagnose(rule('clickRate'), 0.08, clicks, 'NEWSLETTER');
    expect(high).toMatchObject({ status: 'HIGH', advice: null });
  });

  it('uses a minimum band so identical past values do not flag a tiny change', () => {
    expect(diagnose(rule('replyRate'), 0.015, [0.02, 0.02, 0.02], 'NURTURE').status).toBe('OK');
    expect(diagnose(rule('replyRate'), 0.009, [0.02, 0.02, 0.02], 'NURTURE')).toMatchObject({ status: 'LOW', advice: expect.stringMatching(/call to action/) });
    expect(diagnose(rule('avgReadSeconds'), 9.5, [10, 10, 10], 'NURTURE').status).toBe('OK');
    expect(diagnose(rule('avgReadSeconds'), 8.5, [10, 10, 10], 'NURTURE')).toMatchObject({ status: 'LOW', advice: expect.stringMatching(/content value and the layout/) });
  });

  it('flags delivery under 95 % whatever the history, and without history too', () => {
    const steady = [0.93, 0.94, 0.93, 0.94];
    const result = diagnose(rule('deliveryRate'), 0.935, steady, 'PROMOTIONAL');
    expect(result.status).toBe('LOW');
    expect(result.reason).toBe('93.5 % is under 95.0 %');
    expect(result.advice).toMatch(/list hygiene \(remove hard bounces\)/);
    expect(diagnose(rule('deliveryRate'), 0.9, [], 'PROMOTIONAL')).toMatchObject({ status: 'LOW', baseline: null });
    expect(diagnose(rule('deliveryRate'), 0.99, [], 'PROMOTIONAL')).toMatchObject({ status: 'NO_BASELINE', advice: null });
  });

  it('says there is no baseline before three past campaigns, and no value when the campaign has none', () => {
    expect(diagnose(rule('clickRate'), 0.01, [0.05, 0.05], 'NEWSLETTER')).toMatchObject({
      status: 'NO_BASELINE', reason: 'no baseline yet: it needs at least 3 past newsletter campaigns with a value (have 2)',
    });
    expect(diagnose(rule('clickRate'), null, clicks, 'NEWSLETTER').status).toBe('NO_VALUE');
  });
});
