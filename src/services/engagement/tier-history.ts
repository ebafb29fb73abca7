import type { EntityManager } from 'typeorm';
import type { EngagementTier } from '../../domain/model';
import type { TierSignals } from '../../domain/tiers';
import { query } from '../../store/ingest/sql';
import { UserInputError } from '../errors';
import type { TierChangeNotice } from './changes';

export interface TierChangeFilter {
  /** Changes into or out of these tiers. */
  tiers?: EngagementTier[] | null;
  /** Changes of contacts who received this campaign. */
  campaignId?: number | null;
}

/** A cursor a subscriber sends back: the decimal id of the last tier (or stage) change it received. */
export function parseHistoryCursor(cursor: string | null | undefined, kind: 'tier' | 'stage' | 'alert' = 'tier'): number | null {
  if (cursor === null || cursor === undefined || cursor === '') return null;
  if (!/^\d{1,15}$/.test(cursor)) throw new UserInputError(`"after" must be the cursor of a ${kind} change you received (digits; got ${JSON.stringify(cursor)})`);
  return Number(cursor);
}

export function tierChangeMatches(notice: TierChangeNotice, filter: TierChangeFilter): boolean {
  if (filter.tiers?.length && !filter.tiers.includes(notice.to) && !(notice.from !== null && filter.tiers.includes(notice.from))) return false;
  if (filter.campaignId !== null && filter.campaignId !== undefined && !notice.campaignIds.includes(filter.campaignId)) return false;
  return true;
}

/** The stored tier changes after a cursor, oldest first, read a page at a time as the subscriber takes them. */
export async function* tierChangesAfter(manager: EntityManager, workspaceId: number, after: number, filter: TierChangeFilter, pageSize = 500): AsyncGenerator<TierChangeNotice> {
  let cursor = after;
  for (;;) {
    const rows = await query<{ id: number; contact_id: number; from_tier: EngagementTier | null; to_tier: EngagementTier; signals: TierSignals; reason: string; at: Date }>(
      manager,
      `SELECT t.id, t.contact_id, t.from_tier, t.to_tier, t.signals, t.reason, t.at FROM tier_change t
       WHERE t.workspace_id = $1 AND t.id > $2
         AND ($3::text[] IS NULL OR t.to_tier = ANY($3::text[]) OR t.from_tier = ANY($3::text[]))
         AND ($4::bigint IS NULL OR EXISTS (
           SELECT 1 FROM message m WHERE m.workspace_id = t.workspace_id AND m.contact_id = t.contact_id AND m.campaign_id = $4::bigint))
       ORDER BY t.id LIMIT $5`,
      [workspaceId, cursor, filter.tiers?.length ? filter.tiers : null, filter.campaignId ?? null, pageSize],
    );
    for (const row of rows) {
      yield {
        workspaceId, cursor: String(row.id), contactId: Number(row.contact_id), from: row.from_tier, to: row.to_tier, signals: row.signals,
        reason: row.reason, at: row.at.toISOString(), campaignIds: filter.campaignId ? [filter.campaignId] : [],
      };
    }
    if (rows.length < pageSize) return;
    cursor = Number(rows[rows.length - 1].id);
  }
}
