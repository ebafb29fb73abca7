import { createReadStream, readFileSync } from 'node:fs';
import { chatTxt, partnerFromFileName } from '../../../src/connectors/whatsapp/chat-txt';
import { UnusableInputError } from '../../../src/connectors/sdk/errors';
import { fixturesOf, ofKind, parseFile, type ParsedFile } from '../../support/run-parser';
import type { FileKind, ParseContext } from '../../../src/connectors/sdk/connector';

const fixture = fixturesOf('whatsapp');
const parseFixture = (kind: FileKind, name: string, context: Partial<ParseContext> = {}): Promise<ParsedFile> =>
  parseFile(kind, fixture(name), { fileName: name, ...context });

describe('WhatsApp chat export (chat-txt)', () => {
  test('an Android 12-hour m/d/yy export yields a campaign message per business message and a reply per contact message', async () => {
    const { outputs, records, rejections, context } = await parseFixture(chatTxt, 'android-12h-mdy.txt');
    expect(rejections).toEqual([]);
    expect(outputs.map((output) => output.line)).toEqual([1, 2, 3, 5, 6]);
    expect(outputs[0]).toEqual({ line: 1, records: [] }); // the encryption notice
    expect(ofKind(records, 'campaign').map((campaign) => campaign.name)).toEqual(['naale baruttiya?', '<Media omitted>']);
    expect(ofKind(records, 'contact')).toEqual([
      { kind: 'contact', ref: { externalId: 'name:Skanda' }, firstName: 'Skanda', properties: { whatsappName: 'Skanda' } },
    ]);
    expect(ofKind(records, 'message')).toHaveLength(2);
    const events = ofKind(records, 'event');
    expect(events.map((event) => event.type)).toEqual(['SENT', 'REPLIED', 'SENT', 'REPLIED']);
    const [firstCampaign, secondCampaign] = ofKind(records, 'campaign').map((campaign) => campaign.externalId);
    expect(events[1]).toEqual({
      kind: 'event',
      sourceEventId: expect.stringMatching(/^wa-chat:[0-9a-f]{32}$/),
      type: 'REPLIED',
      // U+202F before PM: 9:16 PM is 21:16, read as UTC by default.
      occurredAt: new Date('2023-12-31T21:16:00Z'),
      contact: { externalId: 'name:Skanda' },
      campaignExternalId: firstCampaign,
      channel: 'WHATSAPP',
      payload: { author: 'Skanda', text: 'haan maga\nbartini 10 ge', localTime: '2023-12-31T21:16:00' },
    });
    expect(events[3].campaignExternalId).toBe(secondCampaign);
    expect(chatTxt.notes?.(context)).toEqual([
      'chat times have no zone and were read as UTC (the default); if the exporting phone was elsewhere, re-import with its IANA time zone',
      'dates are month/day/year: "12/31/23" on line 1 has a day above 12',
    ]);
  });

  test('a chat partner named by the Android file name is the contact even when they write first', async () => {
    const { records } = await parseFixture(chatTxt, 'android-12h-mdy.txt', { fileName: 'WhatsApp Chat with Rahul.txt' });
    const events = ofKind(records, 'event');
    expect(events.map((event) => [event.type, event.contact])).toEqual([
      ['REPLIED', { externalId: 'name:Rahul' }],
      ['SENT', { externalId: 'name:Rahul' }],
      ['REPLIED', { externalId: 'name:Rahul' }],
      ['SENT', { externalId: 'name:Rahul' }],
    ]);
    // Rahul's opening message answers no campaign: an inquiry.
    expect(events[0].campaignExternalId).toBeUndefined();
    expect(events[2].campaignExternalId).toBe(events[1].campaignExternalId);
  });

  test('a 24-hour dd/mm/yyyy export is read in the import time zone and a phone-number name becomes an E.164 contact', async () => {
    const { outputs, records, rejections, context } = await parseFixture(chatTxt, 'android-24h-dmy.txt', { timezone: 'Europe/Berlin' });
    expect(rejections).toEqual([]);
    expect(outputs.map((output) => output.line)).toEqual([1, 2, 3, 4, 6]);
    expect(ofKind(records, 'contact')).toEqual([{ kind: 'contact', ref: { phone: '+41791234567' } }]);
    expect(ofKind(records, 'message')).toEqual([
      { kind: 'message', campaignExternalId: expect.stringMatching(/^wa-text:/), contact: { phone: '+41791234567' }, channel: 'WHATSAPP', sentAt: new Date('2023-12-31T20:41:00Z') },
      { kind: 'message', campaignExternalId: expect.stringMatching(/^wa-text:/), contact: { phone: '+41791234567' }, channel: 'WHATSAPP', sentAt: new Date('2024-01-01T08:05:00Z') },
    ]);
    const replies = ofKind(records, 'event').filter((event) => event.type === 'REPLIED');
    expect(replies.map((reply) => [reply.occurredAt.toISOString(), (reply.payload as { text: string }).text])).toEqual([
      ['2023-12-31T20:55:00.000Z', 'YES'],
      ['2024-01-01T08:02:00.000Z', 'Can you call me\nafter 10?'],
    ]);
    expect(chatTxt.notes?.(context)).toEqual([
      'chat times have no zone and were read as Europe/Berlin',
      'dates are day/month/year: "31/12/2023" on line 1 has a day above 12',
    ]);
  });

  test('a dd.mm.yy export keeps a system line that contains ": " out of the messages', async () => {
    const { outputs, records } = await parseFixture(chatTxt, 'android-dotted-dmy.txt');
    expect(outputs).toHaveLength(4);
    expect(outputs[3]).toEqual({ line: 4, records: [] });
    expect(ofKind(records, 'campaign')).toEqual([
      { kind: 'campaign', externalId: expect.stringMatching(/^wa-text:[0-9a-f]{20}$/), name: 'Frühlingsaktion: 10 % auf alle Tulpen bis 01.03.', channel: 'WHATSAPP' },
    ]);
    expect(ofKind(records, 'contact')).toEqual([
      { kind: 'contact', ref: { externalId: 'name:Anna Müller' }, firstName: 'Anna', lastName: 'Müller', properties: { whatsappName: 'Anna Müller' } },
    ]);
    expect(ofKind(records, 'event').map((event) => [event.type, event.occurredAt.toISOString()])).toEqual([
      ['SENT', '2024-02-14T10:01:00.000Z'],
      ['REPLIED', '2024-02-14T10:30:00.000Z'],
    ]);
  });

  test('an iOS bracketed export with CRLF, seconds and marks treats the notice iOS attributes to the partner as a system line', async () => {
    const { outputs, records } = await parseFixture(chatTxt, 'ios-bracketed-12h.txt');
    expect(outputs[0]).toEqual({ line: 1, records: [] });
    expect(ofKind(records, 'contact').map((contact) => contact.ref)).toEqual([{ externalId: 'name:Priya' }]);
    const events = ofKind(records, 'event');
    expect(events.map((event) => [event.type, event.occurredAt.toISOString(), (event.payload as { author: string }).author])).toEqual([
      ['SENT', '2023-12-31T21:15:00.000Z', 'Me'],
      ['REPLIED', '2023-12-31T21:15:23.000Z', 'Priya'],
      ['SENT', '2023-12-31T21:16:01.000Z', 'Me'],
    ]);
    expect(ofKind(records, 'campaign').map((campaign) => campaign.name)).toEqual([
      'Hello Priya, our new catalogue is out: https://example.com/catalogue',
      'image omitted',
    ]);
  });

  test('a group export addresses each business message to every member met in the look-ahead window', async () => {
    const { outputs, records, rejections } = await parseFixture(chatTxt, 'ios-group-dotted-24h.txt');
    expect(rejections).toEqual([]);
    expect(outputs).toHaveLength(24);
    expect(outputs.slice(0, 4).every((output) => 'records' in output && output.records.length === 0)).toBe(true);
    expect(ofKind(records, 'campaign')).toHaveLength(5); // John, the first author, is the business
    expect(ofKind(records, 'contact').map((contact) => contact.ref)).toEqual([{ externalId: 'name:Loris' }, { externalId: 'name:Emily' }]);
    expect(ofKind(records, 'message')).toHaveLength(10);
    const events = ofKind(records, 'event');
    expect(events.filter((event) => event.type === 'SENT')).toHaveLength(10);
    expect(events.filter((event) => event.type === 'REPLIED')).toHaveLength(15);
    expect(new Set(events.map((event) => event.sourceEventId)).size).toBe(25);
    const last = events[events.length - 1];
    expect(last.occurredAt).toEqual(new Date('2019-06-20T16:03:07Z'));
    expect(last.payload).toEqual({ author: 'Emily', text: "Come on...\ndon't be so mysterious and show us!", localTime: '2019-06-20T16:03:07' });
  });

  test('when no number is above 12 the day/month order is the one that keeps the dates in order', async () => {
    const { records, context } = await parseFixture(chatTxt, 'android-group-ambiguous.txt');
    const replies = ofKind(records, 'event').filter((event) => event.type === 'REPLIED');
    expect(replies.map((reply) => [reply.occurredAt.toISOString(), reply.contact])).toEqual([
      ['2017-08-05T01:48:00.000Z', { externalId: 'name:TestBot' }],
      ['2017-09-04T01:50:00.000Z', { phone: '+410123456789' }],
    ]);
    expect((replies[1].payload as { text: string }).text).toBe('How are you?\n\nIs everything alright?');
    expect(chatTxt.notes?.(context)?.[1]).toBe('dates are month/day/year: only that order keeps the messages in date order');
  });

  test('a broadcast without a reply is addressed to the partner named by the file name, and repeats keep distinct ids', async () => {
    const { records, rejections } = await parseFixture(chatTxt, 'android-no-reply.txt', { fileName: 'WhatsApp Chat with +41 79 123 45 67.txt' });
    expect(rejections).toEqual([]);
    expect(ofKind(records, 'campaign')).toHaveLength(1);
    const sent = ofKind(records, 'event');
    expect(sent.map((event) => [event.type, event.contact])).toEqual([
      ['SENT', { phone: '+41791234567' }],
      ['SENT', { phone: '+41791234567' }],
    ]);
    expect(sent[0].sourceEventId).not.toBe(sent[1].sourceEventId);
  });

  test('a broadcast without a reply or a partner in the file name is rejected with what to do', async () => {
    const { records, rejections } = await parseFixture(chatTxt, 'android-no-reply.txt', { fileName: '_chat.txt' });
    expect(records).toEqual([]);
    expect(rejections).toHaveLength(2);
    expect(rejections[0]).toEqual({
      line: 1,
      field: 'author',
      reason: 'no contact to address this message of "Acme Solar" to: the chat has no message from anyone else and the file name does not name the chat partner (rename the file "WhatsApp Chat with <name>.txt")',
      raw: '05/03/2024, 18:00 - Acme Solar: Hi! Our rooftop panels are 20% off until 15 January. Reply YES for a quote.',
    });
  });

  test('re-importing the same chat, even in another time zone, yields the same event ids', async () => {
    const ids = async (timezone: string) =>
      ofKind((await parseFixture(chatTxt, 'ios-group-dotted-24h.txt', { timezone })).records, 'event').map((event) => event.sourceEventId);
    const first = await ids('UTC');
    expect(await ids('UTC')).toEqual(first);
    expect(await ids('Asia/Kolkata')).toEqual(first);
  });

  test('impossible dates and times and text before the first message are rejected while good lines import', async () => {
    const { outputs, rejections } = await parseFixture(chatTxt, 'malformed-dates.txt');
    expect(outputs.map((output) => [output.line, 'records' in output ? 'ok' : 'rejected'])).toEqual([
      [1, 'rejected'],
      [2, 'ok'],
      [3, 'rejected'],
      [4, 'rejected'],
      [5, 'ok'],
      [6, 'rejected'],
      [7, 'ok'],
    ]);
    expect(rejections).toEqual([
      { line: 1, reason: 'this line is not part of any message: it comes before the first line that starts with a date and time', raw: 'Chat exported from my phone' },
      { line: 3, field: 'date', reason: '"31/13/2024" has no month 13 when read as day/month/year, the order of this file', raw: '31/13/2024, 10:05 - Bea: which month is this?' },
      { line: 4, field: 'time', reason: 'hour 25 is not on a 24-hour clock', raw: '01/02/2024, 25:10 - Bea: and which hour?' },
      { line: 6, field: 'time', reason: 'hour 13 is not on a 12-hour clock (the line has AM/PM)', raw: '01/02/2024, 13:10 PM - Bea: thirteen is not' },
    ]);
  });

  test.each([
    ['empty.txt', 'empty.txt: the file is empty'],
    ['chat.zip', 'chat.zip line 1: this is a binary file, not a text export (found a NUL byte); export the data as CSV or JSON'],
    ['not-a-chat.txt', 'not-a-chat.txt: no line starts with a WhatsApp date and time (like "31/12/23, 21:41 - Name: text"); is this an "Export chat" .txt?'],
  ])('%s is not a chat export at all', async (name, message) => {
    const attempt = parseFixture(chatTxt, name);
    await expect(attempt).rejects.toThrow(UnusableInputError);
    await expect(parseFixture(chatTxt, name)).rejects.toThrow(message);
  });

  test('a time zone that is not an IANA name stops the import before reading', async () => {
    await expect(parseFixture(chatTxt, 'android-24h-dmy.txt', { timezone: 'CET+1' })).rejects.toThrow(
      'time zone "CET+1" is not an IANA zone name; give the exporting phone\'s zone, e.g. "Europe/Berlin"',
    );
  });

  test('detection accepts chat exports and nothing else', () => {
    const head = (name: string) => readFileSync(fixture(name), 'utf8');
    for (const name of ['android-12h-mdy.txt', 'android-24h-dmy.txt', 'android-dotted-dmy.txt', 'ios-bracketed-12h.txt', 'ios-group-dotted-24h.txt']) {
      expect(chatTxt.detect(head(name), name)).toBe(true);
    }
    expect(chatTxt.detect(head('webhook-status-sent-failed.json'), 'x.json')).toBe(false);
    expect(chatTxt.detect(head('not-a-chat.txt'), 'not-a-chat.txt')).toBe(false);
    expect(chatTxt.detect('contact,type,timestamp\nann@example.com,opened,2024-05-02T09:30:00Z\n', 'events.csv')).toBe(false);
  });

  test('the chat partner is read from Android file names in several languages', () => {
    expect(partnerFromFileName('/uploads/WhatsApp Chat with Rahul.txt')).toBe('Rahul');
    expect(partnerFromFileName('WhatsApp-Chat mit Anna Müller (1).txt')).toBe('Anna Müller');
    expect(partnerFromFileName('Chat de WhatsApp con +34 600 123 456.txt')).toBe('+34 600 123 456');
    expect(partnerFromFileName('WhatsApp Chat - Priya.txt')).toBe('Priya');
    expect(partnerFromFileName('_chat.txt')).toBeUndefined();
  });

  test('the parser reads a stream chunk by chunk', async () => {
    // 16-byte chunks split lines, CRLF pairs and multi-byte characters across chunk boundaries.
    const stream = createReadStream(fixture('ios-group-dotted-24h.txt'), { highWaterMark: 16 });
    const outputs = [];
    for await (const output of chatTxt.parse(stream, { fileName: '_chat.txt', timezone: 'UTC' })) outputs.push(output);
    expect(outputs).toHaveLength(24);
  });
});
