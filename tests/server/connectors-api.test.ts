import { loadConnectorSettings } from '../../src/services/connectors/settings';
import { startTestApi, workspaceWithKey, type TestApi } from '../support/server';
import { databaseKind } from '../support/store';

const CONFIGURE = `mutation($input: ConfigureConnectorInput!) {
  configureConnector(input: $input) { source configured secrets baseUrl syncIntervalMinutes webhookPath }
}`;
const LIST = `{ connectors { totalCount edges { node { source displayName configured secrets baseUrl syncIntervalMinutes webhookPath fileKinds } } } }`;

describe(`connector set-up over GraphQL (${databaseKind()})`, () => {
  let api: TestApi;
  let admin: { workspaceId: number; key: string };
  let writer: string;
  let otherAdmin: { workspaceId: number; key: string };
  beforeAll(async () => {
    api = await startTestApi();
    admin = await workspaceWithKey(api.store, 'conn-acme', 'admin');
    writer = (await workspaceWithKey(api.store, 'conn-acme', 'write')).key;
    otherAdmin = await workspaceWithKey(api.store, 'conn-other', 'admin');
  });
  afterAll(() => api.close());

  it('an admin key sets a source up; the answer names the secrets and never shows them', async () => {
    const result = await api.graphql(CONFIGURE, { input: { source: 'mailchimp', apiKey: 'abc123-us21', webhookSecret: 'mc-url-secret', syncIntervalMinutes: 30 } }, admin.key);
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data.configureConnector).toEqual({
      source: 'mailchimp', configured: true, secrets: ['apiKey', 'webhookSecret'], baseUrl: null, syncIntervalMinutes: 30,
      webhookPath: '/webhooks/mailchimp/conn-acme/{webhookSecret}',
    });
    expect(JSON.stringify(result.body)).not.toMatch(/abc123|mc-url-secret/);
    const stored = await loadConnectorSettings(api.store.dataSource, api.cipher, admin.workspaceId, 'mailchimp');
    expect(stored).toMatchObject({ apiKey: 'abc123-us21', webhookSecret: 'mc-url-secret' });
  });

  it('connectors lists every source with its set-up, secrets by name only', async () => {
    const result = await api.graphql(LIST, {}, admin.key);
    expect(result.body.errors).toBeUndefined();
    const nodes = result.body.data.connectors.edges.map((edge: { node: unknown }) => edge.node);
    expect(nodes.map((node: { source: string }) => node.source)).toEqual(['sendgrid', 'mailchimp', 'hubspot', 'whatsapp']);
    expect(nodes[1]).toMatchObject({ configured: true, secrets: ['apiKey', 'webhookSecret'], syncIntervalMinutes: 30 });
    expect(nodes[0]).toMatchObject({ configured: false, secrets: [], webhookPath: '/webhooks/sendgrid/conn-acme' });
    expect(nodes[0].fileKinds.length).toBeGreaterThan(0);
    expect(JSON.stringify(result.body)).not.toMatch(/abc123|mc-url-secret/);
  });

  it('another workspace sees none of it', async () => {
    const result = await api.graphql(LIST, {}, otherAdmin.key);
    expect(result.body.data.connectors.edges.every((edge: { node: { configured: boolean } }) => !edge.node.configured)).toBe(true);
  });

  it('a write key may not change set-up (FORBIDDEN), and bad input is BAD_USER_INPUT with the reason', async () => {
    const forbidden = await api.graphql(CONFIGURE, { input: { source: 'hubspot', apiKey: 'pat-x' } }, writer);
    expect(forbidden.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await loadConnectorSettings(api.store.dataSource, api.cipher, admin.workspaceId, 'hubspot')).toBeNull();
    const bad = await api.graphql(CONFIGURE, { input: { source: 'hubspot', baseUrl: 'nope' } }, admin.key);
    expect(bad.body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/not a URL/), extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('clear removes settings; removeConnector deletes the set-up', async () => {
    const cleared = await api.graphql(CONFIGURE, { input: { source: 'mailchimp', clear: ['webhookSecret', 'syncIntervalMinutes'] } }, admin.key);
    expect(cleared.body.data.configureConnector).toMatchObject({ secrets: ['apiKey'], syncIntervalMinutes: null });
    const removed = await api.graphql(`mutation { removeConnector(source: "mailchimp") }`, {}, admin.key);
    expect(removed.body.data.removeConnector).toBe(true);
    expect(await loadConnectorSettings(api.store.dataSource, api.cipher, admin.workspaceId, 'mailchimp')).toBeNull();
  });
});
