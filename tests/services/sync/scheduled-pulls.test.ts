/**
 * Pulls started by the API (syncNow, admin keys only) and by the in-process scheduler at each source's configured
 * interval, against the local HubSpot contract server.
 */
import { startSyncScheduler } from '../../../src/services/sync/scheduler';
import { startTestApi, workspaceWithKey, type TestApi } from '../../support/server';
import { databaseKind } from '../../support/store';
import { startHubSpotServer, type HubSpotServer } from '../../support/vendors/hubspot-server';

const TOKEN = 'pat-na1-scheduled';
const contact = (i: number) => ({ id: String(700 + i), properties: { email: `s${i}@crm.test`, createdate: '2026-10-01T00:00:00.000Z', lastmodifieddate: `2026-10-0${1 + (i % 5)}T00:00:00.000Z` } });

describe(`scheduled and on-demand pulls on ${databaseKind()}`, () => {
  let api: TestApi;
  let hubspot: HubSpotServer;
  let admin: { workspaceId: number; key: string };
  beforeAll(async () => {
    api = await startTestApi();
    hubspot = await startHubSpotServer({ token: TOKEN, contacts: Array.from({ length: 12 }, (_, i) => contact(i)), deals: [] });
    admin = await workspaceWithKey(api.store, 'scheduled');
    const configured = await api.graphql(
      'mutation($input: ConfigureConnectorInput!) { configureConnector(input: $input) { source syncIntervalMinutes } }',
      { input: { source: 'hubspot', apiKey: TOKEN, baseUrl: hubspot.url, syncIntervalMinutes: 5 } },
      admin.key,
    );
    expect(configured.body.errors).toBeUndefined();
  });
  afterAll(async () => {
    await hubspot.close();
    await api.close();
  });

  it('syncNow pulls with the workspace’s set-up and answers with the finished run; read keys may not', async () => {
    const result = await api.graphql('mutation { syncNow(source: "hubspot") { files status imported } }', {}, admin.key);
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data.syncNow).toMatchObject({ files: ['sync:hubspot'], status: 'SUCCEEDED', imported: 12 });
    const reader = await workspaceWithKey(api.store, 'scheduled', 'read');
    const refused = await api.graphql('mutation { syncNow(source: "hubspot") { status } }', {}, reader.key);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const noPull = await api.graphql('mutation { syncNow(source: "whatsapp") { status } }', {}, admin.key);
    expect(noPull.body.errors?.[0]?.message).toMatch(/whatsapp has no API pull yet/);
  });

  it('runs a configured pull once its interval has passed since the last run, and not before', async () => {
    let clock = new Date();
    const scheduler = startSyncScheduler({ dataSource: api.store.dataSource, cipher: api.cipher, now: () => clock });
    try {
      expect(await scheduler.tick()).toEqual([]);
      hubspot.contacts.push(contact(99));
      hubspot.contacts[12].properties.lastmodifieddate = '2026-11-01T00:00:00.000Z';
      clock = new Date(Date.now() + 6 * 60_000);
      const [run] = await scheduler.tick();
      expect(run).toMatchObject({ source: 'hubspot', status: 'SUCCEEDED' });
      expect(run.imported).toBeGreaterThanOrEqual(1);
      clock = new Date();
      expect(await scheduler.tick()).toEqual([]);
      const [{ n }] = await api.store.dataSource.query(`SELECT count(*)::int AS n FROM contact WHERE workspace_id = $1`, [admin.workspaceId]);
      expect(n).toBe(13);
    } finally {
      await scheduler.stop();
    }
  });
});
