import os from 'node:os';
import type { DataSource, EntityManager } from 'typeorm';
import type { BatchRejection } from './batch';
import { query, unnestRows } from './sql';

/** The process running an import, kept in its summary until it finishes: how a run whose process died is told apart. */
interface RunOwner {
  host: string;
  pid: number;
}

export async function startImportRun(dataSource: DataSource, workspaceId: number, source: string, files: string[]): Promise<number> {
  const owner: RunOwner = { host: os.hostname(), pid: process.pid };
  const [row] = await query<{ id: number }>(
    dataSource.manager,
    `INSERT INTO import_run (workspace_id, source, files, status, summary) VALUES ($1, $2, $3::text[], 'RUNNING', $4::jsonb) RETURNING id`,
    [workspaceId, source, files, JSON.stringify({ owner })],
  );
  return row.id;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it is just not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Marks FAILED the RUNNING runs of this host whose process is gone (killed, crashed, machine restarted), so
 * `imports` does not show them running forever. Runs of other hosts are left alone: their processes cannot be
 * seen from here. Their committed batches stay; the message says how to finish.
 */
export async function closeInterruptedRuns(
  manager: EntityManager,
  workspaceId: number,
  isAlive: (pid: number) => boolean = processIsAlive,
  /** Only this run (reading one run looks at that one alone). */
  runId?: number,
): Promise<number> {
  const running = await query<{ id: number; owner: RunOwner | null }>(
    manager,
    `SELECT id, summary->'owner' AS owner FROM import_run WHERE workspace_id = $1 AND status = 'RUNNING' AND ($2::bigint IS NULL OR id = $2)`,
    [workspaceId, runId ?? null],
  );
  const host = os.hostname();
  const dead = running.filter((run) => run.owner?.host === host && Number.isInteger(run.owner.pid) && !isAlive(run.owner.pid));
  for (const run of dead) {
    await manager.query(
      `UPDATE import_run SET status = 'FAILED', finished_at = now(), error = $3 WHERE workspace_id = $1 AND id = $2 AND status = 'RUNNING'`,
      [workspaceId, run.id, `interrupted: the process that ran it (pid ${run.owner!.pid} on ${host}) stopped before it finished; the batches it committed stay — import the same files again to finish (nothing is doubled)`],
    );
  }
  return dead.length;
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
