import { evaluateAlerts, type AlertInput } from '../../../src/domain/metrics';

const input = (values: Record<string, number | null>, history: Record<string, number[]> = {}, messages = 1000): AlertInput => ({
  campaignType: 'NEWSLETTER',
  messages,
  values: new Map(Object.entries(values)) as AlertInput['values'],
  history: new Map(Object.entries(history)) as AlertInput['history'],
});

describe('metric alerts', () => {
  it('raises delivery under 95 % on either side of the floor', () => {
    expect(evaluateAlerts(input({ deliveryRate: 0.9499 })).map((finding) => [finding.kind, finding.threshold])).toEqual([['DELIVERY_BELOW_FLOOR', 0.95]]);
    expect(evaluateAlerts(input({ deliveryRate: 0.95 }))).toEqual([]);
  });

  it('raises nothing for a campaign under the minimum volume', () => {
    expect(evaluateAlerts(input({ deliveryRate: 0.5, bounceRate: 0.5 }, {}, 99))).toEqual([]);
  });

  it('raises a bounce spike at the ceiling whatever the history, and above the band only from the level of concern', () => {
    expect(evaluateAlerts(input({ bounceRate: 0.05 }))[0]).toMatchObject({ kind: 'BOUNCE_SPIKE', threshold: 0.05 });
    expect(evaluateAlerts(input({ bounceRate: 0.0499 }))).toEqual([]);
    // History 1 %, 1 %, 1 %: band 1 % ± 0 → 2.5 % is over the band and over the 2 % level of concern.
    const spike = evaluateAlerts(input({ bounceRate: 0.025 }, { bounceRate: [0.01, 0.01, 0.01] }));
    expect(spike).toEqual([expect.objectContaining({ kind: 'BOUNCE_SPIKE', threshold: 0.01, message: expect.stringMatching(/above the usual 1.0 %–1.0 % of past newsletter campaigns/) })]);
    // 1.5 % is over the band but under the level of concern: noise.
    expect(evaluateAlerts(input({ bounceRate: 0.015 }, { bounceRate: [0.01, 0.01, 0.01] }))).toEqual([]);
  });

  it('raises a complaint spike at 0.3 %, and over the band from 0.1 %', () => {
    expect(evaluateAlerts(input({ complaintRate: 0.003 }))[0]).toMatchObject({ kind: 'COMPLAINT_SPIKE' });
    expect(evaluateAlerts(input({ complaintRate: 0.0029 }))).toEqual([]);
    expect(evaluateAlerts(input({ complaintRate: 0.0012 }, { complaintRate: [0.0002, 0.0003, 0.0002] }))[0]).toMatchObject({ kind: 'COMPLAINT_SPIKE' });
  });

  it('raises a metric below its baseline band with the advice, but not one within it or without history', () => {
    const clicks = { clickRate: [0.05, 0.06, 0.05, 0.06] };
    const [low] = evaluateAlerts(input({ clickRate: 0.02 }, clicks));
    expect(low).toMatchObject({ kind: 'OUTSIDE_BASELINE', metric: 'clickRate', value: 0.02, message: expect.stringMatching(/link position/) });
    expect(evaluateAlerts(input({ clickRate: 0.05 }, clicks))).toEqual([]);
    expect(evaluateAlerts(input({ clickRate: 0.001 }))).toEqual([]);
  });
});
