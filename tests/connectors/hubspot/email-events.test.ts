import { readFileSync } from 'node:fs';
import type { EngagementEventRecord } from '../../../src/domain/model';
import { UnusableInputError } from '../../../src/connectors/sdk/errors';
import { emailEvents } from '../../../src/connectors/hubspot/email-events';
import { fixturePath, parseFixture, recordsOf, rejectionsOf } from './helpers';

const eventsOf = async (name: string) => recordsOf(await parseFixture(emailEvents, name)) as EngagementEventRecord[];
const SENT_BY = '1566582186465/sentById';

describe('HubSpot Email Events API responses', () => {
  it('maps every event of a page onto one engagement event, and UNBOUNCE onto none', async () => {
    const outputs = await parseFixture(emailEvents, 'email-events.json');
    expect(outputs).toHaveLength(21);
    expect(rejectionsOf(outputs)).toEqual([]);
    // Each event is reported at the line its "{" opens on, not at the page's line.
    expect(outputs.map((output) => output.line)).toEqual([3, 20, 34, 50, 71, 91, 127, 149, 165, 181, 203, 221, 235, 246, 262, 279, 290, 307, 319, 332, 344]);
    expect(outputs[20]).toEqual({ line: 344, records: [] });
    const events = recordsOf(outputs) as EngagementEventRecord[];
    expect(events.map((event) => [event.sourceEventId, event.type, event.contact.email, event.sourceMessageId])).toEqual([
      [SENT_BY, 'SENT', 'email@gmail.com', SENT_BY],
      ['1566582186500/event_id_1', 'SENT', 'email@gmail.com', SENT_BY],
      ['1566582190000/event_id_2', 'DELIVERED', 'email@gmail.com', SENT_BY],
      ['1566584323020/event_id_3', 'OPENED', 'email@gmail.com', SENT_BY],
      ['1566582195000/event_id_4', 'OPENED', 'email@gmail.com', SENT_BY],
      ['1566585000000/event_id_5', 'OPENED', 'email@gmail.com', SENT_BY],
      ['1566585060000/event_id_6', 'CLICKED', 'email@gmail.com', SENT_BY],
      ['1566585120000/event_id_7', 'FORWARDED', 'email@gmail.com', SENT_BY],
      ['1566585180000/event_id_8', 'PRINTED', 'email@gmail.com', SENT_BY],
      ['1566590000000/event_id_9', 'UNSUBSCRIBED', 'email@gmail.com', SENT_BY],
      ['1566600000000/event_id_10', 'RESUBSCRIBED', 'email@gmail.com', undefined],
      ['1566600600000/event_id_11', 'COMPLAINED', 'email@gmail.com', SENT_BY],
      ['1566582186470/sent_2', 'SENT', 'bounce@example.com', '1566582186470/sent_2'],
      ['1566582200000/event_id_12', 'DEFERRED', 'bounce@example.com', '1566582186470/sent_2'],
      ['1566583200000/event_id_13', 'BOUNCED', 'bounce@example.com', '1566582186470/sent_2'],
      ['1566582186480/sent_3', 'SENT', 'full@example.com', '1566582186480/sent_3'],
      ['1566582300000/event_id_14', 'BOUNCED', 'full@example.com', '1566582186480/sent_3'],
      ['1566582400000/event_id_15', 'BOUNCED', 'nocategory@example.com', undefined],
      ['1566582186490/event_id_16', 'DROPPED', 'blocked@example.com', '1566582186490/event_id_16'],
      ['1566582186495/event_id_17', 'DROPPED', 'quiet@example.com', '1566582186495/event_id_17'],
    ]);
    expect(new Set(events.map((event) => event.campaignExternalId))).toEqual(new Set(['10']));
    expect(new Set(events.map((event) => event.channel))).toEqual(new Set(['EMAIL']));
  });

  it('maps the documented OPEN example to a human open of campaign 10, keeping the vendor record as payload', async () => {
    const events = await eventsOf('email-events.json');
    const page = JSON.parse(readFileSync(fixturePath('email-events.json'), 'utf8')) as { events: unknown[] };
    expect(events[3]).toEqual({
      kind: 'event',
      sourceEventId: '1566584323020/event_id_3',
      type: 'OPENED',
      occurredAt: new Date(1566584323020),
      contact: { email: 'email@gmail.com' },
      campaignExternalId: '10',
      channel: 'EMAIL',
      sourceMessageId: SENT_BY,
      // Gmail's image proxy fetches on a real open, and HubSpot did not filter it: not a machine open.
      isMachine: false,
      payload: page.events[3],
    });
  });

  it('marks opens and clicks HubSpot filtered as machine, and keeps a measured open duration as read time', async () => {
    const events = await eventsOf('email-events.json');
    expect(events[4]).toMatchObject({ type: 'OPENED', isMachine: true });
    expect(events[4].readSeconds).toBeUndefined();
    expect(events[5]).toMatchObject({ type: 'OPENED', isMachine: false, readSeconds: 9.4 });
    expect(events[6]).toMatchObject({ type: 'CLICKED', isMachine: false, url: 'https://www.example.com/pricing' });
    const [, click] = await eventsOf('email-events-array.json');
    expect(click).toMatchObject({ type: 'CLICKED', isMachine: true, url: 'https://www.example.com/case-studies/acme' });
  });

  it('classifies bounces as hard unless their category names a temporary cause or a block', async () => {
    const events = await eventsOf('email-events.json');
    const bounces = events.filter((event) => event.type === 'BOUNCED').map(({ contact, bounceKind, reason }) => ({ email: contact.email, bounceKind, reason }));
    expect(bounces).toEqual([
      { email: 'bounce@example.com', bounceKind: 'HARD', reason: 'UNKNOWN_USER: 550 5.1.1 The email account that you tried to reach does not exist' },
      { email: 'full@example.com', bounceKind: 'SOFT', reason: 'MAILBOX_FULL: 552 5.2.2 Mailbox full' },
      { email: 'nocategory@example.com', bounceKind: 'HARD', reason: '550 Rejected' },
    ]);
  });

  it('keeps deferrals apart from bounces and gives drops and suppressions their reason', async () => {
    const events = await eventsOf('email-events.json');
    expect(events[13]).toMatchObject({ type: 'DEFERRED', reason: '451 4.7.1 Greylisted, please try again later' });
    expect(events[13].bounceKind).toBeUndefined();
    expect(events[18]).toMatchObject({ type: 'DROPPED', reason: 'PREVIOUSLY_BOUNCED: The recipient previously bounced' });
    expect(events[19]).toMatchObject({ type: 'DROPPED', reason: 'UNENGAGED_CONTACT: Contact has not engaged with recent emails' });
  });

  it('reads a subscription change to UNSUBSCRIBED as an unsubscribe and an all-SUBSCRIBED change as a resubscribe', async () => {
    const events = await eventsOf('email-events.json');
    expect(events[9]).toMatchObject({ type: 'UNSUBSCRIBED', reason: 'SOURCE_RECIPIENT', occurredAt: new Date(1566590000000) });
    expect(events[10]).toMatchObject({ type: 'RESUBSCRIBED', reason: 'SOURCE_RECIPIENT', occurredAt: new Date(1566600000000) });
  });

  it('reads a plain array of events, each on its own line', async () => {
    const outputs = await parseFixture(emailEvents, 'email-events-array.json');
    expect(outputs.map((output) => output.line)).toEqual([2, 17]);
    expect(recordsOf(outputs).map((record) => record.kind === 'event' && [record.sourceEventId, record.type, record.campaignExternalId, record.sourceMessageId])).toEqual([
      ['1567000000000/event_id_40', 'DELIVERED', '11', '1566999999000/sent_40'],
      ['1567000100000/event_id_41', 'CLICKED', '11', '1566999999000/sent_40'],
    ]);
  });

  it('rejects unknown event types and events missing what ties them to a message, keeping the good ones', async () => {
    const outputs = await parseFixture(emailEvents, 'email-events-bad.json');
    expect(outputs).toHaveLength(7);
    expect(rejectionsOf(outputs).map(({ line, field, reason }) => ({ line, field, reason }))).toEqual([
      {
        line: 3,
        field: 'type',
        reason:
          '"type" "MTA_Dropped" is not a HubSpot email event type (expected one of SENT, PROCESSED, DROPPED, SUPPRESSED, DELIVERED, DEFERRED, BOUNCE, OPEN, CLICK, PRINT, FORWARD, SPAMREPORT, STATUSCHANGE, UNBOUNCE; types are upper case)',
      },
      {
        line: 13,
        field: 'type',
        reason:
          '"type" "open" is not a HubSpot email event type (expected one of SENT, PROCESSED, DROPPED, SUPPRESSED, DELIVERED, DEFERRED, BOUNCE, OPEN, CLICK, PRINT, FORWARD, SPAMREPORT, STATUSCHANGE, UNBOUNCE; types are upper case)',
      },
      { line: 23, field: 'created', reason: '"created" is not a Unix time in milliseconds (got "yesterday")' },
      { line: 33, field: 'recipient', reason: '"recipient" is missing: a DELIVERED event without the recipient\'s address cannot be tied to a contact' },
      { line: 42, field: 'emailCampaignId', reason: '"emailCampaignId" is missing: every event of a message must name its campaign' },
      {
        line: 49,
        field: 'portalSubscriptionStatus',
        reason: 'STATUSCHANGE says neither UNSUBSCRIBED nor SUBSCRIBED ("portalSubscriptionStatus" and "subscriptions[].status" are empty): there is no subscription change to import',
      },
    ]);
    // raw is the event's own text as the file has it, from its "{" (line 3) to its "}" (line 12, before the comma).
    const fileLines = readFileSync(fixturePath('email-events-bad.json'), 'utf8').split('\n');
    expect(rejectionsOf(outputs)[0].raw).toBe(fileLines.slice(2, 12).join('\n').trimStart().replace(/,$/, ''));
    expect(recordsOf(outputs)).toMatchObject([{ sourceEventId: '1566582186465/good_7', type: 'SENT', contact: { email: 'a@example.com' } }]);
  });

  it('keeps every event that closes before the file ends, even in the cut page, and rejects the event it ends inside', async () => {
    const outputs = await parseFixture(emailEvents, 'email-events-truncated.json');
    expect(outputs.map((output) => output.line)).toEqual([4, 21, 41, 57]);
    expect(recordsOf(outputs).map((record) => record.kind === 'event' && record.sourceEventId)).toEqual([SENT_BY, '1566582186500/event_id_1', '1566582190000/event_id_2']);
    expect(rejectionsOf(outputs)).toMatchObject([{ line: 57, reason: 'truncated JSON: the file ends inside this element of "events"' }]);
  });

  it('refuses JSON that is not email events, an empty file and a binary file', async () => {
    await expect(parseFixture(emailEvents, 'rate-limit-error.json')).rejects.toThrow(UnusableInputError);
    await expect(parseFixture(emailEvents, 'rate-limit-error.json')).rejects.toThrow(/this is not HubSpot email events JSON/);
    await expect(parseFixture(emailEvents, 'contacts.csv')).rejects.toThrow(/this is not JSON/);
    await expect(parseFixture(emailEvents, 'empty.csv')).rejects.toThrow(/the file is empty/);
    await expect(parseFixture(emailEvents, 'binary.xlsx')).rejects.toThrow(/binary file/);
  });
});
