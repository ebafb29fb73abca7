/**
 * Generic events and spend imported end to end: the fixtures (written for these tests, fixtures/README.md)
 * through the connector and the SDK writer into a database. Every expected number is worked out by hand from
 * the fixture rows; the comment above each assertion says how.
 */
import { genericConnector } from '../../../src/connectors/generic';
import { fixtures, fixtureText, openImportHarness, type ImportHarness } from '../../support/import-harness';
import { dumpImport, messageFacts, NO_FACTS, rejectedRows, tableCounts } from '../../support/import-queries';
import { databaseKind } from '../../support/store';

const fixture = fixtures(__dirname);
const FILES = ['events.csv', 'events.ndjson'];
const NONE = { mergedContacts: 0, identities: 0, campaignReports: 0, lists: 0, memberships: 0, membershipChanges: 0, deals: 0, stageChanges: 0, rejectedRows: 0 };
const at = (text: string) => new Date(text);

describe(`generic imports into ${databaseKind()}`, () => {
  let db: ImportHarness;
  beforeAll(async () => {
    db = await openImportHarness(genericConnector);
  });
  beforeEach(() => db.reset());
  afterAll(() => db.close());
  const query = (sql: string) => db.store.dataSource.query(sql);

  it('imports events and spend: read time, site visits, forms, replies and conversions with revenue', async () => {
    const summary = await db.run(FILES.map(fixture));
    expect(summary.rejected).toEqual([]);
    // CSV: ann delivered, read (12.5 s), page view, converted 1200.50 EUR — all but the page view on spring-launch —,
    // a form submission by +41 79 123 45 67, and 2 spend rows. NDJSON: ann's click on a case study, bob's read (3 s),
    // +41's WhatsApp reply on wa-intro, carl's hard bounce, bob's conversion without a campaign, 1 spend row.
    // Contacts: ann, +41…, bob, carl = 4. Campaigns: spring-launch, wa-intro. Messages: spring-launch to ann, bob, carl,
    // wa-intro to +41… = 4. Events: 5 + 5 = 10; without a message: the page view, the form, bob's conversion (he
    // clicked nothing, so it is attributed to no message). One clicked link. Spend: 3.
    expect(await tableCounts(db.store.dataSource)).toEqual({ ...NONE, contacts: 4, campaigns: 2, messages: 4, events: 10, eventsWithoutMessage: 3, links: 1, spend: 3 });
    expect(await query(`SELECT external_id, name, channel FROM campaign ORDER BY external_id`)).toEqual([
      { external_id: 'spring-launch', name: 'spring-launch', channel: 'EMAIL' },
      { external_id: 'wa-intro', name: 'wa-intro', channel: 'WHATSAPP' },
    ]);
    expect(await query(`SELECT s.external_id LIKE 'spend:%' AS hashed, s.channel, c.external_id AS campaign, s.period_start, s.period_end, s.amount, s.currency
      FROM spend s LEFT JOIN campaign c ON c.id = s.campaign_id ORDER BY s.amount`)).toEqual([
      { hashed: true, channel: 'WHATSAPP', campaign: 'wa-intro', period_start: at('2024-05-01T00:00:00Z'), period_end: at('2024-05-31T00:00:00Z'), amount: 120, currency: 'CHF' },
      { hashed: true, channel: 'WHATSAPP', campaign: null, period_start: at('2024-05-01T00:00:00Z'), period_end: at('2024-05-31T00:00:00Z'), amount: 250, currency: 'USD' },
      { hashed: true, channel: 'EMAIL', campaign: 'spring-launch', period_start: at('2024-05-01T00:00:00Z'), period_end: at('2024-05-31T00:00:00Z'), amount: 5000, currency: 'EUR' },
    ]);
    // Last activity: ann's conversion 05-20, bob's 05-28, carl's bounce, +41's reply (after the form on 05-02).
    expect(await query(`SELECT coalesce(email, phone) AS who, last_activity_at FROM contact ORDER BY 1`)).toEqual([
      { who: '+41791234567', last_activity_at: at('2024-05-03T10:00:00Z') },
      { who: 'ann@example.com', last_activity_at: at('2024-05-20T14:00:00Z') },
      { who: 'bob@example.com', last_activity_at: at('2024-05-28T00:00:00Z') },
      { who: 'carl@example.org', last_activity_at: at('2024-05-02T09:00:02Z') },
    ]);
    // The page view's "+02:00": 09:31:10 there is 07:31:10 UTC. The form's Unix time 1714642800 is 09:40 UTC.
    expect(await query(`SELECT e.source_event_id, e.type, e.occurred_at, e.value, e.currency FROM engagement_event e WHERE e.message_id IS NULL ORDER BY e.occurred_at`)).toEqual([
      { source_event_id: expect.stringMatching(/^row:[0-9a-f]{32}$/), type: 'PAGE_VIEW', occurred_at: at('2024-05-02T07:31:10Z'), value: null, currency: null },
      { source_event_id: 'web-4711', type: 'FORM_SUBMITTED', occurred_at: at('2024-05-02T09:40:00Z'), value: null, currency: null },
      { source_event_id: 'inv-2024-0042', type: 'CONVERTED', occurred_at: at('2024-05-28T00:00:00Z'), value: 990, currency: 'CHF' },
    ]);

    // ann: delivered 09:00, clicked a case study 09:05 (5 minutes later: a person), read 12.5 s at 09:30 and converted
    // 1200.50 EUR on the campaign. Her first human "open" is the click: she opened no pixel, but clicked.
    expect(await messageFacts(db.store.dataSource, 'spring-launch', { email: 'ann@example.com' })).toEqual({
      ...NO_FACTS, status: 'DELIVERED', statusAt: '2024-05-02T09:00:00.000Z', deliveredAt: '2024-05-02T09:00:00.000Z', firstHumanOpenAt: '2024-05-02T09:05:00.000Z',
      firstHumanClickAt: '2024-05-02T09:05:00.000Z', humanClicks: 1, categories: ['CASE_STUDY'], readSeconds: 12.5, converted: true, revenue: 1200.5,
    });
    // bob: a 3-second read at 1714640400 (09:00 UTC) proves delivery; his later conversion is not this message's.
    expect(await messageFacts(db.store.dataSource, 'spring-launch', { email: 'bob@example.com' })).toEqual({
      ...NO_FACTS, status: 'DELIVERED', statusAt: '2024-05-02T09:00:00.000Z', deliveredAt: '2024-05-02T09:00:00.000Z', firstHumanOpenAt: '2024-05-02T09:00:00.000Z', readSeconds: 3,
    });
    expect(await messageFacts(db.store.dataSource, 'spring-launch', { email: 'carl@example.org' })).toEqual({ ...NO_FACTS, status: 'HARD_BOUNCED', statusAt: '2024-05-02T09:00:02.000Z' });
    expect(await messageFacts(db.store.dataSource, 'wa-intro', { phone: '+41791234567' })).toEqual({
      ...NO_FACTS, status: 'DELIVERED', statusAt: '2024-05-03T10:00:00.000Z', deliveredAt: '2024-05-03T10:00:00.000Z', replied: true,
    });
  });

  it('importing the same files a second time changes nothing', async () => {
    await db.run(FILES.map(fixture));
    const before = await dumpImport(db.store.dataSource);
    const again = await db.run(FILES.map(fixture));
    expect(again.imported).toBe(0);
    expect(again.counts).toMatchObject({ event: { new: 0, updated: 0, unchanged: 10 }, spend: { new: 0, updated: 0, unchanged: 3 } });
    expect(await dumpImport(db.store.dataSource)).toEqual(before);
  });

  it('two overlapping files give the same database as the whole file', async () => {
    const [header, ...rows] = fixtureText(__dirname, 'events.csv').split('\n').filter((line) => line !== '');
    expect(rows).toHaveLength(7);
    // Rows 1–4 (delivered, read, page view, form) and 3–7 (page view, form, conversion, 2 spend): 4 + 3 events, 2 twice.
    const split = await db.run([db.tempFile('a.csv', [header, ...rows.slice(0, 4)].join('\n')), db.tempFile('b.csv', [header, ...rows.slice(2)].join('\n'))]);
    expect(split.counts.event).toEqual({ new: 5, updated: 0, unchanged: 2 });
    const fromOverlap = await dumpImport(db.store.dataSource);

    await db.reset();
    await db.run([fixture('events.csv')]);
    expect(fromOverlap).toEqual(await dumpImport(db.store.dataSource));
  });

  it('keeps each rejected row with its file, line and reason, and imports the good rows around them', async () => {
    await db.run([fixture('events-malformed.csv'), fixture('events-malformed.ndjson')]);
    const types = 'sent, deferred, delivered, bounced, dropped, opened, clicked, read, replied, forwarded, unsubscribed, resubscribed, complained, converted, page_view, form_submitted, printed, failed';
    const csv = (line: number, field: string, reason: string) => ({ file: 'events-malformed.csv', line, field, reason });
    expect(await rejectedRows(db.store.dataSource)).toEqual([
      csv(2, 'timestamp', '"timestamp" is not an ISO 8601 date-time or a Unix time (got "yesterday")'),
      csv(3, 'type', `"type" "viewed" is not an event type (${types}) or "spend"`),
      csv(4, 'contact', '"contact" is empty; give the email address or phone number (+41 …)'),
      csv(5, 'contact', '"contact" is neither an email address nor a phone number in international format (got "ann(at)example.com")'),
      csv(6, 'campaign', '"campaign" is empty; a DELIVERED row belongs to a message of a campaign'),
      csv(7, 'value', '"value" is not a number (got "1,200.50"; use a dot for decimals, no thousands separator)'),
      csv(8, 'currency', '"currency" is empty; a row with a "value" needs its currency (EUR, USD …)'),
      csv(9, 'read_seconds', '"read_seconds" is not a number of seconds (got "twelve")'),
      csv(10, 'bounce_kind', '"bounce_kind" must be hard or soft on a BOUNCED row (got "maybe")'),
      csv(11, 'period_end', '"period_end" 2024-05-01 is before "period_start" 2024-05-31'),
      csv(12, 'currency', '"currency" is not a 3-letter ISO 4217 code (got "")'),
      csv(13, 'type', `"type" is empty; give an event type (${types}) or "spend"`),
      { file: 'events-malformed.ndjson', line: 2, field: 'timestamp', reason: '"timestamp" must be a string or a number' },
      { file: 'events-malformed.ndjson', line: 3, field: null, reason: 'not a JSON object with the fields of a generic row' },
      { file: 'events-malformed.ndjson', line: 4, field: null, reason: expect.stringMatching(/^not valid JSON \(/) },
    ]);
    // Good: ann's page view at 09:31:10 in each file; the CSV has no url column and the NDJSON line has one, so they
    // are two events. No campaign, message or spend survives.
    expect(await tableCounts(db.store.dataSource)).toEqual({ ...NONE, rejectedRows: 15, contacts: 1, campaigns: 0, messages: 0, events: 2, eventsWithoutMessage: 2, links: 0, spend: 0 });
  });
});
