/**
 * Runs an API pull: for each stream of the connector, from its saved cursor, writes each page through the same
 * write step as a file import, with the cursor saved in the page's own transaction — after a crash the pull resumes
 * from the last committed page, and a page written twice changes nothing. The run is an import run (`sync:<source>`)
 * with its counts, rejected results and final status, so `imports` lists every pull.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { batchTotals, publishStep, writeStep } from '../../connectors/sdk/import/write-step';
import type { ConnectorPull } from '../../connectors/sdk/pull/pull';
import type { ImportRecord, Source } from '../../domain/model';
import type { BatchRejection } from '../../store/ingest/batch';
import { loadWriteContext } from '../../store/ingest/context';
import { finishImportRun, startImportRun } from '../../store/ingest/import-runs';
import { query } from '../../store/ingest/sql';
import type { LeadEventBus } from '../engagement/bus';
import { evaluateCampaignAlerts } from '../metrics/alerts';

export interface SyncOptions {
  dataSource: DataSource;
  workspaceId: number;
  source: Source;
  pull: ConnectorPull;
  credentials: { apiKey: string; baseUrl?: string };
  leadEvents?: LeadEventBus;
  now?: () => Date;
  /** Called after each committed page (progress lines, tests that stop a pull halfway). */
  onPage?: (page: { stream: string; records: number; imported: number }) => void | Promise<void>;
}

export interface SyncSummary {
  importId: number;
  source: Source;
  status: 'SUCCEEDED' | 'FAILED';
  imported: number;
  duplicates: number;
  rejected: Array<{ file: string; line: number; field?: string; reason: string }>;
  streams: Array<{ stream: string; pages: number; records: number }>;
  requests: number;
  retries: number;
  /** Notices of the streams: what was skipped and why (not errors). */
  warnings: string[];
  error?: string;
  durationMs: number;
}

export async function runSync(options: SyncOptions): Promise<SyncSummary> {
  const started = Date.now();
  const { dataSource, workspaceId, source } = options;
  const { client, streams } = options.pull.open(options.credentials);
  const importId = await startImportRun(dataSource, workspaceId, source, [`sync:${source}`]);
  const summary: SyncSummary = { importId, source, status: 'SUCCEEDED', imported: 0, duplicates: 0, rejected: [], streams: [], requests: 0, retries: 0, warnings: [], durationMs: 0 };
  const context = await loadWriteContext(dataSource.manager, workspaceId, source, importId);
  const touchedCampaigns = new Set<number>();
  try {
    for (const stream of streams) {
      const progress = { stream: stream.name, pages: 0, records: 0 };
      summary.streams.push(progress);
      const file = `sync:${source}/${stream.name}`;
      for await (const page of stream.pages(await savedCursor(dataSource.manager, workspaceId, source, stream.name))) {
        progress.pages++;
        if (page.notice) summary.warnings.push(`${stream.name}: ${page.notice}`);
        progress.records += page.records.length;
        const parseRejections: BatchRejection[] = page.rejected.map((rejected, index) => ({ file, line: progress.records + index + 1, ...rejected }));
        const result = await writeStep({
          dataSource, context, workspaceId, importId, now: options.now?.() ?? new Date(), parseRejections,
          items: page.records.map((record, index) => ({ file, line: index + 1, record: record as ImportRecord })),
          alsoInTransaction: (manager) => saveCursor(manager, workspaceId, source, stream.name, page.cursor),
        });
        publishStep(options.leadEvents, result);
        const { imported, duplicates } = batchTotals(result.written);
        summary.imported += imported;
        summary.duplicates += duplicates;
        for (const rejection of result.rejections) summary.rejected.push({ file: rejection.file, line: rejection.line, field: rejection.field, reason: rejection.reason });
        for (const id of result.touchedCampaignIds) touchedCampaigns.add(id);
        await options.onPage?.({ stream: stream.name, records: page.records.length, imported });
      }
    }
    return summary;
  } catch (error) {
    summary.status = 'FAILED';
    summary.error = (error as Error).message;
    return summary;
  } finally {
    if (touchedCampaigns.size) await evaluateCampaignAlerts(dataSource, workspaceId, [...touchedCampaigns], options.leadEvents).catch(() => undefined);
    summary.requests = client.stats.requests;
    summary.retries = client.stats.retries;
    summary.durationMs = Date.now() - started;
    const { importId: _id, ...stored } = summary;
    await finishImportRun(dataSource, workspaceId, importId, summary.status, { ...stored, rejected: stored.rejected.slice(0, 1000) }, summary.error ?? null).catch(() => undefined);
  }
}

async function savedCursor(manager: EntityManager, workspaceId: number, source: string, stream: string): Promise<unknown> {
  const [row] = await query<{ cursor: unknown }>(manager, 'SELECT cursor FROM sync_cursor WHERE workspace_id = $1 AND source = $2 AND stream = $3', [workspaceId, source, stream]);
  return row?.cursor ?? null;
}

async function saveCursor(manager: EntityManager, workspaceId: number, source: string, stream: string, cursor: unknown): Promise<void> {
  await manager.query(
    `INSERT INTO sync_cursor (workspace_id, source, stream, cursor, updated_at) VALUES ($1, $2, $3, $4::jsonb, now())
     ON CONFLICT (workspace_id, source, stream) DO UPDATE SET cursor = EXCLUDED.cursor, updated_at = now()`,
    [workspaceId, source, stream, JSON.stringify(cursor)],
  );
}
