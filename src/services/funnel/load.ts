/**
 * The funnel's reads: four statements per request, whatever the number of contacts — the workspace's stage
 * history, each contact's first touch (only when broken down), its won deals, and the spend that starts in
 * the period. Everything else is computed in memory by the pure domain functions.
 */
import type { EntityManager } from 'typeorm';
import type { ContactHistory } from '../../domain/metrics';
import type { LifecycleStage } from '../../domain/model';
import type { FirstTouch, FunnelQuery, SpendRow, WonDeal } from './types';

export interface FunnelData {
  histories: ContactHistory[];
  firstTouches: Map<string, FirstTouch>;
  wonDeals: WonDeal[];
  spend: SpendRow[];
}

interface ChangeRow {
  contact_id: number;
  from_stage: LifecycleStage | null;
  to_stage: LifecycleStage;
  at: Date;
  cause: string;
}

/** Changes after `at` are read too: the domain functions cut histories at their own `now`. */
async function readHistories(manager: EntityManager, workspaceId: number): Promise<ContactHistory[]> {
  const rows: ChangeRow[] = await manager.query(
    `SELECT contact_id, from_stage, to_stage, at, cause FROM lifecycle_stage_change WHERE workspace_id = $1 ORDER BY contact_id, at, id`,
    [workspaceId],
  );
  const histories = new Map<string, ContactHistory>();
  for (const row of rows) {
    const contactId = String(row.contact_id);
    let history = histories.get(contactId);
    if (!history) histories.set(contactId, (history = { contactId, changes: [] }));
    (history.changes as Array<ContactHistory['changes'][number]>).push({ from: row.from_stage, to: row.to_stage, at: new Date(row.at), cause: row.cause });
  }
  return [...histories.values()];
}

/** The campaign of each staged contact's earliest message (by send time, the campaign's when the message has none). */
async function readFirstTouches(manager: EntityManager, workspaceId: number): Promise<Map<string, FirstTouch>> {
  const rows: Array<{ contact_id: number; campaign_id: number; name: string; channel: string; source: string }> = await manager.query(
    `SELECT DISTINCT ON (m.contact_id) m.contact_id, c.id AS campaign_id, c.name, c.channel, c.source
       FROM message m JOIN campaign c ON c.workspace_id = m.workspace_id AND c.id = m.campaign_id
      WHERE m.workspace_id = $1
        AND m.contact_id IN (SELECT contact_id FROM lifecycle_stage_change WHERE workspace_id = $1)
      ORDER BY m.contact_id, coalesce(m.sent_at, c.sent_at) NULLS LAST, m.id`,
    [workspaceId],
  );
  return new Map(rows.map((row) => [String(row.contact_id), { campaignId: row.campaign_id, campaignName: row.name, channel: row.channel, source: row.source }]));
}

async function readWonDeals(manager: EntityManager, workspaceId: number): Promise<WonDeal[]> {
  const rows: Array<{ contact_id: number; amount: number | null; currency: string | null; at: Date | null }> = await manager.query(
    `SELECT contact_id, amount, currency, coalesce(closed_at, created_at) AS at FROM deal
      WHERE workspace_id = $1 AND status = 'WON' AND contact_id IS NOT NULL ORDER BY id`,
    [workspaceId],
  );
  return rows.map((row) => ({ contactId: row.contact_id, amount: row.amount === null ? null : Number(row.amount), currency: row.currency, at: row.at ? new Date(row.at) : null }));
}

/** Spend rows are counted whole in the period their own period starts in, so adjacent periods never count one twice. */
async function readSpend(manager: EntityManager, workspaceId: number, query: FunnelQuery): Promise<SpendRow[]> {
  const rows: Array<{ amount: number; currency: string; channel: string | null; campaign_id: number | null; name: string | null; source: string | null }> =
    await manager.query(
      `SELECT s.amount, s.currency, coalesce(s.channel, c.channel) AS channel, s.campaign_id, c.name, c.source
         FROM spend s LEFT JOIN campaign c ON c.workspace_id = s.workspace_id AND c.id = s.campaign_id
        WHERE s.workspace_id = $1 AND s.period_start >= $2 AND s.period_start < $3 ORDER BY s.id`,
      [workspaceId, query.from, query.to],
    );
  return rows.map((row) => ({
    amount: Number(row.amount), currency: row.currency, channel: row.channel, campaignId: row.campaign_id, campaignName: row.name, campaignSource: row.source,
  }));
}

export async function loadFunnelData(manager: EntityManager, workspaceId: number, query: FunnelQuery): Promise<FunnelData> {
  const [histories, firstTouches, wonDeals, spend] = await Promise.all([
    readHistories(manager, workspaceId),
    query.breakdown === 'NONE' ? Promise.resolve(new Map<string, FirstTouch>()) : readFirstTouches(manager, workspaceId),
    readWonDeals(manager, workspaceId),
    readSpend(manager, workspaceId, query),
  ]);
  return { histories, firstTouches, wonDeals, spend };
}
