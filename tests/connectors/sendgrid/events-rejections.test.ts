/** The `events` file kind on bad rows and on files that are not events (origins in fixtures/README.md). */
import { UnusableInputError } from '../../../src/connectors/sdk/errors';
import { webhookEventsKind } from '../../../src/connectors/sendgrid/events';
import { eventsOf, parseFixture, rejectionsOf } from './read-fixture';

describe('SendGrid events: rows it cannot use', () => {
  it('rejects each bad row with a reason naming the field, and keeps the good rows around them', async () => {
    const outputs = await parseFixture(webhookEventsKind, 'bad-rows.ndjson');
    expect(outputs).toHaveLength(10);
    expect(outputs.filter((output) => 'records' in output).map((output) => output.line)).toEqual([1, 11]);
    expect(rejectionsOf(outputs).map(({ line, field, reason }) => ({ line, field, reason }))).toEqual([
      { line: 2, field: 'timestamp', reason: '"timestamp" is not a Unix time (got "yesterday")' },
      { line: 3, field: 'timestamp', reason: '"timestamp" is missing' },
      { line: 4, field: 'timestamp', reason: '"timestamp" is not a Unix time (got -5)' },
      { line: 5, field: 'email', reason: '"email" is missing: SendGrid names the recipient in every message event' },
      { line: 6, field: 'email', reason: '"email" is not an email address (got "example at test.com")' },
      {
        line: 7,
        field: 'sg_event_id',
        reason:
          '"sg_event_id" is missing: SendGrid gives every webhook event one and it is how a re-sent batch is recognised; import the events exactly as SendGrid posted them',
      },
      { line: 8, field: undefined, reason: 'expected a SendGrid event object, got 42' },
      { line: 9, field: undefined, reason: expect.stringMatching(/^not valid JSON \(/) },
    ]);
    expect(rejectionsOf(outputs)[1].raw).toMatch(/^\{"email":"example@test.com","smtp-id"/);
    expect(eventsOf(outputs).map((event) => event.type)).toEqual(['DELIVERED', 'CLICKED']);
  });

  it('rejects account notices and event types SendGrid does not send', async () => {
    const outputs = await parseFixture(webhookEventsKind, 'unknown-event.json');
    expect(outputs).toHaveLength(3);
    expect(eventsOf(outputs).map((event) => event.type)).toEqual(['SENT']);
    expect(rejectionsOf(outputs).map(({ line, field, reason }) => ({ line, field, reason }))).toEqual([
      {
        line: 15,
        field: 'event',
        reason: '"event" "account_status_change" is an account notice (e.g. a compliance suspension), not about a message: there is nothing to import from it',
      },
      {
        line: 21,
        field: 'event',
        reason:
          '"event" "opened" is not a SendGrid Event Webhook event type (expected one of processed, dropped, delivered, deferred, bounce, open, click, spamreport, unsubscribe, group_unsubscribe, group_resubscribe)',
      },
    ]);
  });

  it('imports the events before a cut-off and rejects the event the file ends in', async () => {
    const outputs = await parseFixture(webhookEventsKind, 'truncated.json');
    expect(outputs).toHaveLength(3);
    expect(eventsOf(outputs).map((event) => event.type)).toEqual(['SENT', 'DEFERRED']);
    expect(rejectionsOf(outputs)).toEqual([
      { line: 22, reason: 'truncated JSON: the file ends inside this value', raw: expect.stringMatching(/^\{\n {4}"email": "example@test.com"/) },
    ]);
  });
});

describe('SendGrid events: files that are not events at all', () => {
  it.each([
    ['empty.json', /empty\.json: the file is empty/],
    ['all-events.json.gz', /binary file/],
    ['email-activity.csv', /line 1: this is not JSON \(it starts with "processed,message_id,event/],
    ['activity-api-response.json', /not SendGrid Event Webhook events: the first value is an object with keys "messages"/],
  ])('refuses %s as a whole', async (name, message) => {
    const error: unknown = await parseFixture(webhookEventsKind, name).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(UnusableInputError);
    expect((error as Error).message).toMatch(message);
  });
});
