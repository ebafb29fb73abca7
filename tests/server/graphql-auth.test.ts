import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import { startServer } from '../../src/server/app';
import { runImport } from '../../src/connectors/sdk/import/run-import';
import { recordConnector, recordsFile } from '../support/record-connector';
import { startTestApi, workspaceWithKey, type TestApi } from '../support/server';
import { databaseKind } from '../support/store';

const ROOT_QUERIES: Record<string, string> = {
  campaigns: '{ campaigns(first: 50) { totalCount edges { node { id name } } } }',
  contacts: '{ contacts(first: 50) { totalCount edges { node { id email } } } }',
  leads: '{ leads(first: 50) { totalCount edges { node { id email } } } }',
  imports: '{ imports(first: 50) { totalCount edges { node { id files } } } }',
  linkRules: '{ linkRules { pattern category } }',
};

describe(`the GraphQL API on ${databaseKind()}: keys and workspaces`, () => {
  let api: TestApi;
  let a: { workspaceId: number; key: string };
  let b: { workspaceId: number; key: string };
  beforeAll(async () => {
    api = await startTestApi();
    a = await workspaceWithKey(api.store, 'alpha');
    b = await workspaceWithKey(api.store, 'bravo');
    const seed = (workspaceId: number, who: string) =>
      runImport({
        dataSource: api.store.dataSource,
        workspaceId,
        connector: recordConnector,
        files: [recordsFile(`${who}.ndjson`, [
          { kind: 'campaign', externalId: `${who}-c`, name: `${who} campaign`, channel: 'EMAIL' },
          { kind: 'event', sourceEventId: `${who}-1`, type: 'DELIVERED', occurredAt: '2026-01-01T00:00:00Z', contact: { email: `${who}@example.com` }, campaignExternalId: `${who}-c` },
          { kind: 'lifecycle', contact: { email: `${who}@example.com` }, stage: 'LEAD', at: '2026-01-01T00:00:00Z', cause: 'test' },
        ])],
      });
    await seed(a.workspaceId, 'alpha');
    await seed(b.workspaceId, 'bravo');
    for (const [who, key] of [['alpha', a.key], ['bravo', b.key]]) {
      const set = await api.graphql(`mutation { updateLinkRules(rules: [{ pattern: "/${who}/", category: PRODUCT }]) { linksChanged } }`, {}, key);
      expect(set.body.errors).toBeUndefined();
    }
  });
  afterAll(() => api.close());

  it('answers a request without a key, or with a wrong key, with an authentication error and no data', async () => {
    for (const key of [null, 'nonsense', `fg_${a.workspaceId}_${'x'.repeat(43)}`, a.key.slice(0, -1) + (a.key.endsWith('A') ? 'B' : 'A')]) {
      const response = await api.graphql(ROOT_QUERIES.campaigns, {}, key);
      expect(response.status).toBe(401);
      expect(response.body.data).toBeUndefined();
      expect(response.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it.each(Object.keys(ROOT_QUERIES))('a key of one workspace never sees another workspace’s rows through %s', async (field) => {
    const [fromA, fromB] = await Promise.all([api.graphql(ROOT_QUERIES[field], {}, a.key), api.graphql(ROOT_QUERIES[field], {}, b.key)]);
    expect(fromA.body.errors).toBeUndefined();
    const textA = JSON.stringify(fromA.body.data);
    const textB = JSON.stringify(fromB.body.data);
    if (field === 'linkRules') expect(fromA.body.data.linkRules).toEqual([{ pattern: '/alpha/', category: 'PRODUCT' }]);
    else expect(fromA.body.data[field].totalCount).toBe(1);
    expect(textA).not.toContain('bravo');
    expect(textB).not.toContain('alpha');
  });

  it('a key of one workspace gets NOT_FOUND for another workspace’s campaign and lead ids', async () => {
    const theirs = await api.graphql(ROOT_QUERIES.campaigns + '', {}, b.key);
    const campaignId = theirs.body.data.campaigns.edges[0].node.id;
    const leadId = (await api.graphql(ROOT_QUERIES.leads, {}, b.key)).body.data.leads.edges[0].node.id;
    const campaign = await api.graphql('query($id: ID!) { campaign(id: $id) { id name } }', { id: campaignId }, a.key);
    expect(campaign.body.data).toBeNull();
    expect(campaign.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const lead = await api.graphql('query($id: ID!) { lead(id: $id) { id email } }', { id: leadId }, a.key);
    expect(lead.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const own = await api.graphql('query($id: ID!) { campaign(id: $id) { name counts { sent delivered } } }', { id: campaignId }, b.key);
    expect(own.body.data.campaign).toEqual({ name: 'bravo campaign', counts: { sent: 1, delivered: 1 } });
  });

  it('refuses a query deeper or costlier than the limits before running it', async () => {
    const deep = `{ campaigns(first: 1) { edges { node { list { id } } } } ${'{'.repeat(0)} }`;
    expect((await api.graphql(deep, {}, a.key)).body.errors).toBeUndefined();
    const nested = '{ leads(first: 500) { edges { node { events { id } deals { id } stageHistory { id } identities { source } } } } }';
    const costly = await api.graphql(nested, {}, a.key);
    expect(costly.body.errors?.[0].extensions?.code).toBe('QUERY_TOO_COSTLY');
    const shallow = await startServer({ store: api.store, port: 0, host: '127.0.0.1', limits: { maxDepth: 3 } });
    try {
      const response = await fetch(shallow.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${a.key}` },
        body: JSON.stringify({ query: '{ leads(first: 1) { edges { node { identities { source } } } } }' }),
      });
      const body = (await response.json()) as { data?: unknown; errors: Array<{ message: string }> };
      expect(body.data).toBeUndefined();
      expect(body.errors[0].message).toMatch(/exceeds maximum operation depth of 3/);
    } finally {
      await shallow.close();
    }
  });

  it('serves /healthz and Prometheus /metrics without a key', async () => {
    const base = api.server.url.replace('/graphql', '');
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', database: databaseKind() });
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain('funnelgraph_graphql_operations_total');
    expect(metrics).toContain('process_cpu_user_seconds_total');
  });

  it('accepts a graphql-ws connection with a valid key in connectionParams and closes one without', async () => {
    const run = (authorization: string | undefined) =>
      new Promise<unknown>((resolve, reject) => {
        const client = createClient({ url: api.server.wsUrl, webSocketImpl: WebSocket, connectionParams: authorization ? { authorization } : {}, retryAttempts: 0, lazy: true });
        let result: unknown;
        client.subscribe({ query: '{ campaigns(first: 5) { totalCount } }' }, {
          next: (value) => (result = value),
          error: (error) => { void client.dispose(); reject(error); },
          complete: () => { void client.dispose(); resolve(result); },
        });
      });
    expect(await run(`Bearer ${a.key}`)).toEqual({ data: { campaigns: { totalCount: 1 } } });
    // The same error mapper as over HTTP: a domain error keeps its code and message.
    const missing = await new Promise<{ errors?: Array<{ message: string; extensions?: { code?: string } }> }>((resolve, reject) => {
      const client = createClient({ url: api.server.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${a.key}` }, retryAttempts: 0, lazy: true });
      let result: unknown;
      client.subscribe({ query: '{ campaign(id: "999999") { id } }' }, {
        next: (value) => (result = value),
        error: (error) => { void client.dispose(); reject(error); },
        complete: () => { void client.dispose(); resolve(result as never); },
      });
    });
    expect(missing.errors?.[0]).toMatchObject({ message: 'no campaign 999999 in this workspace', extensions: { code: 'NOT_FOUND' } });
    await expect(run(undefined)).rejects.toBeDefined();
    await expect(run('Bearer wrong')).rejects.toBeDefined();
  });
});
