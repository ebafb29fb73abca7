import type { EntityManager } from 'typeorm';
import { hostOf, isOwnSite } from '../../domain/links/classify';
import type { CampaignRecord, CampaignReportRecord, Channel, LinkCategory, ListRecord, VendorStatsRecord } from '../../domain/model';
import { addCounts, addUpsertCounts, type BatchResult, type WriteContext } from './batch';
import { query, unnestRows } from './sql';

/** Upserts lists; returns external id → list id for every list the batch names. */
export async function upsertLists(manager: EntityManager, context: WriteContext, lists: ListRecord[], referenced: string[], result: BatchResult): Promise<Map<string, number>> {
  const byId = new Map<string, { externalId: string; name: string }>();
  for (const externalId of referenced) byId.set(externalId, { externalId, name: externalId });
  for (const list of lists) byId.set(list.externalId, { externalId: list.externalId, name: list.name });
  const rows = [...byId.values()];
  if (!rows.length) return new Map();
  const named = new Set(lists.map((list) => list.externalId));
  const input = unnestRows(rows, [
    { name: 'external_id', type: 'text', value: (row) => row.externalId },
    { name: 'name', type: 'text', value: (row) => row.name },
    { name: 'named', type: 'boolean', value: (row) => named.has(row.externalId) },
  ], 3);
  const changed = await query<{ external_id: string; inserted: boolean }>(
    manager,
    `INSERT INTO contact_list (workspace_id, source, external_id, name) SELECT $1, $2, external_id, name FROM ${input.sql}
     ON CONFLICT (workspace_id, source, external_id) DO UPDATE SET name = EXCLUDED.name
       WHERE contact_list.name IS DISTINCT FROM EXCLUDED.name AND EXCLUDED.name <> EXCLUDED.external_id
     RETURNING external_id, (xmax = 0) AS inserted`,
    [context.workspaceId, context.source, ...input.parameters],
  );
  addUpsertCounts(result, 'list', changed, named.size);
  return idsBy(manager, 'contact_list', context, rows.map((row) => row.externalId));
}

/** A campaign as records name it: its source (the import's own unless a record says otherwise) and external id. */
export interface CampaignRef {
  source: string;
  externalId: string;
  channel: Channel;
}

export const campaignKey = (source: string, externalId: string) => `${source}\u0000${externalId}`;

/**
 * Upserts campaigns from campaign records, and creates the campaigns events and messages name without a record
 * (named after their id until a record says more) — also another source's, so a generic read-time row can
 * name a SendGrid mailing before or after SendGrid's own file arrives. A record never blanks a field another
 * record filled. Returns campaigns by campaignKey(source, externalId).
 */
export async function upsertCampaigns(
  manager: EntityManager,
  context: WriteContext,
  campaigns: CampaignRecord[],
  referenced: Map<string, CampaignRef>,
  listIds: Map<string, number>,
  result: BatchResult,
): Promise<Map<string, { id: number; channel: Channel }>> {
  const latest = new Map<string, CampaignRecord>();
  for (const campaign of campaigns) latest.set(campaign.externalId, campaign);
  const records = [...latest.values()];
  if (records.length) {
    const input = unnestRows(records, [
      { name: 'external_id', type: 'text', value: (row) => row.externalId },
      { name: 'name', type: 'text', value: (row) => row.name },
      { name: 'type', type: 'text', value: (row) => row.type },
      { name: 'channel', type: 'text', value: (row) => row.channel },
      { name: 'subject', type: 'text', value: (row) => row.subject },
      { name: 'sent_at', type: 'timestamptz', value: (row) => row.sentAt },
      { name: 'list_id', type: 'bigint', value: (row) => (row.listExternalId ? listIds.get(row.listExternalId) : undefined) },
    ], 3);
    const changed = await query<{ inserted: boolean }>(
      manager,
      `INSERT INTO campaign AS c (workspace_id, source, external_id, name, type, channel, subject, sent_at, list_id)
       SELECT $1, $2, external_id, name, COALESCE(type, 'OTHER'), channel, subject, sent_at, list_id FROM ${input.sql}
       ON CONFLICT (workspace_id, source, external_id) DO UPDATE SET
         name = EXCLUDED.name, type = CASE WHEN EXCLUDED.type = 'OTHER' THEN c.type ELSE EXCLUDED.type END,
         channel = EXCLUDED.channel, subject = COALESCE(EXCLUDED.subject, c.subject),
         sent_at = COALESCE(EXCLUDED.sent_at, c.sent_at), list_id = COALESCE(EXCLUDED.list_id, c.list_id)
       WHERE (c.name, c.type, c.channel, c.subject, c.sent_at, c.list_id) IS DISTINCT FROM
         (EXCLUDED.name, CASE WHEN EXCLUDED.type = 'OTHER' THEN c.type ELSE EXCLUDED.type END, EXCLUDED.channel,
          COALESCE(EXCLUDED.subject, c.subject), COALESCE(EXCLUDED.sent_at, c.sent_at), COALESCE(EXCLUDED.list_id, c.list_id))
       RETURNING (xmax = 0) AS inserted`,
      [context.workspaceId, context.source, ...input.parameters],
    );
    addUpsertCounts(result, 'campaign', changed, records.length);
  }
  const bare = [...referenced.values()].filter((ref) => !(ref.source === context.source && latest.has(ref.externalId)));
  if (bare.length) {
    const input = unnestRows(bare, [
      { name: 'source', type: 'text', value: (row) => row.source },
      { name: 'external_id', type: 'text', value: (row) => row.externalId },
      { name: 'channel', type: 'text', value: (row) => row.channel },
    ], 2);
    await manager.query(
      `INSERT INTO campaign (workspace_id, source, external_id, name, channel) SELECT $1, source, external_id, external_id, channel FROM ${input.sql}
       ON CONFLICT (workspace_id, source, external_id) DO NOTHING`,
      [context.workspaceId, ...input.parameters],
    );
  }
  const wanted = [
    ...records.map((record) => ({ source: context.source, externalId: record.externalId })),
    ...[...referenced.values()].map((ref) => ({ source: ref.source, externalId: ref.externalId })),
  ];
  const lookup = unnestRows(wanted, [
    { name: 'source', type: 'text', value: (row) => row.source },
    { name: 'external_id', type: 'text', value: (row) => row.externalId },
  ], 2);
  const rows = await query<{ source: string; external_id: string; id: number; channel: Channel }>(
    manager,
    `SELECT DISTINCT c.source, c.external_id, c.id, c.channel FROM campaign c JOIN ${lookup.sql}
       ON c.source = input.source AND c.external_id = input.external_id
     WHERE c.workspace_id = $1`,
    [context.workspaceId, ...lookup.parameters],
  );
  return new Map(rows.map((row) => [campaignKey(row.source, row.external_id), { id: row.id, channel: row.channel }]));
}

export async function upsertCampaignReports(
  manager: EntityManager,
  context: WriteContext,
  reports: CampaignReportRecord[],
  campaignIds: Map<string, { id: number }>,
  result: BatchResult,
): Promise<void> {
  if (!reports.length) return;
  const input = unnestRows(reports, [
    { name: 'campaign_id', type: 'bigint', value: (row) => campaignIds.get(row.campaignExternalId)?.id },
    { name: 'totals', type: 'jsonb', value: (row) => row.totals },
    { name: 'reported_at', type: 'timestamptz', value: (row) => row.at },
  ], 3);
  const changed = await query<{ inserted: boolean }>(
    manager,
    `INSERT INTO campaign_report AS r (workspace_id, campaign_id, source, totals, reported_at)
     SELECT DISTINCT ON (campaign_id) $1, campaign_id, $2, totals::jsonb, reported_at FROM ${input.sql} ORDER BY campaign_id, reported_at DESC
     ON CONFLICT (workspace_id, campaign_id) DO UPDATE SET totals = EXCLUDED.totals, reported_at = EXCLUDED.reported_at
       WHERE EXCLUDED.reported_at >= r.reported_at AND r.totals IS DISTINCT FROM EXCLUDED.totals
     RETURNING (xmax = 0) AS inserted`,
    [context.workspaceId, context.source, ...input.parameters],
  );
  addUpsertCounts(result, 'campaignReport', changed, reports.length);
}

/** A vendor's daily counters: a day read again replaces its figures only when they changed. */
export async function upsertVendorStats(manager: EntityManager, context: WriteContext, stats: VendorStatsRecord[], result: BatchResult): Promise<void> {
  if (!stats.length) return;
  const input = unnestRows(stats, [
    { name: 'scope', type: 'text', value: (row) => row.scope },
    { name: 'day', type: 'date', value: (row) => row.day },
    { name: 'metrics', type: 'jsonb', value: (row) => row.metrics },
  ], 3);
  const changed = await query<{ inserted: boolean }>(
    manager,
    `INSERT INTO vendor_daily_stat AS v (workspace_id, source, scope, day, metrics)
     SELECT DISTINCT ON (scope, day) $1, $2, scope, day, metrics::jsonb FROM ${input.sql} ORDER BY scope, day
     ON CONFLICT (workspace_id, source, scope, day) DO UPDATE SET metrics = EXCLUDED.metrics, updated_at = now()
       WHERE v.metrics IS DISTINCT FROM EXCLUDED.metrics
     RETURNING (xmax = 0) AS inserted`,
    [context.workspaceId, context.source, ...input.parameters],
  );
  addUpsertCounts(result, 'vendorStats', changed, stats.length);
}

export interface LinkInfo {
  id: number;
  category: LinkCategory;
  ownSite: boolean;
}

/** Creates the links clicks name, classified by the workspace's rules; returns url → link. */
export async function upsertLinks(manager: EntityManager, context: WriteContext, urls: string[]): Promise<Map<string, LinkInfo>> {
  const unique = [...new Set(urls)];
  if (!unique.length) return new Map();
  const input = unnestRows(unique, [
    { name: 'url', type: 'text', value: (url) => url },
    { name: 'host', type: 'text', value: (url) => hostOf(url) },
    { name: 'category', type: 'text', value: (url) => context.categoriseLink(url) },
  ], 2);
  await manager.query(
    `INSERT INTO link (workspace_id, url, host, category) SELECT $1, url, host, category FROM ${input.sql}
     ON CONFLICT (workspace_id, url) DO NOTHING`,
    [context.workspaceId, ...input.parameters],
  );
  const rows = await query<{ url: string; id: number; category: LinkCategory }>(
    manager,
    'SELECT url, id, category FROM link WHERE workspace_id = $1 AND url = ANY($2::text[])',
    [context.workspaceId, unique],
  );
  return new Map(rows.map((row) => [row.url, { id: row.id, category: row.category, ownSite: isOwnSite(row.url, context.settings.siteDomains) }]));
}

async function idsBy(manager: EntityManager, table: 'contact_list', context: WriteContext, externalIds: string[]): Promise<Map<string, number>> {
  const rows = await query<{ external_id: string; id: number }>(
    manager,
    `SELECT external_id, id FROM ${table} WHERE workspace_id = $1 AND source = $2 AND external_id = ANY($3::text[])`,
    [context.workspaceId, context.source, externalIds],
  );
  return new Map(rows.map((row) => [row.external_id, row.id]));
}
