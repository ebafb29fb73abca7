/**
 * Mailchimp files imported end to end: the real fixtures (origins in fixtures/README.md) through the connector
 * and the SDK writer into a database. Every expected number is worked out by hand from the fixtures; the
 * comment above each assertion says how.
 */
import { mailchimpConnector } from '../../../src/connectors/mailchimp';
import { fixtures, fixtureText, openImportHarness, type ImportHarness } from '../../support/import-harness';
import { dumpImport, messageFacts, NO_FACTS, rejectedRows, tableCounts } from '../../support/import-queries';
import { databaseKind } from '../../support/store';

const fixture = fixtures(__dirname);
const AUDIENCE = 'a6b5da1054';
const REPORTS_AND_ACTIVITY = ['reports-list.json', 'email-activity.json'];
const MEMBERS = ['list-members.json', `subscribed_members_export_${AUDIENCE}.csv`, `unsubscribed_members_export_${AUDIENCE}.csv`];
const CLEANED = `cleaned_members_export_${AUDIENCE}.csv`;
const ALL = [...REPORTS_AND_ACTIVITY, ...MEMBERS, CLEANED];
const NONE = { mergedContacts: 0, deals: 0, stageChanges: 0, spend: 0, rejectedRows: 0 };

describe(`Mailchimp imports into ${databaseKind()}`, () => {
  let db: ImportHarness;
  beforeAll(async () => {
    db = await openImportHarness(mailchimpConnector);
  });
  beforeEach(() => db.reset());
  afterAll(() => db.close());
  const query = (sql: string) => db.store.dataSource.query(sql);

  it('imports reports, email activity and the audience as campaigns, messages, events, one list and its memberships', async () => {
    const summary = await db.run(ALL.map(fixture));
    expect(summary.rejected).toEqual([]);
    // People: api@, api+unsub@ (written "API+Unsub@MailChimp.com" in the activity), api+cleaned@ (activity and
    // API), mail@example.com (activity, subscribed export), api+new@ and api+old@ (API only),
    // Imported.Member@Example.com (subscribed export), engineer@example.org (unsubscribed export) = 8, each with its
    // Mailchimp member id. Campaigns: campaign123 and 42694e9e57, each with its report. Messages: the 4 members of
    // the activity. Events: api@ 6 (3 opens, 2 pricing clicks in the same second, 1 case-study click), api+unsub@ 2
    // opens, api+cleaned@ 1 bounce, mail@ none = 9. Links: /pricing and /case-studies/acme.
    // List a6b5da1054. Memberships: API subscribed, unsubscribed, cleaned, pending (transactional is none) = 4 people,
    // plus mail@, Imported.Member@ and engineer@ from the exports = 7. Changes: 4 API + 6 export rows, of which 3
    // (api@ confirmed 21:35:57, api+unsub@ left 21:40:57, api+cleaned@ cleaned 22:01:00) repeat an API change = 7.
    expect(await tableCounts(db.store.dataSource)).toEqual({
      ...NONE, contacts: 8, identities: 8, campaigns: 2, campaignReports: 2, messages: 4, events: 9, eventsWithoutMessage: 0, links: 2,
      lists: 1, memberships: 7, membershipChanges: 7,
    });
    expect(await query(`SELECT external_id, name FROM contact_list`)).toEqual([{ external_id: AUDIENCE, name: 'Test List' }]);
    expect(await query(`SELECT c.external_id, c.name, c.type, c.subject, c.sent_at, l.external_id AS list FROM campaign c JOIN contact_list l ON l.id = c.list_id ORDER BY 1`)).toEqual([
      { external_id: '42694e9e57', name: 'March product update', type: 'NEWSLETTER', subject: "What's new in March", sent_at: new Date('2009-03-27T14:00:00Z'), list: AUDIENCE },
      { external_id: 'campaign123', name: 'Welcome Campaign', type: 'OTHER', subject: 'Welcome to Our Newsletter', sent_at: new Date('2009-03-26T21:35:57Z'), list: AUDIENCE },
    ]);
    // The rss report: sent 4, hard bounces 1 → delivered 3; rates as given (fractions); revenue 119 with 1 order;
    // reported as of its latest stated time, the last open 2009-03-28 09:12:40.
    expect(await query(`SELECT r.totals, r.reported_at FROM campaign_report r JOIN campaign c ON c.id = r.campaign_id WHERE c.external_id = '42694e9e57'`)).toEqual([{
      totals: {
        sent: 4, delivered: 3, hardBounces: 1, softBounces: 0, uniqueOpens: 2, uniqueOpensHuman: 1, totalOpens: 5, uniqueClicks: 1, totalClicks: 3,
        forwards: 0, unsubscribes: 1, complaints: 0, revenue: 119, openRate: 0.6666666666666666, clickRate: 0.3333333333333333,
      },
      reported_at: new Date('2009-03-28T09:12:40Z'),
    }]);
    expect(await query(`SELECT c.email, m.status, m.subscribed_at, m.status_at FROM list_membership m JOIN contact c ON c.id = m.contact_id ORDER BY c.email COLLATE "C"`)).toEqual([
      { email: 'api+cleaned@mailchimp.com', status: 'CLEANED', subscribed_at: null, status_at: new Date('2009-03-26T22:01:00Z') },
      { email: 'api+new@mailchimp.com', status: 'PENDING', subscribed_at: null, status_at: new Date('2009-03-26T22:15:09Z') },
      { email: 'api+unsub@mailchimp.com', status: 'UNSUBSCRIBED', subscribed_at: null, status_at: new Date('2009-03-26T21:40:57Z') },
      { email: 'api@mailchimp.com', status: 'SUBSCRIBED', subscribed_at: new Date('2009-03-26T21:35:57Z'), status_at: new Date('2009-03-26T21:35:57Z') },
      { email: 'engineer@example.org', status: 'UNSUBSCRIBED', subscribed_at: null, status_at: new Date('2013-07-01T08:00:00Z') },
      { email: 'imported.member@example.com', status: 'SUBSCRIBED', subscribed_at: new Date('2016-01-04T09:00:00Z'), status_at: new Date('2016-01-04T09:00:00Z') },
      { email: 'mail@example.com', status: 'SUBSCRIBED', subscribed_at: new Date('2015-03-16T14:40:47Z'), status_at: new Date('2015-03-16T14:40:47Z') },
    ]);
    // Names and company from the API's merge fields; the export's multi-line NOTES kept as a property.
    const [api] = await query(`SELECT first_name, last_name, company, properties FROM contact WHERE email = 'api@mailchimp.com'`);
    expect(api).toMatchObject({ first_name: 'MailChimp', last_name: 'API', company: 'Mailchimp' });
    expect(api.properties).toMatchObject({ memberRating: '4', notes: 'Met at the Atlanta meetup.\nPrefers email over phone.', tags: 'Customers, Beta' });

    // api@: opens 14:05:10, 15:01:58, next day 09:12:40; clicks /pricing twice at 14:05:31 (PRODUCT) and
    // /case-studies/acme at 15:02:11 (CASE_STUDY). No send or delivery time: the first open proves delivery, and no
    // click can be a scanner's without one.
    expect(await messageFacts(db.store.dataSource, '42694e9e57', { email: 'api@mailchimp.com' })).toEqual({
      ...NO_FACTS, status: 'DELIVERED', statusAt: '2009-03-27T14:05:10.000Z', deliveredAt: '2009-03-27T14:05:10.000Z',
      firstHumanOpenAt: '2009-03-27T14:05:10.000Z', humanOpens: 3, firstHumanClickAt: '2009-03-27T14:05:31.000Z', humanClicks: 3,
      categories: ['CASE_STUDY', 'PRODUCT'],
    });
    expect(await messageFacts(db.store.dataSource, '42694e9e57', { email: 'api+unsub@mailchimp.com' })).toEqual({
      ...NO_FACTS, status: 'DELIVERED', statusAt: '2009-03-27T16:20:00.000Z', deliveredAt: '2009-03-27T16:20:00.000Z',
      firstHumanOpenAt: '2009-03-27T16:20:00.000Z', humanOpens: 2,
    });
    expect(await messageFacts(db.store.dataSource, '42694e9e57', { email: 'api+cleaned@mailchimp.com' })).toEqual({
      ...NO_FACTS, status: 'HARD_BOUNCED', statusAt: '2009-03-27T14:00:03.000Z',
    });
    // Listed in the activity with no activity: sent and not bounced, which Mailchimp counts as delivered (no time known).
    expect(await messageFacts(db.store.dataSource, '42694e9e57', { email: 'mail@example.com' })).toEqual({ ...NO_FACTS, status: 'DELIVERED' });
  });

  it('importing the same files a second time changes nothing', async () => {
    const files = () => [...REPORTS_AND_ACTIVITY, ...MEMBERS].map(fixture);
    await db.run(files());
    const before = await dumpImport(db.store.dataSource);
    const again = await db.run(files());
    expect(again.imported).toBe(0);
    // 9 events; 4 messages; 2 campaigns and 2 reports; 1 named list; contacts: 5 API + 3 + 2 export rows.
    expect(again.counts).toMatchObject({
      event: { new: 0, updated: 0, unchanged: 9 }, message: { new: 0, updated: 0, unchanged: 4 },
      campaignReport: { new: 0, updated: 0, unchanged: 2 }, contact: { new: 0, updated: 0, unchanged: 10 },
    });
    expect(await dumpImport(db.store.dataSource)).toEqual(before);
  });

  it('when two files disagree on a member, the file imported last wins, and a re-import lands on the same database', async () => {
    // The API says api+cleaned@ has member_rating 2, the cleaned export says MEMBER_RATING 1; nothing dates either
    // value, so the order of the files decides.
    await db.run(['list-members.json', CLEANED].map(fixture));
    const rating = async () => (await query(`SELECT properties->>'memberRating' AS r FROM contact WHERE email = 'api+cleaned@mailchimp.com'`))[0].r;
    expect(await rating()).toBe('1');
    const before = await dumpImport(db.store.dataSource);
    const again = await db.run(['list-members.json', CLEANED].map(fixture));
    // Each file rewrites that one contact on the way (2 → 1 again); everything else is unchanged.
    expect(again.counts.contact).toEqual({ new: 0, updated: 2, unchanged: 4 });
    expect(again.imported).toBe(2);
    expect(await dumpImport(db.store.dataSource)).toEqual(before);
  });

  it('two overlapping activity pages give the same database as the whole activity', async () => {
    const page = JSON.parse(fixtureText(__dirname, 'email-activity.json')) as { emails: unknown[]; campaign_id: string };
    const part = (from: number, to: number) => JSON.stringify({ emails: page.emails.slice(from, to), campaign_id: page.campaign_id, total_items: 4 }, null, 2);
    // Members 1–3 and 2–4: api+unsub@ (2 opens) and api+cleaned@ (1 bounce) are in both → 9 + 3 rows, 3 repeated.
    const split = await db.run([fixture('reports-list.json'), db.tempFile('activity-a.json', part(0, 3)), db.tempFile('activity-b.json', part(1, 4))]);
    expect(split.counts.event).toEqual({ new: 9, updated: 0, unchanged: 3 });
    const fromOverlap = await dumpImport(db.store.dataSource);

    await db.reset();
    await db.run(REPORTS_AND_ACTIVITY.map(fixture));
    expect(fromOverlap).toEqual(await dumpImport(db.store.dataSource));
    // The same activity saved as two pages, one per line, adds nothing.
    const pages = await db.run([fixture('email-activity-pages.ndjson')]);
    expect(pages.imported).toBe(0);
    expect(await dumpImport(db.store.dataSource)).toEqual(fromOverlap);
  });

  it('keeps each rejected activity, member and export row with its file, line and reason, and imports the good ones', async () => {
    await db.run([fixture('email-activity-bad.json'), fixture('subscribed_members_export_badd8a7e00.csv')]);
    expect(await rejectedRows(db.store.dataSource)).toEqual([
      { file: 'email-activity-bad.json', line: 3, field: 'activity[1].action', reason: 'unknown email activity "action" "unsub" (expected "open", "click" or "bounce")' },
      { file: 'email-activity-bad.json', line: 3, field: 'activity[2].timestamp', reason: '"activity[2].timestamp" is not an ISO 8601 date-time (got "yesterday")' },
      { file: 'email-activity-bad.json', line: 3, field: 'activity[3].type', reason: 'a bounce\'s "type" should be "hard" or "soft" (got null)' },
      { file: 'email-activity-bad.json', line: 51, field: 'email_id', reason: expect.stringMatching(/^"email_id" "cacfa61e4830690f84781550a992c088" is not the MD5 /) },
      { file: 'email-activity-bad.json', line: 79, field: 'campaign_id', reason: '"campaign_id" is missing' },
      { file: 'subscribed_members_export_badd8a7e00.csv', line: 3, field: 'CONFIRM_TIME', reason: '"CONFIRM_TIME" is not an ISO 8601 date-time (got "16/03/2015 14:40")' },
      { file: 'subscribed_members_export_badd8a7e00.csv', line: 4, field: 'Email Address', reason: '"Email Address" is empty; every exported member has one (is the row shifted?)' },
      { file: 'subscribed_members_export_badd8a7e00.csv', line: 5, field: 'Email Address', reason: '"Email Address" is not an email address (got "not-an-address")' },
      {
        file: 'subscribed_members_export_badd8a7e00.csv', line: 6, field: 'CONFIRM_TIME',
        reason: 'no date for the SUBSCRIBED membership: "CONFIRM_TIME", "OPTIN_TIME", "LAST_CHANGED" are all empty',
      },
    ]);
    // Good: api@'s message with its one good activity (the open at 14:05:10); good@example.com with its subscription
    // to audience badd8a7e00; no-dates@example.com as a contact without a membership.
    expect(await tableCounts(db.store.dataSource)).toEqual({
      ...NONE, rejectedRows: 9, contacts: 3, identities: 3, campaigns: 1, campaignReports: 0, messages: 1, events: 1, eventsWithoutMessage: 0,
      links: 0, lists: 1, memberships: 1, membershipChanges: 1,
    });
    expect(await messageFacts(db.store.dataSource, '42694e9e57', { email: 'api@mailchimp.com' })).toEqual({
      ...NO_FACTS, status: 'DELIVERED', statusAt: '2009-03-27T14:05:10.000Z', deliveredAt: '2009-03-27T14:05:10.000Z',
      firstHumanOpenAt: '2009-03-27T14:05:10.000Z', humanOpens: 1,
    });
  });
});
