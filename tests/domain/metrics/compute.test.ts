import { deriveMessageFacts } from '../../../src/domain/messages';
import {
  availableInputs,
  computeMessageMetrics,
  computeMetric,
  computeMetricByLinkCategory,
  type MessageMetricId,
} from '../../../src/domain/metrics';
import { delivered, facts, T0 } from './facts';

const later = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

/**
 * A hand-built campaign of 13 messages. Message 3 is derived from its events: a click with no open recorded
 * still makes it opened by a human (spec: a human click implies a human open).
 */
const CAMPAIGN = [
  delivered({ humanOpens: 1, firstHumanOpenAt: later(60) }),
  delivered({
    humanOpens: 1,
    firstHumanOpenAt: later(60),
    humanClicks: 2,
    clickedLinkCategories: ['PRODUCT'],
    ownSiteClicks: 2,
    readSeconds: 12,
    converted: true,
    revenue: 100,
  }),
  deriveMessageFacts([
    { sourceEventId: 's', type: 'SENT', occurredAt: T0 },
    { sourceEventId: 'd', type: 'DELIVERED', occurredAt: T0 },
    { sourceEventId: 'c', type: 'CLICKED', occurredAt: later(30), linkCategory: 'INQUIRY' },
    { sourceEventId: 'r', type: 'READ', occurredAt: later(40), readSeconds: 4 },
    { sourceEventId: 'p', type: 'REPLIED', occurredAt: later(3600) },
  ]),
  delivered({ machineOpens: 1, scannerClicks: 1 }), // a gateway opened and followed the links: no human
  delivered({ machineOpens: 2, humanOpens: 1, firstHumanOpenAt: later(90) }),
  delivered({ unsubscribed: true, readSeconds: 1 }),
  delivered({ complained: true }),
  delivered({ forwarded: true, readSeconds: 8 }),
  facts({ status: 'HARD_BOUNCED', sentAt: T0, statusAt: T0 }),
  facts({ status: 'SOFT_BOUNCED', sentAt: T0, statusAt: T0 }),
  facts({ status: 'DROPPED', statusAt: T0 }), // no send event: a drop still proves it was handed over
  facts({ status: 'PENDING', sentAt: T0 }), // sent, no final word yet
  facts({ status: 'PENDING' }), // not sent
];

// [metric, numerator, denominator, value] — counted by hand from the list above.
const EXPECTED: Array<[MessageMetricId, number, number | null, number]> = [
  ['sent', 12, null, 12],
  ['delivered', 8, null, 8],
  ['deliveryRate', 9, 12, 0.75], // (12 − 1 hard − 1 soft − 1 dropped) / 12
  ['hardBounceRate', 1, 12, 1 / 12],
  ['softBounceRate', 1, 12, 1 / 12],
  ['bounceRate', 2, 12, 2 / 12],
  ['openRate', 4, 8, 0.5],
  ['machineOpenRate', 1, 8, 0.125],
  ['scannerClickRate', 1, 8, 0.125],
  ['clickRate', 2, 8, 0.25],
  ['totalClickRate', 3, 8, 0.375],
  ['clickToOpenRate', 2, 4, 0.5],
  ['avgReadSeconds', 25, 4, 6.25], // (12 + 4 + 1 + 8) / 4
  ['readCompletionRate', 2, 4, 0.5], // 12 s and 8 s are deep reads
  ['replyRate', 1, 8, 0.125],
  ['forwardRate', 1, 8, 0.125],
  ['unsubscribeRate', 1, 8, 0.125],
  ['complaintRate', 1, 8, 0.125],
  ['conversionRate', 1, 8, 0.125],
  ['clickToConversionRate', 1, 2, 0.5],
  ['revenue', 100, null, 100],
  ['revenuePerEmail', 100, 12, 100 / 12],
  ['trafficSessions', 2, null, 2],
];

describe('message metrics over a hand-built campaign', () => {
  it.each(EXPECTED)('%s is %p / %p', (metric, numerator, denominator, value) => {
    const result = computeMetric(metric, CAMPAIGN);
    expect(result).toEqual({ metric, value, numerator, denominator, unit: result.unit, reason: null });
  });

  it('computes click rate per link category', () => {
    const byCategory = computeMetricByLinkCategory('clickRateByLinkCategory', CAMPAIGN);
    expect(byCategory.map((result) => [result.group!.key, result.numerator, result.denominator, result.value])).toEqual([
      ['PRODUCT', 1, 8, 0.125],
      ['CASE_STUDY', 0, 8, 0],
      ['INQUIRY', 1, 8, 0.125],
      ['CONTENT', 0, 8, 0],
      ['UNSUBSCRIBE', 0, 8, 0],
      ['OTHER', 0, 8, 0],
    ]);
    expect(computeMetric('clickRateByLinkCategory', CAMPAIGN, { params: { linkCategory: 'PRODUCT' } }).group).toEqual({ dimension: 'linkCategory', key: 'PRODUCT' });
  });

  it('follows the workspace deep-read threshold', () => {
    expect(computeMetric('readCompletionRate', CAMPAIGN, { params: { deepReadSeconds: 4 } }).value).toBe(0.75);
  });

  it('serves every message metric at once, per category where the metric is per category', () => {
    const all = computeMessageMetrics(CAMPAIGN);
    expect(all).toHaveLength(23 + 6);
    expect(all.every((result) => result.reason === null)).toBe(true);
  });

  it('uses units from the catalogue', () => {
    expect(computeMetric('avgReadSeconds', CAMPAIGN).unit).toBe('SECONDS');
    expect(computeMetric('revenuePerEmail', CAMPAIGN).unit).toBe('MONEY_PER_MESSAGE');
    expect(computeMetric('sent', CAMPAIGN).unit).toBe('COUNT');
  });
});

describe('a message metric that cannot be computed', () => {
  it('is null with a reason when its denominator is 0, never a silent 0', () => {
    const bounced = [facts({ status: 'HARD_BOUNCED', sentAt: T0 })];
    expect(computeMetric('openRate', bounced)).toEqual({
      metric: 'openRate',
      value: null,
      numerator: 0,
      denominator: 0,
      unit: 'RATIO',
      reason: 'no delivered messages in this selection, so Open rate is undefined',
    });
    expect(computeMetric('avgReadSeconds', CAMPAIGN.slice(0, 1)).reason).toBe(
      'no messages with a read-time measurement in this selection, so Average read time is undefined',
    );
    expect(computeMetric('clickToOpenRate', [delivered()]).reason).toBe(
      'no delivered messages opened by a human in this selection, so Click-to-open rate is undefined',
    );
  });

  it('is null with a reason when no selected source supplies an input', () => {
    const mailchimp = availableInputs(['mailchimp']);
    expect(computeMetric('avgReadSeconds', CAMPAIGN, { availableInputs: mailchimp })).toEqual({
      metric: 'avgReadSeconds',
      value: null,
      numerator: null,
      denominator: null,
      unit: 'SECONDS',
      reason: 'Average read time needs read-time measurements, which none of the selected sources supply',
    });
    expect(computeMetric('replyRate', CAMPAIGN, { availableInputs: availableInputs(['sendgrid']) }).reason).toBe(
      'Reply rate needs reply or inquiry events, which none of the selected sources supply',
    );
    expect(computeMetric('trafficSessions', CAMPAIGN, { availableInputs: availableInputs(['sendgrid']) }).reason).toBe(
      "Email-driven site traffic needs the workspace's own site domains (a workspace setting), which none of the selected sources supply",
    );
    expect(computeMetric('trafficSessions', CAMPAIGN, { availableInputs: availableInputs(['sendgrid'], { siteDomains: ['example.com'] }) }).value).toBe(2);
    expect(computeMetric('clickRate', CAMPAIGN, { availableInputs: mailchimp }).value).toBe(0.25);
  });

  it('refuses a non-message metric or a per-category metric without its category', () => {
    expect(() => computeMetric('costPerLead' as MessageMetricId, CAMPAIGN)).toThrow(
      '"costPerLead" is not a message metric: compute it with metrics/spend-metrics.costPerLead',
    );
    expect(() => computeMetric('clickRateByLinkCategory', CAMPAIGN)).toThrow('pass params.linkCategory, or call computeMetricByLinkCategory');
    expect(() => computeMetricByLinkCategory('clickRate', CAMPAIGN)).toThrow('clickRate is not computed per link category');
  });
});
