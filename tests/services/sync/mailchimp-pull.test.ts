/**
 * The Mailchimp pull against a local server that follows the Marketing API's contract, seeded with the connector's
 * real-format fixtures (reports, email activity, list members) and 620 generated members so the members page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { memberIdOf } from '../../../src/connectors/mailchimp/identity';
import { mailchimpApiBase, mailchimpPull } from '../../../src/connectors/mailchimp/pull';
import { runSync } from '../../../src/services/sync/run-sync';
import { ensureWorkspace } from '../../../src/services/workspaces';
import type { Store } from '../../../src/store/data-source';
import { dumpDomain } from '../../support/dump';
import { databaseKind, openTestStore } from '../../support/store';
import { startMailchimpServer, type MailchimpData, type MailchimpServer } from '../../support/vendors/mailchimp-server';

const KEY = '0123456789abcdef0123456789abcdef-us6';
const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(__dirname, '../../connectors/mailchimp/fixtures', name), 'utf8'));

function seed(): MailchimpData {
  const members = fixture('list-members.json').members as Array<Record<string, unknown> & { last_changed: string }>;
  const template = members[0];
  const generated = Array.from({ length: 620 }, (_, i) => {
    const email = `member${i}@list.test`;
    return { ...template, id: memberIdOf(email), email_address: email, unique_email_id: `u${i}`, web_id: 1000 + i, last_changed: new Date(Date.parse('2026-09-01T00:00:00Z') + i * 60_000).toISOString() };
  });
  return {
    reports: fixture('reports-list.json').reports,
    activity: { '42694e9e57': fixture('email-activity.json').emails },
    lists: { a6b5da1054: [...members, ...generated] },
  };
}

describe(`Mailchimp pull against the API contract on ${databaseKind()}`, () => {
  let server: MailchimpServer;
  let store: Store;
  let workspaceId: number;
  const sync = () => runSync({ dataSource: store.dataSource, workspaceId, source: 'mailchimp', pull: mailchimpPull(), credentials: { apiKey: KEY, baseUrl: server.url } });
  const count = async (sql: string) => Number((await store.dataSource.query(sql))[0].n);
  beforeAll(async () => {
    server = await startMailchimpServer(KEY, seed());
    store = await openTestStore();
    workspaceId = (await ensureWorkspace(store.dataSource, 'mc-pull')).workspace.id;
  });
  afterAll(async () => {
    await server.close();
    await store.close();
  });

  it('takes the data center from the API key, and refuses a key without one', () => {
    expect(mailchimpApiBase('abc-us6')).toBe('https://us6.api.mailchimp.com/3.0');
    expect(() => mailchimpApiBase('abc')).toThrow(/ends in its data center/);
  });

  it('pulls reports, email activity and paged members, retrying a 429; a second run changes nothing and asks only for what changed', async () => {
    server.faults.push('429');
    const first = await sync();
    expect(first).toMatchObject({ status: 'SUCCEEDED', rejected: [], retries: 1 });
    expect(first.streams.map((stream) => stream.stream)).toEqual(['reports', 'email-activity', 'list-members']);
    // 620 generated subscribers and the fixture's subscribed, unsubscribed, cleaned and pending members; its
    // transactional member is a contact without a list membership.
    expect(await count(`SELECT count(*) AS n FROM list_membership`)).toBe(624);
    expect(await count(`SELECT count(*) AS n FROM message m JOIN campaign c ON c.id = m.campaign_id WHERE c.external_id = '42694e9e57'`)).toBe(4);
    expect(await count(`SELECT count(*) AS n FROM campaign_report`)).toBe(2);
    const once = await dumpDomain(store.dataSource);

    server.requests.length = 0;
    const second = await sync();
    expect(second).toMatchObject({ status: 'SUCCEEDED', rejected: [] });
    expect(await dumpDomain(store.dataSource)).toEqual(once);
    expect(server.requests.some((request) => request.includes('/email-activity') && request.includes('since='))).toBe(true);
    expect(server.requests.some((request) => request.includes('/members') && request.includes('since_last_changed='))).toBe(true);

    const member = server.data.activity['42694e9e57'][0];
    member.activity.push({ action: 'click', timestamp: new Date(Date.now() + 60_000).toISOString(), url: 'https://example.com/pricing', ip: '10.0.0.1' });
    const third = await sync();
    expect(third.status).toBe('SUCCEEDED');
    expect((await dumpDomain(store.dataSource)).events.length).toBe(once.events.length + 1);
  });

  it('stops on a wrong key with what to fix', async () => {
    const refused = await runSync({ dataSource: store.dataSource, workspaceId, source: 'mailchimp', pull: mailchimpPull(), credentials: { apiKey: 'wrong-us6', baseUrl: server.url } });
    expect(refused).toMatchObject({ status: 'FAILED', error: expect.stringMatching(/mailchimp refused the credentials \(401 on GET \/reports\).*--api-key/) });
  });
});
