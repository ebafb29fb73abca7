/** The `events` file kind, on the Event Webhook fixtures (origins in fixtures/README.md). */
import fs from 'node:fs';
import path from 'node:path';
import { webhookEventsKind } from '../../../src/connectors/sendgrid/events';
import { campaignsOf, eventsOf, FIXTURES, parseFixture, recordsOf, rejectionsOf } from './read-fixture';

const CAT_FACTS = { kind: 'campaign', externalId: 'category:cat facts', name: 'cat facts', channel: 'EMAIL' };
const UNCATEGORISED = {
  kind: 'campaign',
  externalId: 'uncategorised',
  name: 'SendGrid mail without campaign or category',
  type: 'TRANSACTIONAL',
  channel: 'EMAIL',
};
const DOCS_TIME = new Date('2017-12-15T00:59:29.000Z');

describe('SendGrid events: the documented all-events batch', () => {
  it('maps each of the 11 event types to its engagement event, in file order', async () => {
    const outputs = await parseFixture(webhookEventsKind, 'all-events.json');
    expect(outputs).toHaveLength(11);
    expect(outputs.map((output) => output.line)).toEqual([2, 11, 22, 32, 43, 55, 66, 77, 86, 95, 108]);
    expect(rejectionsOf(outputs)).toEqual([]);
    expect(eventsOf(outputs).map((event) => event.type)).toEqual([
      'SENT',
      'DEFERRED',
      'DELIVERED',
      'OPENED',
      'CLICKED',
      'BOUNCED',
      'DROPPED',
      'COMPLAINED',
      'UNSUBSCRIBED',
      'UNSUBSCRIBED',
      'RESUBSCRIBED',
    ]);
  });

  it('announces the campaign once, before the first event that names it', async () => {
    const outputs = await parseFixture(webhookEventsKind, 'all-events.json');
    expect(recordsOf(outputs)).toHaveLength(12);
    expect(campaignsOf(outputs)).toEqual([CAT_FACTS]);
    expect('records' in outputs[0] && outputs[0].records[0]).toEqual(CAT_FACTS);
  });

  it('fills the type-specific fields: deferral response, bounce kind and reason, drop reason, clicked URL, machine flag', async () => {
    const events = eventsOf(await parseFixture(webhookEventsKind, 'all-events.json'));
    const common = {
      kind: 'event',
      sourceEventId: 'sg_event_id',
      occurredAt: DOCS_TIME,
      contact: { email: 'example@test.com' },
      campaignExternalId: 'category:cat facts',
      channel: 'EMAIL',
      sourceMessageId: 'sg_message_id',
    };
    expect(events[0]).toEqual({ ...common, type: 'SENT', payload: expect.objectContaining({ event: 'processed' }) });
    expect(events[1]).toEqual({ ...common, type: 'DEFERRED', reason: '400 try again later', payload: expect.objectContaining({ attempt: '5' }) });
    expect(events[3]).toEqual({ ...common, type: 'OPENED', isMachine: false, payload: expect.objectContaining({ ip: '255.255.255.255' }) });
    expect(events[4]).toEqual({ ...common, type: 'CLICKED', url: 'http://www.sendgrid.com/', payload: expect.anything() });
    // No `type` on this bounce: its status 5.0.0 is a permanent failure.
    expect(events[5]).toEqual({ ...common, type: 'BOUNCED', bounceKind: 'HARD', reason: '500 unknown recipient', payload: expect.anything() });
    expect(events[6]).toEqual({ ...common, type: 'DROPPED', reason: 'Bounced Address', payload: expect.anything() });
    expect(events[9].payload).toEqual(expect.objectContaining({ event: 'group_unsubscribe', asm_group_id: 10 }));
  });

  it('keeps the vendor object as received in the payload', async () => {
    const events = eventsOf(await parseFixture(webhookEventsKind, 'all-events.json'));
    const documented = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'all-events.json'), 'utf8'));
    expect(events.map((event) => event.payload)).toEqual(documented);
  });

  it('yields the same records when the file arrives in 7-byte chunks', async () => {
    const whole = await parseFixture(webhookEventsKind, 'all-events.json');
    const chunked = await parseFixture(webhookEventsKind, 'all-events.json', 7);
    expect(chunked).toEqual(whole);
  });
});

describe('SendGrid events: several POST bodies and NDJSON', () => {
  it('reads seven POST bodies written one after another, hard bounce and block apart', async () => {
    const outputs = await parseFixture(webhookEventsKind, 'per-event-posts.json');
    expect(rejectionsOf(outputs)).toEqual([]);
    expect(outputs.map((output) => output.line)).toEqual([2, 17, 30, 43, 57, 71, 84]);
    const events = eventsOf(outputs);
    expect(events.map((event) => [event.type, event.sourceEventId, event.bounceKind])).toEqual([
      ['SENT', 'rbtnWrG1DVDGGGFHFyun0A==', undefined],
      ['DROPPED', 'zmzJhfJgAfUSOW80yEbPyw==', undefined],
      ['DEFERRED', 't7LEShmowp86DTdUW8M-GQ==', undefined],
      ['BOUNCED', '6g4ZI7SA-xmRDv57GoPIPw==', 'HARD'],
      ['BOUNCED', '6g4ZI7SA-xmRDv57GoPIPw==', 'SOFT'],
      ['OPENED', 'FOTFFO0ecsBE-zxFXfs6WA==', undefined],
      ['UNSUBSCRIBED', 'ahSCB7xYcXFb-hEaawsPRw==', undefined],
    ]);
    expect(events[0].sourceMessageId).toBe('14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.000000000000000000000');
    expect(campaignsOf(outputs)).toEqual([CAT_FACTS]);
  });

  it('reads the signed webhook bodies byte for byte, CRLF between events', async () => {
    const outputs = await parseFixture(webhookEventsKind, 'signed-posts.json');
    expect(outputs.map((output) => output.line)).toEqual([1, 2, 3]);
    expect(campaignsOf(outputs)).toEqual([UNCATEGORISED]);
    const [dropped, processed, bounce] = eventsOf(outputs);
    expect(dropped).toEqual({
      kind: 'event',
      sourceEventId: 'ZHJvcC0xMDk5NDkxOS1MUnpYbF9OSFN0T0doUTRrb2ZTbV9BLTA',
      type: 'DROPPED',
      occurredAt: new Date('2020-09-14T19:41:32.000Z'),
      contact: { email: 'hello@world.com' },
      campaignExternalId: 'uncategorised',
      channel: 'EMAIL',
      sourceMessageId: 'LRzXl_NHStOGhQ4kofSm_A.filterdrecv-p3mdw1-756b745b58-kmzbl-18-5F5FC76C-9.0',
      reason: 'Bounced Address',
      payload: expect.objectContaining({ 'smtp-id': '<LRzXl_NHStOGhQ4kofSm_A@ismtpd0039p1iad1.sendgrid.net>' }),
    });
    expect(processed.type).toBe('SENT');
    expect(processed.occurredAt).toEqual(new Date('2021-04-28T23:05:46.000Z'));
    // `type: "blocked"` decides, although the status 5.2.2 alone would say permanent.
    expect(bounce).toMatchObject({ type: 'BOUNCED', bounceKind: 'SOFT', occurredAt: new Date('2021-04-28T23:05:47.000Z') });
    expect(bounce.reason).toMatch(/^552 5\.2\.2 The email account that you tried to reach is over quota/);
  });

  it('reads NDJSON one event per line and flags machine opens from sg_machine_open', async () => {
    const outputs = await parseFixture(webhookEventsKind, 'events.ndjson');
    expect(outputs.map((output) => output.line)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rejectionsOf(outputs)).toEqual([]);
    expect(campaignsOf(outputs)).toEqual([UNCATEGORISED, CAT_FACTS]);
    const events = eventsOf(outputs);
    expect(events.map((event) => event.type)).toEqual(['DROPPED', 'SENT', 'BOUNCED', 'OPENED', 'OPENED', 'BOUNCED']);
    expect(events[3]).toMatchObject({ sourceEventId: 'sg_event_id', isMachine: false, occurredAt: DOCS_TIME });
    expect(events[4]).toMatchObject({
      sourceEventId: 'sg_event_id_machine_open',
      isMachine: true,
      occurredAt: new Date('2017-12-15T00:59:30.000Z'),
    });
    // Untyped bounce, `bounce_classification: "invalid"` (lower case in this copy of the docs): hard.
    expect(events[5]).toMatchObject({ bounceKind: 'HARD', reason: '500 unknown recipient' });
  });
});

describe('SendGrid events: documented quirks', () => {
  it('takes a 13-digit timestamp as milliseconds and files a Single Send under its singlesend_id', async () => {
    const outputs = await parseFixture(webhookEventsKind, 'single-send-open-ms.json');
    expect(recordsOf(outputs)).toEqual([
      { kind: 'campaign', externalId: 'singlesend:sendgrid_singlesend_id', name: 'Example Single Send', channel: 'EMAIL' },
      {
        kind: 'event',
        sourceEventId: 'sendgrid_internal_event_id',
        type: 'OPENED',
        occurredAt: new Date('2020-06-09T18:19:12.372Z'),
        contact: { email: 'email@example.com' },
        campaignExternalId: 'singlesend:sendgrid_singlesend_id',
        channel: 'EMAIL',
        sourceMessageId: 'sendgrid_internal_message_id',
        isMachine: false,
        payload: expect.objectContaining({ send_at: '1591726752372', category: [] }),
      },
    ]);
  });

  it('reads a category array, prefers the newsletter id as campaign and keeps custom args in the payload', async () => {
    const outputs = await parseFixture(webhookEventsKind, 'click-category-array.json');
    expect(campaignsOf(outputs)).toEqual([{ kind: 'campaign', externalId: 'newsletter:1943530', name: 'Newsletter 1943530', channel: 'EMAIL' }]);
    const [click] = eventsOf(outputs);
    expect(click).toMatchObject({
      type: 'CLICKED',
      url: 'http://yourdomain.com/blog/news.html',
      occurredAt: new Date('2009-08-11T00:00:00.000Z'),
      campaignExternalId: 'newsletter:1943530',
    });
    expect(click.payload).toEqual(
      expect.objectContaining({ unique_arg_key: 'unique_arg_value', category: ['category1', 'category2'], url_offset: { index: 0, type: 'html' } }),
    );
  });

  it('maps a delayed bounce without sg_message_id onto the same campaign and contact as the bounce that has it', async () => {
    const [delayed] = eventsOf(await parseFixture(webhookEventsKind, 'async-bounce.json'));
    const [original] = eventsOf(await parseFixture(webhookEventsKind, 'blocked-bounce.json'));
    expect(delayed.sourceMessageId).toBeUndefined();
    expect(original.sourceMessageId).toBe('euo2iKxdSayPF4YE4--I7A.recvd-5f54b5d587-pczjm-1-67BADEEA-6.0');
    expect([delayed.campaignExternalId, delayed.contact]).toEqual([original.campaignExternalId, original.contact]);
    expect(delayed).toEqual({
      kind: 'event',
      sourceEventId: 'Ym91bmNlLTQtNTA0ODUxOTUtZXVvMmlLeGRTYXlQRjRZRTQtLUk3QS0w',
      type: 'BOUNCED',
      occurredAt: new Date('2025-02-23T08:45:20.000Z'),
      contact: { email: 'noemail@this.does.not.exist.tld' },
      campaignExternalId: 'uncategorised',
      channel: 'EMAIL',
      bounceKind: 'SOFT',
      reason: 'unable to get mx info: failed to get IPs from PTR record: lookup <nil>: unrecognized address',
      payload: expect.objectContaining({ bounce_classification: 'Unclassified', tls: 0 }),
    });
  });
});
