import type { DataSource } from 'typeorm';
import type { ImportRecord } from '../../../domain/model';
import type { BatchItem, BatchRejection, BatchResult, KindCounts } from '../../../store/ingest/batch';
import { loadWriteContext } from '../../../store/ingest/context';
import { finishImportRun, recordBatchOutcome, startImportRun } from '../../../store/ingest/import-runs';
import type { LeadEventBus } from '../../../services/engagement/bus';
import { evaluateCampaignAlerts } from '../../../services/metrics/alerts';
import type { ByteSource, Connector, FileKind, ParseContext } from '../connector';
import { UnusableInputError } from '../errors';
import { countingSource } from './counting-source';
import { chooseFileKind } from './detect-kind';
import { batchTotals, publishStep, writeStep } from './write-step';

export interface ImportFile {
  /** Shown in errors and kept on rejected rows. */
  name: string;
  /** Opens the file from its start; called once to detect its kind, once to read it (twice more with --strict). */
  open: () => ByteSource;
  size?: number;
}

export interface ImportProgress {
  importId: number;
  file: string;
  bytesRead: number;
  bytesTotal?: number;
  rows: number;
  records: number;
  /** True when reported right after a batch committed (the run totals below are then in the database). */
  committed: boolean;
  /** Run totals so far, over all files. */
  imported: number;
  duplicates: number;
  rejected: number;
}

export interface ImportOptions {
  dataSource: DataSource;
  workspaceId: number;
  connector: Connector;
  files: ImportFile[];
  kind?: string;
  strict?: boolean;
  timezone?: string;
  batchSize?: number;
  onProgress?: (progress: ImportProgress) => void;
  /** Called after each batch commits, with what it changed (live updates hook here; never for a rolled-back batch). */
  onBatchCommitted?: (result: BatchResult, importId: number) => void | Promise<void>;
  /** Where the tier and stage changes of each committed batch are published (subscriptions); none → not published. */
  leadEvents?: LeadEventBus;
  /** The clock scores and tiers are computed at (tests pin it). */
  now?: () => Date;
}

export interface ImportSummary {
  importId: number;
  source: string;
  status: 'SUCCEEDED' | 'FAILED';
  /** Records that changed the database: new, or updated with different values. */
  imported: number;
  /** Records already there with the same values (a re-import). */
  duplicates: number;
  rejected: Array<{ file: string; line: number; field?: string; reason: string }>;
  files: Array<{ file: string; kind: string; rows: number; records: number; notes: string[] }>;
  counts: Record<string, KindCounts>;
  error?: string;
  /** What went wrong after the data was safely in (e.g. alert evaluation); the import itself stands. */
  warnings?: string[];
  durationMs: number;
}

const DEFAULT_BATCH_SIZE = 5000;

/**
 * Imports files through a connector: detects each file's kind, streams its parse, and writes batches of records,
 * each in its own transaction together with its rejected rows and the run's counters. A crash leaves whole
 * batches only; running the same files again completes the job with no duplicates.
 * With `strict`, the files are parsed once first and any rejected row fails the import before anything is written.
 */
export async function runImport(options: ImportOptions): Promise<ImportSummary> {
  const started = Date.now();
  const { dataSource, workspaceId, connector } = options;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const parseContextFor = (file: ImportFile): ParseContext => ({ fileName: file.name, timezone: options.timezone ?? 'UTC' });

  // Choose every file's kind before writing anything: an unusable file fails the import up front.
  const kinds: FileKind[] = [];
  for (const file of options.files) kinds.push(await chooseFileKind(connector, file.name, file.open, options.kind));

  const importId = await startImportRun(dataSource, workspaceId, connector.source, options.files.map((file) => file.name));
  const summary: ImportSummary = {
    importId, source: connector.source, status: 'SUCCEEDED', imported: 0, duplicates: 0, rejected: [], files: [], counts: {}, durationMs: 0,
  };
  const context = await loadWriteContext(dataSource.manager, workspaceId, connector.source, importId);
  const touchedCampaigns = new Set<number>();
  try {
    if (options.strict) {
      const rejections = await validateOnly(options.files, kinds, parseContextFor);
      if (rejections.length) {
        await dataSource.transaction((manager) => recordBatchOutcome(manager, workspaceId, importId, 0, 0, rejections));
        summary.rejected = rejections.map(({ file, line, field, reason }) => ({ file, line, field, reason }));
        summary.status = 'FAILED';
        summary.error = `--strict: ${rejections.length} row(s) rejected, nothing imported`;
        return summary;
      }
    }
    for (let index = 0; index < options.files.length; index++) {
      const file = options.files[index];
      const kind = kinds[index];
      const parseContext = parseContextFor(file);
      const fileSummary = { file: file.name, kind: kind.name, rows: 0, records: 0, notes: kind.notes?.(parseContext) ?? [] };
      summary.files.push(fileSummary);
      let bytesRead = 0;
      const report = (committed = false) =>
        options.onProgress?.({
          importId, file: file.name, bytesRead, bytesTotal: file.size, rows: fileSummary.rows, records: fileSummary.records, committed,
          imported: summary.imported, duplicates: summary.duplicates, rejected: summary.rejected.length,
        });
      const input = countingSource(file.open(), (total) => (bytesRead = total));
      let items: BatchItem[] = [];
      let rejections: BatchRejection[] = [];
      const flush = async () => {
        const batch = items;
        const parseRejections = rejections;
        items = [];
        rejections = [];
        const result = await writeStep({
          dataSource, context, workspaceId, importId, items: batch, parseRejections, now: options.now?.() ?? new Date(),
        });
        publishStep(options.leadEvents, result);
        for (const id of result.touchedCampaignIds) touchedCampaigns.add(id);
        mergeCounts(summary, result.written);
        for (const rejection of result.rejections) summary.rejected.push({ file: rejection.file, line: rejection.line, field: rejection.field, reason: rejection.reason });
        await options.onBatchCommitted?.(result.written, importId);
        report(true);
      };
      for await (const output of kind.parse(input, parseContext)) {
        fileSummary.rows++;
        if ('rejected' in output) {
          rejections.push({ file: file.name, ...output.rejected, raw: output.rejected.raw.slice(0, 4000) });
        } else {
          for (const record of output.records) items.push({ file: file.name, line: output.line, record: record as ImportRecord });
          fileSummary.records += output.records.length;
        }
        if (items.length >= batchSize) await flush();
        else if (fileSummary.rows % 1000 === 0) report();
      }
      if (items.length || rejections.length) await flush();
      report();
    }
    return summary;
  } catch (error) {
    summary.status = 'FAILED';
    summary.error = error instanceof UnusableInputError ? error.message : `import stopped: ${(error as Error).message}`;
    if (!(error instanceof UnusableInputError)) throw Object.assign(error as Error, { importSummary: summary });
    return summary;
  } finally {
    // Alerts look at whole campaigns, so once per run rather than per batch; whatever committed counts, even when
    // the run failed later. An evaluation error is a warning: the imported data stands.
    if (touchedCampaigns.size) {
      await evaluateCampaignAlerts(dataSource, workspaceId, [...touchedCampaigns], options.leadEvents).catch((error: Error) => {
        (summary.warnings ??= []).push(`metric alerts were not evaluated: ${error.message}`);
      });
    }
    summary.durationMs = Date.now() - started;
    const { importId: _id, ...stored } = summary;
    await finishImportRun(dataSource, workspaceId, importId, summary.status, { ...stored, rejected: stored.rejected.slice(0, 1000) }, summary.error ?? null).catch(() => undefined);
  }
}

async function validateOnly(files: ImportFile[], kinds: FileKind[], contextFor: (file: ImportFile) => ParseContext): Promise<BatchRejection[]> {
  const rejections: BatchRejection[] = [];
  for (let index = 0; index < files.length; index++) {
    for await (const output of kinds[index].parse(files[index].open(), contextFor(files[index]))) {
      if ('rejected' in output) rejections.push({ file: files[index].name, ...output.rejected });
    }
  }
  return rejections;
}

function mergeCounts(summary: ImportSummary, result: BatchResult): void {
  const { imported, duplicates } = batchTotals(result);
  summary.imported += imported;
  summary.duplicates += duplicates;
  for (const [kind, counts] of Object.entries(result.counts)) {
    if (!counts) continue;
    const current = summary.counts[kind] ?? { new: 0, updated: 0, unchanged: 0 };
    current.new += counts.new;
    current.updated += counts.updated;
    current.unchanged += counts.unchanged;
    summary.counts[kind] = current;
  }
}
