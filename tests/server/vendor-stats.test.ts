/**
 * vendorStats through GraphQL: a SendGrid pull started by syncNow against the local v3 contract server stores the
 * account's and each category's daily counters; the query answers them per scope and day, to that workspace only,
 * and refuses a malformed or too long range with what to fix.
 */
import { startTestApi, workspaceWithKey, type TestApi } from '../support/server';
import { databaseKind } from '../support/store';
import { startSendGridServer, type SendGridServer } from '../support/vendors/sendgrid-server';

const KEY = 'SG.vendor-stats.local';
const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
const QUERY = `query($from: String!, $to: String!, $scope: String, $first: Int, $after: String) {
  vendorStats(from: $from, to: $to, scope: $scope, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { source scope day counters { name value } } } }
}`;
const nodesOf = (body: { data?: { vendorStats: { edges: Array<{ node: unknown }> } } }) => body.data!.vendorStats.edges.map((edge) => edge.node);

describe(`vendorStats on ${databaseKind()}`, () => {
  let api: TestApi;
  let sendgrid: SendGridServer;
  let admin: { workspaceId: number; key: string };
  beforeAll(async () => {
    api = await startTestApi();
    sendgrid = await startSendGridServer(KEY, {
      suppressions: {},
      messages: [],
      categories: [{ name: 'newsletter', metrics: { processed: 40, delivered: 38 } }],
      daily: {
        account: [
          { date: day(2), metrics: { processed: 100, delivered: 97, unique_opens: 30 } },
          { date: day(1), metrics: { processed: 50, delivered: 50, unique_opens: 12 } },
        ],
        newsletter: [{ date: day(1), metrics: { processed: 40, delivered: 38 } }],
      },
    });
    admin = await workspaceWithKey(api.store, 'esp-stats');
    const configured = await api.graphql(
      'mutation($input: ConfigureConnectorInput!) { configureConnector(input: $input) { source } }',
      { input: { source: 'sendgrid', apiKey: KEY, baseUrl: sendgrid.url } },
      admin.key,
    );
    expect(configured.body.errors).toBeUndefined();
    const synced = await api.graphql('mutation { syncNow(source: "sendgrid") { files status } }', {}, admin.key);
    expect(synced.body.errors).toBeUndefined();
    expect(synced.body.data.syncNow).toEqual({ files: ['sync:sendgrid'], status: 'SUCCEEDED' });
  });
  afterAll(async () => {
    await sendgrid.close();
    await api.close();
  });

  it('answers the vendor’s daily counters per scope and day', async () => {
    const result = await api.graphql(QUERY, { from: day(7), to: day(0) }, admin.key);
    expect(result.body.errors).toBeUndefined();
    expect(nodesOf(result.body)).toEqual([
      { source: 'sendgrid', scope: 'account', day: day(2), counters: [{ name: 'delivered', value: 97 }, { name: 'processed', value: 100 }, { name: 'unique_opens', value: 30 }] },
      { source: 'sendgrid', scope: 'account', day: day(1), counters: [{ name: 'delivered', value: 50 }, { name: 'processed', value: 50 }, { name: 'unique_opens', value: 12 }] },
      { source: 'sendgrid', scope: 'category:newsletter', day: day(1), counters: [{ name: 'delivered', value: 38 }, { name: 'processed', value: 40 }] },
    ]);
    const oneScope = await api.graphql(QUERY, { from: day(7), to: day(0), scope: 'category:newsletter' }, admin.key);
    expect((nodesOf(oneScope.body) as Array<{ day: string }>).map((row) => row.day)).toEqual([day(1)]);

    // Paged: two rows, then the third after the first page's cursor.
    const first = await api.graphql(QUERY, { from: day(7), to: day(0), first: 2 }, admin.key);
    expect(first.body.data.vendorStats).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    const rest = await api.graphql(QUERY, { from: day(7), to: day(0), first: 2, after: first.body.data.vendorStats.pageInfo.endCursor }, admin.key);
    expect(rest.body.data.vendorStats).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: false } });
    expect(nodesOf(rest.body)).toEqual([expect.objectContaining({ scope: 'category:newsletter', day: day(1) })]);
  });

  it('tells, in the run’s notes, what a pull could not read', async () => {
    sendgrid.activityEnabled = false;
    try {
      const synced = await api.graphql('mutation { syncNow(source: "sendgrid") { status notes } }', {}, admin.key);
      expect(synced.body.errors).toBeUndefined();
      expect(synced.body.data.syncNow).toEqual({ status: 'SUCCEEDED', notes: [expect.stringMatching(/^email-activity: the account has no Email Activity history/)] });
    } finally {
      sendgrid.activityEnabled = true;
    }
  });

  it('shows another workspace nothing, and refuses a bad range with what to fix', async () => {
    const other = await workspaceWithKey(api.store, 'esp-stats-other', 'read');
    expect((await api.graphql(QUERY, { from: day(7), to: day(0) }, other.key)).body.data.vendorStats).toMatchObject({ totalCount: 0, edges: [] });
    const malformed = await api.graphql(QUERY, { from: '1/11/2026', to: day(0) }, admin.key);
    expect(malformed.body.errors?.[0]).toMatchObject({ message: '"from" must be a day YYYY-MM-DD (got "1/11/2026")', extensions: { code: 'BAD_USER_INPUT' } });
    const tooLong = await api.graphql(QUERY, { from: '2020-01-01', to: day(0) }, admin.key);
    expect(tooLong.body.errors?.[0]?.message).toMatch(/ask for at most 400 days at a time/);
  });
});
