/**
 * WhatsApp files imported end to end: the real fixtures (origins in fixtures/README.md) through the connector
 * and the SDK writer into a database. Every expected number is worked out by hand from the fixtures; the
 * comment above each assertion says how. Chat times carry no zone and are read as UTC (the import default).
 */
import { whatsappConnector } from '../../../src/connectors/whatsapp';
import { fixtures, fixtureText, openImportHarness, type ImportHarness } from '../../support/import-harness';
import { dumpImport, messageFacts, NO_FACTS, rejectedRows, tableCounts } from '../../support/import-queries';
import { databaseKind } from '../../support/store';

const fixture = fixtures(__dirname);
const CHAT = 'android-24h-dmy.txt';
const REPLY_WITH_CONTEXT = 'webhook-reply-with-context.ndjson';
const ALL = [CHAT, REPLY_WITH_CONTEXT, 'webhook-status-sent-failed.json', 'webhook-inbound.json'];
const NONE = { mergedContacts: 0, campaignReports: 0, links: 0, lists: 0, memberships: 0, membershipChanges: 0, deals: 0, stageChanges: 0, spend: 0, rejectedRows: 0 };
const OFFER = 'Hi! Our rooftop panels are 20% off until 15 January. Reply YES for a quote.';
const CALL_BACK = 'Sure, we will call you at 10:30.';

describe(`WhatsApp imports into ${databaseKind()}`, () => {
  let db: ImportHarness;
  beforeAll(async () => {
    db = await openImportHarness(whatsappConnector);
  });
  beforeEach(() => db.reset());
  afterAll(() => db.close());
  const query = (sql: string, parameters?: unknown[]) => db.store.dataSource.query(sql, parameters);
  /** A chat campaign is keyed by a hash of its text; tests find it by its name, the text itself. */
  const campaignNamed = async (name: string): Promise<string> => {
    const rows = await query('SELECT external_id FROM campaign WHERE name = $1', [name]);
    expect(rows).toHaveLength(1);
    expect(rows[0].external_id).toMatch(/^wa-text:[0-9a-f]{20}$/);
    return rows[0].external_id;
  };

  it('imports a chat export and webhook bodies: sends, receipts and replies as messages, inquiries without one', async () => {
    const summary = await db.run(ALL.map(fixture));
    expect(summary.rejected).toEqual([]);
    // Chat: Acme Solar (the business: first author) sends the offer to +41 79 123 45 67, who replies twice; Acme
    // answers with a second text → 2 campaigns (one per text), 2 messages, 2 SENT + 2 REPLIED. Reply-with-context:
    // sent, read and a quoting reply on the tagged campaign "spring-launch-2025" (+1 650 555 1234, "Pablo M."), a
    // marketing send to +1 650 555 9876 that failed → 2 campaigns, 2 messages, 5 events. Sent-failed: one service send
    // to +972 98 765 4321, sent and failed → 1 campaign, 1 message, 2 events. Inbound: a text from +972 … ("Test
    // Name") and an unsupported message from +1 631 555 5555 ("Kerry Fisher"), both without context, so inquiries
    // with no message; an uncategorised send to +1 631 555 1234 → 1 campaign, 1 message, 3 events.
    // Contacts by phone: 6. Campaigns 6, messages 6, events 4 + 5 + 2 + 3 = 14, of which 2 have no message.
    expect(await tableCounts(db.store.dataSource)).toEqual({ ...NONE, contacts: 6, identities: 0, campaigns: 6, messages: 6, events: 14, eventsWithoutMessage: 2 });
    expect(await query('SELECT phone, email, first_name, last_name FROM contact ORDER BY phone COLLATE "C"')).toEqual([
      { phone: '+16315551234', email: null, first_name: null, last_name: null },
      { phone: '+16315555555', email: null, first_name: 'Kerry', last_name: 'Fisher' },
      { phone: '+16505551234', email: null, first_name: 'Pablo', last_name: 'M.' },
      { phone: '+16505559876', email: null, first_name: null, last_name: null },
      { phone: '+41791234567', email: null, first_name: null, last_name: null },
      { phone: '+972987654321', email: null, first_name: 'Test', last_name: 'Name' },
    ]);
    expect(await query(`SELECT external_id, name, channel FROM campaign WHERE external_id NOT LIKE 'wa-text:%' ORDER BY external_id COLLATE "C"`)).toEqual([
      { external_id: 'spring-launch-2025', name: 'WhatsApp spring-launch-2025', channel: 'WHATSAPP' },
      { external_id: 'wa-category:marketing', name: 'WhatsApp marketing messages', channel: 'WHATSAPP' },
      { external_id: 'wa-category:service', name: 'WhatsApp service messages', channel: 'WHATSAPP' },
      { external_id: 'wa-category:uncategorised', name: 'WhatsApp uncategorised messages', channel: 'WHATSAPP' },
    ]);

    // The offer: sent 31/12/2023 21:41, answered 21:55 and 01/01 09:02. A reply proves delivery.
    expect(await messageFacts(db.store.dataSource, await campaignNamed(OFFER), { phone: '+41791234567' })).toEqual({
      ...NO_FACTS, status: 'DELIVERED', statusAt: '2023-12-31T21:55:00.000Z', sentAt: '2023-12-31T21:41:00.000Z', deliveredAt: '2023-12-31T21:55:00.000Z', replied: true,
    });
    // The call-back at 01/01 09:05 got no answer: sent, nothing known since.
    expect(await messageFacts(db.store.dataSource, await campaignNamed(CALL_BACK), { phone: '+41791234567' })).toEqual({
      ...NO_FACTS, sentAt: '2024-01-01T09:05:00.000Z',
    });
    // Tagged send 1750030000, read 1750030400 (a read receipt is the channel's open), reply 1750030500.
    expect(await messageFacts(db.store.dataSource, 'spring-launch-2025', { phone: '+16505551234' })).toEqual({
      ...NO_FACTS, status: 'DELIVERED', statusAt: '2025-06-15T23:33:20.000Z', sentAt: '2025-06-15T23:26:40.000Z', deliveredAt: '2025-06-15T23:33:20.000Z',
      firstHumanOpenAt: '2025-06-15T23:33:20.000Z', replied: true,
    });
    // Sent 1750030001, failed 1750030060: WhatsApp does not say whether a failure is permanent, so a soft bounce.
    expect(await messageFacts(db.store.dataSource, 'wa-category:marketing', { phone: '+16505559876' })).toEqual({
      ...NO_FACTS, status: 'SOFT_BOUNCED', statusAt: '2025-06-15T23:27:40.000Z', sentAt: '2025-06-15T23:26:41.000Z',
    });
    // Pywa's example failure (1689380458) is older than its send (1698266945); the facts take each as stated.
    expect(await messageFacts(db.store.dataSource, 'wa-category:service', { phone: '+972987654321' })).toEqual({
      ...NO_FACTS, status: 'SOFT_BOUNCED', statusAt: '2023-07-15T00:20:58.000Z', sentAt: '2023-10-25T20:49:05.000Z',
    });
    expect(await query(`SELECT e.source_event_id, k.phone, e.reason FROM engagement_event e JOIN contact k ON k.id = e.contact_id
      WHERE e.message_id IS NULL ORDER BY e.occurred_at`)).toEqual([
      { source_event_id: 'wamid.ABGGFlA5FpafAgo6tHcNmNjXmuSf:replied', phone: '+16315555555', reason: 'Unsupported message type (code 130501): Message type is not currently supported' },
      { source_event_id: 'wamid.xyzxyz:replied', phone: '+972987654321', reason: null },
    ]);
  });

  it('importing the same files a second time changes nothing', async () => {
    await db.run(ALL.map(fixture));
    const before = await dumpImport(db.store.dataSource);
    const again = await db.run(ALL.map(fixture));
    expect(again.imported).toBe(0);
    // 14 events; the chat's 2 message records; the 3 profiles (Pablo, Test Name, Kerry Fisher) and the chat's contact.
    expect(again.counts).toMatchObject({ event: { new: 0, updated: 0, unchanged: 14 }, message: { new: 0, updated: 0, unchanged: 2 }, contact: { new: 0, updated: 0, unchanged: 4 } });
    expect(await dumpImport(db.store.dataSource)).toEqual(before);
  });

  it('an earlier export of the chat and overlapping webhook logs give the same database as the whole files', async () => {
    const chatLines = fixtureText(__dirname, CHAT).split('\n');
    const webhookLines = fixtureText(__dirname, REPLY_WITH_CONTEXT).split('\n').filter((line) => line !== '');
    expect(webhookLines).toHaveLength(5);
    // The chat exported after its first reply (lines 1–3: offer and YES), then the full chat. Webhook lines 1–3
    // (sent, read, reply) and 2–5: the read receipt and the reply are in both, and each log holds a status of every
    // wamid it mentions, so the reply and the failure still find their campaigns. Events: 2 + 4 + 3 + 4 = 13, 4 twice.
    const split = await db.run([
      db.tempFile(CHAT, chatLines.slice(0, 3).join('\n') + '\n'), fixture(CHAT),
      db.tempFile('hook-1.ndjson', webhookLines.slice(0, 3).join('\n') + '\n'), db.tempFile('hook-2.ndjson', webhookLines.slice(1).join('\n') + '\n'),
    ]);
    expect(split.counts.event).toEqual({ new: 9, updated: 0, unchanged: 4 });
    const fromOverlap = await dumpImport(db.store.dataSource);

    await db.reset();
    await db.run([fixture(CHAT), fixture(REPLY_WITH_CONTEXT)]);
    expect(fromOverlap).toEqual(await dumpImport(db.store.dataSource));
  });

  it('keeps each rejected line and webhook item with its file, line and reason, and imports the good ones', async () => {
    await db.run([fixture('malformed-dates.txt'), fixture('webhook-malformed.ndjson')]);
    expect(await rejectedRows(db.store.dataSource)).toEqual([
      { file: 'malformed-dates.txt', line: 1, field: null, reason: 'this line is not part of any message: it comes before the first line that starts with a date and time' },
      { file: 'malformed-dates.txt', line: 3, field: 'date', reason: '"31/13/2024" has no month 13 when read as day/month/year, the order of this file' },
      { file: 'malformed-dates.txt', line: 4, field: 'time', reason: 'hour 25 is not on a 24-hour clock' },
      { file: 'malformed-dates.txt', line: 6, field: 'time', reason: 'hour 13 is not on a 12-hour clock (the line has AM/PM)' },
      { file: 'webhook-malformed.ndjson', line: 1, field: 'statuses[0].timestamp', reason: '"statuses[0].timestamp" is not a Unix time (got "TIMESTAMP")' },
      { file: 'webhook-malformed.ndjson', line: 2, field: 'statuses[0].status', reason: expect.stringMatching(/^"statuses\[0\].status" "deleted" is not a WhatsApp message status/) },
      { file: 'webhook-malformed.ndjson', line: 3, field: 'object', reason: expect.stringMatching(/^not a WhatsApp Business webhook body/) },
      { file: 'webhook-malformed.ndjson', line: 4, field: null, reason: expect.stringMatching(/^not valid JSON \(/) },
      { file: 'webhook-malformed.ndjson', line: 5, field: 'statuses[0].id', reason: '"statuses[0].id" is missing' },
      { file: 'webhook-malformed.ndjson', line: 6, field: 'statuses[0].recipient_id', reason: expect.stringMatching(/^"statuses\[0\].recipient_id" is not a phone number/) },
    ]);
    // Good: the chat's price list (Acme Solar → Bea, line 2) and Bea's replies at lines 5 (9:10 PM) and 7; the
    // webhook's wamid.good delivered (line 2, beside the rejected "deleted" status) to +1 631 555 1234, uncategorised.
    // Bea is saved by name, so she is known by the id "name:Bea".
    expect(await tableCounts(db.store.dataSource)).toEqual({ ...NONE, rejectedRows: 10, contacts: 2, identities: 1, campaigns: 2, messages: 2, events: 4, eventsWithoutMessage: 0 });
    // Sent 31/01 10:00, answered 01/02 9:10 PM and 02/02 08:00.
    expect(await query(`SELECT c.first_name, c.phone, m.status, m.status_at, m.sent_at, m.replied FROM message m JOIN contact c ON c.id = m.contact_id
      JOIN contact_identity i ON i.contact_id = c.id WHERE i.source = 'whatsapp' AND i.external_id = 'name:Bea' AND m.campaign_id = (
        SELECT id FROM campaign WHERE external_id = $1)`, [await campaignNamed('New price list attached')])).toEqual([
      { first_name: 'Bea', phone: null, status: 'DELIVERED', status_at: new Date('2024-02-01T21:10:00Z'), sent_at: new Date('2024-01-31T10:00:00Z'), replied: true },
    ]);
    expect(await messageFacts(db.store.dataSource, 'wa-category:uncategorised', { phone: '+16315551234' })).toEqual({
      ...NO_FACTS, status: 'DELIVERED', statusAt: '2020-10-19T05:45:20.000Z', deliveredAt: '2020-10-19T05:45:20.000Z',
    });
  });
});
