import { EventEmitter } from 'node:events';
import type { PGlite } from '@electric-sql/pglite';

/**
 * A pg-Pool look-alike over one PGlite instance, for TypeORM's postgres driver.
 *
 * Why not typeorm-pglite's pool: it hands every TypeORM query runner the same PGlite session at once, so two
 * concurrent transactions interleave their statements in one session (a rollback in one undoes the other's
 * writes). PGlite is a single session; this pool leases it to one query runner at a time (a FIFO queue), which
 * gives real transaction isolation by serialising. The cost is concurrency, which an embedded database lacks anyway.
 */
const LEASE_TIMEOUT_MS = 30_000;

export class ExclusivePGlitePool extends EventEmitter {
  private leased = false;
  private readonly waiting: Array<() => void> = [];
  private readonly client: PGliteClient;

  constructor(private readonly database: Promise<PGlite>) {
    super();
    this.client = new PGliteClient(database);
  }

  connect(callback: (error: Error | null, client: PGliteClient | null, release: (error?: unknown) => void) => void): void {
    const grant = () => {
      this.leased = true;
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        this.leased = false;
        this.waiting.shift()?.();
      };
      this.database.then(
        () => callback(null, this.client, release),
        (error: Error) => {
          release();
          callback(error, null, () => undefined);
        },
      );
    };
    if (!this.leased) return grant();
    // A statement waiting this long is almost always code that holds a transaction and queries outside it,
    // which on a one-session database waits for itself forever: fail loudly instead of hanging.
    const timer = setTimeout(() => {
      const index = this.waiting.indexOf(waiter);
      if (index !== -1) this.waiting.splice(index, 1);
      callback(new Error(`PGlite: waited ${LEASE_TIMEOUT_MS / 1000} s for the database session; a query outside a transaction may be waiting for that transaction to end`), null, () => undefined);
    }, LEASE_TIMEOUT_MS);
    const waiter = () => {
      clearTimeout(timer);
      grant();
    };
    this.waiting.push(waiter);
  }

  /** pg.Pool#query: a one-off statement outside any lease's transaction waits for its turn too. */
  query(sql: string, parameters?: unknown[] | ((error: Error | null, result: unknown) => void), callback?: (error: Error | null, result: unknown) => void): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.connect((error, client, release) => {
        if (error || !client) return reject(error);
        client.query(sql, parameters, callback).then(
          (result) => {
            release();
            resolve(result);
          },
          (queryError) => {
            release();
            reject(queryError);
          },
        );
      });
    });
  }

  end(callback?: (error: Error | null) => void): Promise<void> {
    return this.database
      .then((database) => database.close())
      .then(
        () => callback?.(null),
        (error: Error) => callback?.(error),
      );
  }
}

/** The "connection" a query runner holds: maps PGlite results onto the shape pg returns. */
export class PGliteClient extends EventEmitter {
  constructor(private readonly database: Promise<PGlite>) {
    super();
  }

  async query(sql: string | { text: string; values?: unknown[] }, parameters?: unknown, callback?: (error: Error | null, result: unknown) => void): Promise<unknown> {
    let text = typeof sql === 'string' ? sql : sql.text;
    let values = typeof sql === 'string' ? parameters : sql.values;
    let done = callback;
    if (typeof parameters === 'function') {
      done = parameters as typeof callback;
      values = typeof sql === 'string' ? undefined : sql.values;
    }
    text = text.trim();
    try {
      const database = await this.database;
      const parameterList = Array.isArray(values) ? values : [];
      let result: { rows: unknown[]; affectedRows?: number; fields: Array<{ name: string; dataTypeID: number }> };
      if (parameterList.length > 0) result = await database.query(text, parameterList);
      else {
        // exec() accepts several statements (migrations); TypeORM wants the last statement's result.
        const results = await database.exec(text);
        result = (results[results.length - 1] as typeof result) ?? { rows: [], fields: [] };
      }
      const shaped = {
        rows: result.rows,
        rowCount: result.affectedRows ?? result.rows.length,
        command: text.split(/\s+/, 1)[0].toUpperCase(),
        fields: result.fields,
      };
      done?.(null, shaped);
      return shaped;
    } catch (error) {
      if (done) {
        done(error as Error, undefined);
        return undefined;
      }
      throw error;
    }
  }

  release(): void {
    /* leases are released through the pool's callback */
  }
}
