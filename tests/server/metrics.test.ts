/**
 * Metrics over GraphQL: the catalogue, the metrics query, Campaign.metrics and linkCategoryBreakdown (batched:
 * one statement for a page of campaigns), workspace isolation by API key. The story is tests/services/metrics/story.ts.
 */
import { runImport } from '../../src/connectors/sdk/import/run-import';
import { METRIC_IDS } from '../../src/domain/metrics';
import { contactIdOf, idOf, importStory } from '../services/metrics/story';
import { recordConnector, recordsFile } from '../support/record-connector';
import { startTestApi, workspaceWithKey, type TestApi } from '../support/server';
import { databaseKind } from '../support/store';

const VALUE = '{ metric value numerator denominator unit reason linkCategory }';

describe(`metrics over GraphQL on ${databaseKind()}`, () => {
  let api: TestApi;
  let acme: { workspaceId: number; key: string };
  beforeAll(async () => {
    api = await startTestApi();
    acme = await workspaceWithKey(api.store, 'acme', 'read');
    await importStory(api.store.dataSource, 'acme');
  });
  afterAll(() => api.close());

  const ask = async (query: string, variables: object = {}, key = acme.key) => {
    const response = await api.graphql(query, variables, key);
    expect(response.body.errors).toBeUndefined();
    return response.body.data;
  };

  it('serves the catalogue, with the MetricId enum generated from it', async () => {
    const data = await ask(`{ metricCatalog { id name unit scope numerator denominator groupBy perGroup requiredInputs { input sources } target { value } notes servedBy }
      __type(name: "MetricId") { enumValues { name } } }`);
    expect(data.metricCatalog.map((entry: { id: string }) => entry.id)).toEqual([...METRIC_IDS]);
    expect(data.__type.enumValues.map((value: { name: string }) => value.name)).toEqual([...METRIC_IDS]);
    expect(data.metricCatalog[2]).toMatchObject({
      id: 'deliveryRate', unit: 'RATIO', scope: 'message', numerator: 'sent messages not bounced or dropped', denominator: 'messages sent',
      perGroup: null, target: { value: 0.95 }, requiredInputs: [{ input: 'SENDS' }, { input: 'DELIVERY_STATUS' }],
    });
  });

  it('serves metrics rows by campaign with numerators, denominators, reasons and the workspace’s CTR', async () => {
    const spring = await idOf(api.store.dataSource, acme.workspaceId, 'campaign', 'spring');
    const autumn = await idOf(api.store.dataSource, acme.workspaceId, 'campaign', 'autumn');
    const data = await ask(
      `query($filter: MetricFilter) { metrics(filter: $filter, groupBy: CAMPAIGN, metrics: [deliveryRate, openRate, avgReadSeconds]) {
        group { dimension key label } messages values ${VALUE} ctr ${VALUE} } }`,
      { filter: { campaignIds: [String(spring), String(autumn)] } },
    );
    const [springRow, autumnRow] = data.metrics;
    expect(springRow.group).toEqual({ dimension: 'CAMPAIGN', key: String(spring), label: 'Spring, "launch"' });
    expect(springRow.values).toEqual([
      { metric: 'deliveryRate', value: 0.7, numerator: 7, denominator: 10, unit: 'RATIO', reason: null, linkCategory: null },
      { metric: 'openRate', value: 4 / 6, numerator: 4, denominator: 6, unit: 'RATIO', reason: null, linkCategory: null },
      { metric: 'avgReadSeconds', value: 7.5, numerator: 15, denominator: 2, unit: 'SECONDS', reason: null, linkCategory: null },
    ]);
    expect(springRow.ctr).toMatchObject({ metric: 'clickRate', value: 2 / 6 });
    expect(autumnRow.values[2]).toMatchObject({ value: null, reason: "Average read time needs read-time measurements, which none of this selection's sources (sendgrid) supply" });
  });

  it('filters by a segment of contacts and groups by link category', async () => {
    const a = await contactIdOf(api.store.dataSource, acme.workspaceId, 'a');
    const data = await ask(`query($ids: [ID!]) { metrics(filter: { contactIds: $ids }, groupBy: LINK_CATEGORY, metrics: [clickRateByLinkCategory]) {
      group { key } values ${VALUE} } }`, { ids: [String(a)] });
    // a: spring (PRODUCT click), summer (CONTENT click), autumn (no click): 3 delivered messages.
    expect(data.metrics.map((row: { group: { key: string }; values: Array<{ numerator: number; denominator: number; linkCategory: string }> }) =>
      [row.group.key, row.values[0].linkCategory, row.values[0].numerator, row.values[0].denominator])).toEqual([
      ['PRODUCT', 'PRODUCT', 1, 3], ['CASE_STUDY', 'CASE_STUDY', 0, 3], ['INQUIRY', 'INQUIRY', 0, 3],
      ['CONTENT', 'CONTENT', 1, 3], ['UNSUBSCRIBE', 'UNSUBSCRIBE', 0, 3], ['OTHER', 'OTHER', 0, 3],
    ]);
  });

  it('answers BAD_USER_INPUT for a metric that is not counted over messages, and for a malformed id', async () => {
    const lead = await api.graphql('{ metrics(metrics: [costPerLead]) { messages } }', {}, acme.key);
    expect(lead.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(lead.body.errors?.[0].message).toMatch(/^"costPerLead" is a mixed metric, not counted over messages/);
    const id = await api.graphql('{ metrics(filter: { campaignIds: ["x"] }) { messages } }', {}, acme.key);
    expect(id.body.errors?.[0]).toMatchObject({ message: 'campaign id must be a positive integer (got "x")', extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('lets a key see only its own workspace', async () => {
    const other = await workspaceWithKey(api.store, 'globex', 'read');
    const data = await ask('{ metrics(metrics: [sent]) { messages values { value } } campaigns(first: 5) { totalCount } }', {}, other.key);
    expect(data.metrics).toEqual([{ messages: 0, values: [{ value: 0 }] }]);
    const spring = await idOf(api.store.dataSource, acme.workspaceId, 'campaign', 'spring');
    const theirs = await ask(`{ metrics(filter: { campaignIds: ["${spring}"] }, groupBy: CAMPAIGN) { messages } }`, {}, other.key);
    expect(theirs.metrics).toEqual([]);
  });
});

describe(`Campaign.metrics on ${databaseKind()}`, () => {
  it('loads a page of campaigns’ metrics and link-category breakdowns in the same statements whatever the page size (no N+1)', async () => {
    const api = await startTestApi();
    try {
      const { workspaceId, key } = await workspaceWithKey(api.store, 'acme');
      const records: object[] = [{ kind: 'campaign', externalId: 'empty', name: 'Never sent', channel: 'EMAIL' }];
      for (let i = 0; i < 40; i++) {
        const contact = { email: `p${i}@example.com` };
        const ev = (id: string, type: string, at: string, extra: object = {}) => ({ kind: 'event', sourceEventId: `${i}-${id}`, type, occurredAt: at, contact, campaignExternalId: `c${i}`, channel: 'EMAIL', ...extra });
        records.push(ev('s', 'SENT', '2026-03-01T10:00:00Z'), ev('d', 'DELIVERED', '2026-03-01T10:01:00Z'));
        if (i % 2 === 0) records.push(ev('c', 'CLICKED', '2026-03-01T11:00:00Z', { url: 'https://acme.test/pricing' }));
      }
      await runImport({ dataSource: api.store.dataSource, workspaceId, connector: recordConnector, files: [recordsFile('campaigns.ndjson', records)] });
      const query = (first: number) => `{ campaigns(first: ${first}) { edges { node { name
        metrics(metrics: [delivered, clickRate]) { metric value numerator denominator reason }
        all: metrics { metric } linkCategoryBreakdown { linkCategory value } } } } }`;
      const counter = api.store.queryCounter;
      const count = async (first: number) => {
        const before = counter.count;
        counter.statements.length = 0;
        counter.recording = true;
        const response = await api.graphql(query(first), {}, key);
        counter.recording = false;
        expect(response.body.errors).toBeUndefined();
        expect(response.body.data.campaigns.edges).toHaveLength(first);
        // One metrics statement per distinct metric list asked for (three here), whatever the number of campaigns.
        expect(counter.statements.filter((sql) => sql.includes('FROM message_rollup r')).length).toBe(3);
        return { statements: counter.count - before, edges: response.body.data.campaigns.edges };
      };
      const small = await count(2);
      const large = await count(41);
      expect(large.statements).toBe(small.statements);
      const byName = Object.fromEntries(large.edges.map((edge: { node: { name: string } }) => [edge.node.name, edge.node]));
      expect(byName.c0.metrics).toEqual([
        { metric: 'delivered', value: 1, numerator: 1, denominator: null, reason: null },
        { metric: 'clickRate', value: 1, numerator: 1, denominator: 1, reason: null },
      ]);
      expect(byName.c1.metrics[1]).toMatchObject({ value: 0, numerator: 0, denominator: 1 });
      expect(byName.c0.all).toHaveLength(29); // 23 metrics + clickRateByLinkCategory once per category
      expect(byName.c0.linkCategoryBreakdown).toEqual([
        { linkCategory: 'PRODUCT', value: 1 }, { linkCategory: 'CASE_STUDY', value: 0 }, { linkCategory: 'INQUIRY', value: 0 },
        { linkCategory: 'CONTENT', value: 0 }, { linkCategory: 'UNSUBSCRIBE', value: 0 }, { linkCategory: 'OTHER', value: 0 },
      ]);
      expect(byName['Never sent'].metrics[0]).toMatchObject({ value: null, reason: expect.stringMatching(/^no messages of this campaign have been imported/) });
    } finally {
      await api.close();
    }
  });
});
