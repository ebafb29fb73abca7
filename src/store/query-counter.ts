import type { Logger } from 'typeorm';

/** Counts the SQL statements TypeORM runs; tests use it to prove DataLoaders batch (no N+1). */
export class QueryCounter implements Logger {
  count = 0;
  readonly statements: string[] = [];
  recording = false;

  logQuery(query: string): void {
    this.count++;
    if (this.recording) this.statements.push(query);
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
