/**
 * The pull contract of a connector (an API pull, beside its file kinds): given the workspace's credentials, the
 * streams to read, each a sequence of pages of unified-model records with the cursor reached after them. Fetching
 * and mapping are the connector's; writing, committing each page with its cursor, and resuming are the SDK's
 * (services/sync/run-sync.ts).
 */
import type { ImportRecord } from '../../../domain/model';
import type { VendorClient } from './http-client';

export interface PullPage {
  records: ImportRecord[];
  /** Results the connector could not map: kept as rejected rows, the rest of the page still lands. */
  rejected: Array<{ field?: string; reason: string; raw: string }>;
  /** Where the stream resumes once this page is committed (JSON). */
  cursor: unknown;
  /** Something the user should know that is not an error (e.g. an endpoint the account does not have). */
  notice?: string;
}

export interface PullStream {
  /** Stable name, the key of its saved cursor (e.g. "contacts"). */
  name: string;
  /** Pages after `cursor` (null: from the beginning). */
  pages(cursor: unknown): AsyncIterable<PullPage>;
}

export interface PullCredentials {
  apiKey: string;
  baseUrl?: string;
}

export interface ConnectorPull {
  open(credentials: PullCredentials): { client: VendorClient; streams: PullStream[] };
}

/** What a connector's pure mapper makes of one API result: its records, or why it could not use it. */
export type PullOutcome = { records: ImportRecord[] } | { field?: string; reason: string };

/** Adds one result's outcome to a page: its records, or a rejected row that keeps the result as its raw text. */
export function addOutcome(page: PullPage, outcome: PullOutcome, input: unknown): void {
  if ('records' in outcome) page.records.push(...outcome.records);
  else page.rejected.push({ field: outcome.field, reason: outcome.reason, raw: JSON.stringify(input).slice(0, 4000) });
}

/** A page of mapped results (outcomes[i] is what inputs[i] mapped to), resuming at `cursor` once committed. */
export function pageOf(outcomes: readonly PullOutcome[], inputs: readonly unknown[], cursor: unknown): PullPage {
  const page: PullPage = { records: [], rejected: [], cursor };
  outcomes.forEach((outcome, index) => addOutcome(page, outcome, inputs[index]));
  return page;
}

