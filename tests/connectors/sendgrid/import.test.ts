/**
 * SendGrid files imported end to end: the real fixtures (origins in fixtures/README.md) through the connector
 * and the SDK writer into a database. Every expected number is worked out by hand from the fixture rows; the
 * comment above each assertion says how.
 */
import { sendgridConnector } from '../../../src/connectors/sendgrid';
import { fixtures, fixtureText, openImportHarness, type ImportHarness } from '../../support/import-harness';
import { dumpImport, messageFacts, NO_FACTS, rejectedRows, tableCounts } from '../../support/import-queries';
import { databaseKind } from '../../support/store';

const fixture = fixtures(__dirname);
const NONE = { mergedContacts: 0, identities: 0, campaignReports: 0, lists: 0, memberships: 0, membershipChanges: 0, deals: 0, stageChanges: 0, spend: 0, rejectedRows: 0 };
const WEBHOOK_FILES = ['events.ndjson', 'per-event-posts.json', 'single-send-open-ms.json', 'blocked-bounce.json'];

describe(`SendGrid imports into ${databaseKind()}`, () => {
  let db: ImportHarness;
  beforeAll(async () => {
    db = await openImportHarness(sendgridConnector);
  });
  beforeEach(() => db.reset());
  afterAll(() => db.close());
  const query = (sql: string) => db.store.dataSource.query(sql);

  it('imports the Email Activity CSV as one message per campaign and recipient, with facts derived from its rows', async () => {
    const summary = await db.run([fixture('email-activity.csv')]);
    expect(summary.rejected).toEqual([]);
    // 18 rows, each its own event. Recipients: example@test.com (9 rows), invalid@gmail.com (2), hello@world.com,
    // email@example.com (4), buyer@example.org, New.Lead@Example.org. Campaigns: category "cat facts", the
    // uncategorised receipt and drop, marketing campaign 12345, first categories "newsletter" and "welcome".
    // Messages: one per (campaign, recipient) = 6. Clicked URLs: sendgrid.com/, sendgrid.com/pricing, /blog/news.html.
    expect(await tableCounts(db.store.dataSource)).toEqual({ ...NONE, contacts: 6, campaigns: 5, messages: 6, events: 18, eventsWithoutMessage: 0, links: 3 });
    expect(await query('SELECT email FROM contact ORDER BY email COLLATE "C"')).toEqual(
      ['buyer@example.org', 'email@example.com', 'example@test.com', 'hello@world.com', 'invalid@gmail.com', 'new.lead@example.org'].map((email) => ({ email })),
    );
    expect(await query('SELECT external_id, name, type, subject FROM campaign ORDER BY external_id COLLATE "C"')).toEqual([
      { external_id: 'category:cat facts', name: 'cat facts', type: 'OTHER', subject: null },
      { external_id: 'category:newsletter', name: 'newsletter', type: 'NEWSLETTER', subject: null },
      { external_id: 'category:welcome', name: 'welcome', type: 'OTHER', subject: null },
      { external_id: 'marketing_campaign:12345', name: 'Spring newsletter', type: 'OTHER', subject: 'Spring product news' },
      { external_id: 'uncategorised', name: 'SendGrid mail without campaign or category', type: 'TRANSACTIONAL', subject: null },
    ]);
    expect(await query('SELECT url, category FROM link ORDER BY url COLLATE "C"')).toEqual([
      { url: 'http://www.sendgrid.com/', category: 'OTHER' },
      { url: 'http://www.sendgrid.com/pricing', category: 'PRODUCT' },
      { url: 'http://yourdomain.com/blog/news.html', category: 'CONTENT' },
    ]);

    // Cat facts: processed 00:59:29, deferred, delivered 01:04:31, opened 02:10:00, clicks at 02:10:12 (sendgrid.com/,
    // OTHER) and 02:10:40 (/pricing, PRODUCT) — over an hour after delivery, so people, not scanners —, then a spam
    // report and an unsubscribe (a resubscribe does not undo that the message led to one).
    expect(await messageFacts(db.store.dataSource, 'category:cat facts', { email: 'example@test.com' })).toEqual({
      ...NO_FACTS, status: 'DELIVERED', statusAt: '2017-12-15T01:04:31.000Z', sentAt: '2017-12-15T00:59:29.000Z', deliveredAt: '2017-12-15T01:04:31.000Z',
      firstHumanOpenAt: '2017-12-15T02:10:00.000Z', humanOpens: 1, firstHumanClickAt: '2017-12-15T02:10:12.000Z', humanClicks: 2,
      categories: ['OTHER', 'PRODUCT'], complained: true, unsubscribed: true,
    });
    // The receipt: processed 23:05:46, then bounced with type "blocked" → a soft bounce at 23:05:47.
    expect(await messageFacts(db.store.dataSource, 'uncategorised', { email: 'invalid@gmail.com' })).toEqual({
      ...NO_FACTS, status: 'SOFT_BOUNCED', statusAt: '2021-04-28T23:05:47.000Z', sentAt: '2021-04-28T23:05:46.000Z',
    });
    expect(await messageFacts(db.store.dataSource, 'uncategorised', { email: 'hello@world.com' })).toEqual({
      ...NO_FACTS, status: 'DROPPED', statusAt: '2020-09-14T19:41:32.000Z',
    });
    // Spring newsletter: delivered 10:00, opened 10:20, clicked the blog (CONTENT) 10:21, unsubscribed 10:30.
    expect(await messageFacts(db.store.dataSource, 'marketing_campaign:12345', { email: 'email@example.com' })).toEqual({
      ...NO_FACTS, status: 'DELIVERED', statusAt: '2021-03-02T10:00:00.000Z', deliveredAt: '2021-03-02T10:00:00.000Z',
      firstHumanOpenAt: '2021-03-02T10:20:00.000Z', humanOpens: 1, firstHumanClickAt: '2021-03-02T10:21:00.000Z', humanClicks: 1,
      categories: ['CONTENT'], unsubscribed: true,
    });
    // The welcome mail bounced with type "bounce": a hard bounce; the address was stored lower-cased.
    expect(await messageFacts(db.store.dataSource, 'category:welcome', { email: 'new.lead@example.org' })).toEqual({
      ...NO_FACTS, status: 'HARD_BOUNCED', statusAt: '2021-03-04T08:00:00.000Z',
    });
  });

  it('imports webhook events: a re-posted sg_event_id is one event, and mail without a campaign lands on "uncategorised"', async () => {
    const summary = await db.run(WEBHOOK_FILES.map(fixture));
    expect(summary.rejected).toEqual([]);
    // Rows: events.ndjson 6, per-event-posts.json 7, the Single Send open 1, the blocked bounce 1 = 15. Two reuse an
    // id already seen (the docs' placeholder "sg_event_id" on the ndjson open and bounce; one id on the docs' bounce and
    // blocked examples), so they count as re-sent: 13 events. Recipients: hello@world.com, invalid@gmail.com,
    // example@test.com, email@example.com, noemail@this.does.not.exist.tld. Campaigns: uncategorised (hello, invalid,
    // noemail), category "cat facts" (example), the Single Send (email) → 3 campaigns, 5 messages.
    expect(summary.counts.event).toEqual({ new: 13, updated: 0, unchanged: 2 });
    expect(await tableCounts(db.store.dataSource)).toEqual({ ...NONE, contacts: 5, campaigns: 3, messages: 5, events: 13, eventsWithoutMessage: 0, links: 0 });
    expect(await query(`SELECT source_event_id, type, bounce_kind FROM engagement_event WHERE source_event_id IN ('sg_event_id', '6g4ZI7SA-xmRDv57GoPIPw==') ORDER BY 1`)).toEqual([
      { source_event_id: '6g4ZI7SA-xmRDv57GoPIPw==', type: 'BOUNCED', bounce_kind: 'HARD' },
      { source_event_id: 'sg_event_id', type: 'OPENED', bounce_kind: null },
    ]);
    // example@test.com, all at 00:59:29 but the machine open (00:59:30): the ndjson open, the SG-B open (human),
    // the machine open, processed, dropped, deferred, a hard bounce, group_unsubscribe. Dropped outranks the rest.
    expect(await messageFacts(db.store.dataSource, 'category:cat facts', { email: 'example@test.com' })).toEqual({
      ...NO_FACTS, status: 'DROPPED', statusAt: '2017-12-15T00:59:29.000Z', sentAt: '2017-12-15T00:59:29.000Z',
      firstHumanOpenAt: '2017-12-15T00:59:29.000Z', humanOpens: 2, machineOpens: 1, unsubscribed: true,
    });
    // Single Send open at 1591726752372 ms: an open is evidence of delivery.
    expect(await messageFacts(db.store.dataSource, 'singlesend:sendgrid_singlesend_id', { email: 'email@example.com' })).toEqual({
      ...NO_FACTS, status: 'DELIVERED', statusAt: '2020-06-09T18:19:12.372Z', deliveredAt: '2020-06-09T18:19:12.372Z',
      firstHumanOpenAt: '2020-06-09T18:19:12.372Z', humanOpens: 1,
    });
    // Blocked bounce ("type": "blocked") at 1740300320.
    expect(await messageFacts(db.store.dataSource, 'uncategorised', { email: 'noemail@this.does.not.exist.tld' })).toEqual({
      ...NO_FACTS, status: 'SOFT_BOUNCED', statusAt: '2025-02-23T08:45:20.000Z',
    });
    expect(await query(`SELECT name FROM campaign WHERE external_id = 'singlesend:sendgrid_singlesend_id'`)).toEqual([{ name: 'Example Single Send' }]);
  });

  it('importing the same files a second time changes nothing', async () => {
    const files = () => [fixture('email-activity.csv'), ...WEBHOOK_FILES.map(fixture)];
    await db.run(files());
    const before = await dumpImport(db.store.dataSource);
    const again = await db.run(files());
    expect(again.imported).toBe(0);
    // 18 CSV events and 13 webhook events, all already there; the 2 re-posted ids once more.
    expect(again.counts.event).toEqual({ new: 0, updated: 0, unchanged: 33 });
    expect(await dumpImport(db.store.dataSource)).toEqual(before);
  });

  it('two overlapping exports give the same database as the whole export', async () => {
    const [header, ...rows] = fixtureText(__dirname, 'email-activity.csv').split('\r\n').filter((line) => line !== '');
    expect(rows).toHaveLength(18);
    // First export: file lines 2–12; second: lines 8–19. Lines 8–12 are in both: 11 + 12 − 5 = 18 events.
    const first = db.tempFile('activity-week-1.csv', [header, ...rows.slice(0, 11)].join('\r\n') + '\r\n');
    const second = db.tempFile('activity-week-2.csv', [header, ...rows.slice(6)].join('\r\n') + '\r\n');
    const split = await db.run([first, second]);
    expect(split.counts.event).toEqual({ new: 18, updated: 0, unchanged: 5 });
    const fromOverlap = await dumpImport(db.store.dataSource);

    await db.reset();
    await db.run([fixture('email-activity.csv')]);
    expect(fromOverlap).toEqual(await dumpImport(db.store.dataSource));
  });

  it('keeps each rejected row with its file, line and reason, and imports the good rows around them', async () => {
    const summary = await db.run([fixture('bad-rows.ndjson'), fixture('email-activity-bad-rows.csv')]);
    const rejected = await rejectedRows(db.store.dataSource);
    expect(rejected).toEqual([
      { file: 'bad-rows.ndjson', line: 2, field: 'timestamp', reason: '"timestamp" is not a Unix time (got "yesterday")' },
      { file: 'bad-rows.ndjson', line: 3, field: 'timestamp', reason: '"timestamp" is missing' },
      { file: 'bad-rows.ndjson', line: 4, field: 'timestamp', reason: '"timestamp" is not a Unix time (got -5)' },
      { file: 'bad-rows.ndjson', line: 5, field: 'email', reason: '"email" is missing: SendGrid names the recipient in every message event' },
      { file: 'bad-rows.ndjson', line: 6, field: 'email', reason: '"email" is not an email address (got "example at test.com")' },
      { file: 'bad-rows.ndjson', line: 7, field: 'sg_event_id', reason: expect.stringMatching(/^"sg_event_id" is missing: /) },
      { file: 'bad-rows.ndjson', line: 8, field: null, reason: 'expected a SendGrid event object, got 42' },
      { file: 'bad-rows.ndjson', line: 9, field: null, reason: expect.stringMatching(/^not valid JSON \(/) },
      { file: 'email-activity-bad-rows.csv', line: 3, field: 'processed', reason: '"processed" is not a date-time or Unix time (got "yesterday")' },
      { file: 'email-activity-bad-rows.csv', line: 4, field: 'event', reason: expect.stringMatching(/^"event" "cancel_drop" is not an Email Activity event/) },
      { file: 'email-activity-bad-rows.csv', line: 5, field: 'email', reason: '"email" is missing: SendGrid names the recipient in every message event' },
      { file: 'email-activity-bad-rows.csv', line: 7, field: 'processed', reason: '"processed" is missing' },
    ]);
    expect(summary.rejected).toHaveLength(12);
    expect(await query('SELECT rejected FROM import_run')).toEqual([{ rejected: 12 }]);
    // Good rows: ndjson line 1 (delivered, example@test.com, "cat facts") and 11 (click, email@example.com, newsletter
    // 1943530, /blog/news.html); CSV line 2 (Unix-seconds processed, invalid@gmail.com, uncategorised) and line 6
    // ("2017-12-15 00:59:29 UTC" processed, example@test.com, "cat facts").
    expect(await tableCounts(db.store.dataSource)).toEqual({ ...NONE, rejectedRows: 12, contacts: 3, campaigns: 3, messages: 3, events: 4, eventsWithoutMessage: 0, links: 1 });
    // The CSV's processed and the webhook's delivered, both at 00:59:29, are one message.
    expect(await messageFacts(db.store.dataSource, 'category:cat facts', { email: 'example@test.com' })).toEqual({
      ...NO_FACTS, status: 'DELIVERED', statusAt: '2017-12-15T00:59:29.000Z', sentAt: '2017-12-15T00:59:29.000Z', deliveredAt: '2017-12-15T00:59:29.000Z',
    });
  });
});
