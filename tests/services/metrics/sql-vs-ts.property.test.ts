/**
 * The SQL the service generates from the catalogue agrees with the domain's TypeScript evaluation (computeMetric,
 * the reference semantics) over the same facts read back from the message table, on random message rows.
 */
import fc from 'fast-check';
import { DELIVERY_STATUSES, LINK_CATEGORIES, type Source } from '../../../src/domain/model';
import {
  FACT_FIELDS,
  MESSAGE_METRIC_IDS,
  METRICS_BY_ID,
  availableInputs,
  computeMetric,
  computeMetricByLinkCategory,
  type FactRow,
  type MetricValue,
} from '../../../src/domain/metrics';
import { queryMetrics } from '../../../src/services/metrics';
import { ensureWorkspace } from '../../../src/services/workspaces';
import type { Store } from '../../../src/store/data-source';
import { columnOf } from '../../../src/store/metrics/measure-sql';
import { databaseKind, openTestStore } from '../../support/store';

const when = fc.option(fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2026-03-01T00:00:00Z'), noInvalidDate: true }), { nil: null });
const message = fc.record({
  status: fc.constantFrom(...DELIVERY_STATUSES),
  sentAt: when,
  firstHumanOpenAt: when,
  humanOpens: fc.nat(3),
  machineOpens: fc.nat(2),
  humanClicks: fc.nat(4),
  ownSiteClicks: fc.nat(2),
  clickedLinkCategories: fc.uniqueArray(fc.constantFrom(...LINK_CATEGORIES)),
  // Halves of a second add exactly in any order; cents do not, so sums are compared to 12 significant digits.
  readSeconds: fc.option(fc.integer({ min: 0, max: 60 }).map((halves) => halves / 2), { nil: null }),
  replied: fc.boolean(),
  forwarded: fc.boolean(),
  unsubscribed: fc.boolean(),
  complained: fc.boolean(),
  converted: fc.boolean(),
  revenue: fc.integer({ min: 0, max: 100_000 }).map((cents) => cents / 100),
});
const campaign = fc.record({
  source: fc.constantFrom<Source>('sendgrid', 'mailchimp', 'hubspot', 'whatsapp', 'generic'),
  messages: fc.array(message, { minLength: 1, maxLength: 8 }),
});
const world = fc.record({
  campaigns: fc.array(campaign, { minLength: 1, maxLength: 3 }),
  deepReadSeconds: fc.constantFrom(2, 8, 10.5),
  siteDomains: fc.constantFrom([], ['acme.test']),
});

const round = (value: number | null) => (value === null ? null : Number(value.toPrecision(12)));
const comparable = (value: MetricValue) => ({
  metric: value.metric,
  linkCategory: value.group?.key ?? null,
  value: round(value.value),
  numerator: round(value.numerator),
  denominator: round(value.denominator),
  nullBecause: value.value === null ? (value.numerator === null ? 'inputs' : 'zero denominator') : null,
});

describe(`the generated SQL on ${databaseKind()}`, () => {
  let store: Store;
  let run = 0;
  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(() => store.close());

  it('gives what the TypeScript evaluation gives over the facts read back from the message table', async () => {
    await fc.assert(
      fc.asyncProperty(world, async ({ campaigns, deepReadSeconds, siteDomains }) => {
        const { dataSource } = store;
        const workspaceId = (await ensureWorkspace(dataSource, `random-${++run}`)).workspace.id;
        await dataSource.query(`UPDATE workspace SET settings = $2::jsonb WHERE id = $1`, [workspaceId, JSON.stringify({ deepReadSeconds, siteDomains })]);
        const campaignIds: number[] = [];
        for (const [index, { source, messages }] of campaigns.entries()) {
          const [{ id }] = await dataSource.query(
            `INSERT INTO campaign (workspace_id, source, external_id, name, channel) VALUES ($1, $2, $3, $3, 'EMAIL') RETURNING id`,
            [workspaceId, source, `c${index}`],
          );
          campaignIds.push(Number(id));
          for (const [contactId, facts] of messages.entries()) {
            const columns = Object.keys(facts).map((field) => columnOf(field as keyof typeof facts));
            await dataSource.query(
              `INSERT INTO message (workspace_id, campaign_id, contact_id, channel, source, ${columns.join(', ')})
               VALUES ($1, $2, $3, 'EMAIL', $4, ${columns.map((_, i) => `$${i + 5}`).join(', ')})`,
              [workspaceId, id, contactId + 1, source, ...Object.values(facts)],
            );
          }
        }

        const served = await queryMetrics(dataSource.manager, workspaceId, { groupBy: 'CAMPAIGN' });
        const stored = (await dataSource.query(`SELECT * FROM message WHERE workspace_id = $1`, [workspaceId])) as Array<Record<string, unknown>>;
        expect(served.map((row) => row.group.key)).toEqual(campaignIds.map(String));
        const expected = campaigns.map((_, index) => {
          const rows = stored
            .filter((row) => Number(row.campaign_id) === campaignIds[index])
            .map((row) => Object.fromEntries(FACT_FIELDS.map((field) => [field, row[columnOf(field)]])) as unknown as FactRow);
          const options = { params: { deepReadSeconds }, availableInputs: availableInputs([campaigns[index].source], { siteDomains }) };
          return MESSAGE_METRIC_IDS.flatMap((id) =>
            METRICS_BY_ID[id].perGroup === 'linkCategory' ? computeMetricByLinkCategory(id, rows, options) : [computeMetric(id, rows, options)],
          ).map(comparable);
        });
        expect(served.map((row) => row.values.map(comparable))).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });
});
