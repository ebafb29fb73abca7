import type { EntityManager } from 'typeorm';

/** Advisory-lock class of lead history writes (tier and stage changes; the second key is the workspace id). */
const LEAD_HISTORY_LOCK = 6_406_001;

/**
 * Held from the first tier or stage history row a transaction writes until it commits. Those rows' ids are the
 * subscription cursors (`leadTierChanged(after:)`, `leadStageChanged(after:)`), so they must commit in id order:
 * otherwise a subscriber resuming after id N could miss a smaller id that committed later. Taking it again in the
 * same transaction is free.
 */
export async function lockLeadHistory(manager: EntityManager, workspaceId: number): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock($1::int, $2::int)', [LEAD_HISTORY_LOCK, workspaceId]);
}
