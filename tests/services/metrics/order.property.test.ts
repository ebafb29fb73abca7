/**
 * The order events arrive in cannot change a number: the same random events imported in one file in order, or
 * shuffled and split over several imports (with small batches), give identical metrics results. And the rollup
 * tables `metrics` answers from agree exactly with a direct computation over the message table, for every grouping
 * and for the filters they answer (whole-day periods, campaign type).
 */
import fc from 'fast-check';
import { runImport } from '../../../src/connectors/sdk/import/run-import';
import type { MetricGrouping } from '../../../src/domain/metrics';
import { queryMetrics, type MetricFilter, type MetricRow } from '../../../src/services/metrics';
import { ensureWorkspace } from '../../../src/services/workspaces';
import type { Store } from '../../../src/store/data-source';
import { recordConnector, recordsFile } from '../../support/record-connector';
import { databaseKind, openTestStore } from '../../support/store';

const START = Date.parse('2026-04-01T08:00:00Z');
const URLS = ['https://acme.test/pricing', 'https://acme.test/blog/a', 'https://other.test/case-studies/x', 'https://acme.test/contact'];
const TYPES = ['SENT', 'DEFERRED', 'DELIVERED', 'BOUNCED', 'DROPPED', 'OPENED', 'CLICKED', 'READ', 'REPLIED', 'FORWARDED', 'UNSUBSCRIBED', 'COMPLAINED', 'CONVERTED'] as const;

const event = fc.record({
  person: fc.constantFrom('p0', 'p1', 'p2', 'p3'),
  campaign: fc.constantFrom('c0', 'c1'),
  type: fc.constantFrom(...TYPES),
  // Seconds over two days, so days differ and some clicks fall in the scanner window right after a delivery.
  second: fc.integer({ min: 0, max: 2 * 24 * 3600 }),
  isMachine: fc.boolean(),
  hard: fc.boolean(),
  url: fc.constantFrom(...URLS),
  readSeconds: fc.integer({ min: 0, max: 30 }),
  value: fc.integer({ min: 1, max: 50_000 }).map((cents) => cents / 100),
  /** A conversion on the site (no campaign), attributed to the contact's last human click. */
  contactLevel: fc.boolean(),
});

type EventSpec = typeof event extends fc.Arbitrary<infer E> ? E : never;

function recordsOf(events: EventSpec[]): object[] {
  return events.map((e, index) => {
    const record: Record<string, unknown> = {
      kind: 'event', sourceEventId: `e${index}`, type: e.type, occurredAt: new Date(START + e.second * 1000).toISOString(),
      contact: { email: `${e.person}@example.com` }, campaignExternalId: e.campaign, channel: 'EMAIL',
    };
    if (e.type === 'OPENED' || e.type === 'CLICKED') record.isMachine = e.isMachine;
    if (e.type === 'CLICKED') record.url = e.url;
    if (e.type === 'BOUNCED') record.bounceKind = e.hard ? 'HARD' : 'SOFT';
    if (e.type === 'READ') record.readSeconds = e.readSeconds;
    if (e.type === 'CONVERTED') {
      record.value = e.value;
      if (e.contactLevel) delete record.campaignExternalId;
    }
    return record;
  });
}

const CAMPAIGNS = [
  { kind: 'campaign', externalId: 'c0', name: 'First', type: 'NEWSLETTER', channel: 'EMAIL', sentAt: '2026-04-01T08:00:00Z' },
  { kind: 'campaign', externalId: 'c1', name: 'Second', type: 'NURTURE', channel: 'EMAIL', sentAt: '2026-04-02T08:00:00Z' },
];
const GROUPINGS: Array<MetricGrouping | null> = [null, 'CAMPAIGN', 'DAY', 'LINK_CATEGORY'];
/** More groupings and filters on which rollups and messages must agree. */
const ROLLUP_CHECKS: Array<[MetricGrouping | null, MetricFilter]> = [
  ['WEEK', {}],
  ['MONTH', {}],
  ['CAMPAIGN_TYPE', {}],
  ['CHANNEL', { campaignType: 'NURTURE' }],
  ['DAY', { from: new Date('2026-04-02T00:00:00Z'), to: new Date('2026-04-03T00:00:00Z') }],
  [null, { from: new Date('2026-04-01T00:00:00Z') }],
];

/** Rows without the campaign ids, which depend on which record created the campaign first. */
const withoutIds = (rows: MetricRow[]) => rows.map((row) => (row.group.dimension === 'CAMPAIGN' ? { ...row, group: { ...row.group, key: 'id' } } : row));

describe(`metrics on ${databaseKind()}`, () => {
  let store: Store;
  let run = 0;
  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(() => store.close());

  async function metricsAfter(imports: object[][], batchSize?: number): Promise<MetricRow[][]> {
    const { dataSource } = store;
    const workspaceId = (await ensureWorkspace(dataSource, `order-${++run}`)).workspace.id;
    await dataSource.query(`UPDATE workspace SET settings = $2::jsonb WHERE id = $1`, [workspaceId, JSON.stringify({ siteDomains: ['acme.test'] })]);
    for (const [index, records] of imports.entries()) {
      const summary = await runImport({ dataSource, workspaceId, connector: recordConnector, files: [recordsFile(`part-${index}.ndjson`, records)], batchSize });
      expect(summary.rejected).toEqual([]);
    }
    const results: MetricRow[][] = [];
    for (const groupBy of GROUPINGS) {
      const fromRollups = await queryMetrics(dataSource.manager, workspaceId, { groupBy });
      expect(fromRollups).toEqual(await queryMetrics(dataSource.manager, workspaceId, { groupBy, from: 'messages' }));
      results.push(withoutIds(fromRollups));
    }
    for (const [groupBy, filter] of ROLLUP_CHECKS) {
      expect(await queryMetrics(dataSource.manager, workspaceId, { groupBy, filter })).toEqual(await queryMetrics(dataSource.manager, workspaceId, { groupBy, filter, from: 'messages' }));
    }
    return results;
  }

  it('are identical whatever the order of the events and however they are split over imports, from rollups as from messages', async () => {
    const scenario = fc
      .array(event, { minLength: 1, maxLength: 30 })
      .chain((events) => {
        const records = [...CAMPAIGNS, ...recordsOf(events)];
        return fc.tuple(
          fc.constant(records),
          fc.shuffledSubarray(records, { minLength: records.length, maxLength: records.length }),
          fc.uniqueArray(fc.integer({ min: 1, max: records.length - 1 }), { maxLength: 3 }),
          fc.integer({ min: 1, max: 5 }),
        );
      });
    await fc.assert(
      fc.asyncProperty(scenario, async ([records, shuffled, cuts, batchSize]) => {
        const bounds = [0, ...[...cuts].sort((a, b) => a - b), shuffled.length];
        const parts = bounds.slice(1).map((end, i) => shuffled.slice(bounds[i], end));
        expect(await metricsAfter(parts, batchSize)).toEqual(await metricsAfter([records]));
      }),
      { numRuns: 25 },
    );
  });
});
