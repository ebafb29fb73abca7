/**
 * A hand-counted funnel story, as ImportRecords fed through the real import path (record-connector). March 2026
 * is the period; the expected numbers in the tests are counted by hand from these records.
 *
 *   contact  first touch (earliest message)   stage history
 *   a        spring (EMAIL, generic) 2 Mar    SUBSCRIBER 1 Feb, LEAD 5 Mar, MQL 10 Mar, SQL 20 Mar; deal created 1 Apr
 *            (also chat on 3 Mar)             (→ OPPORTUNITY), won 11 Apr for 1200 EUR (→ CUSTOMER)
 *   b        spring                           LEAD 6 Mar, SQL 16 Mar (MQL skipped: entered 16 Mar, not timed)
 *   c        chat (WHATSAPP, generic) 3 Mar   LEAD 8 Mar
 *   d        promo (EMAIL, sendgrid) 20 Feb   LEAD 25 Feb, MQL 12 Mar (a lead of February, not of the March cohort)
 *   e        no message                       LEAD 31 Mar 23:00, DISQUALIFIED 2 Apr
 *   f        chat                             SUBSCRIBER 1 Mar
 * Spend: 300 EUR EMAIL/spring from 1 Mar, 100 EUR WHATSAPP (no campaign) from 1 Mar, 50 EUR promo from 1 Feb.
 */
import type { DataSource } from 'typeorm';
import { defineConnector } from '../../../src/connectors/sdk/connector';
import { runImport } from '../../../src/connectors/sdk/import/run-import';
import { ensureWorkspace } from '../../../src/services/workspaces';
import { recordConnector, recordsFile } from '../../support/record-connector';

const sendgridRecordConnector = defineConnector({ ...recordConnector, source: 'sendgrid' });

const email = (person: string) => ({ email: `${person}@example.com` });
const sent = (campaign: string, person: string, occurredAt: string, channel = 'EMAIL') => ({
  kind: 'event', sourceEventId: `${campaign}-${person}-sent`, type: 'SENT', occurredAt, contact: email(person), campaignExternalId: campaign, channel,
});
const stage = (person: string, to: string, at: string) => ({ kind: 'lifecycle', contact: email(person), stage: to, at, cause: `crm says ${to}` });

export const GENERIC = [
  { kind: 'campaign', externalId: 'spring', name: 'Spring', type: 'NEWSLETTER', channel: 'EMAIL', sentAt: '2026-03-02T09:00:00Z' },
  { kind: 'campaign', externalId: 'chat', name: 'Chat', type: 'PROMOTIONAL', channel: 'WHATSAPP', sentAt: '2026-03-03T09:00:00Z' },
  sent('spring', 'a', '2026-03-02T10:00:00Z'),
  sent('spring', 'b', '2026-03-02T10:00:00Z'),
  sent('chat', 'a', '2026-03-03T10:00:00Z', 'WHATSAPP'),
  sent('chat', 'c', '2026-03-03T10:00:00Z', 'WHATSAPP'),
  sent('chat', 'f', '2026-03-03T10:00:00Z', 'WHATSAPP'),
  stage('a', 'SUBSCRIBER', '2026-02-01T00:00:00Z'),
  stage('a', 'LEAD', '2026-03-05T00:00:00Z'),
  stage('a', 'MQL', '2026-03-10T00:00:00Z'),
  stage('a', 'SQL', '2026-03-20T00:00:00Z'),
  { kind: 'deal', externalId: 'D1', name: 'Big order', contact: email('a'), amount: 1200, currency: 'EUR', status: 'WON', createdAt: '2026-04-01T00:00:00Z', closedAt: '2026-04-11T00:00:00Z' },
  stage('b', 'LEAD', '2026-03-06T00:00:00Z'),
  stage('b', 'SQL', '2026-03-16T00:00:00Z'),
  stage('c', 'LEAD', '2026-03-08T00:00:00Z'),
  stage('d', 'LEAD', '2026-02-25T00:00:00Z'),
  stage('d', 'MQL', '2026-03-12T00:00:00Z'),
  stage('e', 'LEAD', '2026-03-31T23:00:00Z'),
  stage('e', 'DISQUALIFIED', '2026-04-02T00:00:00Z'),
  stage('f', 'SUBSCRIBER', '2026-03-01T00:00:00Z'),
  { kind: 'spend', externalId: 'S1', channel: 'EMAIL', campaignExternalId: 'spring', periodStart: '2026-03-01T00:00:00Z', periodEnd: '2026-03-31T00:00:00Z', amount: 300, currency: 'EUR' },
  { kind: 'spend', externalId: 'S2', channel: 'WHATSAPP', periodStart: '2026-03-01T00:00:00Z', periodEnd: '2026-03-31T00:00:00Z', amount: 100, currency: 'EUR' },
];

export const SENDGRID = [
  { kind: 'campaign', externalId: 'promo', name: 'Promo', type: 'PROMOTIONAL', channel: 'EMAIL', sentAt: '2026-02-20T09:00:00Z' },
  sent('promo', 'd', '2026-02-20T10:00:00Z'),
  { kind: 'spend', externalId: 'S3', channel: 'EMAIL', campaignExternalId: 'promo', periodStart: '2026-02-01T00:00:00Z', periodEnd: '2026-02-28T00:00:00Z', amount: 50, currency: 'EUR' },
];

export async function importFunnelStory(dataSource: DataSource, slug: string): Promise<number> {
  const workspaceId = (await ensureWorkspace(dataSource, slug)).workspace.id;
  const generic = await runImport({ dataSource, workspaceId, connector: recordConnector, files: [recordsFile('funnel.ndjson', GENERIC)] });
  const sendgrid = await runImport({ dataSource, workspaceId, connector: sendgridRecordConnector, files: [recordsFile('promo.ndjson', SENDGRID)] });
  if (generic.rejected.length + sendgrid.rejected.length > 0) throw new Error(`the story was rejected: ${JSON.stringify([...generic.rejected, ...sendgrid.rejected])}`);
  return workspaceId;
}

/** 250 contacts that became leads in March and 5000 EUR of spend: the spec's worked example, CPL 5000 / 250 = 20. */
export async function importSeedExample(dataSource: DataSource, slug: string): Promise<number> {
  const workspaceId = (await ensureWorkspace(dataSource, slug)).workspace.id;
  const leads = Array.from({ length: 250 }, (_, index) => stage(`seed${index}`, 'LEAD', `2026-03-${String(1 + (index % 28)).padStart(2, '0')}T12:00:00Z`));
  const spend = { kind: 'spend', externalId: 'seed-spend', periodStart: '2026-03-01T00:00:00Z', periodEnd: '2026-03-31T00:00:00Z', amount: 5000, currency: 'EUR' };
  const summary = await runImport({ dataSource, workspaceId, connector: recordConnector, files: [recordsFile('seed.ndjson', [...leads, spend])] });
  if (summary.rejected.length > 0) throw new Error(`the seed example was rejected: ${JSON.stringify(summary.rejected)}`);
  return workspaceId;
}
