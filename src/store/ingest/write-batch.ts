import type { EntityManager } from 'typeorm';
import type { Channel, ContactRef, ImportRecord } from '../../domain/model';
import type { BatchItem, BatchRejection, BatchResult, WriteContext } from './batch';
import { addCounts } from './batch';
import { unnestRows } from './sql';
import { normaliseRef, resolveContacts, type NormalisedRef } from './resolve-contacts';
import { campaignKey, upsertCampaignReports, upsertCampaigns, upsertLinks, upsertLists, upsertVendorStats, type CampaignRef } from './upsert-catalog';
import { recordLifecycleChanges, recordMemberships, updateContactDetails, upsertDeals, upsertSpend } from './write-crm';
import { attributeConversions, ensureMessages, insertEvents, recomputeMessageFacts, type ResolvedEvent, type ResolvedMessage } from './write-messages';

/**
 * Writes one batch of records inside the caller's transaction: contacts first (everything points at them),
 * then lists and campaigns, messages and the event ledger, the facts derived from it, and the CRM side.
 * Every step is an idempotent upsert keyed on the source's own ids, so re-running a batch changes nothing.
 */
export async function writeBatch(manager: EntityManager, context: WriteContext, items: readonly BatchItem[]): Promise<BatchResult> {
  const result: BatchResult = { counts: {}, rejections: [], touchedMessageIds: [], touchedContactIds: [], addedStageChangeIds: [] };

  // 1. Every person the batch names, normalised; a record naming nobody usable is rejected here.
  const refs: NormalisedRef[] = [];
  const refIndex = new Map<BatchItem, number>();
  const kept: BatchItem[] = [];
  for (const item of items) {
    const ref = contactRefOf(item.record);
    if (ref === null) {
      kept.push(item);
      continue;
    }
    const normalised = ref === undefined ? undefined : normaliseRef(ref);
    if (!normalised) {
      result.rejections.push(rejectionFor(item, 'contact', `names no usable contact: no valid e-mail, E.164-convertible phone or id (got ${JSON.stringify(ref ?? {})})`));
      continue;
    }
    refIndex.set(item, refs.length);
    refs.push(normalised);
    kept.push(item);
  }
  const contacts = await resolveContacts(manager, context.workspaceId, context.source, refs);
  addCounts(result, 'contactCreated', { new: contacts.created });
  const contactOf = (item: BatchItem) => contacts.ids[refIndex.get(item)!];
  const ofKind = <K extends ImportRecord['kind']>(kind: K) =>
    kept.filter((item) => item.record.kind === kind) as Array<BatchItem & { record: Extract<ImportRecord, { kind: K }> }>;

  // 2. Lists and campaigns, including those only referenced.
  const memberships = ofKind('membership');
  const campaignRecords = ofKind('campaign');
  const listIds = await upsertLists(
    manager, context, ofKind('list').map((item) => item.record),
    [...memberships.map((item) => item.record.listExternalId), ...campaignRecords.flatMap((item) => (item.record.listExternalId ? [item.record.listExternalId] : []))],
    result,
  );
  const events = ofKind('event');
  const messages = ofKind('message');
  const spend = ofKind('spend');
  // Campaigns by (source, external id): a record may name another source's campaign (records.ts, campaignSource).
  const referenced = new Map<string, CampaignRef>();
  const refer = (record: { campaignExternalId?: string; campaignSource?: string }, channel: Channel | undefined) => {
    if (!record.campaignExternalId) return undefined;
    const source = record.campaignSource ?? context.source;
    const key = campaignKey(source, record.campaignExternalId);
    const known = referenced.get(key);
    referenced.set(key, { source, externalId: record.campaignExternalId, channel: channel ?? known?.channel ?? 'EMAIL' });
    return key;
  };
  for (const item of messages) refer(item.record, item.record.channel);
  for (const item of events) refer(item.record, item.record.channel);
  for (const item of spend) refer(item.record, item.record.channel);
  for (const item of ofKind('campaignReport')) refer(item.record, undefined);
  const campaignsByKey = await upsertCampaigns(manager, context, campaignRecords.map((item) => item.record), referenced, listIds, result);
  const campaignOf = (record: { campaignExternalId?: string; campaignSource?: string }) =>
    record.campaignExternalId ? campaignsByKey.get(campaignKey(record.campaignSource ?? context.source, record.campaignExternalId)) : undefined;
  const ownCampaigns = new Map([...campaignRecords.map((item) => item.record.externalId), ...ofKind('campaignReport').map((item) => item.record.campaignExternalId)]
    .map((externalId) => [externalId, campaignsByKey.get(campaignKey(context.source, externalId))!] as const));
  await upsertCampaignReports(manager, context, ofKind('campaignReport').map((item) => item.record), ownCampaigns, result);
  await upsertVendorStats(manager, context, ofKind('vendorStats').map((item) => item.record), result);

  // 3. Messages, the event ledger and the facts derived from it.
  const links = await upsertLinks(manager, context, events.flatMap((item) => (item.record.type === 'CLICKED' && item.record.url ? [item.record.url] : [])));
  const resolvedMessages: ResolvedMessage[] = messages.map((item) => {
    const campaign = campaignOf(item.record)!;
    return { record: item.record, contactId: contactOf(item), campaignId: campaign.id, channel: item.record.channel };
  });
  const resolvedEvents: ResolvedEvent[] = events.map((item) => {
    const campaign = campaignOf(item.record);
    return {
      record: item.record,
      contactId: contactOf(item),
      campaignId: campaign?.id ?? null,
      channel: item.record.channel ?? campaign?.channel ?? 'EMAIL',
      link: item.record.url ? links.get(item.record.url) : undefined,
    };
  });
  const ensured = await ensureMessages(manager, context, resolvedMessages, resolvedEvents, result);
  const newEvents = await insertEvents(manager, context, resolvedEvents, ensured.ids, result);
  // Messages created by this batch got their facts at insert; known ones are re-derived from all their events.
  const touchedMessages = new Set<number>([...contacts.touchedMessageIds, ...ensured.refreshed]);
  const changedMessages = new Set<number>(ensured.created);
  for (const event of newEvents) {
    if (event.message_id === null) continue;
    changedMessages.add(event.message_id);
    if (!ensured.created.has(event.message_id)) touchedMessages.add(event.message_id);
  }
  const attributionContacts = [...new Set(newEvents.filter((e) => e.type === 'CLICKED' || e.type === 'CONVERTED').map((e) => e.contact_id))];
  for (const id of await attributeConversions(manager, context, attributionContacts)) touchedMessages.add(id);
  await recomputeMessageFacts(manager, context, [...touchedMessages]);
  // Last activity is a max over the contact's events: the new events' max, kept if later (any order gives the same).
  const latestByContact = new Map<number, Date>();
  for (const event of newEvents) {
    const current = latestByContact.get(event.contact_id);
    if (!current || event.occurred_at > current) latestByContact.set(event.contact_id, event.occurred_at);
  }
  const activeContacts = [...latestByContact.keys()];
  if (activeContacts.length) {
    const input = unnestRows([...latestByContact], [
      { name: 'id', type: 'bigint', value: ([id]) => id },
      { name: 'at', type: 'timestamptz', value: ([, at]) => at },
    ], 2);
    await manager.query(
      `UPDATE contact c SET last_activity_at = GREATEST(c.last_activity_at, input.at) FROM ${input.sql}
       WHERE c.workspace_id = $1 AND c.id = input.id AND (c.last_activity_at IS NULL OR c.last_activity_at < input.at)`,
      [context.workspaceId, ...input.parameters],
    );
  }

  // 4. The CRM side: contact details, stage history, list history, deals and spend.
  await updateContactDetails(manager, context, ofKind('contact').map((item) => ({ record: item.record, contactId: contactOf(item) })), result);
  const stageContacts = await recordLifecycleChanges(manager, context, ofKind('lifecycle').map((item) => ({ record: item.record, contactId: contactOf(item) })), result);
  await recordMemberships(manager, context, memberships.map((item) => ({ record: item.record, contactId: contactOf(item), listId: listIds.get(item.record.listExternalId)! })), result);
  await upsertDeals(manager, context, ofKind('deal').map((item) => ({ record: item.record, contactId: refIndex.has(item) ? contactOf(item) : null })), result);
  await upsertSpend(manager, context, spend.map((item) => ({ record: item.record, campaignId: campaignOf(item.record)?.id ?? null })), result);

  result.touchedMessageIds = [...new Set([...changedMessages, ...touchedMessages])];
  // Deals and CRM stage properties move contacts too (OPPORTUNITY, CUSTOMER; a LEAD's MQL): services/engagement.
  const dealContacts = ofKind('deal').filter((item) => refIndex.has(item)).map(contactOf);
  const stagedContacts = ofKind('contact').filter((item) => item.record.lifecycleStage).map(contactOf);
  result.touchedContactIds = [...new Set([...activeContacts, ...stageContacts, ...dealContacts, ...stagedContacts])];
  return result;
}

/** The contact a record points at: undefined when it must name one and names none, null when it names none by nature. */
function contactRefOf(record: ImportRecord): ContactRef | undefined | null {
  switch (record.kind) {
    case 'contact':
      return record.ref;
    case 'message':
    case 'event':
    case 'membership':
    case 'lifecycle':
      return record.contact;
    case 'deal':
      return record.contact ?? null;
    default:
      return null;
  }
}

function rejectionFor(item: BatchItem, field: string, reason: string): BatchRejection {
  let raw: string;
  try {
    raw = JSON.stringify(item.record);
  } catch {
    raw = String(item.record.kind);
  }
  return { file: item.file, line: item.line, field, reason, raw: raw.slice(0, 4000) };
}
