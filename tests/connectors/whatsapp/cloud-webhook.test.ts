import { readFileSync } from 'node:fs';
import { UnusableInputError } from '../../../src/connectors/sdk/errors';
import { cloudWebhook } from '../../../src/connectors/whatsapp/cloud-webhook';
import { whatsappConnector } from '../../../src/connectors/whatsapp';
import { fixturesOf, ofKind, parseFile, type ParsedFile } from '../../support/run-parser';
import type { FileKind, ParseContext } from '../../../src/connectors/sdk/connector';

const fixture = fixturesOf('whatsapp');
const parseFixture = (kind: FileKind, name: string, context: Partial<ParseContext> = {}): Promise<ParsedFile> =>
  parseFile(kind, fixture(name), { fileName: name, ...context });

describe('WhatsApp Cloud API webhook bodies (cloud-webhook)', () => {
  test('sent and failed statuses map to SENT and FAILED, and the failed one keeps the campaign of its earlier status', async () => {
    const { outputs, records, rejections } = await parseFixture(cloudWebhook, 'webhook-status-sent-failed.json');
    expect(rejections).toEqual([]);
    expect(outputs.map((output) => output.line)).toEqual([2, 42]);
    expect(ofKind(records, 'campaign')).toEqual([
      { kind: 'campaign', externalId: 'wa-category:service', name: 'WhatsApp service messages', channel: 'WHATSAPP' },
    ]);
    const [sent, failed] = ofKind(records, 'event');
    expect(sent).toEqual({
      kind: 'event',
      sourceEventId: 'wamid.xyzxyz:sent',
      type: 'SENT',
      occurredAt: new Date(1698266945 * 1000),
      contact: { phone: '+972987654321' },
      campaignExternalId: 'wa-category:service',
      channel: 'WHATSAPP',
      sourceMessageId: 'wamid.xyzxyz',
      payload: expect.objectContaining({ id: 'wamid.xyzxyz', status: 'sent' }),
    });
    expect(failed).toEqual({
      kind: 'event',
      sourceEventId: 'wamid.xyzxyz:failed',
      type: 'FAILED',
      occurredAt: new Date(1689380458 * 1000),
      contact: { phone: '+972987654321' },
      campaignExternalId: 'wa-category:service',
      channel: 'WHATSAPP',
      sourceMessageId: 'wamid.xyzxyz',
      reason: "User's number is part of an experiment (code 130472): Failed to send message because this user's phone number is part of an experiment",
      payload: expect.objectContaining({ status: 'failed' }),
    });
  });

  test('inbound messages are replies with the sender profile as a contact, and a status without pricing is uncategorised', async () => {
    const { outputs, records, rejections } = await parseFixture(cloudWebhook, 'webhook-inbound.json');
    expect(rejections).toEqual([]);
    expect(outputs.map((output) => output.line)).toEqual([1, 40, 83]);
    expect(ofKind(records, 'contact')).toEqual([
      { kind: 'contact', ref: { phone: '+972987654321' }, firstName: 'Test', lastName: 'Name', properties: { whatsappName: 'Test Name' } },
      { kind: 'contact', ref: { phone: '+16315555555' }, firstName: 'Kerry', lastName: 'Fisher', properties: { whatsappName: 'Kerry Fisher' } },
    ]);
    const [text, unknown, sent] = ofKind(records, 'event');
    expect(text).toEqual({
      kind: 'event',
      sourceEventId: 'wamid.xyzxyz:replied',
      type: 'REPLIED',
      occurredAt: new Date(1697043223 * 1000),
      contact: { phone: '+972987654321' },
      channel: 'WHATSAPP',
      payload: { from: '972987654321', id: 'wamid.xyzxyz', timestamp: '1697043223', text: { body: 'Body Text' }, type: 'text' },
    });
    // A message type the API cannot show is still the contact answering.
    expect(unknown).toMatchObject({
      sourceEventId: 'wamid.ABGGFlA5FpafAgo6tHcNmNjXmuSf:replied',
      type: 'REPLIED',
      reason: 'Unsupported message type (code 130501): Message type is not currently supported',
    });
    expect(sent).toMatchObject({ sourceEventId: 'wamid.gBGGFlCGg0cvAglAxydbAoy-gwNo:sent', type: 'SENT', campaignExternalId: 'wa-category:uncategorised' });
    expect(ofKind(records, 'campaign').map((campaign) => campaign.externalId)).toEqual(['wa-category:uncategorised']);
  });

  test('per-message pricing statuses and business-scoped user ids map to contacts by phone and user id', async () => {
    const { records, rejections } = await parseFixture(cloudWebhook, 'webhook-pmp-bsuid.ndjson');
    expect(rejections).toEqual([]);
    expect(ofKind(records, 'contact')).toEqual([
      {
        kind: 'contact',
        ref: { phone: '+16505551234', externalId: 'user.9373795779eb6441c8adb2eaee5b848e7dd174ddd302d7db62142f4722d574b6' },
        firstName: 'Pablo',
        lastName: 'M.',
        properties: { whatsappName: 'Pablo M.', whatsappUsername: '@pablomorales', countryCode: 'US' },
      },
      {
        kind: 'contact',
        ref: { externalId: 'user.93737...' },
        firstName: 'Sheena',
        lastName: 'Nelson',
        properties: { whatsappName: 'Sheena Nelson', whatsappUsername: '@realsheenanelson', countryCode: 'US' },
      },
    ]);
    const [delivered, reply] = ofKind(records, 'event');
    expect(delivered).toMatchObject({
      sourceEventId: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=:delivered',
      type: 'DELIVERED',
      occurredAt: new Date(1750030073 * 1000),
      campaignExternalId: 'wa-category:marketing',
    });
    expect(reply).toMatchObject({ type: 'REPLIED', contact: { externalId: 'user.93737...' }, occurredAt: new Date(1749416383 * 1000) });
  });

  test('a tagged send, its read receipt and a reply quoting it all belong to the tagged campaign', async () => {
    const { outputs, records, rejections } = await parseFixture(cloudWebhook, 'webhook-reply-with-context.ndjson');
    expect(rejections).toEqual([]);
    expect(outputs).toHaveLength(5);
    expect(ofKind(records, 'campaign')).toEqual([
      { kind: 'campaign', externalId: 'spring-launch-2025', name: 'WhatsApp spring-launch-2025', channel: 'WHATSAPP' },
      { kind: 'campaign', externalId: 'wa-category:marketing', name: 'WhatsApp marketing messages', channel: 'WHATSAPP' },
    ]);
    const wamid = 'wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI3QjBCNjQ1RUQ0MjdCNTNGQUEA';
    const events = ofKind(records, 'event');
    expect(events.map((event) => [event.type, event.campaignExternalId, event.sourceMessageId])).toEqual([
      ['SENT', 'spring-launch-2025', wamid],
      ['READ', 'spring-launch-2025', wamid],
      ['REPLIED', 'spring-launch-2025', wamid],
      ['SENT', 'wa-category:marketing', 'wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI4QjBCNjQ1RUQ0MjdCNTNGQUEA'],
      ['FAILED', 'wa-category:marketing', 'wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI4QjBCNjQ1RUQ0MjdCNTNGQUEA'],
    ]);
    expect(events[4].reason).toBe('Message undeliverable (code 131026): Message could not be delivered');
  });

  test('bad items are rejected one by one with the field at fault while good items in the same body import', async () => {
    const { outputs, records, rejections } = await parseFixture(cloudWebhook, 'webhook-malformed.ndjson');
    expect(outputs).toHaveLength(7);
    expect(ofKind(records, 'event').map((event) => event.sourceEventId)).toEqual(['wamid.good:delivered']);
    expect(rejections.map(({ line, field, reason }) => ({ line, field, reason }))).toEqual([
      { line: 1, field: 'statuses[0].timestamp', reason: '"statuses[0].timestamp" is not a Unix time (got "TIMESTAMP")' },
      { line: 2, field: 'statuses[0].status', reason: '"statuses[0].status" "deleted" is not a WhatsApp message status (sent, delivered, read, played or failed)' },
      { line: 3, field: 'object', reason: 'not a WhatsApp Business webhook body: "object": Invalid input: expected "whatsapp_business_account"' },
      { line: 4, field: undefined, reason: expect.stringMatching(/^not valid JSON \(/) },
      { line: 5, field: 'statuses[0].id', reason: '"statuses[0].id" is missing' },
      { line: 6, field: 'statuses[0].recipient_id', reason: '"statuses[0].recipient_id" is not a phone number (got "") and there is no "recipient_user_id": the status names no recipient' },
    ]);
    expect(rejections[1].raw).toBe('{"id":"wamid.bad2","status":"deleted","timestamp":"1603086313","recipient_id":"16315551234"}');
  });

  test('a file that ends inside a body is one rejection naming the truncation', async () => {
    const { outputs, rejections } = await parseFixture(cloudWebhook, 'webhook-truncated.json');
    expect(outputs).toHaveLength(1);
    expect(rejections[0]).toMatchObject({ line: 1, reason: 'truncated JSON: the file ends inside this value' });
  });

  test.each([
    ['empty.txt', 'the file is empty'],
    ['chat.zip', 'this is a binary file'],
    ['not-a-chat.txt', 'this is not JSON'],
  ])('%s is not webhook JSON at all', async (name, message) => {
    await expect(parseFixture(cloudWebhook, name)).rejects.toThrow(UnusableInputError);
    await expect(parseFixture(cloudWebhook, name)).rejects.toThrow(message);
  });

  test('detection accepts webhook bodies only, and the connector tries them before chat exports', () => {
    expect(cloudWebhook.detect(readFileSync(fixture('webhook-pmp-bsuid.ndjson'), 'utf8'), 'x.ndjson')).toBe(true);
    expect(cloudWebhook.detect(readFileSync(fixture('webhook-inbound.json'), 'utf8'), 'x.json')).toBe(true);
    expect(cloudWebhook.detect(readFileSync(fixture('android-24h-dmy.txt'), 'utf8'), 'x.txt')).toBe(false);
    expect(whatsappConnector.fileKinds.map((kind) => kind.name)).toEqual(['cloud-webhook', 'chat-txt']);
  });
});
