/**
 * The HubSpot pull against a local server that follows HubSpot's search contract: paging, the result cap (lowered
 * here so 250 contacts need three windows), 429 with Retry-After and 500s retried, 401 stopping with what to fix,
 * malformed JSON failing the run without losing committed pages. Run twice, the database is the same as once;
 * stopped halfway and run again, the same as one clean run.
 */
import { hubspotPull } from '../../../src/connectors/hubspot/pull';
import type { Store } from '../../../src/store/data-source';
import { dumpDomain } from '../../support/dump';
import { cleanAndStoppedRuns, pullWorkspaces } from '../../support/pull-runs';
import { databaseKind } from '../../support/store';
import { startHubSpotServer, type CrmRecord, type HubSpotServer } from '../../support/vendors/hubspot-server';

const TOKEN = 'pat-na1-test-token';
const BASE = Date.parse('2026-10-01T00:00:00Z');
const iso = (minutes: number) => new Date(BASE + minutes * 60_000).toISOString();
const STAGES = ['subscriber', 'lead', 'marketingqualifiedlead', 'salesqualifiedlead'];

function contacts(count: number): CrmRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    id: String(1000 + i),
    properties: {
      email: `person${i}@crm.test`, firstname: `First${i}`, lastname: `Last${i}`, createdate: iso(i),
      // Every third pair shares its modification instant: windows must not lose or double them.
      lastmodifieddate: iso(100 + Math.floor(i / 2) * 3), lifecyclestage: STAGES[i % 4],
      [`hs_lifecyclestage_${STAGES[i % 4]}_date`]: iso(i + 1),
    },
  }));
}
function deals(count: number): CrmRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    id: String(9000 + i),
    properties: { dealname: `Deal ${i}`, dealstage: i % 2 ? 'closedwon' : 'qualifiedtobuy', pipeline: 'default', amount: `${100 + i}.00`, createdate: iso(i), closedate: i % 2 ? iso(500 + i) : null, hs_lastmodifieddate: iso(200 + i) },
  }));
}

/** Each deal i belongs to contact 1000 + i (person i). */
const dealContacts = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [String(9000 + i), [String(1000 + i)]]));

/** SENT, DELIVERED and OPEN of campaigns 501 and 502 to each of the 250 contacts: 1 500 events, two pages of the events API. */
function emailEvents(): Array<{ id: string; created: number; [key: string]: unknown }> {
  const types = ['SENT', 'DELIVERED', 'OPEN'];
  return Array.from({ length: 1500 }, (_, n) => {
    const [i, k] = [Math.floor(n / 3), n % 3];
    const sent = { id: `ev-${i}-0`, created: BASE + i * 1000 };
    return {
      appId: 113, appName: 'Batch', portalId: 6015139, emailCampaignId: i < 250 ? 501 : 502, id: `ev-${i}-${k}`, created: BASE + i * 1000 + k * 10,
      type: types[k], recipient: `person${i % 250}@crm.test`, ...(k > 0 && { sentBy: sent }), ...(k === 2 && { filteredEvent: false, duration: 0 }),
    };
  });
}

describe(`HubSpot pull against the vendor contract on ${databaseKind()}`, () => {
  let server: HubSpotServer;
  const workspaces = pullWorkspaces({ slug: 'crm', source: 'hubspot', credentials: () => ({ apiKey: TOKEN, baseUrl: server.url }) });
  beforeEach(async () => {
    server = await startHubSpotServer({ token: TOKEN, contacts: contacts(250), deals: deals(30), emailEvents: emailEvents(), dealContacts: dealContacts(30), searchCap: 100 });
  });
  afterEach(async () => {
    await server.close();
    await workspaces.closeAll();
  });
  const freshWorkspace = () => workspaces.open(hubspotPull({ searchCap: 100 }));
  const count = async (store: Store, table: string) => Number((await store.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  it('pulls every contact and deal through windows past the result cap, retrying 429 and 500, and a second run changes nothing', async () => {
    const { store, sync } = await freshWorkspace();
    server.faults.push('429', '500');
    const first = await sync();
    expect(first).toMatchObject({ status: 'SUCCEEDED', rejected: [] });
    expect(first.retries).toBe(2);
    expect(first.streams.map((stream) => stream.stream)).toEqual(['contacts', 'deals', 'email-events']);
    expect(await count(store, 'contact')).toBe(250);
    expect(await count(store, 'deal')).toBe(30);
    expect(first.streams[2]).toMatchObject({ pages: 2, records: 1500 });
    expect(await count(store, 'engagement_event')).toBe(1500);
    // 500 messages (two campaigns × 250 persons the CRM pull brought in), each delivered and opened.
    const [opened] = await store.dataSource.query(`SELECT count(*)::int AS n FROM message WHERE status = 'DELIVERED' AND human_opens = 1`);
    expect(opened.n).toBe(500);
    const [maria] = await store.dataSource.query(`SELECT lifecycle_stage, first_name FROM contact WHERE email = 'person7@crm.test'`);
    // Person 7's deal 9007 is closed won: associated through the v4 batch read, it makes her a customer.
    expect(maria).toEqual({ lifecycle_stage: 'CUSTOMER', first_name: 'First7' });
    const [deal] = await store.dataSource.query(`SELECT c.email FROM deal d JOIN contact c ON c.id = d.contact_id WHERE d.external_id = '9007'`);
    expect(deal.email).toBe('person7@crm.test');
    const once = await dumpDomain(store.dataSource);

    const second = await sync();
    expect(second).toMatchObject({ status: 'SUCCEEDED', imported: 0 });
    // Incremental: only the records at the last seen instant are read again (one page per stream), and the events
    // of the last 5 minutes (none).
    expect(second.streams.map((stream) => stream.pages)).toEqual([1, 1, 1]);
    expect(await dumpDomain(store.dataSource)).toEqual(once);

    // HubSpot sets the stage and its "entered" date together.
    server.contacts[3].properties = { ...server.contacts[3].properties, lifecyclestage: 'customer', hs_lifecyclestage_customer_date: iso(9_999), lastmodifieddate: iso(10_000) };
    const third = await sync();
    expect(third.imported).toBeGreaterThan(0);
    expect((await store.dataSource.query(`SELECT lifecycle_stage FROM contact WHERE email = 'person3@crm.test'`))[0].lifecycle_stage).toBe('CUSTOMER');
  });

  it('resumes from the last committed page after a stop halfway, ending with exactly one clean run’s data', async () => {
    const { expected, interrupted, stopped } = await cleanAndStoppedRuns(freshWorkspace, (_, index) => index === 2);
    expect(stopped).toMatchObject({ status: 'FAILED', error: 'process killed' });
    // Two committed pages of 100: the second window starts at the instant persons 98 and 99 share, so reads them again.
    expect(await count(interrupted.store, 'contact')).toBe(198);
    const [cursor] = await interrupted.store.dataSource.query(`SELECT cursor FROM sync_cursor WHERE stream = 'contacts'`);
    expect(cursor.cursor.modifiedSince).toBeGreaterThan(0);
    const resumed = await interrupted.sync();
    expect(resumed.status).toBe('SUCCEEDED');
    expect(await dumpDomain(interrupted.store.dataSource)).toEqual(expected);
  });

  it('resumes the email events inside a window from the oldest committed event, the API’s offset having expired', async () => {
    const { expected, interrupted, stopped } = await cleanAndStoppedRuns(freshWorkspace, ({ stream }) => stream === 'email-events');
    expect(stopped.status).toBe('FAILED');
    expect(await count(interrupted.store, 'engagement_event')).toBe(1000);
    const [{ cursor }] = await interrupted.store.dataSource.query(`SELECT cursor FROM sync_cursor WHERE stream = 'email-events'`);
    // Newest first: the first page holds the 1 000 newest events, so what remains is up to the oldest of them.
    expect(cursor).toMatchObject({ since: 0, until: BASE + 166 * 1000 + 20 });
    const resumed = await interrupted.sync();
    expect(resumed.status).toBe('SUCCEEDED');
    expect(await dumpDomain(interrupted.store.dataSource)).toEqual(expected);
  });

  it('stops at once with what to fix on 401, and fails a malformed page without losing the pages before it', async () => {
    const { store, sync } = await freshWorkspace();
    const refused = await sync({ credentials: { apiKey: 'wrong', baseUrl: server.url } });
    expect(refused.status).toBe('FAILED');
    expect(refused.error).toMatch(/hubspot refused the credentials \(401 on POST \/crm\/v3\/objects\/contacts\/search\).*connectors add --workspace <slug> --source hubspot --api-key/);
    expect(refused.requests).toBe(1);

    server.faults.push('slow', 'slow', 'malformed');
    const broken = await sync();
    expect(broken.status).toBe('FAILED');
    expect(broken.error).toMatch(/not JSON/);
    expect(await count(store, 'contact')).toBe(198);
    const runs = await store.dataSource.query(`SELECT files, status FROM import_run ORDER BY id`);
    expect(runs).toEqual([{ files: ['sync:hubspot'], status: 'FAILED' }, { files: ['sync:hubspot'], status: 'FAILED' }]);
    expect((await sync()).status).toBe('SUCCEEDED');
    expect(await count(store, 'contact')).toBe(250);
  });
});
