import fc from 'fast-check';
import { DELIVERY_STATUSES, LINK_CATEGORIES } from '../../../src/domain/model';
import { computeMessageMetrics } from '../../../src/domain/metrics';
import { facts } from './facts';

const maybeDate = fc.option(fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2026-01-01T00:00:00Z'), noInvalidDate: true }), { nil: null });

const factRow = fc
  .record({
    status: fc.constantFrom(...DELIVERY_STATUSES),
    sentAt: maybeDate,
    firstHumanOpenAt: maybeDate,
    humanOpens: fc.nat(5),
    machineOpens: fc.nat(3),
    humanClicks: fc.nat(6),
    ownSiteClicks: fc.nat(3),
    clickedLinkCategories: fc.uniqueArray(fc.constantFrom(...LINK_CATEGORIES)),
    readSeconds: fc.option(fc.double({ min: 0, max: 600, noNaN: true }), { nil: null }),
    replied: fc.boolean(),
    forwarded: fc.boolean(),
    unsubscribed: fc.boolean(),
    complained: fc.boolean(),
    converted: fc.boolean(),
    revenue: fc.integer({ min: 0, max: 1_000_000 }).map((cents) => cents / 100),
  })
  .map((row) => facts(row));

describe('message metrics', () => {
  it('are the same whatever the order of the fact rows', () => {
    fc.assert(
      fc.property(
        fc.array(factRow, { maxLength: 40 }).chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length }))),
        ([rows, shuffled]) => {
          expect(computeMessageMetrics(shuffled, { params: { deepReadSeconds: 8 } })).toEqual(computeMessageMetrics(rows, { params: { deepReadSeconds: 8 } }));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keep every rate over delivered messages between 0 and 1', () => {
    fc.assert(
      fc.property(fc.array(factRow, { maxLength: 40 }), (rows) => {
        for (const result of computeMessageMetrics(rows)) {
          if (result.unit !== 'RATIO' || result.value === null || result.metric === 'totalClickRate') continue;
          expect(result.value).toBeGreaterThanOrEqual(0);
          expect(result.value).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 200 },
    );
  });
});
