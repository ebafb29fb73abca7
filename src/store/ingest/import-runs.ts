import type { DataSource, EntityManager } from 'typeorm';
import type { BatchRejection } from './batch';
import { query, unnestRows } from './sql';

export async function startImportRun(dataSource: DataSource, workspaceId: number, source: string, files: string[]): Promise<number> {
  const [row] = await query<{ id: number }>(
    dataSource.manager,
    `INSERT INTO import_run (workspace_id, source, files, status) VALUES ($1, $2, $3::text[], 'RUNNING') RETURNING id`,
    [workspaceId, source, files],
  );
  return row.id;
}

/** Runs in the batch's transaction: the run's counters and rejected rows commit with the batch or not at all. */
export async function recordBatchOutcome(
  manager: EntityManager,
  workspaceId: number,
  importRunId: number,
  imported: number,
  duplicates: number,
  rejections: BatchRejection[],
): Promise<void> {
  if (rejections.length) {
    const input = unnestRows(rejections, [
      { name: 'file', type: 'text', value: (r) => r.file },
      { name: 'line', type: 'integer', value: (r) => r.line },
      { name: 'field', type: 'text', value: (r) => r.field },
      { name: 'reason', type: 'text', value: (r) => r.reason },
      { name: 'raw', type: 'text', value: (r) => r.raw.slice(0, 4000) },
    ], 3);
    await manager.query(
      `INSERT INTO rejected_row (workspace_id, import_run_id, file, line, field, reason, raw) SELECT $1, $2, file, line, field, reason, raw FROM ${input.sql}`,
      [workspaceId, importRunId, ...input.parameters],
    );
  }
  await manager.query(
    `UPDATE import_run SET imported = imported + $3, duplicates = duplicates + $4, rejected = rejected + $5 WHERE workspace_id = $1 AND id = $2`,
    [workspaceId, importRunId, imported, duplicates, rejections.length],
  );
}

export async function finishImportRun(
  dataSource: DataSource,
  workspaceId: number,
  importRunId: number,
  status: 'SUCCEEDED' | 'FAILED',
  summary: object,
  error: string | null,
): Promise<void> {
  await dataSource.query(
    `UPDATE import_run SET status = $3, finished_at = now(), summary = $4::jsonb, error = $5 WHERE workspace_id = $1 AND id = $2`,
    [workspaceId, importRunId, status, JSON.stringify(summary), error],
  );
}
