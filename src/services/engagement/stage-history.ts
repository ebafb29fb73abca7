/**
 * The stored stage history read as subscription notices: by id (what a transaction just added) and after a
 * cursor (what a reconnecting subscriber missed). The row id is the cursor: new rows always get new, larger ids
 * (a re-imported change keeps its row; a derived change that no longer holds is deleted, never renumbered), and
 * they commit in id order (store/ingest/history-lock.ts).
 */
import type { EntityManager } from 'typeorm';
import type { LifecycleStage } from '../../domain/model';
import { query } from '../../store/ingest/sql';
import type { StageChangeNotice } from './changes';

interface StageRow {
  id: number;
  contact_id: number;
  from_stage: LifecycleStage | null;
  to_stage: LifecycleStage;
  at: Date;
  cause: string;
  source: string | null;
}

const COLUMNS = 'id, contact_id, from_stage, to_stage, at, cause, source';

function noticeOf(workspaceId: number, row: StageRow): StageChangeNotice {
  const id = Number(row.id);
  return {
    workspaceId, id, cursor: String(id), contactId: Number(row.contact_id), from: row.from_stage, to: row.to_stage,
    at: row.at.toISOString(), cause: row.cause, source: row.source,
  };
}

/** The rows named, in id order; rows deleted since (a merge, a superseded derivation) are left out. */
export async function stageNoticesOf(manager: EntityManager, workspaceId: number, ids: readonly number[]): Promise<StageChangeNotice[]> {
  if (!ids.length) return [];
  const rows = await query<StageRow>(
    manager,
    `SELECT ${COLUMNS} FROM lifecycle_stage_change WHERE workspace_id = $1 AND id = ANY($2::bigint[]) ORDER BY id`,
    [workspaceId, [...new Set(ids)]],
  );
  return rows.map((row) => noticeOf(workspaceId, row));
}

export function stageChangeMatches(notice: StageChangeNotice, stages: readonly LifecycleStage[] | null | undefined): boolean {
  return !stages?.length || stages.includes(notice.to);
}

/** The stored stage changes after a cursor, oldest first, read a page at a time as the subscriber takes them. */
export async function* stageChangesAfter(
  manager: EntityManager,
  workspaceId: number,
  after: number,
  stages: readonly LifecycleStage[] | null | undefined,
  pageSize = 500,
): AsyncGenerator<StageChangeNotice> {
  let cursor = after;
  for (;;) {
    const rows = await query<StageRow>(
      manager,
      `SELECT ${COLUMNS} FROM lifecycle_stage_change
       WHERE workspace_id = $1 AND id > $2 AND ($3::text[] IS NULL OR to_stage = ANY($3::text[]))
       ORDER BY id LIMIT $4`,
      [workspaceId, cursor, stages?.length ? stages : null, pageSize],
    );
    for (const row of rows) yield noticeOf(workspaceId, row);
    if (rows.length < pageSize) return;
    cursor = Number(rows[rows.length - 1].id);
  }
}
