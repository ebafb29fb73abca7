import type { EntityManager } from 'typeorm';

/**
 * Bulk SQL helpers. Rows travel as one array parameter per column and come back out of unnest(), so a batch of
 * thousands of rows is one statement on PostgreSQL and PGlite alike (no per-row round trips, no string building).
 */
export type SqlType = 'text' | 'bigint' | 'integer' | 'timestamptz' | 'boolean' | 'double precision' | 'numeric' | 'jsonb' | 'date';

export interface ColumnSpec<Row> {
  name: string;
  type: SqlType;
  value: (row: Row) => unknown;
}

/** `unnest($1::text[], $2::bigint[] …) AS input(a, b …)` with its parameters. */
export function unnestRows<Row>(rows: readonly Row[], columns: ReadonlyArray<ColumnSpec<Row>>, firstParameter = 1): { sql: string; parameters: unknown[] } {
  const parameters = columns.map((column) =>
    rows.map((row) => {
      const value = column.value(row);
      if (value === undefined) return null;
      // jsonb travels as text: PGlite and pg serialise a JS object parameter differently.
      return column.type === 'jsonb' && value !== null ? JSON.stringify(value) : value;
    }),
  );
  const arrays = columns.map((column, index) => `$${firstParameter + index}::${column.type === 'jsonb' ? 'text' : column.type}[]`);
  const names = columns.map((column) => column.name);
  return { sql: `unnest(${arrays.join(', ')}) AS input(${names.join(', ')})`, parameters };
}

/**
 * Runs SQL and returns its rows. TypeORM answers UPDATE/DELETE … RETURNING with [rows, rowCount] instead of
 * rows; this unwraps it so every statement reads the same (rows are objects, never arrays, so the test is safe).
 */
export async function query<T = Record<string, unknown>>(manager: EntityManager, sql: string, parameters: unknown[] = []): Promise<T[]> {
  const result: unknown = await manager.query(sql, parameters);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}

/** Splits a list into chunks (bulk statements stay below the drivers' parameter and message limits). */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
