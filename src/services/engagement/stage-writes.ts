import type { EntityManager } from 'typeorm';
import type { LifecycleStage } from '../../domain/model';
import { query, unnestRows } from '../../store/ingest/sql';
import { rederiveStages } from '../../store/ingest/write-crm';
import { lockLeadHistory } from '../../store/ingest/history-lock';
import type { StageChangeNotice } from './changes';
import { stageNoticesOf } from './stage-history';

export interface StageChangeToWrite {
  contactId: number;
  to: LifecycleStage;
  at: Date;
  cause: string;
  /** 'scoring', 'deal' or 'manual': who moved the contact. */
  source: string;
  details?: Record<string, unknown> | null;
}

/**
 * Appends stage changes to the history (kept once per contact, stage and time), removes the rows named, and
 * re-derives each contact's current stage and every change's from-stage from the whole history, as imported
 * changes are. Returns the rows added.
 */
export async function writeStageChanges(
  manager: EntityManager,
  workspaceId: number,
  changes: StageChangeToWrite[],
  removals: Array<{ id: number; contactId: number }> = [],
): Promise<StageChangeNotice[]> {
  if (removals.length) {
    await lockLeadHistory(manager, workspaceId);
    await manager.query('DELETE FROM lifecycle_stage_change WHERE workspace_id = $1 AND id = ANY($2::bigint[])', [workspaceId, removals.map((row) => row.id)]);
    if (!changes.length) await rederiveStages(manager, workspaceId, [...new Set(removals.map((row) => row.contactId))]);
  }
  if (!changes.length) return [];
  await lockLeadHistory(manager, workspaceId);
  const input = unnestRows(changes, [
    { name: 'contact_id', type: 'bigint', value: (c) => c.contactId },
    { name: 'to_stage', type: 'text', value: (c) => c.to },
    { name: 'at', type: 'timestamptz', value: (c) => c.at },
    { name: 'cause', type: 'text', value: (c) => c.cause },
    { name: 'source', type: 'text', value: (c) => c.source },
    { name: 'details', type: 'jsonb', value: (c) => c.details ?? null },
  ], 2);
  const inserted = await query<{ id: number; contact_id: number }>(
    manager,
    `INSERT INTO lifecycle_stage_change (workspace_id, contact_id, to_stage, at, cause, source, details)
     SELECT $1, contact_id, to_stage, at, cause, source, details::jsonb FROM ${input.sql}
     ON CONFLICT (workspace_id, contact_id, to_stage, at) DO NOTHING RETURNING id, contact_id`,
    [workspaceId, ...input.parameters],
  );
  await rederiveStages(manager, workspaceId, [...new Set([...inserted.map((row) => Number(row.contact_id)), ...removals.map((row) => row.contactId)])]);
  return stageNoticesOf(manager, workspaceId, inserted.map((row) => Number(row.id)));
}
