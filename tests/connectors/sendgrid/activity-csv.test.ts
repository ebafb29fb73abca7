/** The `activity-csv` file kind, on the Email Activity CSV fixtures (origins in fixtures/README.md). */
import { createHash } from 'node:crypto';
import { UnusableInputError } from '../../../src/connectors/sdk/errors';
import { activityCsvKind } from '../../../src/connectors/sendgrid/activity-csv';
import { campaignsOf, eventsOf, parseFixture, recordsOf, rejectionsOf } from './read-fixture';

const CAT_FACTS_MESSAGE = '14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.0';

function expectedKey(parts: [string, string, string, string, string]): string {
  return `activity:${createHash('sha256').update(JSON.stringify(parts)).digest('hex')}`;
}

describe('SendGrid Email Activity CSV', () => {
  it('maps each of the 18 rows to the one event it states, with activity-feed event names', async () => {
    const outputs = await parseFixture(activityCsvKind, 'email-activity.csv');
    expect(outputs).toHaveLength(18);
    expect(outputs.map((output) => output.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    expect(rejectionsOf(outputs)).toEqual([]);
    expect(recordsOf(outputs)).toHaveLength(23);
    expect(eventsOf(outputs).map((event) => event.type)).toEqual([
      'SENT',
      'DEFERRED',
      'DELIVERED',
      'OPENED',
      'CLICKED',
      'CLICKED',
      'COMPLAINED',
      'UNSUBSCRIBED',
      'RESUBSCRIBED',
      'SENT',
      'BOUNCED',
      'DROPPED',
      'DELIVERED',
      'OPENED',
      'CLICKED',
      'UNSUBSCRIBED',
      'DELIVERED',
      'BOUNCED',
    ]);
  });

  it('applies the webhook campaign rule: marketing campaign, else first category, else uncategorised', async () => {
    const campaigns = campaignsOf(await parseFixture(activityCsvKind, 'email-activity.csv'));
    expect(campaigns).toEqual([
      { kind: 'campaign', externalId: 'category:cat facts', name: 'cat facts', channel: 'EMAIL' },
      { kind: 'campaign', externalId: 'uncategorised', name: 'SendGrid mail without campaign or category', type: 'TRANSACTIONAL', channel: 'EMAIL' },
      { kind: 'campaign', externalId: 'marketing_campaign:12345', name: 'Spring newsletter', channel: 'EMAIL', subject: 'Spring product news' },
      // `["newsletter","b2b"]` read as JSON, `welcome,onboarding` as a comma-separated list.
      { kind: 'campaign', externalId: 'category:newsletter', name: 'newsletter', channel: 'EMAIL', type: 'NEWSLETTER' },
      { kind: 'campaign', externalId: 'category:welcome', name: 'welcome', channel: 'EMAIL' },
    ]);
  });

  it('fills the event fields from the row and keeps the row as payload', async () => {
    const events = eventsOf(await parseFixture(activityCsvKind, 'email-activity.csv'));
    expect(events[0]).toEqual({
      kind: 'event',
      sourceEventId: expectedKey([CAT_FACTS_MESSAGE, 'processed', '2017-12-15T00:59:29.000Z', 'example@test.com', '']),
      type: 'SENT',
      occurredAt: new Date('2017-12-15T00:59:29.000Z'),
      contact: { email: 'example@test.com' },
      campaignExternalId: 'category:cat facts',
      channel: 'EMAIL',
      sourceMessageId: CAT_FACTS_MESSAGE,
      payload: expect.objectContaining({ processed: '2017-12-15T00:59:29Z', api_key_id: 'apikey_1', outbound_ip_type: 'dedicated' }),
    });
    expect(events[1]).toMatchObject({ type: 'DEFERRED', reason: '400 try again later' });
    // The CSV has no machine-open flag: unknown, so not set (rather than claiming a human open).
    expect(events[3].isMachine).toBeUndefined();
    expect(events[4]).toMatchObject({ type: 'CLICKED', url: 'http://www.sendgrid.com/' });
    expect(events[10]).toMatchObject({ type: 'BOUNCED', bounceKind: 'SOFT', contact: { email: 'invalid@gmail.com' }, campaignExternalId: 'uncategorised' });
    expect(events[10].reason).toMatch(/^552 5\.2\.2 /);
    expect(events[11]).toMatchObject({ type: 'DROPPED', reason: 'Bounced Address', occurredAt: new Date('2020-09-14T19:41:32.000Z') });
    expect(events[17]).toMatchObject({ type: 'BOUNCED', bounceKind: 'HARD', reason: '550 5.1.1 User unknown', contact: { email: 'New.Lead@Example.org' } });
  });

  it('builds a composite sourceEventId that is the same on every import and different for every row', async () => {
    const first = eventsOf(await parseFixture(activityCsvKind, 'email-activity.csv')).map((event) => event.sourceEventId);
    const again = eventsOf(await parseFixture(activityCsvKind, 'email-activity.csv', 64)).map((event) => event.sourceEventId);
    expect(again).toEqual(first);
    expect(new Set(first).size).toBe(18);
    expect(first.every((id) => /^activity:[0-9a-f]{64}$/.test(id))).toBe(true);
    // Two clicks of one message are told apart by their URL; the e-mail is compared in lower case.
    expect(first[5]).toBe(expectedKey([CAT_FACTS_MESSAGE, 'click', '2017-12-15T02:10:40.000Z', 'example@test.com', 'http://www.sendgrid.com/pricing']));
    expect(first[17]).toBe(
      expectedKey(['Cc8LrYXdR3nEIo5UaMl0Qx.filterdrecv-5bd9d9b8c4-x7w2t-1-5F8A1B2C-9.0', 'bounce', '2021-03-04T08:00:00.000Z', 'new.lead@example.org', '']),
    );
  });

  it('rejects rows with a bad time, an unknown event or no e-mail, and reads Unix and "… UTC" times to the same keys', async () => {
    const outputs = await parseFixture(activityCsvKind, 'email-activity-bad-rows.csv');
    expect(outputs).toHaveLength(6);
    expect(rejectionsOf(outputs).map(({ line, field, reason }) => ({ line, field, reason }))).toEqual([
      { line: 3, field: 'processed', reason: '"processed" is not a date-time or Unix time (got "yesterday")' },
      {
        line: 4,
        field: 'event',
        reason:
          '"event" "cancel_drop" is not an Email Activity event (expected one of processed, delivered, deferred, dropped, bounced, opened, clicked, spam_report, unsubscribe, group_unsubscribe, group_resubscribe)',
      },
      { line: 5, field: 'email', reason: '"email" is missing: SendGrid names the recipient in every message event' },
      { line: 7, field: 'processed', reason: '"processed" is missing' },
    ]);
    expect(rejectionsOf(outputs)[0].raw).toMatch(/^yesterday,14c5d75ce93/);
    const good = eventsOf(outputs);
    const main = eventsOf(await parseFixture(activityCsvKind, 'email-activity.csv'));
    expect(good.map((event) => [event.occurredAt, event.sourceEventId])).toEqual([
      [new Date('2021-04-28T23:05:46.000Z'), main[9].sourceEventId],
      [new Date('2017-12-15T00:59:29.000Z'), main[0].sourceEventId],
    ]);
  });

  it.each([
    ['email-activity-pipes.csv', /line 1: missing columns "processed", "message_id", "event", "email" \(header read with delimiter ","/],
    ['empty.csv', /empty\.csv: the file is empty/],
    ['all-events.json.gz', /binary file/],
    ['all-events.json', /CSV could not be read/],
  ])('refuses %s as a whole', async (name, message) => {
    const error: unknown = await parseFixture(activityCsvKind, name).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(UnusableInputError);
    expect((error as Error).message).toMatch(message);
  });
});
