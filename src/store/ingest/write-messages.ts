import type { EntityManager } from 'typeorm';
import { isOwnSite } from '../../domain/links/classify';
import { deriveMessageFacts, type FactEvent } from '../../domain/messages';
import type { BounceKind, Channel, EngagementEventRecord, EngagementEventType, LinkCategory, MessageRecord } from '../../domain/model';
import { addCounts, type BatchResult, type WriteContext } from './batch';
import { query, unnestRows } from './sql';
import type { LinkInfo } from './upsert-catalog';

export interface ResolvedMessage {
  record: MessageRecord;
  contactId: number;
  campaignId: number;
  channel: Channel;
}

export interface ResolvedEvent {
  record: EngagementEventRecord;
  contactId: number;
  campaignId: number | null;
  channel: Channel;
  link: LinkInfo | undefined;
}

const pairKey = (campaignId: number, contactId: number) => `${campaignId}:${contactId}`;

/** Creates the messages the batch names (one per campaign and contact); returns their ids by pair. */
export async function ensureMessages(
  manager: EntityManager,
  context: WriteContext,
  messages: ResolvedMessage[],
  events: ResolvedEvent[],
  result: BatchResult,
): Promise<Map<string, number>> {
  const wanted = new Map<string, { campaignId: number; contactId: number; channel: Channel; sourceMessageId?: string; fromRecord: boolean }>();
  for (const event of events) {
    if (event.campaignId === null) continue;
    const key = pairKey(event.campaignId, event.contactId);
    const entry = wanted.get(key) ?? { campaignId: event.campaignId, contactId: event.contactId, channel: event.channel, fromRecord: false };
    entry.sourceMessageId ??= event.record.sourceMessageId;
    wanted.set(key, entry);
  }
  for (const message of messages) {
    const key = pairKey(message.campaignId, message.contactId);
    const entry = wanted.get(key) ?? { campaignId: message.campaignId, contactId: message.contactId, channel: message.channel, fromRecord: true };
    entry.fromRecord = true;
    entry.sourceMessageId = message.record.sourceMessageId ?? entry.sourceMessageId;
    wanted.set(key, entry);
  }
  const rows = [...wanted.values()];
  if (!rows.length) return new Map();
  const sentAt = new Map(messages.filter((m) => m.record.sentAt).map((m) => [pairKey(m.campaignId, m.contactId), m.record.sentAt!]));
  const input = unnestRows(rows, [
    { name: 'campaign_id', type: 'bigint', value: (row) => row.campaignId },
    { name: 'contact_id', type: 'bigint', value: (row) => row.contactId },
    { name: 'channel', type: 'text', value: (row) => row.channel },
    { name: 'source_message_id', type: 'text', value: (row) => row.sourceMessageId },
    { name: 'sent_at', type: 'timestamptz', value: (row) => sentAt.get(pairKey(row.campaignId, row.contactId)) },
  ], 3);
  const inserted = await query<{ id: number; campaign_id: number; contact_id: number }>(
    manager,
    `INSERT INTO message AS m (workspace_id, source, campaign_id, contact_id, channel, source_message_id, sent_at)
     SELECT $1, $2, campaign_id, contact_id, channel, source_message_id, sent_at FROM ${input.sql}
     ON CONFLICT (workspace_id, campaign_id, contact_id) DO NOTHING
     RETURNING id, campaign_id, contact_id`,
    [context.workspaceId, context.source, ...input.parameters],
  );
  const fromRecords = rows.filter((row) => row.fromRecord);
  const insertedKeys = new Set(inserted.map((row) => pairKey(row.campaign_id, row.contact_id)));
  const newFromRecords = fromRecords.filter((row) => insertedKeys.has(pairKey(row.campaignId, row.contactId))).length;
  if (fromRecords.length) addCounts(result, 'message', { new: newFromRecords, unchanged: fromRecords.length - newFromRecords });

  const existing = rows.filter((row) => !insertedKeys.has(pairKey(row.campaignId, row.contactId)));
  const ids = new Map(inserted.map((row) => [pairKey(row.campaign_id, row.contact_id), row.id]));
  if (existing.length) {
    const lookup = unnestRows(existing, [
      { name: 'campaign_id', type: 'bigint', value: (row) => row.campaignId },
      { name: 'contact_id', type: 'bigint', value: (row) => row.contactId },
    ], 2);
    const found = await query<{ id: number; campaign_id: number; contact_id: number }>(
      manager,
      `SELECT m.id, m.campaign_id, m.contact_id FROM message m JOIN ${lookup.sql}
         ON m.campaign_id = input.campaign_id AND m.contact_id = input.contact_id
       WHERE m.workspace_id = $1`,
      [context.workspaceId, ...lookup.parameters],
    );
    for (const row of found) ids.set(pairKey(row.campaign_id, row.contact_id), row.id);
    // A message first seen through its events gains the send time a later message record states.
    const declared = existing.filter((row) => sentAt.has(pairKey(row.campaignId, row.contactId)));
    if (declared.length) {
      const update = unnestRows(declared, [
        { name: 'id', type: 'bigint', value: (row) => ids.get(pairKey(row.campaignId, row.contactId)) },
        { name: 'sent_at', type: 'timestamptz', value: (row) => sentAt.get(pairKey(row.campaignId, row.contactId)) },
      ], 2);
      await manager.query(
        `UPDATE message m SET sent_at = LEAST(m.sent_at, input.sent_at) FROM ${update.sql} WHERE m.workspace_id = $1 AND m.id = input.id`,
        [context.workspaceId, ...update.parameters],
      );
    }
  }
  return ids;
}

/** Appends events to the ledger; a re-sent event (same source id) is a no-op. Returns what was new. */
export async function insertEvents(
  manager: EntityManager,
  context: WriteContext,
  events: ResolvedEvent[],
  messageIds: Map<string, number>,
  result: BatchResult,
): Promise<Array<{ message_id: number | null; contact_id: number; type: EngagementEventType }>> {
  if (!events.length) return [];
  const input = unnestRows(events, [
    { name: 'source_event_id', type: 'text', value: (e) => e.record.sourceEventId },
    { name: 'type', type: 'text', value: (e) => e.record.type },
    { name: 'occurred_at', type: 'timestamptz', value: (e) => e.record.occurredAt },
    { name: 'contact_id', type: 'bigint', value: (e) => e.contactId },
    { name: 'message_id', type: 'bigint', value: (e) => (e.campaignId === null ? null : messageIds.get(pairKey(e.campaignId, e.contactId))) },
    { name: 'campaign_id', type: 'bigint', value: (e) => e.campaignId },
    { name: 'link_id', type: 'bigint', value: (e) => e.link?.id },
    { name: 'is_machine', type: 'boolean', value: (e) => e.record.isMachine ?? false },
    { name: 'bounce_kind', type: 'text', value: (e) => e.record.bounceKind },
    { name: 'read_seconds', type: 'double precision', value: (e) => e.record.readSeconds },
    { name: 'value', type: 'numeric', value: (e) => e.record.value },
    { name: 'currency', type: 'text', value: (e) => e.record.currency },
    { name: 'reason', type: 'text', value: (e) => e.record.reason },
    { name: 'payload', type: 'jsonb', value: (e) => e.record.payload },
  ], 3);
  const inserted = await query<{ message_id: number | null; contact_id: number; type: EngagementEventType }>(
    manager,
    `INSERT INTO engagement_event (workspace_id, source, source_event_id, type, occurred_at, contact_id, message_id, campaign_id, link_id,
       is_machine, bounce_kind, read_seconds, value, currency, reason, payload, import_run_id)
     SELECT $1, $2, source_event_id, type, occurred_at, contact_id, message_id, campaign_id, link_id, is_machine, bounce_kind,
       read_seconds, value, currency, reason, payload::jsonb, ${context.importRunId === null ? 'NULL' : Number(context.importRunId)}
     FROM ${input.sql}
     ON CONFLICT (workspace_id, source, source_event_id) DO NOTHING
     RETURNING message_id, contact_id, type`,
    [context.workspaceId, context.source, ...input.parameters],
  );
  addCounts(result, 'event', { new: inserted.length, unchanged: events.length - inserted.length });
  return inserted;
}

/**
 * Attributes contact-level conversions (no campaign: a site checkout, a CRM conversion) to the message whose
 * human click came last before the conversion, within the attribution window. Re-run for every contact whose
 * clicks or conversions changed, so the answer does not depend on which arrived first.
 */
export async function attributeConversions(manager: EntityManager, context: WriteContext, contactIds: number[]): Promise<number[]> {
  if (!contactIds.length) return [];
  const changed = await query<{ old_message: number | null; new_message: number | null }>(
    manager,
    `WITH conversion AS (
       SELECT e.id, e.message_id AS old_message, (
         SELECT c.message_id FROM engagement_event c
         WHERE c.workspace_id = e.workspace_id AND c.contact_id = e.contact_id AND c.type = 'CLICKED' AND NOT c.is_machine
           AND c.message_id IS NOT NULL AND c.occurred_at <= e.occurred_at
           AND c.occurred_at >= e.occurred_at - make_interval(days => $3::integer)
         ORDER BY c.occurred_at DESC, c.id DESC LIMIT 1) AS new_message
       FROM engagement_event e
       WHERE e.workspace_id = $1 AND e.contact_id = ANY($2::bigint[]) AND e.type = 'CONVERTED' AND e.campaign_id IS NULL)
     UPDATE engagement_event e SET message_id = conversion.new_message FROM conversion
     WHERE e.workspace_id = $1 AND e.id = conversion.id AND e.message_id IS DISTINCT FROM conversion.new_message
     RETURNING conversion.old_message, conversion.new_message`,
    [context.workspaceId, contactIds, context.settings.attributionWindowDays],
  );
  return changed.flatMap((row) => [row.old_message, row.new_message]).filter((id): id is number => id !== null);
}

/** Re-derives the facts of the given messages from all their events (domain/messages) and stores them. */
export async function recomputeMessageFacts(manager: EntityManager, context: WriteContext, messageIds: number[]): Promise<void> {
  const ids = [...new Set(messageIds)];
  if (!ids.length) return;
  const rows = await query<{
    message_id: number; source_event_id: string; type: EngagementEventType; occurred_at: Date; is_machine: boolean;
    bounce_kind: BounceKind | null; read_seconds: number | null; value: number | null; category: LinkCategory | null; url: string | null;
  }>(
    manager,
    `SELECT e.message_id, e.source_event_id, e.type, e.occurred_at, e.is_machine, e.bounce_kind, e.read_seconds, e.value, l.category, l.url
     FROM engagement_event e LEFT JOIN link l ON l.workspace_id = e.workspace_id AND l.id = e.link_id
     WHERE e.workspace_id = $1 AND e.message_id = ANY($2::bigint[])`,
    [context.workspaceId, ids],
  );
  const byMessage = new Map<number, FactEvent[]>(ids.map((id) => [id, []]));
  const siteDomains = context.settings.siteDomains;
  for (const row of rows) {
    byMessage.get(row.message_id)?.push({
      sourceEventId: row.source_event_id,
      type: row.type,
      occurredAt: row.occurred_at,
      isMachine: row.is_machine,
      bounceKind: row.bounce_kind,
      readSeconds: row.read_seconds,
      value: row.value,
      linkCategory: row.category,
      ownSite: row.url !== null && siteDomains.length > 0 && isOwnSite(row.url, siteDomains),
    });
  }
  const facts = [...byMessage].map(([id, events]) => ({ id, ...deriveMessageFacts(events, { scannerWindowSeconds: context.settings.scannerWindowSeconds }) }));
  const input = unnestRows(facts, [
    { name: 'id', type: 'bigint', value: (f) => f.id },
    { name: 'status', type: 'text', value: (f) => f.status },
    { name: 'status_at', type: 'timestamptz', value: (f) => f.statusAt },
    { name: 'sent_at', type: 'timestamptz', value: (f) => f.sentAt },
    { name: 'delivered_at', type: 'timestamptz', value: (f) => f.deliveredAt },
    { name: 'first_human_open_at', type: 'timestamptz', value: (f) => f.firstHumanOpenAt },
    { name: 'human_opens', type: 'integer', value: (f) => f.humanOpens },
    { name: 'machine_opens', type: 'integer', value: (f) => f.machineOpens },
    { name: 'first_human_click_at', type: 'timestamptz', value: (f) => f.firstHumanClickAt },
    { name: 'human_clicks', type: 'integer', value: (f) => f.humanClicks },
    { name: 'scanner_clicks', type: 'integer', value: (f) => f.scannerClicks },
    { name: 'own_site_clicks', type: 'integer', value: (f) => f.ownSiteClicks },
    { name: 'categories', type: 'text', value: (f) => f.clickedLinkCategories.join(',') },
    { name: 'read_seconds', type: 'double precision', value: (f) => f.readSeconds },
    { name: 'replied', type: 'boolean', value: (f) => f.replied },
    { name: 'forwarded', type: 'boolean', value: (f) => f.forwarded },
    { name: 'unsubscribed', type: 'boolean', value: (f) => f.unsubscribed },
    { name: 'complained', type: 'boolean', value: (f) => f.complained },
    { name: 'converted', type: 'boolean', value: (f) => f.converted },
    { name: 'revenue', type: 'numeric', value: (f) => f.revenue },
    { name: 'last_event_at', type: 'timestamptz', value: (f) => f.lastEventAt },
  ], 2);
  await manager.query(
    `UPDATE message m SET status = input.status, status_at = input.status_at, sent_at = LEAST(input.sent_at, m.sent_at),
       delivered_at = input.delivered_at, first_human_open_at = input.first_human_open_at, human_opens = input.human_opens,
       machine_opens = input.machine_opens, first_human_click_at = input.first_human_click_at, human_clicks = input.human_clicks,
       scanner_clicks = input.scanner_clicks, own_site_clicks = input.own_site_clicks,
       clicked_link_categories = COALESCE(string_to_array(NULLIF(input.categories, ''), ','), '{}'::text[]), read_seconds = input.read_seconds,
       replied = input.replied, forwarded = input.forwarded, unsubscribed = input.unsubscribed, complained = input.complained,
       converted = input.converted, revenue = input.revenue, last_event_at = input.last_event_at, updated_at = now()
     FROM ${input.sql} WHERE m.workspace_id = $1 AND m.id = input.id`,
    [context.workspaceId, ...input.parameters],
  );
}
