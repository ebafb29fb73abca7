import type { EntityManager } from 'typeorm';
import type { DealStatus, EngagementTier, LifecycleStage } from '../../domain/model';
import type { DealEvidence } from '../../domain/lifecycle';
import { query } from '../../store/ingest/sql';

/** What a refresh needs to know of a live contact before it recomputes anything. */
export interface ContactState {
  id: number;
  stage: LifecycleStage;
  score: number;
  tier: EngagementTier;
}

export async function contactStates(manager: EntityManager, workspaceId: number, contactIds: number[]): Promise<ContactState[]> {
  const rows = await query<{ id: number; lifecycle_stage: LifecycleStage; score: number; tier: EngagementTier }>(
    manager,
    `SELECT id, lifecycle_stage, score, tier FROM contact
     WHERE workspace_id = $1 AND id = ANY($2::bigint[]) AND merged_into_id IS NULL ORDER BY id`,
    [workspaceId, contactIds],
  );
  return rows.map((row) => ({ id: Number(row.id), stage: row.lifecycle_stage, score: Number(row.score), tier: row.tier }));
}

/** The contacts' deals (what moves them to OPPORTUNITY and CUSTOMER). */
export async function dealsOf(manager: EntityManager, workspaceId: number, contactIds: number[]): Promise<Map<number, DealEvidence[]>> {
  const rows = await query<{ contact_id: number; name: string | null; status: DealStatus; created_at: Date | null; closed_at: Date | null; updated_at: Date }>(
    manager,
    `SELECT contact_id, name, status, created_at, closed_at, updated_at FROM deal
     WHERE workspace_id = $1 AND contact_id = ANY($2::bigint[]) ORDER BY id`,
    [workspaceId, contactIds],
  );
  const byContact = new Map<number, DealEvidence[]>();
  for (const row of rows) {
    const deals = byContact.get(Number(row.contact_id)) ?? [];
    deals.push({ name: row.name, status: row.status, createdAt: row.created_at, closedAt: row.closed_at, updatedAt: row.updated_at });
    byContact.set(Number(row.contact_id), deals);
  }
  return byContact;
}
