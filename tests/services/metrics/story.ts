/**
 * A hand-counted workspace story, as ImportRecords fed through the real import path (record-connector): two
 * e-mail campaigns of the generic source, and one of "sendgrid" records (a source that measures no read time and
 * carries no replies). The expected numbers in the tests are counted by hand from these records.
 */
import type { DataSource } from 'typeorm';
import { defineConnector } from '../../../src/connectors/sdk/connector';
import { runImport } from '../../../src/connectors/sdk/import/run-import';
import { ensureWorkspace } from '../../../src/services/workspaces';
import { recordConnector, recordsFile } from '../../support/record-connector';

/** The same test connector, writing as the SendGrid source: its messages' source decides which inputs exist. */
export const sendgridRecordConnector = defineConnector({ ...recordConnector, source: 'sendgrid' });

const at = (day: string, time: string) => `2026-03-${day}T${time}Z`;
let eventCounter = 0;
const event = (campaign: string, person: string, type: string, occurredAt: string, extra: object = {}) => ({
  kind: 'event',
  sourceEventId: `${campaign}-${person}-${type}-${++eventCounter}`,
  type,
  occurredAt,
  contact: { email: `${person}@example.com` },
  campaignExternalId: campaign,
  channel: 'EMAIL',
  ...extra,
});
const sentAndDelivered = (campaign: string, person: string, day: string) => [
  event(campaign, person, 'SENT', at(day, '10:00:00')),
  event(campaign, person, 'DELIVERED', at(day, '10:01:00')),
];

/**
 * Spring (NEWSLETTER, list "Customers", campaign sent 2 March), ten messages:
 *   a delivered, human open, a scanner click 1 s after delivery, two human clicks on /pricing (PRODUCT)
 *   b delivered, a human click on a case study with no open recorded (counts as opened)
 *   c delivered, a machine open only
 *   d hard bounce · e soft bounce · f dropped · g sent, no final word (PENDING)
 *   h delivered, read 12 s (deep read), replied · i delivered, read 3 s
 *   j delivered with no send event (dated by the campaign's send time, 2 March)
 * sent 10, delivered 6 (a b c h i j), hard 1, soft 1, dropped 1 → deliveryRate (10 − 3) / 10 = 0.7;
 * human opened 4 (a b h i: a click and a WhatsApp-style read count as opens), machine-only 1 (c),
 * clicked 2 (a b), human clicks 3, read measured 2 (12 + 3 s), deep 1, replied 1.
 */
export const SPRING = [
  { kind: 'list', externalId: 'L1', name: 'Customers' },
  { kind: 'campaign', externalId: 'spring', name: 'Spring, "launch"', type: 'NEWSLETTER', channel: 'EMAIL', sentAt: at('02', '09:00:00'), listExternalId: 'L1' },
  ...sentAndDelivered('spring', 'a', '02'),
  event('spring', 'a', 'CLICKED', at('02', '10:01:01'), { url: 'https://acme.test/pricing' }),
  event('spring', 'a', 'OPENED', at('02', '12:00:00')),
  event('spring', 'a', 'CLICKED', at('02', '12:01:00'), { url: 'https://acme.test/pricing' }),
  event('spring', 'a', 'CLICKED', at('02', '12:05:00'), { url: 'https://acme.test/pricing' }),
  ...sentAndDelivered('spring', 'b', '02'),
  event('spring', 'b', 'CLICKED', at('02', '13:00:00'), { url: 'https://acme.test/case-studies/globex' }),
  ...sentAndDelivered('spring', 'c', '02'),
  event('spring', 'c', 'OPENED', at('02', '10:01:30'), { isMachine: true }),
  event('spring', 'd', 'SENT', at('02', '10:00:00')),
  event('spring', 'd', 'BOUNCED', at('02', '10:00:30'), { bounceKind: 'HARD' }),
  event('spring', 'e', 'SENT', at('02', '10:00:00')),
  event('spring', 'e', 'BOUNCED', at('02', '10:00:30'), { bounceKind: 'SOFT' }),
  event('spring', 'f', 'SENT', at('02', '10:00:00')),
  event('spring', 'f', 'DROPPED', at('02', '10:00:01')),
  event('spring', 'g', 'SENT', at('02', '10:00:00')),
  ...sentAndDelivered('spring', 'h', '02'),
  event('spring', 'h', 'READ', at('02', '14:00:00'), { readSeconds: 12 }),
  event('spring', 'h', 'REPLIED', at('02', '15:00:00')),
  ...sentAndDelivered('spring', 'i', '02'),
  event('spring', 'i', 'READ', at('02', '14:00:00'), { readSeconds: 3 }),
  event('spring', 'j', 'DELIVERED', at('03', '08:00:00')),
];

/**
 * Summer (PROMOTIONAL, no list, sent 9 March), two messages: a clicks /blog/x (CONTENT) and converts two days
 * later on the site (a conversion with no campaign, attributed to the last click: revenue 250.50); b unsubscribes.
 * sent 2, delivered 2, opened 1, clicked 1, converted 1, unsubscribed 1, no read measured.
 */
export const SUMMER = [
  { kind: 'campaign', externalId: 'summer', name: 'Summer', type: 'PROMOTIONAL', channel: 'EMAIL', sentAt: at('09', '09:00:00') },
  ...sentAndDelivered('summer', 'a', '09'),
  event('summer', 'a', 'CLICKED', at('09', '11:00:00'), { url: 'https://acme.test/blog/x' }),
  { ...event('summer', 'a', 'CONVERTED', at('11', '11:00:00'), { value: 250.5, currency: 'EUR' }), campaignExternalId: undefined },
  ...sentAndDelivered('summer', 'b', '09'),
  event('summer', 'b', 'UNSUBSCRIBED', at('09', '12:00:00')),
];

/** SendGrid-sourced "autumn" (sent 16 March): two delivered messages, one opened. No read time, no replies. */
export const AUTUMN = [
  { kind: 'campaign', externalId: 'autumn', name: 'Autumn', type: 'NEWSLETTER', channel: 'EMAIL', sentAt: at('16', '09:00:00') },
  ...sentAndDelivered('autumn', 'a', '16'),
  event('autumn', 'a', 'OPENED', at('16', '12:00:00')),
  ...sentAndDelivered('autumn', 'k', '16'),
];

/**
 * A workspace holding the story: own site domain acme.test (set before the import, as clicks are classified when
 * written), spring and summer through the generic source, autumn through "sendgrid".
 */
export async function importStory(dataSource: DataSource, slug: string): Promise<number> {
  const workspaceId = (await ensureWorkspace(dataSource, slug)).workspace.id;
  await dataSource.query(`UPDATE workspace SET settings = $2::jsonb WHERE id = $1`, [workspaceId, JSON.stringify({ siteDomains: ['acme.test'] })]);
  const generic = await runImport({ dataSource, workspaceId, connector: recordConnector, files: [recordsFile('story.ndjson', [...SPRING, ...SUMMER])] });
  const sendgrid = await runImport({ dataSource, workspaceId, connector: sendgridRecordConnector, files: [recordsFile('autumn.ndjson', AUTUMN)] });
  if (generic.rejected.length + sendgrid.rejected.length > 0) throw new Error(`the story was rejected: ${JSON.stringify([...generic.rejected, ...sendgrid.rejected])}`);
  return workspaceId;
}

export async function idOf(dataSource: DataSource, workspaceId: number, table: 'campaign' | 'contact_list', externalId: string): Promise<number> {
  const [row] = await dataSource.query(`SELECT id FROM ${table} WHERE workspace_id = $1 AND external_id = $2`, [workspaceId, externalId]);
  return Number(row.id);
}

export async function contactIdOf(dataSource: DataSource, workspaceId: number, person: string): Promise<number> {
  const [row] = await dataSource.query(`SELECT id FROM contact WHERE workspace_id = $1 AND email = $2`, [workspaceId, `${person}@example.com`]);
  return Number(row.id);
}
