/**
 * The Connector contract. A connector is one object, made with defineConnector(), that says which files it
 * reads and how to turn them into unified ImportRecords. Parsing and mapping are pure: a parser reads the
 * bytes it is given and yields records or rejections; the SDK (not the connector) resolves contacts, writes
 * in batches inside transactions and keeps re-imports idempotent.
 */
import type { ImportRecord, Source } from '../../domain/model';

/** What a parser is told about the file and the import. */
export interface ParseContext {
  /** The file's name as the user gave it, for error messages. */
  fileName: string;
  /** IANA zone for sources whose timestamps carry no zone (WhatsApp chat exports). Default 'UTC'. */
  timezone: string;
}

/** A row the parser could not use: kept in the rejected-rows table, never silently dropped. */
export interface Rejection {
  line: number;
  field?: string;
  reason: string;
  /** The row's raw text (truncated by the SDK when huge). */
  raw: string;
}

/**
 * One step of a parse: the records one source row (or document) produced, or its rejection.
 * `line` is the 1-based line where that row starts.
 */
export type ParseOutput = { line: number; records: ImportRecord[] } | { line: number; rejected: Rejection };

/** A byte stream of one file: fs.createReadStream(), an HTTP body or a Buffer wrapped as an iterable. */
export type ByteSource = AsyncIterable<Buffer | string>;

export interface FileKind {
  /** Short stable name used by `--kind`, e.g. 'events', 'activity-csv'. */
  name: string;
  description: string;
  /**
   * Whether this kind reads a file that starts with `head` (the first 64 KiB as text).
   * Detection looks at content, not the extension; the user can override it with --kind.
   */
  detect(head: string, fileName: string): boolean;
  /** Streams the file: must not hold the whole file in memory. */
  parse(input: ByteSource, context: ParseContext): AsyncIterable<ParseOutput>;
  /** A line for the import summary, e.g. the time zone assumed for zone-less timestamps. */
  notes?(context: ParseContext): string[];
}

export interface Connector {
  source: Source;
  displayName: string;
  /** Ordered: the first kind whose detect() accepts a file reads it. */
  fileKinds: FileKind[];
}

/** Identity helper that makes TypeScript check a connector object against the contract. */
export function defineConnector<C extends Connector>(connector: C): C {
  const names = connector.fileKinds.map((kind) => kind.name);
  const repeated = names.find((name, index) => names.indexOf(name) !== index);
  if (repeated) throw new Error(`connector ${connector.source}: file kind "${repeated}" is declared twice`);
  return connector;
}
