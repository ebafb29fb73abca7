import { UnusableInputError } from '../connectors/sdk/errors';
import { DatabaseBusyError } from '../store/pglite/data-dir-lock';
import { NotFoundError, UserInputError } from '../services/errors';

/** CLI exit codes (api.md): 0 success, 1 some rows rejected, 2 unusable input or arguments. */
export const EXIT_OK = 0;
export const EXIT_REJECTED = 1;
export const EXIT_UNUSABLE = 2;

/** Prints an error the user can act on — no stack trace for anything we expected — and returns the exit code. */
export function reportError(error: unknown): number {
  if (error instanceof UnusableInputError || error instanceof UserInputError || error instanceof NotFoundError || error instanceof DatabaseBusyError) {
    process.stderr.write(`funnelgraph: ${error.message}\n`);
    return EXIT_UNUSABLE;
  }
  const code = (error as { code?: string }).code;
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND') {
    process.stderr.write(`funnelgraph: cannot reach the database (${(error as Error).message}); check DATABASE_URL\n`);
    return EXIT_UNUSABLE;
  }
  process.stderr.write(`funnelgraph: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
  return EXIT_UNUSABLE;
}
