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
