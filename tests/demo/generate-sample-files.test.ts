/**
 * The demo's sample files are generated, then read back through the real connectors exactly as the importer
 * reads them (a read stream into the FileKind the generator names), so the demo data can only be data the
 * connectors accept.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { genericConnector } from '../../src/connectors/generic';
import { hubspotConnector } from '../../src/connectors/hubspot';
import { mailchimpConnector } from '../../src/connectors/mailchimp';
import type { Connector, Rejection } from '../../src/connectors/sdk/connector';
import { sendgridConnector } from '../../src/connectors/sendgrid';
import { whatsappConnector } from '../../src/connectors/whatsapp';
import { generateSampleFiles, type GeneratedSampleFile, type SampleSource } from '../../src/demo/generate-sample-files';
import { normaliseEmail, normalisePhone } from '../../src/domain/contacts/normalise';
import type { ImportRecord } from '../../src/domain/model';

const NOW = new Date('2025-06-15T12:00:00Z');
const DAY = 86_400_000;

const CONNECTORS: Record<SampleSource, Connector> = {
  hubspot: hubspotConnector,
  sendgrid: sendgridConnector,
  mailchimp: mailchimpConnector,
  whatsapp: whatsappConnector,
  generic: genericConnector,
};

interface ParsedSample {
  file: GeneratedSampleFile;
  detectedKind?: string;
  records: ImportRecord[];
  rejections: Rejection[];
}

async function parseSample(file: GeneratedSampleFile): Promise<ParsedSample> {
  const connector = CONNECTORS[file.source];
  const fileName = path.basename(file.file);
  const kind = connector.fileKinds.find((candidate) => candidate.name === file.kind);
  if (!kind) throw new Error(`${file.source} has no file kind ${file.kind}`);
  const head = fs.readFileSync(file.file).subarray(0, 64 * 1024).toString('utf8');
  const detectedKind = connector.fileKinds.find((candidate) => candidate.detect(head, fileName))?.name;
  const records: ImportRecord[] = [];
  const rejections: Rejection[] = [];
  for await (const output of kind.parse(fs.createReadStream(file.file), { fileName, timezone: 'UTC' })) {
    if ('rejected' in output) rejections.push(output.rejected);
    else records.push(...output.records);
  }
  return { file, detectedKind, records, rejections };
}

function ofKind<K extends ImportRecord['kind']>(samples: ParsedSample[], kind: K, source?: SampleSource): Extract<ImportRecord, { kind: K }>[] {
  return samples
    .filter((sample) => source === undefined || sample.file.source === source)
    .flatMap((sample) => sample.records.filter((record): record is Extract<ImportRecord, { kind: K }> => record.kind === kind));
}

const directories: string[] = [];
function freshDirectory(): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'funnelgraph-demo-'));
  directories.push(directory);
  return directory;
}

let files: GeneratedSampleFile[];
let samples: ParsedSample[];

beforeAll(async () => {
  files = generateSampleFiles(freshDirectory(), { now: NOW });
  samples = [];
  for (const file of files) samples.push(await parseSample(file));
});

afterAll(() => {
  for (const directory of directories) fs.rmSync(directory, { recursive: true, force: true });
});

describe('generating the demo sample files', () => {
  it('writes byte-identical files for the same seed and now', () => {
    const again = generateSampleFiles(freshDirectory(), { now: NOW });
    expect(again.map((file) => [file.source, path.basename(file.file), file.kind])).toEqual(files.map((file) => [file.source, path.basename(file.file), file.kind]));
    again.forEach((file, index) => expect(fs.readFileSync(file.file).equals(fs.readFileSync(files[index].file))).toBe(true));
  });

  it('writes different people for a different seed', () => {
    const other = generateSampleFiles(freshDirectory(), { now: NOW, seed: 7 });
    const contactsOf = (list: GeneratedSampleFile[]) => fs.readFileSync(list.find((file) => file.kind === 'contacts-csv')!.file, 'utf8');
    expect(contactsOf(other)).not.toEqual(contactsOf(files));
  });

  it('lists the files in import order: CRM contacts and deals first, the site events and spend last', () => {
    expect(files.map((file) => file.kind)).toEqual([
      'contacts-csv', 'deals-csv', 'audience-csv', 'audience-csv', 'audience-csv', 'reports', 'email-activity', 'email-activity',
      'events', 'cloud-webhook', 'events-ndjson', 'events-csv',
    ]);
    expect(files.map((file) => path.basename(file.file))).toEqual(expect.arrayContaining([
      expect.stringMatching(/^subscribed_members_export_[0-9a-f]{10}\.csv$/),
      expect.stringMatching(/^unsubscribed_members_export_[0-9a-f]{10}\.csv$/),
      expect.stringMatching(/^cleaned_members_export_[0-9a-f]{10}\.csv$/),
    ]));
  });

  it('gives every file a kind its connector also detects from the content', () => {
    for (const sample of samples) expect([path.basename(sample.file.file), sample.detectedKind]).toEqual([path.basename(sample.file.file), sample.file.kind]);
  });

  it('parses every file through its connector with zero rejections', () => {
    for (const sample of samples) {
      expect({ file: path.basename(sample.file.file), rejections: sample.rejections.slice(0, 3) }).toEqual({ file: path.basename(sample.file.file), rejections: [] });
      expect(sample.records.length).toBeGreaterThan(0);
    }
  });
});

describe('the demo story as the connectors read it', () => {
  it('has 3 000 CRM contacts with unique record ids, mostly subscribers and leads and a few customers', () => {
    const contacts = ofKind(samples, 'contact', 'hubspot');
    expect(contacts).toHaveLength(3000);
    expect(new Set(contacts.map((contact) => contact.ref.externalId)).size).toBe(3000);
    const share = (stage: string) => contacts.filter((contact) => contact.lifecycleStage === stage).length / contacts.length;
    expect(share('SUBSCRIBER') + share('LEAD')).toBeGreaterThan(0.8);
    expect(share('MQL')).toBeGreaterThan(share('SQL'));
    expect(share('CUSTOMER')).toBeGreaterThan(0.005);
    expect(share('CUSTOMER')).toBeLessThan(0.03);
    expect(ofKind(samples, 'lifecycle', 'hubspot').length).toBeGreaterThan(3000);
  });

  it('has won, lost and open deals, each tied to a CRM contact', () => {
    const deals = ofKind(samples, 'deal', 'hubspot');
    const contactIds = new Set(ofKind(samples, 'contact', 'hubspot').map((contact) => contact.ref.externalId));
    for (const status of ['WON', 'LOST', 'OPEN']) expect(deals.filter((deal) => deal.status === status).length).toBeGreaterThan(5);
    expect(deals.every((deal) => deal.contact?.externalId !== undefined && contactIds.has(deal.contact.externalId) && (deal.amount ?? 0) > 0)).toBe(true);
  });

  it('names six SendGrid, two Mailchimp and two WhatsApp campaigns, on both channels', () => {
    const names = (source: SampleSource) => [...new Set(ofKind(samples, 'campaign', source).map((campaign) => campaign.name))];
    expect(names('sendgrid')).toHaveLength(6);
    expect(names('sendgrid').every((name) => !name.startsWith('Single Send'))).toBe(true);
    expect(names('mailchimp')).toHaveLength(2);
    expect(names('whatsapp')).toEqual(['WhatsApp Trade fair invitation', 'WhatsApp Price list 2025']);
    const channels = new Set(ofKind(samples, 'campaign').map((campaign) => campaign.channel));
    expect([...channels].sort()).toEqual(['EMAIL', 'WHATSAPP']);
    expect(new Set(ofKind(samples, 'event', 'whatsapp').map((event) => event.channel))).toEqual(new Set(['WHATSAPP']));
  });

  it('delivers 94–98 % of each SendGrid mailing except the catalogue launch, which has a bounce problem', () => {
    const events = ofKind(samples, 'event', 'sendgrid');
    expect(new Set(events.map((event) => event.sourceEventId)).size).toBe(events.length);
    const campaigns = [...new Set(events.map((event) => event.campaignExternalId as string))];
    const rates = new Map(campaigns.map((campaign) => {
      const ofCampaign = events.filter((event) => event.campaignExternalId === campaign);
      const sent = new Set(ofCampaign.filter((event) => event.type === 'SENT').map((event) => event.contact.email)).size;
      const failed = new Set(ofCampaign.filter((event) => event.type === 'BOUNCED' || event.type === 'DROPPED').map((event) => event.contact.email)).size;
      return [campaign, (sent - failed) / sent] as const;
    }));
    const names = new Map(ofKind(samples, 'campaign', 'sendgrid').map((campaign) => [campaign.externalId, campaign.name]));
    const launch = campaigns.find((campaign) => names.get(campaign)?.startsWith('Catalogue launch')) as string;
    expect(rates.get(launch)).toBeLessThan(0.93);
    for (const [campaign, rate] of rates) if (campaign !== launch) expect([names.get(campaign), rate >= 0.94 && rate <= 0.985]).toEqual([names.get(campaign), true]);
  });

  it('has every kind of email event: deferrals, hard and soft bounces, drops, machine and human opens, clicks per link kind, unsubscribes and complaints', () => {
    const events = ofKind(samples, 'event', 'sendgrid');
    const types = new Set(events.map((event) => event.type));
    for (const type of ['SENT', 'DEFERRED', 'DELIVERED', 'BOUNCED', 'DROPPED', 'OPENED', 'CLICKED', 'UNSUBSCRIBED', 'COMPLAINED']) expect(types).toContain(type);
    expect(events.some((event) => event.bounceKind === 'HARD')).toBe(true);
    expect(events.some((event) => event.bounceKind === 'SOFT')).toBe(true);
    expect(events.some((event) => event.type === 'OPENED' && event.isMachine)).toBe(true);
    expect(events.some((event) => event.type === 'OPENED' && !event.isMachine)).toBe(true);
    const urls = events.flatMap((event) => (event.type === 'CLICKED' && event.url ? [event.url] : []));
    for (const part of ['/products/', '/case-studies/', '/quote', '/contact', '/blog/', '/unsubscribe']) expect(urls.some((url) => url.includes(part))).toBe(true);
  });

  it('has WhatsApp sends, deliveries, reads, failures and replies that name their broadcast', () => {
    const events = ofKind(samples, 'event', 'whatsapp');
    for (const type of ['SENT', 'DELIVERED', 'READ', 'FAILED', 'REPLIED']) expect(events.some((event) => event.type === type)).toBe(true);
    const replies = events.filter((event) => event.type === 'REPLIED');
    expect(replies.filter((event) => event.campaignExternalId !== undefined).length).toBeGreaterThan(50);
  });

  it('measures read time as a mix of glances, skims and deep reads, and records forms, conversions and monthly spend', () => {
    const events = ofKind(samples, 'event', 'generic');
    const reads = events.filter((event) => event.type === 'READ').map((event) => event.readSeconds as number);
    for (const [low, high] of [[0, 2], [2, 8], [8, Infinity]]) expect(reads.filter((seconds) => seconds >= low && seconds < high).length).toBeGreaterThan(reads.length * 0.15);
    expect(events.some((event) => event.type === 'PAGE_VIEW')).toBe(true);
    expect(events.some((event) => event.type === 'FORM_SUBMITTED')).toBe(true);
    expect(events.filter((event) => event.type === 'CONVERTED').every((event) => (event.value ?? 0) > 0 && event.currency === 'USD')).toBe(true);
    const spend = ofKind(samples, 'spend', 'generic');
    expect(new Set(spend.map((row) => row.channel))).toEqual(new Set(['EMAIL', 'WHATSAPP']));
  });

  it('names only people the CRM knows, by e-mail or phone, so every source lands on the same contacts', () => {
    const crm = ofKind(samples, 'contact', 'hubspot');
    const emails = new Set(crm.map((contact) => normaliseEmail(contact.ref.email)));
    const phones = new Set(crm.map((contact) => normalisePhone(contact.ref.phone)).filter(Boolean));
    const refs = samples.filter((sample) => sample.file.source !== 'hubspot').flatMap((sample) =>
      sample.records.flatMap((record) => (record.kind === 'event' || record.kind === 'message' ? [record.contact] : record.kind === 'contact' || record.kind === 'membership' ? [record.kind === 'contact' ? record.ref : record.contact] : [])),
    );
    const unknown = refs.filter((ref) => !(ref.email ? emails.has(normaliseEmail(ref.email)) : phones.has(normalisePhone(ref.phone))));
    expect(unknown).toEqual([]);
  });

  it('dates every event in the 120 days before now', () => {
    const times = ofKind(samples, 'event').map((event) => event.occurredAt.getTime());
    expect(Math.max(...times)).toBeLessThanOrEqual(NOW.getTime());
    expect(Math.min(...times)).toBeGreaterThanOrEqual(NOW.getTime() - 121 * DAY);
  });

  it('makes as many CRM contacts as asked', async () => {
    const small = generateSampleFiles(freshDirectory(), { now: NOW, contacts: 400, seed: 3 });
    const parsed = [];
    for (const file of small) parsed.push(await parseSample(file));
    expect(ofKind(parsed, 'contact', 'hubspot')).toHaveLength(400);
    expect(parsed.flatMap((sample) => sample.rejections)).toEqual([]);
  });
});
