/**
 * Progress of an import the server runs (POST /imports, the importFile mutation), published on the server's
 * pub/sub topic of the workspace after each committed batch and once at the end with the final status. Only
 * committed batches are published: a subscriber never sees counts that a rollback later takes back.
 */
import type { EntityManager } from 'typeorm';
import type { ImportProgress, ImportSummary } from '../../connectors/sdk/import/run-import';
import type { ImportRunStatus } from '../../store/entities/import-run';
import { IMPORT_PROGRESS_TOPIC, type LeadEventBus } from '../engagement/bus';
import { getImport } from '../imports';

export interface ImportProgressEvent {
  workspaceId: number;
  importId: number;
  /** The file being read; null when the run's state comes from the database and it is not known. */
  file: string | null;
  /** Rows read and records written of `file`; null when not known (the database keeps run totals only). */
  rowsRead: number | null;
  recordsWritten: number | null;
  bytesRead: number | null;
  bytesTotal: number | null;
  status: ImportRunStatus;
  imported: number;
  duplicates: number;
  rejected: number;
}

/** Grows with every committed batch: how a subscriber tells an event it already has from a newer one. */
export const processedOf = (event: ImportProgressEvent) => event.imported + event.duplicates + event.rejected;

export const isFinal = (event: ImportProgressEvent) => event.status !== 'RUNNING';

export interface ImportProgressPublisher {
  /** Pass as runImport's onProgress. */
  onProgress(progress: ImportProgress): void;
  /** Publishes the final event; call after runImport returned (or threw with its summary): the row is final by then. */
  finish(summary: ImportSummary): void;
}

export function importProgressPublisher(bus: LeadEventBus | undefined, workspaceId: number): ImportProgressPublisher {
  let last: ImportProgress | null = null;
  const publish = (event: ImportProgressEvent) => bus?.publish(IMPORT_PROGRESS_TOPIC, workspaceId, event);
  return {
    onProgress(progress) {
      last = progress;
      if (!progress.committed) return;
      publish({
        workspaceId, importId: progress.importId, file: progress.file, rowsRead: progress.rows, recordsWritten: progress.records,
        bytesRead: progress.bytesRead, bytesTotal: progress.bytesTotal ?? null, status: 'RUNNING',
        imported: progress.imported, duplicates: progress.duplicates, rejected: progress.rejected,
      });
    },
    finish(summary) {
      const file = summary.files.at(-1);
      const read = last && file && last.file === file.file ? last : null;
      publish({
        workspaceId, importId: summary.importId, file: file?.file ?? null, rowsRead: file?.rows ?? null, recordsWritten: file?.records ?? null,
        bytesRead: read?.bytesRead ?? null, bytesTotal: read?.bytesTotal ?? null, status: summary.status,
        imported: summary.imported, duplicates: summary.duplicates, rejected: summary.rejected.length,
      });
    },
  };
}

/** The run's state as committed (NOT_FOUND outside the workspace): what a subscriber gets first. */
export async function currentImportProgress(manager: EntityManager, workspaceId: number, importId: number): Promise<ImportProgressEvent> {
  const run = await getImport(manager, workspaceId, importId);
  const files = (run.summary as { files?: Array<{ file: string; rows: number; records: number }> }).files ?? [];
  const file = files.at(-1);
  return {
    workspaceId, importId, file: file?.file ?? (run.files.length === 1 ? run.files[0] : null), rowsRead: file?.rows ?? null,
    recordsWritten: file?.records ?? null, bytesRead: null, bytesTotal: null, status: run.status,
    imported: run.imported, duplicates: run.duplicates, rejected: run.rejected,
  };
}
