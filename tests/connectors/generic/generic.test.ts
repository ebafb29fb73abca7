import { readFileSync } from 'node:fs';
import { genericConnector } from '../../../src/connectors/generic';
import { eventsCsv } from '../../../src/connectors/generic/events-csv';
import { eventsNdjson } from '../../../src/connectors/generic/events-ndjson';
import { UnusableInputError } from '../../../src/connectors/sdk/errors';
import { fixturesOf, ofKind, parseFile, type ParsedFile } from '../../support/run-parser';
import type { FileKind, ParseContext } from '../../../src/connectors/sdk/connector';

const fixture = fixturesOf('generic');
const parseFixture = (kind: FileKind, name: string, context: Partial<ParseContext> = {}): Promise<ParsedFile> =>
  parseFile(kind, fixture(name), { fileName: name, ...context });

describe('generic events and spend (events-csv)', () => {
  test('each row becomes one event or one spend record, and a campaign record comes with the first row naming it', async () => {
    const { outputs, records, rejections } = await parseFixture(eventsCsv, 'events.csv');
    expect(rejections).toEqual([]);
    expect(outputs.map((output) => output.line)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(ofKind(records, 'campaign')).toEqual([{ kind: 'campaign', externalId: 'spring-launch', name: 'spring-launch', channel: 'EMAIL' }]);
    const events = ofKind(records, 'event');
    expect(events.map((event) => event.type)).toEqual(['DELIVERED', 'READ', 'PAGE_VIEW', 'FORM_SUBMITTED', 'CONVERTED']);
    expect(events[1]).toEqual({
      kind: 'event',
      sourceEventId: expect.stringMatching(/^row:[0-9a-f]{32}$/),
      type: 'READ',
      occurredAt: new Date('2024-05-02T09:30:00Z'),
      contact: { email: 'ann@example.com' },
      campaignExternalId: 'spring-launch',
      readSeconds: 12.5,
    });
    expect(events[2]).toEqual({
      kind: 'event',
      sourceEventId: expect.stringMatching(/^row:/),
      type: 'PAGE_VIEW',
      occurredAt: new Date('2024-05-02T07:31:10Z'),
      contact: { email: 'ann@example.com' },
      url: 'https://acme.example/pricing',
    });
    expect(events[3]).toEqual({
      kind: 'event',
      sourceEventId: 'web-4711',
      type: 'FORM_SUBMITTED',
      occurredAt: new Date(1714642800 * 1000),
      contact: { phone: '+41791234567' },
      url: 'https://acme.example/contact',
    });
    expect(events[4]).toMatchObject({ type: 'CONVERTED', value: 1200.5, currency: 'EUR', campaignExternalId: 'spring-launch' });
    expect(ofKind(records, 'spend')).toEqual([
      {
        kind: 'spend',
        externalId: expect.stringMatching(/^spend:[0-9a-f]{32}$/),
        channel: 'EMAIL',
        campaignExternalId: 'spring-launch',
        periodStart: new Date('2024-05-01T00:00:00Z'),
        periodEnd: new Date('2024-05-31T00:00:00Z'),
        amount: 5000,
        currency: 'EUR',
      },
      {
        kind: 'spend',
        externalId: expect.stringMatching(/^spend:/),
        channel: 'WHATSAPP',
        periodStart: new Date('2024-05-01T00:00:00Z'),
        periodEnd: new Date('2024-05-31T00:00:00Z'),
        amount: 250,
        currency: 'USD',
      },
    ]);
  });

  test('re-importing the same file yields the same event ids and spend ids', async () => {
    const ids = async () =>
      (await parseFixture(eventsCsv, 'events.csv')).records.map((record) =>
        record.kind === 'event' ? record.sourceEventId : record.kind === 'spend' ? record.externalId : record.kind,
      );
    expect(await ids()).toEqual(await ids());
  });

  test('each bad row is rejected with a reason naming its field while good rows import', async () => {
    const { outputs, records, rejections } = await parseFixture(eventsCsv, 'events-malformed.csv');
    expect(outputs).toHaveLength(13);
    expect(ofKind(records, 'event').map((event) => [event.type, event.occurredAt.toISOString()])).toEqual([['PAGE_VIEW', '2024-05-02T09:31:10.000Z']]);
    const types = 'sent, deferred, delivered, bounced, dropped, opened, clicked, read, replied, forwarded, unsubscribed, resubscribed, complained, converted, page_view, form_submitted, printed, failed';
    expect(rejections.map(({ line, field, reason }) => [line, field, reason])).toEqual([
      [2, 'timestamp', '"timestamp" is not an ISO 8601 date-time or a Unix time (got "yesterday")'],
      [3, 'type', `"type" "viewed" is not an event type (${types}) or "spend"`],
      [4, 'contact', '"contact" is empty; give the email address or phone number (+41 …)'],
      [5, 'contact', '"contact" is neither an email address nor a phone number in international format (got "ann(at)example.com")'],
      [6, 'campaign', '"campaign" is empty; a DELIVERED row belongs to a message of a campaign'],
      [7, 'value', '"value" is not a number (got "1,200.50"; use a dot for decimals, no thousands separator)'],
      [8, 'currency', '"currency" is empty; a row with a "value" needs its currency (EUR, USD …)'],
      [9, 'read_seconds', '"read_seconds" is not a number of seconds (got "twelve")'],
      [10, 'bounce_kind', '"bounce_kind" must be hard or soft on a BOUNCED row (got "maybe")'],
      [11, 'period_end', '"period_end" 2024-05-01 is before "period_start" 2024-05-31'],
      [12, 'currency', '"currency" is not a 3-letter ISO 4217 code (got "")'],
      [13, 'type', `"type" is empty; give an event type (${types}) or "spend"`],
    ]);
    expect(rejections[0].raw).toBe('opened,ann@example.com,yesterday,spring-launch,,,,,,,');
    // A rejected row names no campaign record: spring-launch is never emitted by this file.
    expect(ofKind(records, 'campaign')).toEqual([]);
  });

  test.each([
    ['events-pipe-delimited.csv', 'events-pipe-delimited.csv line 1: missing column "type" (header read with delimiter ",": "type|contact|timestamp|campaign")'],
    ['empty.csv', 'empty.csv: the file is empty'],
    ['events.xlsx', 'events.xlsx line 1: this is a binary file, not a text export (found a NUL byte); export the data as CSV or JSON'],
  ])('%s is not a generic CSV at all', async (name, message) => {
    await expect(parseFixture(eventsCsv, name)).rejects.toThrow(UnusableInputError);
    await expect(parseFixture(eventsCsv, name)).rejects.toThrow(message);
  });
});

describe('generic events and spend (events-ndjson)', () => {
  test('JSON lines map like CSV rows, with numbers as JSON numbers', async () => {
    const { outputs, records, rejections } = await parseFixture(eventsNdjson, 'events.ndjson');
    expect(rejections).toEqual([]);
    expect(outputs).toHaveLength(6);
    expect(ofKind(records, 'campaign')).toEqual([
      { kind: 'campaign', externalId: 'spring-launch', name: 'spring-launch', channel: 'EMAIL' },
      { kind: 'campaign', externalId: 'wa-intro', name: 'wa-intro', channel: 'WHATSAPP' },
    ]);
    const events = ofKind(records, 'event');
    expect(events.map((event) => event.type)).toEqual(['CLICKED', 'READ', 'REPLIED', 'BOUNCED', 'CONVERTED']);
    expect(events[0]).toMatchObject({ url: 'https://acme.example/case-studies/solar', campaignExternalId: 'spring-launch' });
    expect(events[1]).toMatchObject({ occurredAt: new Date(1714640400 * 1000), readSeconds: 3, contact: { email: 'bob@example.com' } });
    expect(events[2]).toMatchObject({ contact: { phone: '+41791234567' }, channel: 'WHATSAPP', campaignExternalId: 'wa-intro' });
    expect(events[3]).toMatchObject({ bounceKind: 'HARD' });
    expect(events[4]).toEqual({
      kind: 'event',
      sourceEventId: 'inv-2024-0042',
      type: 'CONVERTED',
      occurredAt: new Date('2024-05-28T00:00:00Z'),
      contact: { email: 'bob@example.com' },
      value: 990,
      currency: 'CHF',
    });
    expect(ofKind(records, 'spend')).toEqual([
      {
        kind: 'spend',
        externalId: expect.stringMatching(/^spend:/),
        channel: 'WHATSAPP',
        campaignExternalId: 'wa-intro',
        periodStart: new Date('2024-05-01T00:00:00Z'),
        periodEnd: new Date('2024-05-31T00:00:00Z'),
        amount: 120,
        currency: 'CHF',
      },
    ]);
  });

  test('a field of the wrong JSON type, a value that is not an object and a cut-off line are rejections', async () => {
    const { outputs, records, rejections } = await parseFixture(eventsNdjson, 'events-malformed.ndjson');
    expect(outputs).toHaveLength(4);
    expect(ofKind(records, 'event').map((event) => event.type)).toEqual(['PAGE_VIEW']);
    expect(rejections.map(({ line, field, reason }) => [line, field, reason])).toEqual([
      [2, 'timestamp', '"timestamp" must be a string or a number'],
      [3, undefined, 'not a JSON object with the fields of a generic row'],
      [4, undefined, expect.stringMatching(/^not valid JSON \(/)],
    ]);
  });

  test.each([
    ['empty.csv', 'the file is empty'],
    ['events.xlsx', 'this is a binary file'],
    ['events.csv', 'this is not JSON'],
  ])('%s is not NDJSON at all', async (name, message) => {
    await expect(parseFixture(eventsNdjson, name)).rejects.toThrow(UnusableInputError);
    await expect(parseFixture(eventsNdjson, name)).rejects.toThrow(message);
  });
});

describe('generic connector', () => {
  test('detection tells the CSV from the NDJSON and from vendor files', () => {
    const head = (name: string) => readFileSync(fixture(name), 'utf8');
    expect(eventsCsv.detect(head('events.csv'), 'events.csv')).toBe(true);
    expect(eventsCsv.detect(head('events.ndjson'), 'events.ndjson')).toBe(false);
    expect(eventsNdjson.detect(head('events.ndjson'), 'events.ndjson')).toBe(true);
    expect(eventsNdjson.detect(head('events.csv'), 'events.csv')).toBe(false);
    // A SendGrid event has "event" and "email", and on bounces a "type": not ours.
    const sendgridBounce = '{"email":"a@b.com","event":"bounce","type":"blocked","timestamp":1619651147}\n';
    expect(eventsNdjson.detect(sendgridBounce, 'events.ndjson')).toBe(false);
    expect(genericConnector.fileKinds.map((kind) => kind.name)).toEqual(['events-csv', 'events-ndjson']);
  });
});
