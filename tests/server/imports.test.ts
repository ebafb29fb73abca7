import { startTestApi, workspaceWithKey, type TestApi } from '../support/server';
import { databaseKind } from '../support/store';

const event = (id: string, extra: object = {}) =>
  JSON.stringify({ email: 'ada@example.com', event: 'click', sg_event_id: id, sg_message_id: 'm1.filter1', singlesend_id: 'ss1', timestamp: 1700000100, url: 'https://acme.test/offers/spring', ...extra });

describe(`imports and link rules over HTTP (${databaseKind()})`, () => {
  let api: TestApi;
  let writer: { workspaceId: number; key: string };
  let reader: string;
  beforeAll(async () => {
    api = await startTestApi();
    writer = await workspaceWithKey(api.store, 'acme', 'write');
    reader = (await workspaceWithKey(api.store, 'acme', 'read')).key;
  });
  afterAll(() => api.close());
  const upload = (key: string, query: string, body: string) =>
    fetch(api.server.url.replace('/graphql', `/imports?${query}`), { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/octet-stream' }, body });

  it('POST /imports imports a raw file body like the CLI, and needs a write key', async () => {
    const body = [event('u1', { event: 'processed', timestamp: 1700000000 }), event('u2'), event('u3', { timestamp: 'soon' })].join('\n');
    expect((await upload(reader, 'source=sendgrid&filename=events.ndjson', body)).status).toBe(403);
    const response = await upload(writer.key, 'source=sendgrid&filename=events.ndjson', body);
    expect(response.status).toBe(200);
    const summary = (await response.json()) as { counts: { event: { new: number } }; rejected: Array<{ file: string; line: number }> };
    expect(summary.counts.event.new).toBe(2);
    expect(summary.rejected).toEqual([expect.objectContaining({ file: 'events.ndjson', line: 3 })]);
    const unusable = await upload(writer.key, 'source=sendgrid&filename=x.bin', '\u0000\u0001binary');
    expect(unusable.status).toBe(400);
    expect(((await unusable.json()) as { error: string }).error).toMatch(/binary file/);
  });

  it('importFile imports a file sent as text and answers with the run and its rejected rows', async () => {
    const content = [event('g1'), '{"broken": '].join('\n');
    const result = await api.graphql(
      `mutation($content: String!) { importFile(source: "sendgrid", fileName: "batch.ndjson", content: $content) { status imported rejected rejectedRows { line reason } } }`,
      { content },
      writer.key,
    );
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data.importFile).toMatchObject({ status: 'SUCCEEDED', imported: 1, rejected: 1 });
    expect(result.body.data.importFile.rejectedRows[0].line).toBe(2);
    const denied = await api.graphql(`mutation { importFile(source: "sendgrid", fileName: "a", content: "x") { id } }`, {}, reader);
    expect(denied.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('changing the link rules re-classifies known links and re-derives the clicked messages’ categories', async () => {
    const categories = async () =>
      (await api.store.dataSource.query('SELECT clicked_link_categories FROM message WHERE workspace_id = $1', [writer.workspaceId]))[0].clicked_link_categories;
    expect(await categories()).toEqual(['OTHER']);
    const result = await api.graphql(
      'mutation { updateLinkRules(rules: [{ pattern: "/offers/", category: PRODUCT, priority: 1 }]) { linksChanged rules { pattern category priority } } }',
      {},
      writer.key,
    );
    expect(result.body.data.updateLinkRules).toEqual({ linksChanged: 1, rules: [{ pattern: '/offers/', category: 'PRODUCT', priority: 1 }] });
    expect(await categories()).toEqual(['PRODUCT']);
    const bad = await api.graphql('mutation { updateLinkRules(rules: [{ pattern: "/(unclosed/", category: PRODUCT }]) { linksChanged } }', {}, writer.key);
    expect(bad.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(bad.body.errors?.[0].message).toMatch(/not a valid regular expression/);
  });
});
