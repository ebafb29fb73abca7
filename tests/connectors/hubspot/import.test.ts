/**
 * HubSpot files imported end to end: the real fixtures (origins in fixtures/README.md) through the connector
 * and the SDK writer into a database. Every expected number is worked out by hand from the fixtures; the
 * comment above each assertion says how. Export dates carry no zone and are read as UTC (the import default).
 */
import { hubspotConnector } from '../../../src/connectors/hubspot';
import { fixtures, fixtureText, openImportHarness, type ImportHarness } from '../../support/import-harness';
import { dumpImport, messageFacts, NO_FACTS, rejectedRows, tableCounts } from '../../support/import-queries';
import { databaseKind } from '../../support/store';

const fixture = fixtures(__dirname);
const EXPORTS = ['contacts.csv', 'deals.csv', 'deals-with-contacts.csv', 'email-events.json'];
const NONE = { mergedContacts: 0, campaignReports: 0, lists: 0, memberships: 0, membershipChanges: 0, spend: 0, rejectedRows: 0 };
const at = (text: string) => new Date(text);

describe(`HubSpot imports into ${databaseKind()}`, () => {
  let db: ImportHarness;
  beforeAll(async () => {
    db = await openImportHarness(hubspotConnector);
  });
  beforeEach(() => db.reset());
  afterAll(() => db.close());
  const query = (sql: string) => db.store.dataSource.query(sql);

  it('imports contact and deal exports and email events: stage history, deals on their contact, message facts', async () => {
    const summary = await db.run(EXPORTS.map(fixture));
    expect(summary.rejected).toEqual([]);
    // contacts.csv: 6 contacts (record ids 100451, 57156923994, 201–204). Filled "Became a … Date" cells on our path:
    // 100451 subscriber, lead, MQL (3); Maria lead, SQL, opportunity, customer (4); Ada customer (her evangelist date
    // counts only without one) (1); 202 only "other" (0); Grace lead (1); Alan lead (1) = 10.
    // Deals: 5 + 2 = 7. Email events: 21, of which UNBOUNCE gives nothing = 20 events, all of campaign 10, to
    // email@gmail.com (12), bounce@ (3), full@ (2), nocategory@, blocked@, quiet@ (1 each) = 6 more contacts and
    // 6 messages. One clicked link, /pricing.
    expect(await tableCounts(db.store.dataSource)).toEqual({
      ...NONE, contacts: 12, identities: 6, campaigns: 1, messages: 6, events: 20, eventsWithoutMessage: 0, links: 1, deals: 7, stageChanges: 10,
    });
    // The contact's stage is the latest of its history; without history (202, "Other") it keeps the default.
    expect(await query(`SELECT email, phone, first_name, last_name, company, lifecycle_stage, lifecycle_stage_at FROM contact
      WHERE id IN (SELECT contact_id FROM contact_identity) ORDER BY email COLLATE "C" NULLS LAST`)).toEqual([
      { email: 'ada@example.com', phone: null, first_name: 'Ada', last_name: 'Lovelace', company: null, lifecycle_stage: 'CUSTOMER', lifecycle_stage_at: at('2023-05-02T08:00:00Z') },
      { email: 'alan@example.com', phone: null, first_name: 'Alan', last_name: 'Turing', company: null, lifecycle_stage: 'LEAD', lifecycle_stage_at: at('2024-07-15T23:30:00Z') },
      { email: 'emailmaria@hubspot.com', phone: '+16175550100', first_name: 'Maria', last_name: 'Johnson (Sample Contact)', company: 'HubSpot', lifecycle_stage: 'CUSTOMER', lifecycle_stage_at: at('2024-10-21T21:36:00Z') },
      // "+02:00" on Grace's lead date: 08:00 there is 06:00 UTC.
      { email: 'grace@example.com', phone: null, first_name: 'Grace', last_name: 'Hopper', company: null, lifecycle_stage: 'LEAD', lifecycle_stage_at: at('2024-06-01T06:00:00Z') },
      { email: 'testperson@hubspot.com', phone: null, first_name: 'Test', last_name: 'Person', company: null, lifecycle_stage: 'MQL', lifecycle_stage_at: at('2024-03-05T14:12:45Z') },
      { email: null, phone: '+442079460958', first_name: null, last_name: null, company: null, lifecycle_stage: 'SUBSCRIBER', lifecycle_stage_at: null },
    ]);
    const [test] = await query(`SELECT created_at, properties FROM contact WHERE email = 'testperson@hubspot.com'`);
    expect(test).toEqual({ created_at: at('2024-01-17T19:55:00Z'), properties: { lifecyclestage: 'Marketing Qualified Lead', hs_lead_status: 'Open', hs_analytics_source: 'Organic Search' } });
    // Maria's stages, each from the one before; the SQL date is date-only, i.e. midnight UTC.
    expect(await query(`SELECT h.from_stage, h.to_stage, h.at, h.cause FROM lifecycle_stage_change h JOIN contact c ON c.id = h.contact_id
      WHERE c.email = 'emailmaria@hubspot.com' ORDER BY h.at`)).toEqual([
      { from_stage: null, to_stage: 'LEAD', at: at('2024-09-11T18:21:00Z'), cause: 'hubspot: Became a Lead Date' },
      { from_stage: 'LEAD', to_stage: 'SQL', at: at('2024-09-20T00:00:00Z'), cause: 'hubspot: Became a Sales Qualified Lead Date' },
      { from_stage: 'SQL', to_stage: 'OPPORTUNITY', at: at('2024-10-01T10:00:00Z'), cause: 'hubspot: Became an Opportunity Date' },
      { from_stage: 'OPPORTUNITY', to_stage: 'CUSTOMER', at: at('2024-10-21T21:36:00Z'), cause: 'hubspot: Became a Customer Date' },
    ]);
    // Stage labels back to ids and a status; an open deal's close date is a forecast, so it has no closed_at. 9101's
    // "Associated Contact IDs" names Maria first.
    expect(await query(`SELECT d.external_id, d.name, d.amount, d.stage, d.status, d.created_at, d.closed_at, c.email
      FROM deal d LEFT JOIN contact c ON c.id = d.contact_id ORDER BY d.external_id`)).toEqual([
      { external_id: '9001', name: 'Acme renewal', amount: 1500, stage: 'closedwon', status: 'WON', created_at: at('2024-02-01T09:00:00Z'), closed_at: at('2024-03-28T17:00:00Z'), email: null },
      { external_id: '9002', name: 'Globex pilot', amount: 250, stage: 'closedlost', status: 'LOST', created_at: at('2024-03-01T10:00:00Z'), closed_at: at('2024-04-02T12:00:00Z'), email: null },
      { external_id: '9003', name: 'Initech expansion', amount: null, stage: 'appointmentscheduled', status: 'OPEN', created_at: at('2024-05-10T08:30:00Z'), closed_at: null, email: null },
      { external_id: '9004', name: 'Umbrella enterprise', amount: 42000.5, stage: 'Negotiation', status: 'OPEN', created_at: at('2024-05-20T11:45:00Z'), closed_at: null, email: null },
      { external_id: '9005', name: 'Stark, Inc. upgrade', amount: 9999.99, stage: 'decisionmakerboughtin', status: 'OPEN', created_at: at('2024-05-21T16:20:00Z'), closed_at: null, email: null },
      { external_id: '9101', name: "Maria's first order", amount: 780, stage: 'closedwon', status: 'WON', created_at: at('2024-10-01T10:00:00Z'), closed_at: at('2024-10-21T21:36:00Z'), email: 'emailmaria@hubspot.com' },
      { external_id: '9102', name: 'Unassigned lead deal', amount: 120, stage: 'qualifiedtobuy', status: 'OPEN', created_at: at('2024-10-02T11:00:00Z'), closed_at: null, email: null },
    ]);

    // email@gmail.com: SENT 17:43:06.465 and PROCESSED (a second SENT), DELIVERED 17:43:10; a filtered open at
    // 17:43:15 (machine); human opens 18:18:43.020 and 18:30:00; a /pricing click at 18:31; FORWARD, PRINT; a
    // STATUSCHANGE with an UNSUBSCRIBED subscription, a later resubscribe; a SPAMREPORT. (Read time: see below.)
    // The ledger keeps event_id_5's duration (9400 ms) as 9.4 s, and the message's read time is that open's.
    expect(await query(`SELECT read_seconds FROM engagement_event WHERE source_event_id = '1566585000000/event_id_5'`)).toEqual([{ read_seconds: 9.4 }]);
    const facts = await messageFacts(db.store.dataSource, '10', { email: 'email@gmail.com' });
    const expected = {
      ...NO_FACTS, readSeconds: 9.4, status: 'DELIVERED', statusAt: '2019-08-23T17:43:10.000Z', sentAt: '2019-08-23T17:43:06.465Z', deliveredAt: '2019-08-23T17:43:10.000Z',
      firstHumanOpenAt: '2019-08-23T18:18:43.020Z', humanOpens: 2, machineOpens: 1, firstHumanClickAt: '2019-08-23T18:31:00.000Z', humanClicks: 1,
      categories: ['PRODUCT'], forwarded: true, unsubscribed: true, complained: true,
    };
    expect(facts).toEqual(expected);
    // Deferred then bounced (UNKNOWN_USER): hard. Bounced MAILBOX_FULL: soft. No category: hard. DROPPED, SUPPRESSED: dropped.
    expect(await messageFacts(db.store.dataSource, '10', { email: 'bounce@example.com' })).toEqual({
      ...NO_FACTS, status: 'HARD_BOUNCED', statusAt: '2019-08-23T18:00:00.000Z', sentAt: '2019-08-23T17:43:06.470Z',
    });
    expect(await messageFacts(db.store.dataSource, '10', { email: 'full@example.com' })).toEqual({
      ...NO_FACTS, status: 'SOFT_BOUNCED', statusAt: '2019-08-23T17:45:00.000Z', sentAt: '2019-08-23T17:43:06.480Z',
    });
    expect(await messageFacts(db.store.dataSource, '10', { email: 'nocategory@example.com' })).toEqual({ ...NO_FACTS, status: 'HARD_BOUNCED', statusAt: '2019-08-23T17:46:40.000Z' });
    expect(await messageFacts(db.store.dataSource, '10', { email: 'quiet@example.com' })).toEqual({ ...NO_FACTS, status: 'DROPPED', statusAt: '2019-08-23T17:43:06.495Z' });
  });

  it('keeps the measured duration of a HubSpot open (9.4 s) as the message read time', async () => {
    await db.run([fixture('email-events.json')]);
    expect((await messageFacts(db.store.dataSource, '10', { email: 'email@gmail.com' })).readSeconds).toBe(9.4);
  });

  it('imports CRM API pages: stage history from propertiesWithHistory, deal status from the closed flags', async () => {
    await db.run([fixture('crm-contacts-page.json'), fixture('crm-deals.json')]);
    // Contacts 100451 (3 stage dates), Maria (4 history entries), 301 (customer; evangelist skipped), 302 (lead from
    // hs_v2_date_entered_lead; "other" is off our path), 303 (custom stage, nothing) = 5 contacts, 9 changes. 3 deals;
    // deal 9001 (won, testperson) adds 2 derived changes: OPPORTUNITY when it was created, CUSTOMER when won.
    expect(await tableCounts(db.store.dataSource)).toEqual({
      ...NONE, contacts: 5, identities: 5, campaigns: 0, messages: 0, events: 0, eventsWithoutMessage: 0, links: 0, deals: 3, stageChanges: 11,
    });
    expect(await query(`SELECT h.from_stage, h.to_stage, h.cause FROM lifecycle_stage_change h JOIN contact c ON c.id = h.contact_id
      WHERE c.email = 'emailmaria@hubspot.com' ORDER BY h.at`)).toEqual([
      { from_stage: null, to_stage: 'LEAD', cause: 'hubspot: lifecyclestage history (FORM)' },
      { from_stage: 'LEAD', to_stage: 'SQL', cause: 'hubspot: lifecyclestage history (CRM_UI)' },
      { from_stage: 'SQL', to_stage: 'OPPORTUNITY', cause: 'hubspot: lifecyclestage history (DEALS)' },
      { from_stage: 'OPPORTUNITY', to_stage: 'CUSTOMER', cause: 'hubspot: lifecyclestage history (CRM_UI)' },
    ]);
    // 9002 sits in a custom pipeline stage "1234567": hs_is_closed true, hs_is_closed_won false → LOST.
    expect(await query(`SELECT d.external_id, d.amount, d.currency, d.stage, d.status, d.closed_at, c.email FROM deal d
      LEFT JOIN contact c ON c.id = d.contact_id ORDER BY d.external_id`)).toEqual([
      { external_id: '9001', amount: 1500, currency: 'EUR', stage: 'closedwon', status: 'WON', closed_at: at('2019-12-07T16:50:06.678Z'), email: 'testperson@hubspot.com' },
      { external_id: '9002', amount: 250, currency: null, stage: '1234567', status: 'LOST', closed_at: at('2024-04-02T12:00:00Z'), email: null },
      { external_id: '9003', amount: null, currency: null, stage: 'qualifiedtobuy', status: 'OPEN', closed_at: null, email: null },
    ]);
  });

  it('importing the same files a second time changes nothing', async () => {
    await db.run(EXPORTS.map(fixture));
    const before = await dumpImport(db.store.dataSource);
    const again = await db.run(EXPORTS.map(fixture));
    expect(again.imported).toBe(0);
    // 6 contacts, their 10 stage changes, 7 deals, the 20 events.
    expect(again.counts).toMatchObject({
      contact: { new: 0, updated: 0, unchanged: 6 }, lifecycle: { new: 0, updated: 0, unchanged: 10 },
      deal: { new: 0, updated: 0, unchanged: 7 }, event: { new: 0, updated: 0, unchanged: 20 },
    });
    expect(await dumpImport(db.store.dataSource)).toEqual(before);
  });

  it('overlapping contact exports and event pages, in another order, give the same database as the whole files', async () => {
    const [header, ...rows] = fixtureText(__dirname, 'contacts.csv').split('\r\n').filter((line) => line !== '');
    const csv = (part: string[]) => [header, ...part].join('\r\n') + '\r\n';
    const page = JSON.parse(fixtureText(__dirname, 'email-events.json')) as { events: unknown[] };
    const events = (from: number, to: number) => JSON.stringify({ events: page.events.slice(from, to), hasMore: false, offset: 'x' });
    expect([rows.length, page.events.length]).toEqual([6, 21]);
    // Contacts 1–4 and 3–6 (Ada and 202 in both); events 1–14 and 11–21 (4 in both; the last, UNBOUNCE, gives none).
    const split = await db.run([
      fixture('deals-with-contacts.csv'), db.tempFile('events-1.json', events(10, 21)), db.tempFile('contacts.csv', csv(rows.slice(2))),
      fixture('deals.csv'), db.tempFile('events-2.json', events(0, 14)), db.tempFile('contacts.csv', csv(rows.slice(0, 4))),
    ]);
    expect(split.counts.event).toEqual({ new: 20, updated: 0, unchanged: 4 });
    const fromOverlap = await dumpImport(db.store.dataSource);

    await db.reset();
    await db.run(EXPORTS.map(fixture));
    expect(fromOverlap).toEqual(await dumpImport(db.store.dataSource));
  });

  it('keeps each rejected row with its file, line and reason, and imports the good rows around them', async () => {
    await db.run([fixture('contacts-bad.csv'), fixture('deals-bad.csv'), fixture('email-events-bad.json')]);
    expect(await rejectedRows(db.store.dataSource)).toEqual([
      { file: 'contacts-bad.csv', line: 3, field: 'Create Date', reason: '"Create Date" is not a date (got "yesterday"); expected YYYY-MM-DD HH:mm, YYYY-MM-DD HH:mm:ss or YYYY-MM-DD' },
      { file: 'contacts-bad.csv', line: 4, field: 'Became a Lead Date', reason: '"Became a Lead Date" has an ambiguous day/month order (got "03/05/2024 14:12"); convert the column to YYYY-MM-DD HH:mm' },
      { file: 'contacts-bad.csv', line: 5, field: 'Became a Customer Date', reason: '"Became a Customer Date" is not a calendar date and time (got "2024-02-30 10:00")' },
      { file: 'contacts-bad.csv', line: 6, field: 'Record ID', reason: '"Record ID" is empty: every HubSpot record has one (was the export edited?)' },
      { file: 'contacts-bad.csv', line: 7, field: 'Record ID', reason: '"Record ID" is not a HubSpot record id (got "abc"); ids are digits' },
      { file: 'deals-bad.csv', line: 2, field: 'Amount', reason: expect.stringMatching(/^"Amount" is not a number \(got "1,500.00"\)/) },
      { file: 'deals-bad.csv', line: 3, field: 'Amount', reason: expect.stringMatching(/^"Amount" is not a number \(got "\$200"\)/) },
      { file: 'deals-bad.csv', line: 4, field: 'Close Date', reason: '"Close Date" is not a date (got "next week"); expected YYYY-MM-DD HH:mm, YYYY-MM-DD HH:mm:ss or YYYY-MM-DD' },
      { file: 'deals-bad.csv', line: 5, field: 'Deal Stage', reason: '"Deal Stage" is empty: a deal\'s status (open, won, lost) comes from its stage' },
      { file: 'email-events-bad.json', line: 3, field: 'type', reason: expect.stringMatching(/^"type" "MTA_Dropped" is not a HubSpot email event type/) },
      { file: 'email-events-bad.json', line: 13, field: 'type', reason: expect.stringMatching(/^"type" "open" is not a HubSpot email event type/) },
      { file: 'email-events-bad.json', line: 23, field: 'created', reason: '"created" is not a Unix time in milliseconds (got "yesterday")' },
      { file: 'email-events-bad.json', line: 33, field: 'recipient', reason: '"recipient" is missing: a DELIVERED event without the recipient\'s address cannot be tied to a contact' },
      { file: 'email-events-bad.json', line: 42, field: 'emailCampaignId', reason: '"emailCampaignId" is missing: every event of a message must name its campaign' },
      { file: 'email-events-bad.json', line: 49, field: 'portalSubscriptionStatus', reason: expect.stringMatching(/^STATUSCHANGE says neither UNSUBSCRIBED nor SUBSCRIBED/) },
    ]);
    // Each rejected event is kept at the line its "{" opens on, with its own text from the file as raw.
    expect((await query(`SELECT raw FROM rejected_row WHERE file = 'email-events-bad.json' ORDER BY id`)).map((row: { raw: string }) => /"id":\s*"(\w+)"/.exec(row.raw)?.[1]))
      .toEqual(['bad_1', 'bad_2', 'bad_3', 'bad_4', 'bad_5', 'bad_6']);
    // Good: contacts 301 (lead date) and 305 (subscriber date, a two-line company name); deal 9205; the SENT to a@.
    expect(await tableCounts(db.store.dataSource)).toEqual({
      ...NONE, rejectedRows: 15, contacts: 3, identities: 2, campaigns: 1, messages: 1, events: 1, eventsWithoutMessage: 0, links: 0, deals: 1, stageChanges: 2,
    });
    expect(await query(`SELECT company, lifecycle_stage FROM contact WHERE email = 'multiline@example.com'`)).toEqual([{ company: 'Müller & Söhne\nGmbH', lifecycle_stage: 'SUBSCRIBER' }]);
    expect(await query(`SELECT external_id, stage, status, amount FROM deal`)).toEqual([{ external_id: '9205', stage: 'contractsent', status: 'OPEN', amount: 500 }]);
    expect(await messageFacts(db.store.dataSource, '10', { email: 'a@example.com' })).toEqual({ ...NO_FACTS, sentAt: '2019-08-23T17:43:06.465Z' });
  });
});
