import type { EntityManager } from 'typeorm';
import { isOwnSite } from '../../domain/links/classify';
import { deriveMessageFacts, type FactEvent, type MessageFacts } from '../../domain/messages';
import type { BounceKind, Channel, EngagementEventRecord, EngagementEventType, LinkCategory, MessageRecord } from '../../domain/model';
import { addCounts, type BatchResult, type WriteContext } from './batch';
import { query, unnestRows, type ColumnSpec } from './sql';
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

/**
 * Message facts as bulk-SQL columns: one list serves the INSERT of new messages and the UPDATE of known ones.
 * Link categories travel as one comma-joined text per message (arrays of arrays do not unnest).
 */
const FACT_COLUMNS: Array<ColumnSpec<MessageFacts> & { expression?: string }> = [
  { name: 'status', type: 'text', value: (f) => f.status },
  { name: 'status_at', type: 'timestamptz', value: (f) => f.statusAt },
  { name: 'delivered_at', type: 'timestamptz', value: (f) => f.deliveredAt },
  { name: 'first_human_open_at', type: 'timestamptz', value: (f) => f.firstHumanOpenAt },
  { name: 'human_opens', type: 'integer', value: (f) => f.humanOpens },
  { name: 'machine_opens', type: 'integer', value: (f) => f.machineOpens },
  { name: 'first_human_click_at', type: 'timestamptz', value: (f) => f.firstHumanClickAt },
  { name: 'human_clicks', type: 'integer', value: (f) => f.humanClicks },
  { name: 'scanner_clicks', type: 'integer', value: (f) => f.scannerClicks },
  { name: 'own_site_clicks', type: 'integer', value: (f) => f.ownSiteClicks },
  {
    name: 'clicked_link_categories', type: 'text', value: (f) => f.clickedLinkCategories.join(','),
    expression: "COALESCE(string_to_array(NULLIF(input.clicked_link_categories, ''), ','), '{}'::text[])",
  },
  { name: 'read_seconds', type: 'double precision', value: (f) => f.readSeconds },
  { name: 'replied', type: 'boolean', value: (f) => f.replied },
  { name: 'forwarded', type: 'boolean', value: (f) => f.forwarded },
  { name: 'unsubscribed', type: 'boolean', value: (f) => f.unsubscribed },
  { name: 'complained', type: 'boolean', value: (f) => f.complained },
  { name: 'converted', type: 'boolean', value: (f) => f.converted },
  { name: 'revenue', type: 'numeric', value: (f) => f.revenue },
  { name: 'last_event_at', type: 'timestamptz', value: (f) => f.lastEventAt },
];
const factExpression = (column: (typeof FACT_COLUMNS)[number]) => column.expression ?? `input.${column.name}`;
const on = <Row>(pick: (row: Row) => MessageFacts) =>
  FACT_COLUMNS.map((column) => ({ ...column, value: (row: Row) => column.value(pick(row)) }));

export function factEventOf(event: ResolvedEvent, settings: WriteContext['settings']): FactEvent {
  return {
    sourceEventId: event.record.sourceEventId,
    type: event.record.type,
    occurredAt: event.record.occurredAt,
    isMachine: event.record.isMachine,
    bounceKind: event.record.bounceKind,
    readSeconds: event.record.readSeconds,
    value: event.record.value,
    linkCategory: event.link?.category,
    ownSite: event.record.url !== undefined && settings.siteDomains.length > 0 && isOwnSite(event.record.url, settings.siteDomains),
  };
}

export interface EnsuredMessages {
  ids: Map<string, number>;
  /** Messages created by this batch: their facts were derived from the batch's own events at insert. */
  created: Set<number>;
  /** Known messages whose facts must be re-derived (a record changed how their delivery is counted). */
  refreshed: number[];
}

/**
 * Creates the messages the batch names (one per campaign and contact) and returns their ids by pair. A new
 * message has no events but this batch's, so its facts are derived here and inserted with it — no read-back.
 */
export async function ensureMessages(
  manager: EntityManager,
  context: WriteContext,
  messages: ResolvedMessage[],
  events: ResolvedEvent[],
  result: BatchResult,
): Promise<EnsuredMessages> {
  const wanted = new Map<string, { campaignId: number; contactId: number; channel: Channel; sourceMessageId?: string; fromRecord: boolean; sentAt?: Date; deliveredUnlessBounced: boolean; events: Map<string, FactEvent> }>();
  const entryFor = (campaignId: number, contactId: number, channel: Channel) => {
    const key = pairKey(campaignId, contactId);
    let entry = wanted.get(key);
    if (!entry) wanted.set(key, (entry = { campaignId, contactId, channel, fromRecord: false, deliveredUnlessBounced: false, events: new Map() }));
    return entry;
  };
  for (const event of events) {
    if (event.campaignId === null) continue;
    const entry = entryFor(event.campaignId, event.contactId, event.channel);
    entry.sourceMessageId ??= event.record.sourceMessageId;
    entry.events.set(event.record.sourceEventId, factEventOf(event, context.settings));
  }
  for (const message of messages) {
    const entry = entryFor(message.campaignId, message.contactId, message.channel);
    entry.fromRecord = true;
    entry.deliveredUnlessBounced ||= message.record.deliveredUnlessBounced ?? false;
    entry.sourceMessageId = message.record.sourceMessageId ?? entry.sourceMessageId;
    if (message.record.sentAt && (!entry.sentAt || message.record.sentAt < entry.sentAt)) entry.sentAt = message.record.sentAt;
  }
  const rows = [...wanted.values()].map((row) => {
    const facts = deriveMessageFacts([...row.events.values()], { scannerWindowSeconds: context.settings.scannerWindowSeconds, deliveredUnlessBounced: row.deliveredUnlessBounced });
    const sentAt = [facts.sentAt, row.sentAt].filter((date): date is Date => Boolean(date)).sort((a, b) => a.getTime() - b.getTime())[0];
    return { ...row, facts, sentAt };
  });
  if (!rows.length) return { ids: new Map(), created: new Set(), refreshed: [] };
  const input = unnestRows(rows, [
    { name: 'campaign_id', type: 'bigint', value: (row) => row.campaignId },
    { name: 'contact_id', type: 'bigint', value: (row) => row.contactId },
    { name: 'channel', type: 'text', value: (row) => row.channel },
    { name: 'source_message_id', type: 'text', value: (row) => row.sourceMessageId },
    { name: 'sent_at', type: 'timestamptz', value: (row) => row.sentAt },
    { name: 'delivered_unless_bounced', type: 'boolean', value: (row) => row.deliveredUnlessBounced },
    ...on((row: (typeof rows)[number]) => row.facts),
  ], 3);
  const inserted = await query<{ id: number; campaign_id: number; contact_id: number }>(
    manager,
    `INSERT INTO message AS m (workspace_id, source, campaign_id, contact_id, channel, source_message_id, sent_at, delivered_unless_bounced, ${FACT_COLUMNS.map((c) => c.name).join(', ')})
     SELECT $1, $2, campaign_id, contact_id, channel, source_message_id, sent_at, delivered_unless_bounced, ${FACT_COLUMNS.map(factExpression).join(', ')} FROM ${input.sql}
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
    const declared = existing.filter((row) => row.fromRecord && row.sentAt);
    if (declared.length) {
      const update = unnestRows(declared, [
        { name: 'id', type: 'bigint', value: (row) => ids.get(pairKey(row.campaignId, row.contactId)) },
        { name: 'sent_at', type: 'timestamptz', value: (row) => row.sentAt },
      ], 2);
      await manager.query(
        `UPDATE message m SET sent_at = LEAST(m.sent_at, input.sent_at) FROM ${update.sql} WHERE m.workspace_id = $1 AND m.id = input.id`,
        [context.workspaceId, ...update.parameters],
      );
    }
    // A known message a record now says the source counts as delivered: set the flag; its facts are re-derived.
    const newlyAssumed = existing.filter((row) => row.deliveredUnlessBounced).map((row) => ids.get(pairKey(row.campaignId, row.contactId))!);
    if (newlyAssumed.length) {
      const changed = await query<{ id: number }>(
        manager,
        `UPDATE message SET delivered_unless_bounced = true WHERE workspace_id = $1 AND id = ANY($2::bigint[]) AND NOT delivered_unless_bounced RETURNING id`,
        [context.workspaceId, newlyAssumed],
      );
      return { ids, created: new Set(inserted.map((row) => row.id)), refreshed: changed.map((row) => row.id) };
    }
  }
  return { ids, created: new Set(inserted.map((row) => row.id)), refreshed: [] };
}

/** Appends events to the ledger; a re-sent event (same source id) is a no-op. Returns what was new. */
export async function insertEvents(
  manager: EntityManager,
  context: WriteContext,
  events: ResolvedEvent[],
  messageIds: Map<string, number>,
  result: BatchResult,
): Promise<Array<{ message_id: number | null; contact_id: number; type: EngagementEventType; occurred_at: Date }>> {
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
  const inserted = await query<{ message_id: number | null; contact_id: number; type: EngagementEventType; occurred_at: Date }>(
    manager,
    `INSERT INTO engagement_event (workspace_id, source, source_event_id, type, occurred_at, contact_id, message_id, campaign_id, link_id,
       is_machine, bounce_kind, read_seconds, value, currency, reason, payload, import_run_id)
     SELECT $1, $2, source_event_id, type, occurred_at, contact_id, message_id, campaign_id, link_id, is_machine, bounce_kind,
       read_seconds, value, currency, reason, payload::jsonb, ${context.importRunId === null ? 'NULL' : Number(context.importRunId)}
     FROM ${input.sql}
     ON CONFLICT (workspace_id, source, source_event_id) DO NOTHING
     RETURNING message_id, contact_id, type, occurred_at`,
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
  // One statement: each message with how its source counts delivery, and all its events (none: one null row).
  const rows = await query<{
    message_id: number; delivered_unless_bounced: boolean; source_event_id: string | null; type: EngagementEventType; occurred_at: Date;
    is_machine: boolean; bounce_kind: BounceKind | null; read_seconds: number | null; value: number | null; category: LinkCategory | null; url: string | null;
  }>(
    manager,
    `SELECT m.id AS message_id, m.delivered_unless_bounced, e.source_event_id, e.type, e.occurred_at, e.is_machine, e.bounce_kind,
       e.read_seconds, e.value, l.category, l.url
     FROM message m
     LEFT JOIN engagement_event e ON e.workspace_id = m.workspace_id AND e.message_id = m.id
     LEFT JOIN link l ON l.workspace_id = e.workspace_id AND l.id = e.link_id
     WHERE m.workspace_id = $1 AND m.id = ANY($2::bigint[])`,
    [context.workspaceId, ids],
  );
  const byMessage = new Map<number, FactEvent[]>();
  const assumed = new Set<number>();
  const siteDomains = context.settings.siteDomains;
  for (const row of rows) {
    const events = byMessage.get(row.message_id) ?? [];
    byMessage.set(row.message_id, events);
    if (row.delivered_unless_bounced) assumed.add(row.message_id);
    if (row.source_event_id === null) continue;
    events.push({
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
  const facts = [...byMessage].map(([id, events]) => ({
    id,
    facts: deriveMessageFacts(events, { scannerWindowSeconds: context.settings.scannerWindowSeconds, deliveredUnlessBounced: assumed.has(id) }),
  }));
  const input = unnestRows(facts, [
    { name: 'id', type: 'bigint', value: (row) => row.id },
    { name: 'sent_at', type: 'timestamptz', value: (row) => row.facts.sentAt },
    ...on((row: (typeof facts)[number]) => row.facts),
  ], 2);
  await manager.query(
    `UPDATE message m SET sent_at = LEAST(input.sent_at, m.sent_at), ${FACT_COLUMNS.map((c) => `${c.name} = ${factExpression(c)}`).join(', ')}, updated_at = now()
     FROM ${input.sql} WHERE m.workspace_id = $1 AND m.id = input.id`,
    [context.workspaceId, ...input.parameters],
  );
}
