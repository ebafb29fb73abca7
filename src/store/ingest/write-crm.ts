import type { EntityManager } from 'typeorm';
import type { ContactRecord, DealRecord, LifecycleChangeRecord, ListMembershipRecord, SpendRecord } from '../../domain/model';
import { addCounts, addUpsertCounts, type BatchResult, type WriteContext } from './batch';
import { lockLeadHistory } from './history-lock';
import { query, unnestRows } from './sql';

/** Names, company, properties and creation date of contacts; a record never blanks what another source filled. */
export async function updateContactDetails(manager: EntityManager, context: WriteContext, rows: Array<{ record: ContactRecord; contactId: number }>, result: BatchResult): Promise<void> {
  if (!rows.length) return;
  const input = unnestRows(rows, [
    { name: 'id', type: 'bigint', value: (r) => r.contactId },
    { name: 'first_name', type: 'text', value: (r) => r.record.firstName },
    { name: 'last_name', type: 'text', value: (r) => r.record.lastName },
    { name: 'company', type: 'text', value: (r) => r.record.company },
    { name: 'created_at', type: 'timestamptz', value: (r) => r.record.createdAt },
    { name: 'properties', type: 'jsonb', value: (r) => r.record.properties ?? {} },
    { name: 'stage', type: 'text', value: (r) => r.record.lifecycleStage },
  ], 2);
  // Several records of one contact in a batch: the last one's values win (DISTINCT ON keeps the last row).
  const changed = await query<{ id: number }>(
    manager,
    `WITH latest AS (
       SELECT DISTINCT ON (id) * FROM (SELECT *, row_number() OVER () AS position FROM ${input.sql}) numbered ORDER BY id, position DESC)
     UPDATE contact c SET first_name = COALESCE(latest.first_name, c.first_name), last_name = COALESCE(latest.last_name, c.last_name),
       company = COALESCE(latest.company, c.company), created_at = LEAST(c.created_at, latest.created_at),
       properties = c.properties || latest.properties::jsonb,
       lifecycle_stage = CASE WHEN latest.stage IS NOT NULL AND NOT EXISTS (
           SELECT 1 FROM lifecycle_stage_change h WHERE h.workspace_id = c.workspace_id AND h.contact_id = c.id)
         THEN latest.stage ELSE c.lifecycle_stage END,
       updated_at = now()
     FROM latest
     WHERE c.workspace_id = $1 AND c.id = latest.id AND (c.first_name, c.last_name, c.company, c.created_at, c.properties, c.lifecycle_stage)
       IS DISTINCT FROM (COALESCE(latest.first_name, c.first_name), COALESCE(latest.last_name, c.last_name), COALESCE(latest.company, c.company),
         LEAST(c.created_at, latest.created_at), c.properties || latest.properties::jsonb,
         CASE WHEN latest.stage IS NOT NULL AND NOT EXISTS (SELECT 1 FROM lifecycle_stage_change h WHERE h.workspace_id = c.workspace_id AND h.contact_id = c.id)
           THEN latest.stage ELSE c.lifecycle_stage END)
     RETURNING c.id`,
    [context.workspaceId, ...input.parameters],
  );
  const distinct = new Set(rows.map((r) => r.contactId)).size;
  addCounts(result, 'contact', { updated: changed.length, unchanged: distinct - changed.length });
}

/**
 * Stage history: each change is kept once (contact, stage, time). The from-stage of every change and the
 * contact's current stage are re-derived from the whole history, so files may arrive in any order.
 */
export async function recordLifecycleChanges(manager: EntityManager, context: WriteContext, rows: Array<{ record: LifecycleChangeRecord; contactId: number }>, result: BatchResult): Promise<number[]> {
  if (!rows.length) return [];
  const input = unnestRows(rows, [
    { name: 'contact_id', type: 'bigint', value: (r) => r.contactId },
    { name: 'to_stage', type: 'text', value: (r) => r.record.stage },
    { name: 'at', type: 'timestamptz', value: (r) => r.record.at },
    { name: 'cause', type: 'text', value: (r) => r.record.cause },
  ], 3);
  await lockLeadHistory(manager, context.workspaceId);
  const written = await query<{ id: number; contact_id: number; added: boolean }>(
    manager,
    `INSERT INTO lifecycle_stage_change (workspace_id, contact_id, to_stage, at, cause, source)
     SELECT $1, contact_id, to_stage, at, cause, $2 FROM ${input.sql}
     ON CONFLICT (workspace_id, contact_id, to_stage, at) DO UPDATE SET cause = EXCLUDED.cause, source = EXCLUDED.source, details = NULL
       -- The source's own record of a stage replaces one derived from deals or score (services/engagement).
       WHERE lifecycle_stage_change.source IN ('scoring', 'deal')
     RETURNING id, contact_id, (xmax = 0) AS added`,
    [context.workspaceId, context.source, ...input.parameters],
  );
  addCounts(result, 'lifecycle', { new: written.length, unchanged: rows.length - written.length });
  // A row that replaced one derived from deals or score keeps its id: that change was news already.
  result.addedStageChangeIds.push(...written.filter((row) => row.added).map((row) => Number(row.id)));
  const contactIds = [...new Set(written.map((row) => Number(row.contact_id)))];
  await rederiveStages(manager, context.workspaceId, contactIds);
  return contactIds;
}

export async function rederiveStages(manager: EntityManager, workspaceId: number, contactIds: number[]): Promise<void> {
  if (!contactIds.length) return;
  await manager.query(
    `UPDATE lifecycle_stage_change h SET from_stage = ordered.previous FROM (
       SELECT id, lag(to_stage) OVER (PARTITION BY contact_id ORDER BY at, id) AS previous
       FROM lifecycle_stage_change WHERE workspace_id = $1 AND contact_id = ANY($2::bigint[])) ordered
     WHERE h.workspace_id = $1 AND h.id = ordered.id AND h.from_stage IS DISTINCT FROM ordered.previous`,
    [workspaceId, contactIds],
  );
  await manager.query(
    `UPDATE contact c SET lifecycle_stage = latest.to_stage, lifecycle_stage_at = latest.at, updated_at = now() FROM (
       SELECT DISTINCT ON (contact_id) contact_id, to_stage, at FROM lifecycle_stage_change
       WHERE workspace_id = $1 AND contact_id = ANY($2::bigint[]) ORDER BY contact_id, at DESC, id DESC) latest
     WHERE c.workspace_id = $1 AND c.id = latest.contact_id`,
    [workspaceId, contactIds],
  );
}

/** List history, then each touched membership's current status from its latest change. */
export async function recordMemberships(
  manager: EntityManager,
  context: WriteContext,
  rows: Array<{ record: ListMembershipRecord; contactId: number; listId: number }>,
  result: BatchResult,
): Promise<void> {
  if (!rows.length) return;
  const input = unnestRows(rows, [
    { name: 'list_id', type: 'bigint', value: (r) => r.listId },
    { name: 'contact_id', type: 'bigint', value: (r) => r.contactId },
    { name: 'status', type: 'text', value: (r) => r.record.status },
    { name: 'at', type: 'timestamptz', value: (r) => r.record.at },
    { name: 'reason', type: 'text', value: (r) => r.record.reason },
  ], 2);
  const inserted = await query<{ list_id: number; contact_id: number }>(
    manager,
    `INSERT INTO list_membership_change (workspace_id, list_id, contact_id, status, at, reason)
     SELECT $1, list_id, contact_id, status, at, reason FROM ${input.sql}
     ON CONFLICT (workspace_id, list_id, contact_id, status, at) DO NOTHING RETURNING list_id, contact_id`,
    [context.workspaceId, ...input.parameters],
  );
  addCounts(result, 'membership', { new: inserted.length, unchanged: rows.length - inserted.length });
  if (!inserted.length) return;
  const touched = unnestRows(inserted, [
    { name: 'list_id', type: 'bigint', value: (r) => r.list_id },
    { name: 'contact_id', type: 'bigint', value: (r) => r.contact_id },
  ], 2);
  await manager.query(
    `INSERT INTO list_membership (workspace_id, list_id, contact_id, status, subscribed_at, status_at)
     SELECT DISTINCT ON (h.list_id, h.contact_id) $1, h.list_id, h.contact_id, h.status,
       (SELECT max(s.at) FROM list_membership_change s WHERE s.workspace_id = $1 AND s.list_id = h.list_id AND s.contact_id = h.contact_id AND s.status = 'SUBSCRIBED'),
       h.at
     FROM list_membership_change h JOIN (SELECT DISTINCT * FROM ${touched.sql}) t ON t.list_id = h.list_id AND t.contact_id = h.contact_id
     WHERE h.workspace_id = $1
     ORDER BY h.list_id, h.contact_id, h.at DESC, h.id DESC
     ON CONFLICT (workspace_id, list_id, contact_id) DO UPDATE SET status = EXCLUDED.status, subscribed_at = EXCLUDED.subscribed_at, status_at = EXCLUDED.status_at`,
    [context.workspaceId, ...touched.parameters],
  );
}

export async function upsertDeals(manager: EntityManager, context: WriteContext, rows: Array<{ record: DealRecord; contactId: number | null }>, result: BatchResult): Promise<void> {
  if (!rows.length) return;
  const latest = [...new Map(rows.map((row) => [row.record.externalId, row])).values()];
  const input = unnestRows(latest, [
    { name: 'external_id', type: 'text', value: (r) => r.record.externalId },
    { name: 'name', type: 'text', value: (r) => r.record.name },
    { name: 'contact_id', type: 'bigint', value: (r) => r.contactId },
    { name: 'amount', type: 'numeric', value: (r) => r.record.amount },
    { name: 'currency', type: 'text', value: (r) => r.record.currency },
    { name: 'stage', type: 'text', value: (r) => r.record.stage },
    { name: 'status', type: 'text', value: (r) => r.record.status },
    { name: 'created_at', type: 'timestamptz', value: (r) => r.record.createdAt },
    { name: 'closed_at', type: 'timestamptz', value: (r) => r.record.closedAt },
  ], 3);
  const changed = await query<{ inserted: boolean }>(
    manager,
    `INSERT INTO deal AS d (workspace_id, source, external_id, name, contact_id, amount, currency, stage, status, created_at, closed_at)
     SELECT $1, $2, external_id, name, contact_id, amount, currency, stage, status, created_at, closed_at FROM ${input.sql}
     ON CONFLICT (workspace_id, source, external_id) DO UPDATE SET name = EXCLUDED.name, contact_id = COALESCE(EXCLUDED.contact_id, d.contact_id),
       amount = EXCLUDED.amount, currency = EXCLUDED.currency, stage = EXCLUDED.stage, status = EXCLUDED.status,
       created_at = COALESCE(EXCLUDED.created_at, d.created_at), closed_at = EXCLUDED.closed_at, updated_at = now()
     WHERE (d.name, d.contact_id, d.amount, d.currency, d.stage, d.status, d.created_at, d.closed_at) IS DISTINCT FROM
       (EXCLUDED.name, COALESCE(EXCLUDED.contact_id, d.contact_id), EXCLUDED.amount, EXCLUDED.currency, EXCLUDED.stage, EXCLUDED.status,
        COALESCE(EXCLUDED.created_at, d.created_at), EXCLUDED.closed_at)
     RETURNING (xmax = 0) AS inserted`,
    [context.workspaceId, context.source, ...input.parameters],
  );
  addUpsertCounts(result, 'deal', changed, latest.length);
}

export async function upsertSpend(manager: EntityManager, context: WriteContext, rows: Array<{ record: SpendRecord; campaignId: number | null }>, result: BatchResult): Promise<void> {
  if (!rows.length) return;
  const latest = [...new Map(rows.map((row) => [row.record.externalId, row])).values()];
  const input = unnestRows(latest, [
    { name: 'external_id', type: 'text', value: (r) => r.record.externalId },
    { name: 'channel', type: 'text', value: (r) => r.record.channel },
    { name: 'campaign_id', type: 'bigint', value: (r) => r.campaignId },
    { name: 'period_start', type: 'timestamptz', value: (r) => r.record.periodStart },
    { name: 'period_end', type: 'timestamptz', value: (r) => r.record.periodEnd },
    { name: 'amount', type: 'numeric', value: (r) => r.record.amount },
    { name: 'currency', type: 'text', value: (r) => r.record.currency },
    { name: 'note', type: 'text', value: (r) => r.record.note },
  ], 3);
  const changed = await query<{ inserted: boolean }>(
    manager,
    `INSERT INTO spend AS s (workspace_id, source, external_id, channel, campaign_id, period_start, period_end, amount, currency, note)
     SELECT $1, $2, external_id, channel, campaign_id, period_start, period_end, amount, currency, note FROM ${input.sql}
     ON CONFLICT (workspace_id, source, external_id) DO UPDATE SET channel = EXCLUDED.channel, campaign_id = EXCLUDED.campaign_id,
       period_start = EXCLUDED.period_start, period_end = EXCLUDED.period_end, amount = EXCLUDED.amount, currency = EXCLUDED.currency, note = EXCLUDED.note
     WHERE (s.channel, s.campaign_id, s.period_start, s.period_end, s.amount, s.currency, s.note) IS DISTINCT FROM
       (EXCLUDED.channel, EXCLUDED.campaign_id, EXCLUDED.period_start, EXCLUDED.period_end, EXCLUDED.amount, EXCLUDED.currency, EXCLUDED.note)
     RETURNING (xmax = 0) AS inserted`,
    [context.workspaceId, context.source, ...input.parameters],
  );
  addUpsertCounts(result, 'spend', changed, latest.length);
}
