/**
 * Errors of the import path. UnusableInputError means the whole file cannot be read (binary, empty, not the
 * format asked for): the CLI exits 2. Row-level problems are Rejections, not errors.
 */
export class UnusableInputError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly reason: string,
  ) {
    super(`${file}${line !== undefined ? ` line ${line}` : ''}: ${reason}`);
    this.name = 'UnusableInputError';
  }
}

/** The shared error codes vendor errors map onto (see style.md, "A connector's anatomy"). */
export type ConnectorErrorCode = 'AUTH' | 'RATE_LIMITED' | 'TEMPORARY' | 'NOT_FOUND' | 'BAD_DATA';

export class ConnectorError extends Error {
  constructor(
    readonly code: ConnectorErrorCode,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'ConnectorError';
  }
}
