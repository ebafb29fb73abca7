import type { ImportRecord, LinkCategory } from '../../domain/model';
import type { WorkspaceSettings } from '../../domain/workspace/settings';

/** One record of a batch with where it came from, for rejections. */
export interface BatchItem {
  file: string;
  line: number;
  record: ImportRecord;
}

export interface WriteContext {
  workspaceId: number;
  source: string;
  settings: WorkspaceSettings;
  categoriseLink: (url: string) => LinkCategory;
  importRunId: number | null;
}

export interface KindCounts {
  new: number;
  updated: number;
  unchanged: number;
}

export interface BatchRejection {
  file: string;
  line: number;
  field?: string;
  reason: string;
  raw: string;
}

export interface BatchResult {
  counts: Partial<Record<ImportRecord['kind'] | 'contactCreated', KindCounts>>;
  rejections: BatchRejection[];
  /** Messages whose facts were re-derived. */
  touchedMessageIds: number[];
  /** Contacts whose events, stage or facts changed (scoring and tiers hook here). */
  touchedContactIds: number[];
  /** Stage history rows this batch added (not those it merely re-worded): news for `leadStageChanged`. */
  addedStageChangeIds: number[];
}

export function addCounts(result: BatchResult, kind: keyof BatchResult['counts'], counts: Partial<KindCounts>): void {
  const current = result.counts[kind] ?? { new: 0, updated: 0, unchanged: 0 };
  current.new += counts.new ?? 0;
  current.updated += counts.updated ?? 0;
  current.unchanged += counts.unchanged ?? 0;
  result.counts[kind] = current;
}

/**
 * Counts of an upsert that returned `(xmax = 0) AS inserted` for each row it wrote: new rows, rows it updated, and
 * the rest of the `offered` rows, which were already there unchanged.
 */
export function addUpsertCounts(result: BatchResult, kind: keyof BatchResult['counts'], written: ReadonlyArray<{ inserted: boolean }>, offered: number): void {
  const inserted = written.filter((row) => row.inserted).length;
  addCounts(result, kind, { new: inserted, updated: written.length - inserted, unchanged: Math.max(0, offered - written.length) });
}
